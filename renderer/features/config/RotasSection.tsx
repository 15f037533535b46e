import type { RotaTemplate } from '../../../shared/api/contract-config.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ChangeButton, SavedNote, useEditableList } from '../../ui/editable-list.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { RotaForm } from './RotaForm.tsx';

/**
 * Settings → Rotas for a Manager: named lists of lenders a borrowing request is offered to in
 * turn; when one cannot supply, the request goes to the next. PartnersSection loads them.
 */
export function RotasSection() {
  const rotas = useDesk((state) => state.config.rotas);
  const partners = useDesk((state) => state.config.partners);
  const list = useEditableList<RotaTemplate>();

  return (
    <section aria-labelledby="rotas-heading">
      <h2 id="rotas-heading">Rotas</h2>
      {rotas?.length === 0 && <p className="empty-state">No rotas yet.</p>}
      {rotas && rotas.length > 0 && (
        <table className="results">
          <TableHead caption="Rotas" columns={['Name', 'Lenders in order']} actions="Change" />
          <tbody>
            {rotas.map((rota) => (
              <tr key={rota.id}>
                <td>{rota.name}</td>
                <td>
                  {rota.partners
                    .map((p) => (p.active ? p.name : `${p.name} (inactive)`))
                    .join(', then ')}
                </td>
                <td>
                  <ChangeButton name={rota.name} onClick={() => list.edit(rota)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SavedNote message={list.saved} />
      {partners &&
        (list.editing ? (
          <RotaForm
            key={`edit-${list.editing.id}`}
            editing={list.editing}
            partners={partners}
            onSaved={(message) => list.done(message, false)}
            onCancel={list.cancel}
          />
        ) : (
          <RotaForm
            key={list.addKey}
            editing={null}
            partners={partners}
            onSaved={(message) => list.done(message, true)}
          />
        ))}
    </section>
  );
}

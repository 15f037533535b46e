import { useState } from 'react';
import type { RotaTemplate } from '../../../shared/api/contract-config.ts';
import { useDesk } from '../../app/use-desk.ts';
import { TableHead } from '../../ui/TableHead.tsx';
import { RotaForm } from './RotaForm.tsx';

/**
 * Settings → Rotas for a Manager: named lists of lenders a borrowing request is offered to in
 * turn; when one cannot supply, the request goes to the next. PartnersSection loads them.
 */
export function RotasSection() {
  const rotas = useDesk((state) => state.config.rotas);
  const partners = useDesk((state) => state.config.partners);
  const [editing, setEditing] = useState<RotaTemplate | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [added, setAdded] = useState(0);

  function done(message: string, wasNew: boolean): void {
    setSaved(message);
    setEditing(null);
    if (wasNew) setAdded((count) => count + 1);
  }

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
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Change ${rota.name}`}
                    onClick={() => {
                      setSaved(null);
                      setEditing(rota);
                    }}
                  >
                    Change
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {saved !== null && (
        <p className="settings-saved" role="status">
          {saved}
        </p>
      )}
      {partners &&
        (editing ? (
          <RotaForm
            key={`edit-${editing.id}`}
            editing={editing}
            partners={partners}
            onSaved={(message) => done(message, false)}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <RotaForm
            key={`new-${added}`}
            editing={null}
            partners={partners}
            onSaved={(message) => done(message, true)}
          />
        ))}
    </section>
  );
}

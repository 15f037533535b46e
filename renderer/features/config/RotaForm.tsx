import { useId, useState, type FormEvent } from 'react';
import type { PartnerConfig, RotaTemplate } from '../../../shared/api/contract-config.ts';
import { useDesk } from '../../app/use-desk.ts';
import { RecordFormButtons } from '../../ui/editable-list.tsx';

/**
 * Adds a rota template or changes one: its name and its lenders in the order a request is offered
 * to them. Lenders are added from the partner list and can be moved up or taken out.
 */
export function RotaForm({
  editing,
  partners,
  onSaved,
  onCancel,
}: {
  editing: RotaTemplate | null;
  partners: readonly PartnerConfig[];
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const saveRota = useDesk((state) => state.saveRota);
  const id = useId();
  const [name, setName] = useState(editing?.name ?? '');
  const [codes, setCodes] = useState<readonly string[]>(editing?.partners.map((p) => p.code) ?? []);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameOf = (code: string) => partners.find((p) => p.code === code)?.name ?? code;

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    const result = await saveRota({
      ...(editing ? { id: editing.id } : {}),
      name,
      partners: [...codes],
    });
    setSaving(false);
    if (!result.ok) {
      setRefusal(
        `${editing ? 'The changes were' : 'The rota was'} not saved: ${result.error.message}`,
      );
      return;
    }
    onSaved(editing ? `Changes to ${result.value.name} saved.` : `${result.value.name} added.`);
  }

  function moveUp(index: number): void {
    setCodes((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item !== undefined) next.splice(index - 1, 0, item);
      return next;
    });
  }

  const heading = editing ? `Change ${editing.name}` : 'Add a rota';
  return (
    <form
      className="settings-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <h3 id={`${id}-heading`}>{heading}</h3>
      <div className="settings-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <ol aria-label="Lenders in order">
        {codes.map((code, index) => (
          <li key={code}>
            {nameOf(code)}{' '}
            {index > 0 && (
              <button
                type="button"
                className="secondary"
                aria-label={`Move ${nameOf(code)} up`}
                onClick={() => moveUp(index)}
              >
                Up
              </button>
            )}{' '}
            <button
              type="button"
              className="secondary"
              aria-label={`Take ${nameOf(code)} out`}
              onClick={() => setCodes((list) => list.filter((c) => c !== code))}
            >
              Take out
            </button>
          </li>
        ))}
      </ol>
      <div className="settings-field">
        <label htmlFor={`${id}-add`}>Add a lender</label>
        <select
          id={`${id}-add`}
          value=""
          onChange={(event) => {
            const code = event.target.value;
            if (code) setCodes((list) => [...list, code]);
          }}
        >
          <option value="">Choose a partner…</option>
          {partners
            .filter((p) => p.active && !codes.includes(p.code))
            .map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.code})
              </option>
            ))}
        </select>
      </div>
      <RecordFormButtons
        saving={saving}
        editing={editing !== null}
        addLabel="Add rota"
        onCancel={onCancel}
        refusal={refusal}
      />
    </form>
  );
}

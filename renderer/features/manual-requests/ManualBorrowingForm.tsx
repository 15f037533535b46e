import { useId, useState, type FormEvent } from 'react';
import type { RotaTemplate } from '../../../shared/api/contract-config.ts';
import { FORMATS } from '../../../shared/domain/statuses.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ManualField } from './ManualField.tsx';
import type { ManualOutcome } from './manual-requests-slice.ts';
import { FormNotice } from '../../ui/form-notice.tsx';

type Format = keyof typeof FORMATS;

const BLANK = { patron: '', partner: '', title: '', author: '', isbn: '', neededBy: '', note: '' };

/**
 * Adding a borrowing request for a patron (by patron ID or library card barcode): the lender, or
 * a rota whose first lender takes it, and Send to partner at once if staff want.
 */
export function ManualBorrowingForm() {
  const createBorrowing = useDesk((state) => state.createBorrowing);
  const listRotas = useDesk((state) => state.listRotas);
  const partners = useDesk((state) => state.partners.rows);
  const loadPartners = useDesk((state) => state.loadPartners);
  const id = useId();
  const [values, setValues] = useState(BLANK);
  const [format, setFormat] = useState<Format>('PHYSICAL');
  const [rotas, setRotas] = useState<readonly RotaTemplate[]>([]);
  const [rotaId, setRotaId] = useState('');
  const [send, setSend] = useState(true);
  const [outcome, setOutcome] = useState<ManualOutcome | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof BLANK) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const errorOf = (field: string) =>
    outcome && !outcome.ok && outcome.field === field ? outcome.message : undefined;
  const rota = rotas.find((r) => String(r.id) === rotaId);

  async function opened(): Promise<void> {
    if (partners === null) void loadPartners();
    setRotas(await listRotas());
  }

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    const optional = (field: keyof typeof BLANK) =>
      values[field].trim() === '' ? {} : { [field]: values[field] };
    // With a rota and no lender chosen, the rota's first lender takes the request.
    const partner = values.partner || rota?.partners[0]?.code || '';
    const result = await createBorrowing(
      {
        patron: values.patron,
        partner,
        title: values.title,
        format,
        ...optional('author'),
        ...optional('isbn'),
        ...optional('neededBy'),
        ...optional('note'),
      },
      { rota: rota?.partners.map((p) => p.code) ?? [], send },
    );
    setSaving(false);
    setOutcome(result);
    if (result.ok) setValues(BLANK);
  }

  return (
    <details className="manual-request" onToggle={() => void opened()}>
      <summary>Add a borrowing request for a patron</summary>
      <form
        className="settings-form"
        aria-label="Add a borrowing request"
        noValidate
        onSubmit={(e) => void save(e)}
      >
        <ManualField
          id={`${id}-patron`}
          label="Patron ID or barcode"
          value={values.patron}
          onChange={set('patron')}
          error={errorOf('patron')}
        />
        <div className="settings-field">
          <label htmlFor={`${id}-partner`}>Lender</label>
          <select
            id={`${id}-partner`}
            value={values.partner}
            onChange={(e) => set('partner')(e.target.value)}
          >
            <option value="">{rota ? "The rota's first lender" : 'Choose the lender…'}</option>
            {(partners ?? [])
              .filter((p) => p.active)
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name} ({p.code})
                </option>
              ))}
          </select>
          {errorOf('partner') && <p className="field-error">Lender: {errorOf('partner')}</p>}
        </div>
        <div className="settings-field">
          <label htmlFor={`${id}-rota`}>Rota</label>
          <select id={`${id}-rota`} value={rotaId} onChange={(e) => setRotaId(e.target.value)}>
            <option value="">No rota</option>
            {rotas.map((r) => (
              <option key={r.id} value={String(r.id)}>
                {r.name}
              </option>
            ))}
          </select>
          <p className="field-hint">
            When a lender cannot supply, the request goes to the next in the rota.
          </p>
        </div>
        <ManualField
          id={`${id}-title`}
          label="Title"
          value={values.title}
          onChange={set('title')}
          error={errorOf('title')}
        />
        <ManualField
          id={`${id}-author`}
          label="Author"
          value={values.author}
          onChange={set('author')}
        />
        <ManualField id={`${id}-isbn`} label="ISBN" value={values.isbn} onChange={set('isbn')} />
        <div className="settings-field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
          >
            {Object.entries(FORMATS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <ManualField
          id={`${id}-needed`}
          label="Needed by"
          type="date"
          value={values.neededBy}
          onChange={set('neededBy')}
          error={errorOf('neededBy')}
        />
        <ManualField id={`${id}-note`} label="Note" value={values.note} onChange={set('note')} />
        <div className="settings-field checkbox-field">
          <input
            id={`${id}-send`}
            type="checkbox"
            checked={send}
            onChange={(e) => setSend(e.target.checked)}
          />
          <label htmlFor={`${id}-send`}>Send to the lender now</label>
        </div>
        <p className="form-buttons">
          <button type="submit" disabled={saving}>
            {saving ? 'Adding…' : 'Add borrowing request'}
          </button>
        </p>
        {outcome && (
          <FormNotice
            ok={outcome.ok}
            text={outcome.ok ? outcome.message : `Not added: ${outcome.message}`}
          />
        )}
      </form>
    </details>
  );
}

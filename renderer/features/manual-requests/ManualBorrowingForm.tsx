import { useId, useState, type FormEvent } from 'react';
import type { RotaTemplate } from '../../../shared/api/contract-config.ts';
import type { Format } from '../../../shared/domain/statuses.ts';
import { useDesk } from '../../app/use-desk.ts';
import { CitationFields } from './CitationFields.tsx';
import { ManualField } from './ManualField.tsx';
import { ManualRequestFrame } from './ManualRequestFrame.tsx';
import { PartnerSelect } from './PartnerSelect.tsx';
import type { ManualOutcome } from './manual-requests-slice.ts';

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
    <ManualRequestFrame
      summary="Add a borrowing request for a patron"
      name="Add a borrowing request"
      submitLabel="Add borrowing request"
      saving={saving}
      outcome={outcome}
      onOpen={() => void opened()}
      onSubmit={save}
    >
      <ManualField
        id={`${id}-patron`}
        label="Patron ID or barcode"
        value={values.patron}
        onChange={set('patron')}
        error={errorOf('patron')}
      />
      <PartnerSelect
        id={`${id}-partner`}
        label="Lender"
        placeholder={rota ? "The rota's first lender" : 'Choose the lender…'}
        partners={partners}
        value={values.partner}
        onChange={set('partner')}
        error={errorOf('partner')}
      />
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
      <CitationFields
        id={id}
        values={values}
        set={set}
        errorOf={errorOf}
        formatLabel="Format"
        format={format}
        onFormat={setFormat}
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
    </ManualRequestFrame>
  );
}

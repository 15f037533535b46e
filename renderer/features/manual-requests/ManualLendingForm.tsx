import { useId, useState, type FormEvent } from 'react';
import { FORMATS } from '../../../shared/domain/statuses.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ManualField } from './ManualField.tsx';
import type { ManualOutcome } from './manual-requests-slice.ts';
import { FormNotice } from '../../ui/form-notice.tsx';

type Format = keyof typeof FORMATS;

const BLANK = {
  externalId: '',
  partner: '',
  title: '',
  author: '',
  isbn: '',
  neededBy: '',
  itemBarcode: '',
  requestId: '',
};

/**
 * Adding a lending request by hand (the seed's "Adding a Resource Sharing Lending Task
 * Manually"): what the partner asked for, then Locate finds the item as it does for an import.
 */
export function ManualLendingForm() {
  const createLending = useDesk((state) => state.createLending);
  const partners = useDesk((state) => state.partners.rows);
  const loadPartners = useDesk((state) => state.loadPartners);
  const id = useId();
  const [values, setValues] = useState(BLANK);
  const [format, setFormat] = useState<Format>('PHYSICAL');
  const [outcome, setOutcome] = useState<ManualOutcome | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof BLANK) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const errorOf = (field: string) =>
    outcome && !outcome.ok && outcome.field === field ? outcome.message : undefined;

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    const optional = (field: keyof typeof BLANK) =>
      values[field].trim() === '' ? {} : { [field]: values[field] };
    const result = await createLending({
      externalId: values.externalId,
      partner: values.partner,
      title: values.title,
      requestedFormat: format,
      ...optional('author'),
      ...optional('isbn'),
      ...optional('neededBy'),
      ...optional('itemBarcode'),
      ...optional('requestId'),
    });
    setSaving(false);
    setOutcome(result);
    if (result.ok) setValues(BLANK);
  }

  return (
    <details className="manual-request" onToggle={() => partners === null && void loadPartners()}>
      <summary>Add a lending request manually</summary>
      <form
        className="settings-form"
        aria-label="Add a lending request"
        noValidate
        onSubmit={(e) => void save(e)}
      >
        <div className="settings-field">
          <label htmlFor={`${id}-partner`}>Partner</label>
          <select
            id={`${id}-partner`}
            value={values.partner}
            onChange={(e) => set('partner')(e.target.value)}
          >
            <option value="">Choose the borrowing partner…</option>
            {(partners ?? [])
              .filter((p) => p.active)
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name} ({p.code})
                </option>
              ))}
          </select>
          {errorOf('partner') && <p className="field-error">Partner: {errorOf('partner')}</p>}
        </div>
        <ManualField
          id={`${id}-external`}
          label="External Identifier"
          value={values.externalId}
          onChange={set('externalId')}
          error={errorOf('externalId')}
          hint="The partner's reference for the request."
        />
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
          <label htmlFor={`${id}-format`}>Requested format</label>
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
        <ManualField
          id={`${id}-item`}
          label="Item barcode"
          value={values.itemBarcode}
          onChange={set('itemBarcode')}
          error={errorOf('itemBarcode')}
          hint="Optional: leave empty for the desk to locate the item by ISBN, title and author."
        />
        <ManualField
          id={`${id}-request`}
          label="Request ID"
          value={values.requestId}
          onChange={set('requestId')}
          error={errorOf('requestId')}
          hint="Optional: leave empty for the desk to make one."
        />
        <p className="form-buttons">
          <button type="submit" disabled={saving}>
            {saving ? 'Adding…' : 'Add lending request'}
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

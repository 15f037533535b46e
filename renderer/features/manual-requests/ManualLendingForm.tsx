import { useId, useState, type FormEvent } from 'react';
import type { Format } from '../../../shared/domain/statuses.ts';
import { useDesk } from '../../app/use-desk.ts';
import { CitationFields } from './CitationFields.tsx';
import { ManualField } from './ManualField.tsx';
import { ManualRequestFrame } from './ManualRequestFrame.tsx';
import { PartnerSelect } from './PartnerSelect.tsx';
import type { ManualOutcome } from './manual-requests-slice.ts';

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
    <ManualRequestFrame
      summary="Add a lending request manually"
      name="Add a lending request"
      submitLabel="Add lending request"
      saving={saving}
      outcome={outcome}
      onOpen={() => partners === null && void loadPartners()}
      onSubmit={save}
    >
      <PartnerSelect
        id={`${id}-partner`}
        label="Partner"
        placeholder="Choose the borrowing partner…"
        partners={partners}
        value={values.partner}
        onChange={set('partner')}
        error={errorOf('partner')}
      />
      <ManualField
        id={`${id}-external`}
        label="External Identifier"
        value={values.externalId}
        onChange={set('externalId')}
        error={errorOf('externalId')}
        hint="The partner's reference for the request."
      />
      <CitationFields
        id={id}
        values={values}
        set={set}
        errorOf={errorOf}
        formatLabel="Requested format"
        format={format}
        onFormat={setFormat}
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
    </ManualRequestFrame>
  );
}

import { FormField } from './ActionDialogFrame.tsx';
import type { ActionError, PartnerNotes } from './lending-action-forms.ts';

/** A note of a line or two, with the desk's refusal beside it. */
export function NoteField({
  label = 'Note (optional)',
  value,
  error,
  onChange,
}: {
  label?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <FormField label={label} error={error}>
      {(control) => (
        <textarea
          {...control}
          rows={2}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

/**
 * The two notes of a reply the partner hears (Reject, Renew), side by side: the internal note kept
 * with the request's history, and the note to the partner sent with the message.
 */
export function PartnerNotesFields({
  notes,
  fields,
  onChange,
}: {
  notes: PartnerNotes;
  fields: ActionError['fields'];
  onChange: (changed: Partial<PartnerNotes>) => void;
}) {
  return (
    <div className="dialog-row dialog-notes">
      <NoteField
        label="Internal note (optional)"
        value={notes.internalNote}
        error={fields.internalNote}
        onChange={(internalNote) => onChange({ internalNote })}
      />
      <NoteField
        label="Note to partner (optional)"
        value={notes.noteToPartner}
        error={fields.noteToPartner}
        onChange={(noteToPartner) => onChange({ noteToPartner })}
      />
    </div>
  );
}

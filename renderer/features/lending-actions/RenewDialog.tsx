import { useRef, useState } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { renewInput, type RenewForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';
import { PartnerNotesFields } from './NoteFields.tsx';

/** Renew (the seed's Due Date dialog): the new due date, an internal note and a note to the partner. */
export function RenewDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingForm);
  const [form, setForm] = useState<RenewForm>({
    dueDate: '',
    internalNote: '',
    noteToPartner: '',
  });
  const dueField = useRef<HTMLInputElement>(null);
  const fields = dialog.error?.fields ?? {};
  const { requestId, dueDate } = dialog.target;

  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Renew ${requestId}`}
      lead={
        dueDate ? (
          <>
            Due now: <DateText value={dueDate} />. Enter the new due date; the partner is told.
          </>
        ) : (
          'Enter the new due date; the partner is told.'
        )
      }
      submitLabel="Renew"
      savingLabel="Renewing…"
      initialFocus={dueField}
      onSubmit={() => void submit('lending.renew', renewInput(requestId, form))}
    >
      <FormField label="New due date" error={fields.dueDate}>
        {(control) => (
          <input
            {...control}
            ref={dueField}
            type="date"
            required
            value={form.dueDate}
            onChange={(event) => setForm((f) => ({ ...f, dueDate: event.target.value }))}
          />
        )}
      </FormField>
      <PartnerNotesFields
        notes={form}
        fields={fields}
        onChange={(notes) => setForm((f) => ({ ...f, ...notes }))}
      />
    </ActionDialogFrame>
  );
}

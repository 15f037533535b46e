import { useRef, useState } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { renewInput, type RenewForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';

/** Renew (the seed's Due Date dialog): the new due date, an internal note and a note to the partner. */
export function RenewDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingAction);
  const refuse = useDesk((state) => state.refuseLendingAction);
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
      onSubmit={() => {
        const checked = renewInput(requestId, form);
        if (checked.ok) void submit('lending.renew', checked.input);
        else refuse(checked.error);
      }}
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
      <div className="dialog-row dialog-notes">
        <FormField label="Internal note (optional)" error={fields.internalNote}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={form.internalNote}
              onChange={(event) => setForm((f) => ({ ...f, internalNote: event.target.value }))}
            />
          )}
        </FormField>
        <FormField label="Note to partner (optional)" error={fields.noteToPartner}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={form.noteToPartner}
              onChange={(event) => setForm((f) => ({ ...f, noteToPartner: event.target.value }))}
            />
          )}
        </FormField>
      </div>
    </ActionDialogFrame>
  );
}

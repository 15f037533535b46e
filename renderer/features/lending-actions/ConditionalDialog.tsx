import { useRef, useState } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { conditionalInput, type ConditionalForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';
import { NoteField } from './NoteFields.tsx';

/**
 * Conditional (seed): a mandatory reason, the date for reply — the last day the lender waits for
 * the borrower's answer — and a note. The borrower is told; Yes returns the request to Created,
 * No rejects it.
 */
export function ConditionalDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingForm);
  const [form, setForm] = useState<ConditionalForm>({ reason: '', replyBy: '', note: '' });
  const reasonField = useRef<HTMLInputElement>(null);
  const fields = dialog.error?.fields ?? {};
  const { requestId } = dialog.target;

  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Conditional: ${requestId}`}
      lead="Say on what condition you would supply it; the borrowing library is asked to accept it."
      submitLabel="Send"
      savingLabel="Sending…"
      initialFocus={reasonField}
      onSubmit={() => void submit('lending.conditional', conditionalInput(requestId, form))}
    >
      <FormField label="Reason" error={fields.reason}>
        {(control) => (
          <input
            {...control}
            ref={reasonField}
            type="text"
            required
            autoComplete="off"
            value={form.reason}
            onChange={(event) => setForm((f) => ({ ...f, reason: event.target.value }))}
          />
        )}
      </FormField>
      <FormField
        label="Date for reply (optional)"
        error={fields.replyBy}
        hint="The last day you will wait for the borrower's answer."
      >
        {(control) => (
          <input
            {...control}
            type="date"
            value={form.replyBy}
            onChange={(event) => setForm((f) => ({ ...f, replyBy: event.target.value }))}
          />
        )}
      </FormField>
      <NoteField
        value={form.note}
        error={fields.note}
        onChange={(note) => setForm((f) => ({ ...f, note }))}
      />
    </ActionDialogFrame>
  );
}

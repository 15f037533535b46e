import { useRef, useState } from 'react';
import { REJECT_REASONS } from '../../../shared/domain/lending-tasks.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { rejectInput, type RejectForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';

/**
 * Reject (the seed's Reject Request dialog): a reason, an internal note kept with the request's
 * history, and a note to the partner, who is told (ISO Unfilled or the Lender Reject letter).
 */
export function RejectDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingAction);
  const refuse = useDesk((state) => state.refuseLendingAction);
  const [form, setForm] = useState<RejectForm>({ reason: '', internalNote: '', noteToPartner: '' });
  const reasonField = useRef<HTMLSelectElement>(null);
  const fields = dialog.error?.fields ?? {};
  const { requestId } = dialog.target;

  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Reject request ${requestId}`}
      lead="The request becomes Rejected the borrower request and the partner is told why."
      submitLabel="Reject"
      savingLabel="Rejecting…"
      initialFocus={reasonField}
      onSubmit={() => {
        const checked = rejectInput(requestId, form);
        if (checked.ok) void submit('lending.reject', checked.input);
        else refuse(checked.error);
      }}
    >
      <FormField label="Reject reason" error={fields.reason}>
        {(control) => (
          <select
            {...control}
            ref={reasonField}
            required
            value={form.reason}
            onChange={(event) => setForm((f) => ({ ...f, reason: event.target.value }))}
          >
            <option value="">Choose a reason</option>
            {Object.entries(REJECT_REASONS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
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

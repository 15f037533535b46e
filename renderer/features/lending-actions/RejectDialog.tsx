import { useRef, useState } from 'react';
import { REJECT_REASONS } from '../../../shared/domain/lending-tasks.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { rejectInput, type RejectForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';
import { PartnerNotesFields } from './NoteFields.tsx';

/**
 * Reject (the seed's Reject Request dialog): a reason, an internal note kept with the request's
 * history, and a note to the partner, who is told (ISO Unfilled or the Lender Reject letter).
 */
export function RejectDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingForm);
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
      onSubmit={() => void submit('lending.reject', rejectInput(requestId, form))}
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
      <PartnerNotesFields
        notes={form}
        fields={fields}
        onChange={(notes) => setForm((f) => ({ ...f, ...notes }))}
      />
    </ActionDialogFrame>
  );
}

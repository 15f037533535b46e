import { useState } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import type { LendingActionDialog } from './lending-actions-slice.ts';

/**
 * Remove (Manager, seed: "Select Confirm in the Confirmation Message dialog box"): a closed
 * request leaves the task list and the scan screens; its history stays.
 */
export function RemoveDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingAction);
  const { requestId } = dialog.target;
  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Remove ${requestId}?`}
      lead="It leaves the task list and the scan screens. Its history is kept."
      submitLabel="Confirm"
      savingLabel="Removing…"
      onSubmit={() => void submit('lending.remove', { selection: { requestIds: [requestId] } })}
    />
  );
}

/** Reactivate Request (Manager): a closed request returns to the status it had before it closed. */
export function ReactivateDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingAction);
  const [note, setNote] = useState('');
  const fields = dialog.error?.fields ?? {};
  const { requestId } = dialog.target;
  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Reactivate ${requestId}?`}
      lead="It returns to the status it had before it closed, and is back on the task list."
      submitLabel="Confirm"
      savingLabel="Reactivating…"
      onSubmit={() => {
        const text = note.trim();
        void submit('lending.reactivate', { requestId, ...(text ? { note: text } : {}) });
      }}
    >
      <FormField label="Note (optional)" error={fields.note}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </FormField>
    </ActionDialogFrame>
  );
}

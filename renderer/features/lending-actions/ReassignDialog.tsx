import { useRef, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/api/contract-operators.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { reassignInput, type ReassignForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';

/** Reassign (the seed's Assign To dialog): an operator from the desk's roster, and a note. */
export function ReassignDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingAction);
  const refuse = useDesk((state) => state.refuseLendingAction);
  const [form, setForm] = useState<ReassignForm>({ operatorId: '', note: '' });
  const operatorField = useRef<HTMLSelectElement>(null);
  const { target, operators } = dialog;
  const fields = dialog.error?.fields ?? {};
  const nobody = operators !== null && operators.length === 0;

  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Reassign ${target.requestId}`}
      lead={
        nobody
          ? 'There is nobody to assign it to yet: a manager adds operators in Settings → Operators.'
          : 'Choose who takes the task; it moves to their Assigned to Me tab.'
      }
      submitLabel="Assign To"
      savingLabel="Assigning…"
      initialFocus={operatorField}
      ready={operators !== null && !nobody}
      onSubmit={() => {
        const checked = reassignInput(target.requestId, form);
        if (checked.ok) void submit('lending.assign', checked.input);
        else refuse(checked.error);
      }}
    >
      <FormField label="Assign to" error={fields.assignee}>
        {(control) => (
          <select
            {...control}
            ref={operatorField}
            value={form.operatorId}
            onChange={(event) => setForm((f) => ({ ...f, operatorId: event.target.value }))}
          >
            <option value="">Choose an operator</option>
            {(operators ?? []).map((operator) => (
              <option key={operator.id} value={String(operator.id)}>
                {operator.name} ({ROLE_LABELS[operator.role]})
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Note (optional)" error={fields.note}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={form.note}
            onChange={(event) => setForm((f) => ({ ...f, note: event.target.value }))}
          />
        )}
      </FormField>
    </ActionDialogFrame>
  );
}

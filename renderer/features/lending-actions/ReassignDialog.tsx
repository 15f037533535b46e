import { useRef, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/api/contract-operators.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { reassignInput, type ReassignForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';
import { NoteField } from './NoteFields.tsx';

/** Reassign (the seed's Assign To dialog): an operator from the desk's roster, and a note. */
export function ReassignDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingForm);
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
      onSubmit={() => void submit('lending.assign', reassignInput(target.requestId, form))}
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
      <NoteField
        value={form.note}
        error={fields.note}
        onChange={(note) => setForm((f) => ({ ...f, note }))}
      />
    </ActionDialogFrame>
  );
}

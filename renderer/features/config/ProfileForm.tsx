import { useState, type FormEvent } from 'react';
import { PROFILE_TYPES, type WorkflowProfileRow } from '../../../shared/api/contract-config.ts';
import {
  stepCodes,
  stepLabel,
  type ProfileType,
} from '../../../shared/domain/workflow-profiles.ts';
import { useDesk } from '../../app/use-desk.ts';
import { RecordFormButtons } from '../../ui/editable-list.tsx';

const TYPE_LABELS: Record<ProfileType, string> = { BORROWING: 'Borrowing', LENDING: 'Lending' };

/** Adds a workflow profile or changes one: its name, its type and which optional steps it has. */
export function ProfileForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: WorkflowProfileRow | null;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const saveProfile = useDesk((state) => state.saveProfile);
  const [name, setName] = useState(editing?.name ?? '');
  const [type, setType] = useState<ProfileType>(editing?.type ?? 'LENDING');
  const [steps, setSteps] = useState<readonly string[]>(editing?.steps ?? []);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const prefix = editing ? `profile-${editing.id}` : 'profile-new';

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    const result = await saveProfile({
      ...(editing ? { id: editing.id } : {}),
      name,
      type,
      steps: steps.filter((step) => stepCodes(type).includes(step)),
    });
    setSaving(false);
    if (!result.ok) {
      setRefusal(
        `${editing ? 'The changes were' : 'The profile was'} not saved: ${result.error.message}`,
      );
      return;
    }
    onSaved(editing ? `Changes to ${result.value.name} saved.` : `${result.value.name} added.`);
  }

  function toggle(step: string, on: boolean): void {
    setSteps((current) => (on ? [...current, step] : current.filter((s) => s !== step)));
  }

  return (
    <form
      className="settings-form"
      aria-labelledby={`${prefix}-heading`}
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <h3 id={`${prefix}-heading`}>
        {editing ? `Change ${editing.name}` : 'Add a workflow profile'}
      </h3>
      <div className="settings-field">
        <label htmlFor={`${prefix}-name`}>Name</label>
        <input
          id={`${prefix}-name`}
          autoComplete="off"
          value={name}
          disabled={editing?.builtin ?? false}
          onChange={(event) => setName(event.target.value)}
        />
        {editing?.builtin && (
          <p className="field-hint">A built-in profile keeps its name; its steps may change.</p>
        )}
      </div>
      <div className="settings-field">
        <label htmlFor={`${prefix}-type`}>Type</label>
        <select
          id={`${prefix}-type`}
          value={type}
          disabled={editing !== null}
          onChange={(event) => setType(event.target.value as ProfileType)}
        >
          {PROFILE_TYPES.map((value) => (
            <option key={value} value={value}>
              {TYPE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="settings-fieldset">
        <legend>Optional steps</legend>
        {stepCodes(type).map((step) => (
          <div className="settings-field checkbox-field" key={step}>
            <input
              id={`${prefix}-step-${step}`}
              type="checkbox"
              checked={steps.includes(step)}
              onChange={(event) => toggle(step, event.target.checked)}
            />
            <label htmlFor={`${prefix}-step-${step}`}>{stepLabel(type, step)}</label>
          </div>
        ))}
      </fieldset>
      <RecordFormButtons
        saving={saving}
        editing={editing !== null}
        addLabel="Add profile"
        onCancel={onCancel}
        refusal={refusal}
      />
    </form>
  );
}

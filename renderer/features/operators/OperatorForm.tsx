import { useState, type FormEvent } from 'react';
import {
  OPERATOR_ROLES,
  ROLE_LABELS,
  type Operator,
  type OperatorRole,
} from '../../../shared/api/contract-operators.ts';
import type { Input } from '../../../shared/api/contract.ts';
import type { FieldIssue } from '../../../shared/api/result.ts';
import { useDesk } from '../../app/use-desk.ts';
import { RecordFormButtons } from '../../ui/editable-list.tsx';
import { TextField } from '../../ui/text-field.tsx';

type FieldName = 'name' | 'role' | 'pin' | 'active';
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELDS: readonly FieldName[] = ['name', 'role', 'pin', 'active'];

function fieldErrorsOf(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = FIELDS.find((name) => name === issue.path);
    if (field) errors[field] ??= issue.message;
  }
  return errors;
}

/** What the PIN fields ask for: a new PIN, none any more, or (left empty) no change. */
function pinChange(pin: string, removePin: boolean): Pick<Input<'operators.save'>, 'pin'> {
  if (removePin) return { pin: null };
  return pin === '' ? {} : { pin };
}

/**
 * Adds an operator or changes one. The desk checks everything (a free name, a PIN of 4 to 8
 * digits, a manager left); what it refuses is shown beside the field it is about.
 */
export function OperatorForm({
  editing,
  firstOperator,
  onSaved,
  onCancel,
}: {
  editing: Operator | null;
  /** Setup mode: this operator will be the first, so a Manager. */
  firstOperator: boolean;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const saveOperator = useDesk((state) => state.saveOperator);
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState<OperatorRole>(
    editing?.role ?? (firstOperator ? 'MANAGER' : 'OPERATOR'),
  );
  const [pin, setPin] = useState('');
  const [removePin, setRemovePin] = useState(false);
  const [active, setActive] = useState(editing?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const prefix = editing ? `operator-${editing.id}` : 'operator-new';
  const heading = editing ? `Change ${editing.name}` : 'Add an operator';

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    const result = await saveOperator({
      ...(editing ? { id: editing.id } : {}),
      name,
      role,
      active,
      ...pinChange(pin, removePin),
    });
    setSaving(false);
    if (!result.ok) {
      setErrors(fieldErrorsOf(result.error.issues ?? []));
      setRefusal(
        `${editing ? 'The changes were' : 'The operator was'} not saved: ${result.error.message}`,
      );
      return;
    }
    const saved = result.value.operator.name;
    const signedInAs = result.value.session.operator;
    onSaved(
      firstOperator && signedInAs
        ? `${saved} added. Setup mode is over: this window is signed in as ${signedInAs.name}.`
        : editing
          ? `Changes to ${saved} saved.`
          : `${saved} added.`,
    );
  }

  /** A field's id, hint and error wiring. */
  function described(field: FieldName, hasHint = false) {
    const error = errors[field];
    const ids = [
      hasHint ? `${prefix}-${field}-hint` : null,
      error ? `${prefix}-${field}-error` : null,
    ]
      .filter((id) => id !== null)
      .join(' ');
    return {
      id: `${prefix}-${field}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': ids === '' ? undefined : ids,
    };
  }

  function errorOf(field: FieldName, label: string) {
    const error = errors[field];
    return error ? (
      <p id={`${prefix}-${field}-error`} className="field-error">
        {label}: {error}
      </p>
    ) : null;
  }

  const pinHint = editing?.hasPin
    ? 'Leave empty to keep the current PIN. 4 to 8 digits.'
    : 'Optional: 4 to 8 digits, asked for when they sign in.';

  return (
    <form
      className="settings-form"
      aria-labelledby={`${prefix}-heading`}
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <h3 id={`${prefix}-heading`}>{heading}</h3>
      <TextField
        id={`${prefix}-name`}
        label="Name"
        value={name}
        onChange={setName}
        error={errors.name}
      />
      <div className="settings-field">
        <label htmlFor={`${prefix}-role`}>Role</label>
        <select
          {...described('role', firstOperator)}
          value={role}
          onChange={(event) => setRole(event.target.value as OperatorRole)}
        >
          {OPERATOR_ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
        {firstOperator && (
          <p id={`${prefix}-role-hint`} className="field-hint">
            The first operator must be a {ROLE_LABELS.MANAGER}.
          </p>
        )}
        {errorOf('role', 'Role')}
      </div>
      <div className="settings-field">
        <label htmlFor={`${prefix}-pin`}>{editing?.hasPin ? 'New PIN' : 'PIN'}</label>
        <input
          {...described('pin', true)}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          disabled={removePin}
          onChange={(event) => setPin(event.target.value)}
        />
        <p id={`${prefix}-pin-hint`} className="field-hint">
          {pinHint}
        </p>
        {errorOf('pin', 'PIN')}
      </div>
      {editing?.hasPin && (
        <div className="settings-field checkbox-field">
          <input
            id={`${prefix}-remove-pin`}
            type="checkbox"
            checked={removePin}
            onChange={(event) => setRemovePin(event.target.checked)}
          />
          <label htmlFor={`${prefix}-remove-pin`}>Remove the PIN</label>
        </div>
      )}
      {editing && (
        <div className="settings-field checkbox-field">
          <input
            {...described('active')}
            type="checkbox"
            checked={active}
            onChange={(event) => setActive(event.target.checked)}
          />
          <label htmlFor={`${prefix}-active`}>Active (may sign in)</label>
          {errorOf('active', 'Active')}
        </div>
      )}
      <RecordFormButtons
        saving={saving}
        editing={editing !== null}
        addLabel="Add operator"
        onCancel={onCancel}
        refusal={refusal}
      />
    </form>
  );
}

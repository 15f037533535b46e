import { useState, type FormEvent, type ReactNode } from 'react';
import type {
  PartnerConfig,
  PartnerInput,
  WorkflowProfileRow,
} from '../../../shared/api/contract-config.ts';
import { useDesk } from '../../app/use-desk.ts';
import { PartnerAddressFields } from './PartnerAddressFields.tsx';
import { days, errorsOf, text, valuesOf, type Values } from './partner-form-values.ts';
import { RecordFormButtons } from '../../ui/editable-list.tsx';

/**
 * Adds a partner or changes one: how the desk reaches it (ISO 18626 or email), its shipping
 * address, the workflow profiles it follows and its loan terms. The desk checks everything; what
 * it refuses is shown beside the field it is about.
 */
export function PartnerForm({
  editing,
  initial,
  profiles,
  onSaved,
  onCancel,
}: {
  editing: PartnerConfig | null;
  /** Values to start from: a directory entry being copied. */
  initial: PartnerInput | null;
  profiles: readonly WorkflowProfileRow[];
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const savePartner = useDesk((state) => state.savePartner);
  const [values, setValues] = useState<Values>(() => valuesOf(editing ?? initial));
  const [securityCode, setSecurityCode] = useState(initial?.securityCode ?? '');
  const [removeCode, setRemoveCode] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const change = (part: Partial<Values>) => setValues((v) => ({ ...v, ...part }));

  const prefix = editing ? `partner-${editing.code}` : 'partner-new';
  const heading = editing ? `Change ${editing.name}` : 'Add a partner';

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    const codeChange = removeCode
      ? { securityCode: null }
      : securityCode === ''
        ? {}
        : { securityCode };
    const result = await savePartner({
      ...values,
      ...(editing ? { editing: editing.code } : {}),
      ...codeChange,
    });
    setSaving(false);
    if (!result.ok) {
      setErrors(errorsOf(result.error.issues ?? []));
      setRefusal(
        `${editing ? 'The changes were' : 'The partner was'} not saved: ${result.error.message}`,
      );
      return;
    }
    onSaved(editing ? `Changes to ${result.value.name} saved.` : `${result.value.name} added.`);
  }

  function field(name: string, label: string, input: ReactNode, hint?: string) {
    const error = errors[name];
    return (
      <div className="settings-field">
        <label htmlFor={`${prefix}-${name}`}>{label}</label>
        {input}
        {hint !== undefined && <p className="field-hint">{hint}</p>}
        {error !== undefined && (
          <p id={`${prefix}-${name}-error`} className="field-error">
            {label}: {error}
          </p>
        )}
      </div>
    );
  }

  function textInput(
    name: 'code' | 'name' | 'symbol' | 'endpoint' | 'email' | 'accountId',
    disabled = false,
  ) {
    return (
      <input
        id={`${prefix}-${name}`}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${prefix}-${name}-error` : undefined}
        value={values[name] ?? ''}
        onChange={(event) => {
          const typed = event.target.value;
          change(name === 'code' || name === 'name' ? { [name]: typed } : { [name]: text(typed) });
        }}
      />
    );
  }

  function dayInput(name: 'expiryDays' | 'loanPeriodDays') {
    return (
      <input
        id={`${prefix}-${name}`}
        type="number"
        min={0}
        inputMode="numeric"
        aria-invalid={errors[name] ? true : undefined}
        value={values[name] ?? ''}
        onChange={(event) => change({ [name]: days(event.target.value) })}
      />
    );
  }

  function profileSelect(name: 'lendingWorkflow' | 'borrowingWorkflow', type: string) {
    return (
      <select
        id={`${prefix}-${name}`}
        value={values[name] ?? ''}
        onChange={(event) => change({ [name]: text(event.target.value) })}
      >
        <option value="">The seed profile</option>
        {profiles
          .filter((profile) => profile.type === type)
          .map((profile) => (
            <option key={profile.id} value={profile.name}>
              {profile.name}
            </option>
          ))}
      </select>
    );
  }

  return (
    <form
      className="settings-form"
      aria-labelledby={`${prefix}-heading`}
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <h3 id={`${prefix}-heading`}>{heading}</h3>
      {field(
        'code',
        'Code',
        textInput('code', editing !== null),
        editing ? 'Requests and import files refer to the code, so it stays.' : undefined,
      )}
      {field('name', 'Name', textInput('name'))}
      {field('symbol', 'Symbol', textInput('symbol'))}
      {field(
        'protocol',
        'Protocol',
        <select
          id={`${prefix}-protocol`}
          value={values.protocol}
          onChange={(event) => change({ protocol: event.target.value as Values['protocol'] })}
        >
          <option value="iso18626">ISO 18626</option>
          <option value="email">Email</option>
        </select>,
      )}
      {values.protocol === 'iso18626' && (
        <>
          {field(
            'endpoint',
            'Endpoint',
            textInput('endpoint'),
            'Such as https://ill.example.edu/iso18626',
          )}
          {field(
            'isoVersion',
            'ISO 18626 version',
            <select
              id={`${prefix}-isoVersion`}
              value={values.isoVersion}
              onChange={(event) =>
                change({ isoVersion: event.target.value as Values['isoVersion'] })
              }
            >
              <option value="1.2">1.2</option>
              <option value="2021">2021</option>
            </select>,
          )}
          {field('accountId', 'Account ID', textInput('accountId'))}
          {field(
            'securityCode',
            editing?.securityCodeSet ? 'New security code' : 'Security code',
            <input
              id={`${prefix}-securityCode`}
              type="password"
              autoComplete="off"
              disabled={removeCode}
              value={securityCode}
              onChange={(event) => setSecurityCode(event.target.value)}
            />,
            editing?.securityCodeSet
              ? 'A security code is set: leave this empty to keep it.'
              : 'Optional: the code the partner gave you for its ISO 18626 messages.',
          )}
          {editing?.securityCodeSet && (
            <div className="settings-field checkbox-field">
              <input
                id={`${prefix}-remove-code`}
                type="checkbox"
                checked={removeCode}
                onChange={(event) => setRemoveCode(event.target.checked)}
              />
              <label htmlFor={`${prefix}-remove-code`}>Remove the security code</label>
            </div>
          )}
        </>
      )}
      {field(
        'email',
        'Email',
        textInput('email'),
        values.protocol === 'email' ? 'Where its letters go, such as ill@library.edu' : 'Optional',
      )}
      <PartnerAddressFields
        prefix={prefix}
        address={values.address}
        onChange={(address) => change({ address })}
      />
      {field(
        'lendingWorkflow',
        'Lending workflow profile',
        profileSelect('lendingWorkflow', 'LENDING'),
      )}
      {field(
        'borrowingWorkflow',
        'Borrowing workflow profile',
        profileSelect('borrowingWorkflow', 'BORROWING'),
      )}
      {field('expiryDays', 'Expiry (days)', dayInput('expiryDays'))}
      {field('loanPeriodDays', 'Loan period (days)', dayInput('loanPeriodDays'))}
      {editing && (
        <div className="settings-field checkbox-field">
          <input
            id={`${prefix}-active`}
            type="checkbox"
            checked={values.active}
            onChange={(event) => change({ active: event.target.checked })}
          />
          <label htmlFor={`${prefix}-active`}>Active (new requests may go to this partner)</label>
        </div>
      )}
      <RecordFormButtons
        saving={saving}
        editing={editing !== null}
        addLabel="Add partner"
        onCancel={onCancel}
        refusal={refusal}
      />
    </form>
  );
}

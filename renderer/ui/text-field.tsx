/**
 * One labelled text input of a settings-style form, with its hint and the desk's refusal (led by
 * the label) tied to it through `aria-describedby`, so a screen reader reads them with the field.
 * `type` is left off unless given: an explicit `type="text"` also takes the desk's text-box style.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'date';
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described === '' ? undefined : described}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {label}: {error}
        </p>
      )}
    </div>
  );
}

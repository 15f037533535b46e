import type { PartnerSummary } from '../../../shared/api/contract.ts';

/**
 * The manual request forms' choice of partner: only active partners are offered, and the desk's
 * refusal about it is shown beneath, led by the field's label.
 */
export function PartnerSelect({
  id,
  label,
  placeholder,
  partners,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  placeholder: string;
  partners: readonly PartnerSummary[] | null;
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) {
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {(partners ?? [])
          .filter((p) => p.active)
          .map((p) => (
            <option key={p.code} value={p.code}>
              {p.name} ({p.code})
            </option>
          ))}
      </select>
      {error && (
        <p className="field-error">
          {label}: {error}
        </p>
      )}
    </div>
  );
}

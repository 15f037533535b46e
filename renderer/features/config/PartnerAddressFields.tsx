import type { PartnerConfig } from '../../../shared/api/contract-config.ts';

type Address = PartnerConfig['address'];

const LINES: readonly (readonly [keyof Address, string])[] = [
  ['line1', 'Address line 1'],
  ['line2', 'Address line 2'],
  ['locality', 'City'],
  ['region', 'State or region'],
  ['postalCode', 'Postal code'],
  ['country', 'Country'],
];

/** The partner's shipping address: what the Shipping and Return slips print under its name. */
export function PartnerAddressFields({
  prefix,
  address,
  onChange,
}: {
  prefix: string;
  address: Address;
  onChange: (address: Address) => void;
}) {
  return (
    <fieldset className="settings-fieldset">
      <legend>Shipping address</legend>
      {LINES.map(([key, label]) => (
        <div className="settings-field" key={key}>
          <label htmlFor={`${prefix}-address-${key}`}>{label}</label>
          <input
            id={`${prefix}-address-${key}`}
            autoComplete="off"
            value={address[key] ?? ''}
            onChange={(event) =>
              onChange({ ...address, [key]: event.target.value === '' ? null : event.target.value })
            }
          />
        </div>
      ))}
    </fieldset>
  );
}

import type { PartnerConfig, PartnerInput } from '../../../shared/api/contract-config.ts';
import type { FieldIssue } from '../../../shared/api/result.ts';

/** The partner form's values: where they start from, and how typed text becomes them. */

/** What the partner form holds: every field of a save but the code it edits and the secret. */
export type Values = Required<Omit<PartnerInput, 'editing' | 'securityCode' | 'address'>> & {
  readonly address: PartnerConfig['address'];
};

const BLANK: Values = {
  code: '',
  name: '',
  symbol: null,
  protocol: 'iso18626',
  endpoint: null,
  email: null,
  isoVersion: '1.2',
  accountId: null,
  address: {
    line1: null,
    line2: null,
    locality: null,
    region: null,
    postalCode: null,
    country: null,
  },
  lendingWorkflow: null,
  borrowingWorkflow: null,
  expiryDays: null,
  loanPeriodDays: null,
  active: true,
};

/** The form's starting values: the partner being changed, a directory entry, or blank. */
export function valuesOf(from: PartnerConfig | PartnerInput | null): Values {
  if (!from) return BLANK;
  return {
    ...BLANK,
    code: from.code,
    name: from.name,
    symbol: from.symbol ?? null,
    protocol: from.protocol,
    endpoint: from.endpoint ?? null,
    email: from.email ?? null,
    isoVersion: from.isoVersion ?? '1.2',
    accountId: from.accountId ?? null,
    address: {
      line1: from.address?.line1 ?? null,
      line2: from.address?.line2 ?? null,
      locality: from.address?.locality ?? null,
      region: from.address?.region ?? null,
      postalCode: from.address?.postalCode ?? null,
      country: from.address?.country ?? null,
    },
    lendingWorkflow: from.lendingWorkflow ?? null,
    borrowingWorkflow: from.borrowingWorkflow ?? null,
    expiryDays: from.expiryDays ?? null,
    loanPeriodDays: from.loanPeriodDays ?? null,
    active: from.active ?? true,
  };
}

/** The desk's refusals by the field they are about (the first for each). */
export function errorsOf(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.split('.')[0] ?? issue.path] ??= issue.message;
  return errors;
}

/** A typed text field: blank is "none". */
export const text = (value: string): string | null => (value.trim() === '' ? null : value);
/** A typed number of days: blank is "none". */
export const days = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/**
 * Workflow profiles decide which optional steps apply to a partner (WRLC seed, "Workflow
 * profiles"). A profile is a named set of step codes of one type.
 */

export const BORROWING_STEPS = {
  AUTOMATIC_RENEW: 'Automatic renew',
  CANCELLED_BY_PATRON: 'Cancelled by patron',
  CANCELLED_BY_PARTNER: 'Cancelled by partner',
  CANCELLED_BY_STAFF: 'Cancelled by staff',
  CONDITIONAL: 'Conditional',
  LENDER_CHECK_IN: 'Lender check in',
  MANUAL_RENEW: 'Manual renew',
  REJECT: 'Reject',
  RENEW_REQUESTED: 'Renew requested',
  REQUEST_ACCEPTED: 'Request accepted',
  WILL_SUPPLY: 'Will supply',
} as const;

export const LENDING_STEPS = {
  BORROWER_RECALL: 'Borrower recall',
  CANCEL_REPLY: 'Cancel reply',
  CONDITIONAL: 'Conditional',
  LENDER_CHECK_IN: 'Lender check in',
  PATRON_RENEWAL: 'Patron renewal',
  STAFF_RENEWAL: 'Staff renewal',
  CHECKED_IN_MESSAGE: 'Checked In Message',
  WILL_SUPPLY: 'Will Supply',
} as const;

export type BorrowingStep = keyof typeof BORROWING_STEPS;
export type LendingStep = keyof typeof LENDING_STEPS;
export type ProfileType = 'BORROWING' | 'LENDING';

export interface WorkflowProfile {
  readonly name: string;
  readonly type: ProfileType;
  readonly steps: readonly string[];
}

export const DEFAULT_BORROWING_PROFILE: WorkflowProfile = {
  name: 'Peer to Peer Borrowing',
  type: 'BORROWING',
  steps: [
    'AUTOMATIC_RENEW',
    'CANCELLED_BY_PATRON',
    'CANCELLED_BY_PARTNER',
    'CANCELLED_BY_STAFF',
    'CONDITIONAL',
    'LENDER_CHECK_IN',
    'MANUAL_RENEW',
    'REJECT',
    'RENEW_REQUESTED',
    'REQUEST_ACCEPTED',
    'WILL_SUPPLY',
  ] satisfies BorrowingStep[],
};

/** The seed's lending profile: Checked In Message and Will Supply are not in it. */
export const DEFAULT_LENDING_PROFILE: WorkflowProfile = {
  name: 'Peer to Peer Lending',
  type: 'LENDING',
  steps: [
    'BORROWER_RECALL',
    'CANCEL_REPLY',
    'CONDITIONAL',
    'LENDER_CHECK_IN',
    'PATRON_RENEWAL',
    'STAFF_RENEWAL',
  ] satisfies LendingStep[],
};

export function stepLabel(type: ProfileType, step: string): string {
  const table: Record<string, string> = type === 'BORROWING' ? BORROWING_STEPS : LENDING_STEPS;
  return table[step] ?? step;
}

export function stepCodes(type: ProfileType): readonly string[] {
  return Object.keys(type === 'BORROWING' ? BORROWING_STEPS : LENDING_STEPS);
}

export function profileIncludes(profile: WorkflowProfile, step: string): boolean {
  return profile.steps.includes(step);
}

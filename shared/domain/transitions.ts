import type { BorrowingStatus, LendingStatus, RequestKind } from './statuses.ts';
import { statusLabel } from './statuses.ts';
import type { BorrowingStep, LendingStep, WorkflowProfile } from './workflow-profiles.ts';
import { profileIncludes, stepLabel } from './workflow-profiles.ts';

/**
 * Every way a request's status can move. The four desk actions (RECEIVE, RETURN_TO_PARTNER,
 * SHIP, SCAN_IN) are a contract (DESIGN.md §4); the rest follow Alma's task list and the ISO 18626
 * exchange. An action with a `step` applies only when the partner's workflow profile includes it.
 */
interface ActionRule<S extends string, Step extends string> {
  readonly label: string;
  readonly from: readonly S[];
  readonly to: S;
  readonly step?: Step;
  /** The scan screen that performs this action, if it is a desk action. */
  readonly screen?: string;
}

export const BORROWING_ACTIONS = {
  RECEIVE: {
    label: 'Receive',
    from: ['SENT', 'WILL_SUPPLY', 'SHIPPED_PHYSICALLY'],
    to: 'RECEIVED',
    screen: 'Receiving Items',
  },
  RETURN_TO_PARTNER: {
    label: 'Return to partner',
    from: ['RECEIVED', 'LOANED', 'RETURNED_BY_PATRON', 'RENEWED', 'RECALLED', 'OVERDUE'],
    to: 'RETURNED_TO_PARTNER',
    screen: 'Return Items',
  },
  LOAN_TO_PATRON: { label: 'Loan to patron', from: ['RECEIVED'], to: 'LOANED' },
  RETURNED_BY_PATRON: {
    label: 'Returned by patron',
    from: ['LOANED', 'RENEWED', 'RECALLED', 'OVERDUE'],
    to: 'RETURNED_BY_PATRON',
  },
  READY_TO_SEND: { label: 'Ready to send', from: ['CREATED'], to: 'READY_TO_SEND' },
  SEND: { label: 'Send to partner', from: ['CREATED', 'READY_TO_SEND', 'REJECTED'], to: 'SENT' },
  PARTNER_WILL_SUPPLY: {
    label: 'Partner will supply',
    from: ['SENT', 'CONDITIONAL'],
    to: 'WILL_SUPPLY',
    step: 'WILL_SUPPLY',
  },
  PARTNER_CONDITIONAL: {
    label: 'Partner conditional',
    from: ['SENT', 'WILL_SUPPLY'],
    to: 'CONDITIONAL',
    step: 'CONDITIONAL',
  },
  PARTNER_SHIPPED: {
    label: 'Partner shipped',
    from: ['SENT', 'WILL_SUPPLY', 'CONDITIONAL'],
    to: 'SHIPPED_PHYSICALLY',
  },
  PARTNER_REJECTED: {
    label: 'Rejected by partner',
    from: ['SENT', 'WILL_SUPPLY', 'CONDITIONAL'],
    to: 'REJECTED',
    step: 'REJECT',
  },
  PARTNER_RENEWED: {
    label: 'Renewed by partner',
    from: ['RECEIVED', 'LOANED', 'OVERDUE', 'RENEWED'],
    to: 'RENEWED',
    step: 'MANUAL_RENEW',
  },
  PARTNER_RECALLED: {
    label: 'Recalled by partner',
    from: ['RECEIVED', 'LOANED', 'RENEWED', 'OVERDUE'],
    to: 'RECALLED',
  },
  MARK_OVERDUE: { label: 'Overdue', from: ['RECEIVED', 'LOANED', 'RENEWED'], to: 'OVERDUE' },
  LENDER_CHECKED_IN: {
    label: 'Checked in by lender',
    from: ['RETURNED_TO_PARTNER'],
    to: 'COMPLETED',
    step: 'LENDER_CHECK_IN',
  },
  CANCEL_BY_STAFF: {
    label: 'Cancel',
    from: ['CREATED', 'READY_TO_SEND', 'SENT', 'WILL_SUPPLY', 'CONDITIONAL'],
    to: 'CANCELLED',
    step: 'CANCELLED_BY_STAFF',
  },
  CANCELLED_BY_PARTNER: {
    label: 'Cancelled by partner',
    from: ['SENT', 'WILL_SUPPLY', 'CONDITIONAL'],
    to: 'CANCELLED',
    step: 'CANCELLED_BY_PARTNER',
  },
  EXPIRE: { label: 'Expire', from: ['SENT', 'WILL_SUPPLY', 'CONDITIONAL'], to: 'EXPIRED' },
  MARK_LOST: {
    label: 'Lost',
    from: ['SHIPPED_PHYSICALLY', 'RECEIVED', 'LOANED', 'RENEWED', 'RECALLED', 'OVERDUE'],
    to: 'LOST',
  },
  COMPLETE: {
    label: 'Complete',
    from: ['RETURNED_TO_PARTNER', 'REJECTED', 'CANCELLED', 'EXPIRED', 'LOST'],
    to: 'COMPLETED',
  },
} as const satisfies Record<string, ActionRule<BorrowingStatus, BorrowingStep>>;

export const LENDING_ACTIONS = {
  SHIP: {
    label: 'Ship item',
    from: ['CREATED', 'WILL_SUPPLY', 'BEING_PROCESSED'],
    to: 'SHIPPED_PHYSICALLY',
    screen: 'Shipping Items',
  },
  SCAN_IN: {
    label: 'Scan in',
    from: [
      'SHIPPED_PHYSICALLY',
      'RECEIVED_BY_PARTNER',
      'RENEW_REQUESTED',
      'RECALLED',
      'OVERDUE',
      'RETURNED_BY_PARTNER',
    ],
    to: 'COMPLETED',
    screen: 'Scan In Items',
  },
  PRINT_PULL_SLIP: {
    label: 'Print pull slip',
    from: ['CREATED', 'WILL_SUPPLY'],
    to: 'BEING_PROCESSED',
  },
  WILL_SUPPLY: { label: 'Will Supply', from: ['CREATED'], to: 'WILL_SUPPLY', step: 'WILL_SUPPLY' },
  CONDITIONAL: {
    label: 'Conditional',
    from: ['CREATED', 'WILL_SUPPLY', 'BEING_PROCESSED'],
    to: 'CONDITIONAL',
    step: 'CONDITIONAL',
  },
  CONDITIONS_ACCEPTED: { label: 'Conditions accepted', from: ['CONDITIONAL'], to: 'CREATED' },
  REJECT: {
    label: 'Reject',
    from: ['CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL', 'BEING_PROCESSED'],
    to: 'REJECTED',
  },
  LOCATED: { label: 'Locate', from: ['LOCATE_FAILED'], to: 'CREATED' },
  LOCATE_FAILED: { label: 'Locate failed', from: ['CREATED'], to: 'LOCATE_FAILED' },
  SHIP_DIGITALLY: {
    label: 'Ship digitally',
    from: ['CREATED', 'WILL_SUPPLY', 'BEING_PROCESSED'],
    to: 'SHIPPED_DIGITALLY',
  },
  RECEIVED_BY_PARTNER: {
    label: 'Received by partner',
    from: ['SHIPPED_PHYSICALLY'],
    to: 'RECEIVED_BY_PARTNER',
  },
  RENEW_REQUESTED: {
    label: 'Renew requested',
    from: ['SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'OVERDUE'],
    to: 'RENEW_REQUESTED',
    step: 'PATRON_RENEWAL',
  },
  RENEW: {
    label: 'Renew',
    from: ['RENEW_REQUESTED', 'RECEIVED_BY_PARTNER', 'OVERDUE'],
    to: 'RECEIVED_BY_PARTNER',
    step: 'STAFF_RENEWAL',
  },
  RECALL: {
    label: 'Recall',
    from: ['SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED', 'OVERDUE'],
    to: 'RECALLED',
    step: 'BORROWER_RECALL',
  },
  MARK_OVERDUE: {
    label: 'Overdue',
    from: ['SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED'],
    to: 'OVERDUE',
  },
  RETURNED_BY_PARTNER: {
    label: 'Returned by partner',
    from: ['SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED', 'RECALLED', 'OVERDUE'],
    to: 'RETURNED_BY_PARTNER',
  },
  CANCEL: {
    label: 'Cancel',
    from: ['CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL', 'BEING_PROCESSED'],
    to: 'CANCELLED',
    step: 'CANCEL_REPLY',
  },
  /**
   * The borrower cancelled over ISO 18626 and the lending profile has no Cancel reply step: the
   * request is cancelled without an answer (with the step, CANCEL answers CancelResponse).
   */
  CANCELLED_BY_PARTNER: {
    label: 'Cancelled by partner',
    from: ['CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL', 'BEING_PROCESSED'],
    to: 'CANCELLED',
  },
  EXPIRE: {
    label: 'Expire',
    from: ['CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL'],
    to: 'EXPIRED',
  },
  MARK_LOST: {
    label: 'Lost',
    from: ['SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED', 'RECALLED', 'OVERDUE'],
    to: 'LOST',
  },
  MARK_DAMAGED: {
    label: 'Damaged',
    from: ['RETURNED_BY_PARTNER', 'RECEIVED_BY_PARTNER'],
    to: 'DAMAGED',
  },
} as const satisfies Record<string, ActionRule<LendingStatus, LendingStep>>;

export type BorrowingAction = keyof typeof BORROWING_ACTIONS;
export type LendingAction = keyof typeof LENDING_ACTIONS;

export type TransitionResult =
  | { readonly ok: true; readonly from: string; readonly to: string }
  | {
      readonly ok: false;
      readonly reason: 'WRONG_STATUS' | 'NOT_IN_PROFILE' | 'UNKNOWN_ACTION';
      readonly message: string;
    };

function rulesFor(kind: RequestKind): Record<string, ActionRule<string, string>> {
  return kind === 'borrowing' ? BORROWING_ACTIONS : LENDING_ACTIONS;
}

export function actionCodes(kind: RequestKind): readonly string[] {
  return Object.keys(rulesFor(kind));
}

/**
 * Where `action` takes a request in `status`, or why it cannot. `profile` is the partner's
 * workflow profile for this kind of request; without one, optional steps are allowed.
 */
export function transition(
  kind: RequestKind,
  status: string,
  action: string,
  profile?: WorkflowProfile,
): TransitionResult {
  const rule = rulesFor(kind)[action];
  if (!rule) {
    return { ok: false, reason: 'UNKNOWN_ACTION', message: `There is no action "${action}".` };
  }
  if (rule.step !== undefined && profile && !profileIncludes(profile, rule.step)) {
    return {
      ok: false,
      reason: 'NOT_IN_PROFILE',
      message: `${rule.label} is not a step of the partner's workflow profile "${profile.name}" (${stepLabel(profile.type, rule.step)} is not included).`,
    };
  }
  if (!rule.from.includes(status)) {
    const allowed = rule.from.map((s) => statusLabel(kind, s)).join(', ');
    return {
      ok: false,
      reason: 'WRONG_STATUS',
      message: `${rule.label} is not possible while the request is "${statusLabel(kind, status)}"; it needs one of: ${allowed}.`,
    };
  }
  return { ok: true, from: status, to: rule.to };
}

/** The actions a request in `status` offers, given its partner's profile (for row actions). */
export function availableActions(
  kind: RequestKind,
  status: string,
  profile?: WorkflowProfile,
): string[] {
  return actionCodes(kind).filter((a) => transition(kind, status, a, profile).ok);
}

export function actionLabel(kind: RequestKind, action: string): string {
  return rulesFor(kind)[action]?.label ?? action;
}

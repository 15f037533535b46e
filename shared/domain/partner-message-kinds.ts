import type { RequestKind } from './statuses.ts';
import { profileIncludes, type WorkflowProfile } from './workflow-profiles.ts';

/**
 * Which partner message a status change implies (DESIGN.md §9): an ISO 18626 action or status
 * for ISO partners, or one of the seeds' email letters for email partners. Actions that only
 * record what the partner told us (Partner shipped, Rejected by partner, …) or that stay in the
 * library (Loan to patron, Returned by patron) imply none.
 */

/** The letter an email partner gets for anything without a letter of its own. */
export const GENERAL_MESSAGE = 'General Message';
/** The patron's letter when an item reaches the hold shelf. */
export const ON_HOLD_SHELF_LETTER = 'On Hold Shelf Letter';

interface MessageRule {
  readonly iso?: string;
  readonly email?: string;
  /** The ISO message goes only when the partner's workflow profile includes this step. */
  readonly isoStep?: string;
  /** The partner hears of it only once it knew of the request (sent, not merely created). */
  readonly onlyFrom?: readonly string[];
}

const BORROWING: Readonly<Record<string, MessageRule>> = {
  // The seed's borrowing profile has no "received" letter, so email partners hear nothing.
  RECEIVE: { iso: 'Received' },
  RETURN_TO_PARTNER: { iso: 'ShippedReturn', email: GENERAL_MESSAGE },
  SEND: { iso: 'Request' },
  CANCEL_BY_STAFF: {
    iso: 'Cancel',
    email: GENERAL_MESSAGE,
    onlyFrom: ['SENT', 'WILL_SUPPLY', 'CONDITIONAL'],
  },
  MARK_LOST: { iso: 'Notification', email: GENERAL_MESSAGE },
  // The lender never answered in time: we withdraw the request, so the partner stops looking.
  EXPIRE: { iso: 'Cancel', email: GENERAL_MESSAGE },
};

const LENDING: Readonly<Record<string, MessageRule>> = {
  SHIP: { iso: 'Loaned', email: 'Lender Ship' },
  SHIP_DIGITALLY: { iso: 'CopyCompleted', email: 'Lender Ship' },
  SCAN_IN: { iso: 'LoanCompleted', isoStep: 'CHECKED_IN_MESSAGE', email: 'Lender Checked-In' },
  WILL_SUPPLY: { iso: 'WillSupply' },
  // The seed names no letter for a conditional reply, so email partners get the General Message.
  CONDITIONAL: { iso: 'ExpectToSupply', email: GENERAL_MESSAGE },
  REJECT: { iso: 'Unfilled', email: 'Lender Reject' },
  RECALL: { iso: 'Recalled', email: GENERAL_MESSAGE },
  MARK_OVERDUE: { iso: 'Overdue', email: 'Borrower Overdue' },
  RENEW: { iso: 'RenewResponse', email: GENERAL_MESSAGE },
  CANCEL: { iso: 'CancelResponse', email: GENERAL_MESSAGE },
  // Expired Resource Sharing Requests: we could not supply in time, which ISO calls Unfilled.
  EXPIRE: { iso: 'Unfilled', email: 'Lender Reject' },
};

export interface ImpliedMessage {
  readonly channel: 'iso18626' | 'email';
  /** The ISO 18626 action or status, or the letter's name. */
  readonly kind: string;
}

/** The message `action` (from status `from`) implies for a partner on `protocol`, or null. */
export function impliedPartnerMessage(
  kind: RequestKind,
  action: string,
  from: string,
  protocol: 'iso18626' | 'email',
  profile?: WorkflowProfile,
): ImpliedMessage | null {
  const rule = (kind === 'borrowing' ? BORROWING : LENDING)[action];
  if (!rule) return null;
  if (rule.onlyFrom && !rule.onlyFrom.includes(from)) return null;
  if (protocol === 'email') return rule.email ? { channel: 'email', kind: rule.email } : null;
  if (!rule.iso) return null;
  if (rule.isoStep !== undefined && profile && !profileIncludes(profile, rule.isoStep)) return null;
  return { channel: 'iso18626', kind: rule.iso };
}

/** How the desk names a queued message to staff: "ISO 18626 Received", "General Message letter". */
export function describeMessage(message: ImpliedMessage): string {
  return message.channel === 'iso18626' ? `ISO 18626 ${message.kind}` : `${message.kind} letter`;
}

import type { RequestKind } from '../domain/statuses.ts';
import { statusLabel } from '../domain/statuses.ts';
import { formatSlipDate } from '../printing/slips/slip-text.ts';
import {
  DATE_PLACEHOLDERS,
  PLACEHOLDERS,
  PLACEHOLDER_NAMES,
  type LetterValues,
  type PlaceholderName,
} from './letter-placeholders.ts';

/**
 * A queued letter's placeholder values, from what the desk step stored with it (the outbox body,
 * electron/services/desk-messages.ts OutgoingMessageBody) and the desk's own name. Dates read as
 * on the slips ("Mon 18 Jan 2027"); anything the request lacks is ''.
 */

/** What a stored outgoing message tells a letter (a structural part of OutgoingMessageBody). */
export interface LetterFacts {
  readonly requestKind: RequestKind;
  readonly requestId: string;
  readonly externalId: string;
  readonly title: string;
  /** The desk action that queued it (SHIP, RENEW, MARK_OVERDUE, …). */
  readonly action: string;
  readonly toStatus: string;
  /** The partner, or the patron (who has a patronId). */
  readonly to: { readonly name: string } | { readonly name: string; readonly patronId: string };
  readonly note: string | null;
  readonly details: Readonly<Record<string, string | number | null | undefined>>;
}

export interface LetterSender {
  readonly institution: string;
  readonly deskName: string;
  /** The desk's calendar day the step happened on (YYYY-MM-DD). */
  readonly day: string;
}

type Raw = Partial<Record<PlaceholderName, string>>;

/** The General Message's one sentence for each step that sends it (and a few that may). */
const UPDATES: Readonly<Record<string, (v: Raw) => string>> = {
  RETURN_TO_PARTNER: () => 'We have returned the item to you.',
  CANCEL_BY_STAFF: () => 'We have cancelled this request: please do not send the item.',
  MARK_LOST: () =>
    'We are sorry: the item you lent us has been lost. We will be in touch about replacing it.',
  RECEIVE: () => 'We have received the item. Thank you.',
  CONDITIONAL: (v) =>
    `We can supply this item on a condition: ${v.reason || 'please ask us for the details'}.` +
    (v.replyBy ? ` Please tell us by ${v.replyBy} whether you accept it.` : ''),
  RECALL: () => 'We need the item back: please return it as soon as you can.',
  RENEW: (v) =>
    v.dueDate
      ? `The loan is renewed: the item is now due back on ${v.dueDate}.`
      : 'The loan is renewed.',
  CANCEL: () => 'We have cancelled this request, as you asked.',
  MARK_OVERDUE: (v) =>
    v.dueDate
      ? `The item was due back on ${v.dueDate}; please return it.`
      : 'The item is overdue; please return it.',
  EXPIRE: () => 'This request has expired without an answer in time, so we have closed it.',
};

function text(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** The letter's values for one queued message. */
export function letterValues(facts: LetterFacts, sender: LetterSender): LetterValues {
  const d = facts.details;
  const patron = 'patronId' in facts.to;
  const raw: Raw = {
    requestId: facts.requestId,
    externalId: facts.externalId,
    title: facts.title,
    partnerName: patron ? '' : facts.to.name,
    patronName: patron ? facts.to.name : '',
    dueDate: text(d.dueDate),
    previousDueDate: text(d.previousDueDate),
    itemBarcode: text(d.itemBarcode),
    note: text(facts.note),
    reason: text(d.reason) || text(d.conditionReason),
    replyBy: text(d.replyBy),
    holdUntil: text(d.holdUntil),
    pickupLocation: text(d.pickupLocation),
    pieces: text(d.pieces),
    status: statusLabel(facts.requestKind, facts.toStatus),
    date: sender.day,
    institution: sender.institution,
    deskName: sender.deskName,
  };
  const values = withDatesFormatted(raw);
  const update = UPDATES[facts.action]?.(values) ?? `The request is now "${values.status}".`;
  return complete({ ...values, update });
}

/** Sample values for a preview, as a real letter would show them. */
export function sampleLetterValues(): LetterValues {
  const raw: Raw = Object.fromEntries(PLACEHOLDER_NAMES.map((n) => [n, PLACEHOLDERS[n].sample]));
  return complete(withDatesFormatted(raw));
}

function withDatesFormatted(raw: Raw): Raw {
  const out: Raw = { ...raw };
  for (const name of DATE_PLACEHOLDERS) {
    const value = out[name];
    if (value) out[name] = formatSlipDate(value);
  }
  return out;
}

function complete(raw: Raw): LetterValues {
  return Object.fromEntries(PLACEHOLDER_NAMES.map((n) => [n, raw[n] ?? ''])) as LetterValues;
}

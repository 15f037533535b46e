import { z } from 'zod';
import { requestKind } from './contract-shared.ts';

/**
 * Partner messages (issue "6 · Partner messaging", part 2): desk steps put ISO 18626 messages and
 * email letters in a persistent outbox; the outbox sender delivers them in the background. The
 * Partner Messages screen lists them with what each says, and lets staff try a waiting message
 * now or withdraw one that must not go. contract.ts spreads these methods into the one table.
 */

export const MESSAGE_STATES = ['PENDING', 'FAILED', 'SENT', 'WITHDRAWN', 'RECEIVED'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const partnerMessageRow = z.object({
  id: z.number().int(),
  /** OUT: the outbox (we tell the partner); IN: a message a partner sent us. */
  direction: z.enum(['OUT', 'IN']),
  /** The partner's code; null for a letter to a patron. */
  partnerCode: z.string().nullable(),
  /** Who it goes to or came from, in words: the partner's name, or "Patron Ada Lovelace". */
  correspondent: z.string(),
  requestKind: requestKind.nullable(),
  requestId: z.string().nullable(),
  channel: z.enum(['iso18626', 'email']),
  /** The ISO 18626 action or status (Loaned, Received, …) or the letter's name. */
  kind: z.string(),
  state: z.enum(MESSAGE_STATES),
  attempts: z.number().int(),
  /** Why the last attempt did not deliver it, in plain words. */
  lastError: z.string().nullable(),
  /** When a waiting message is tried next; null when it is due now or not waiting. */
  nextAttemptAt: z.string().nullable(),
  /** An earlier unsent message about the same request to the same correspondent: it goes first. */
  waitsFor: z.number().int().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type PartnerMessageRow = z.infer<typeof partnerMessageRow>;

/** The outbox at a glance: how many messages wait to go, and how many need staff. */
export const messagesStatusSchema = z.object({
  pending: z.number().int(),
  failed: z.number().int(),
});
export type MessagesStatus = z.infer<typeof messagesStatusSchema>;

/** What a message says: its XML (pretty-printed), or the letter as the mailer writes it. */
export const messageContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('xml'), xml: z.string() }),
  z.object({
    type: z.literal('letter'),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
  }),
  /** It cannot be shown (its stored body no longer builds); `reason` says why in plain words. */
  z.object({ type: z.literal('unavailable'), reason: z.string() }),
]);
export type MessageContent = z.infer<typeof messageContentSchema>;

const count = z.number().int();
const messageId = z.strictObject({ id: z.number().int().positive() });

export const messageMethods = {
  /**
   * Messages newest first, by state (a tab) and request, in keyset pages (`after` is the previous
   * page's `nextAfter`), with how many there are in each state under the same request filter.
   */
  'messages.list': {
    input: z.strictObject({
      state: z.enum(MESSAGE_STATES).optional(),
      requestKind: requestKind.optional(),
      requestId: z.string().trim().min(1).max(100).optional(),
      after: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      rows: z.array(partnerMessageRow),
      nextAfter: z.number().int().nullable(),
      counts: z.object({
        PENDING: count,
        FAILED: count,
        SENT: count,
        WITHDRAWN: count,
        RECEIVED: count,
      }),
    }),
  },
  /** One message with its XML as sent (or to be sent), its letter, or the XML a partner sent. */
  'messages.detail': {
    input: messageId,
    output: z.object({ message: partnerMessageRow, content: messageContentSchema }),
  },
  /** How many messages wait and how many failed (the status bar). */
  'messages.status': { input: z.strictObject({}), output: messagesStatusSchema },
  /** Try a waiting or failed message now. */
  'messages.retry': { input: messageId, output: partnerMessageRow },
  /** Take an unsent message out of the outbox: the partner will never get it. */
  'messages.withdraw': { access: 'manager', input: messageId, output: partnerMessageRow },
} as const;

import { and, inArray } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { placeholders, preparedQuery } from '../prepared.ts';
import { partnerMessages } from '../schema.ts';

export type PartnerMessageRow = typeof partnerMessages.$inferSelect;

export interface NewOutgoingMessage {
  /** The partner it goes to; null for a letter to a patron. */
  readonly partnerId: number | null;
  readonly borrowingRequestId?: number | null;
  readonly lendingRequestId?: number | null;
  readonly channel: 'iso18626' | 'email';
  /** ISO 18626 action or status ("Received", "ShippedReturn") or the letter's name. */
  readonly kind: string;
  /** JSON: everything the sender needs to build and address the message later. */
  readonly body: string;
  readonly createdAt: string;
}

/** Puts a message in the outbox (PENDING) for the messaging sender; returns its id. */
export async function insertOutgoingMessage(db: Orm, message: NewOutgoingMessage): Promise<number> {
  return preparedQuery(db, insertMessage).get({
    ...message,
    borrowingRequestId: message.borrowingRequestId ?? null,
    lendingRequestId: message.lendingRequestId ?? null,
  }).id;
}

// Most desk steps queue one or two, so built once (db/prepared.ts).
const insertMessage = (db: Orm) =>
  db
    .insert(partnerMessages)
    .values({
      ...placeholders(
        'partnerId',
        'borrowingRequestId',
        'lendingRequestId',
        'channel',
        'kind',
        'body',
        'createdAt',
      ),
      direction: 'OUT',
      state: 'PENDING',
    })
    .returning({ id: partnerMessages.id })
    .prepare();

export async function getMessages(db: Orm, ids: readonly number[]): Promise<PartnerMessageRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(partnerMessages)
    .where(inArray(partnerMessages.id, [...ids]))
    .orderBy(partnerMessages.id)
    .all();
}

/** Takes unsent messages out of the outbox; returns the ids it withdrew (sent ones stay sent). */
export async function withdrawMessages(db: Orm, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  return db
    .update(partnerMessages)
    .set({ state: 'WITHDRAWN', nextAttemptAt: null, leaseOwner: null })
    .where(
      and(
        inArray(partnerMessages.id, [...ids]),
        inArray(partnerMessages.state, ['PENDING', 'FAILED']),
      ),
    )
    .returning({ id: partnerMessages.id })
    .all()
    .map((r) => r.id);
}

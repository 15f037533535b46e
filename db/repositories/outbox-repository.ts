import { and, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { preparedQuery } from '../prepared.ts';
import { partnerMessages as m, partners } from '../schema.ts';
import type { PartnerMessageRow } from './partner-messages-repository.ts';
import type { PartnerRow } from './partners-repository.ts';
import { removeAlerts } from './request-alerts-repository.ts';

/**
 * The outbox sender's side of partner_messages: which message each queue sends next, and the
 * state changes of a delivery attempt. Every change here is guarded by the state it expects, so a
 * message withdrawn or retried by staff while its attempt was in flight is not overwritten; and
 * by the lease its sender claimed, so of two desks on one data directory only one sends it.
 */

/** Messages still to go: waiting (PENDING) or stopped until staff act (FAILED). */
const UNSENT = ['PENDING', 'FAILED'] as const;

/**
 * The queue a message belongs to: one request's messages to one correspondent (a partner, or the
 * request's patron) go in the order they were made, so a partner sees Loaned before
 * LoanCompleted. A patron's letter does not wait behind a partner that is down. A message about no
 * request is a queue of its own.
 */
const queueColumns: SQL[] = [
  sql`coalesce(${m.borrowingRequestId}, 0)`,
  sql`coalesce(${m.lendingRequestId}, 0)`,
  sql`coalesce(${m.partnerId}, 0)`,
  sql`CASE WHEN ${m.borrowingRequestId} IS NULL AND ${m.lendingRequestId} IS NULL THEN ${m.id} END`,
];

/**
 * The next message of each outbox queue that may be sent: its oldest unsent message, when that
 * one is waiting. A queue whose oldest message FAILED is held until staff retry or withdraw it;
 * one whose head a desk holds the lease of waits for that desk.
 */
export async function headsOfOutboxQueues(db: Orm): Promise<PartnerMessageRow[]> {
  const heads = db
    .select({ id: sql<number>`min(${m.id})` })
    .from(m)
    .where(and(eq(m.direction, 'OUT'), inArray(m.state, [...UNSENT])))
    .groupBy(...queueColumns);
  return db
    .select()
    .from(m)
    .where(and(inArray(m.id, heads), eq(m.state, 'PENDING')))
    .orderBy(m.id)
    .all();
}

/**
 * Claims a waiting message for `owner` until `leaseUntil`, before it is sent: a compare-and-set,
 * so of two desks on one data directory only the one whose update changed the row sends it. The
 * message must be due (no retry time or lease still running; `now` is ISO like the stored times),
 * unless its lease is held by `goneOwner`, a desk known to be gone. True if `owner` now holds it.
 */
export async function claimMessage(
  db: Orm,
  claim: { id: number; owner: string; now: string; leaseUntil: string; goneOwner: string | null },
): Promise<boolean> {
  const due = or(isNull(m.nextAttemptAt), lte(m.nextAttemptAt, claim.now));
  return (
    db
      .update(m)
      .set({ leaseOwner: claim.owner, nextAttemptAt: claim.leaseUntil })
      .where(
        and(
          eq(m.id, claim.id),
          eq(m.direction, 'OUT'),
          eq(m.state, 'PENDING'),
          claim.goneOwner === null ? due : or(due, eq(m.leaseOwner, claim.goneOwner)),
        ),
      )
      .run().changes > 0
  );
}

/**
 * Only the lease holder's mark counts: a desk whose lease ran out (and was perhaps taken by
 * another desk) must not overwrite what the newer holder recorded. Its message may then go
 * again; delivery is at least once.
 */
const heldBy = (id: number, owner: string) =>
  and(eq(m.id, id), eq(m.state, 'PENDING'), eq(m.leaseOwner, owner));

/** Extends `owner`'s lease while its attempt runs; false if the lease is no longer its own. */
export async function renewMessageLease(
  db: Orm,
  id: number,
  owner: string,
  leaseUntil: string,
): Promise<boolean> {
  return db.update(m).set({ nextAttemptAt: leaseUntil }).where(heldBy(id, owner)).run().changes > 0;
}

/** Marks `owner`'s message delivered at `at`; false when it no longer held it (withdrawn meanwhile). */
export async function markMessageSent(
  db: Orm,
  id: number,
  owner: string,
  at: string,
): Promise<boolean> {
  return (
    db
      .update(m)
      .set({
        state: 'SENT',
        sentAt: at,
        attempts: sql`${m.attempts} + 1`,
        lastError: null,
        nextAttemptAt: null,
        leaseOwner: null,
      })
      .where(heldBy(id, owner))
      .run().changes > 0
  );
}

/**
 * Records `owner`'s attempt that did not deliver: waiting until `retryAt`, or FAILED (null) for
 * staff. False when it no longer held the message.
 */
export async function markMessageAttemptFailed(
  db: Orm,
  attempt: { id: number; owner: string; error: string; retryAt: string | null },
): Promise<boolean> {
  return (
    db
      .update(m)
      .set({
        state: attempt.retryAt === null ? 'FAILED' : 'PENDING',
        attempts: sql`${m.attempts} + 1`,
        lastError: attempt.error,
        nextAttemptAt: attempt.retryAt,
        leaseOwner: null,
      })
      .where(heldBy(attempt.id, attempt.owner))
      .run().changes > 0
  );
}

/** Ends `owner`'s leases (its desk is closing): those messages are due again for any desk. */
export async function releaseMessageLeases(db: Orm, owner: string): Promise<number> {
  return db
    .update(m)
    .set({ leaseOwner: null, nextAttemptAt: null })
    .where(and(eq(m.state, 'PENDING'), eq(m.leaseOwner, owner)))
    .run().changes;
}

/**
 * Makes a waiting or failed outgoing message due now; false when it is not one. A message some
 * desk is sending at this moment keeps that desk's lease: it is not sent twice at once.
 */
export async function retryMessageNow(db: Orm, id: number): Promise<boolean> {
  return (
    db
      .update(m)
      .set({
        state: 'PENDING',
        nextAttemptAt: sql`CASE WHEN ${m.leaseOwner} IS NULL THEN NULL ELSE ${m.nextAttemptAt} END`,
      })
      .where(and(eq(m.id, id), eq(m.direction, 'OUT'), inArray(m.state, [...UNSENT])))
      .run().changes > 0
  );
}

// Read after every desk step that queues a message, from messages_outbox_idx alone.
const outboxCount = (db: Orm) =>
  db
    .select({
      pending: sql<number>`coalesce(sum(${m.state} = 'PENDING'), 0)`,
      failed: sql<number>`coalesce(sum(${m.state} = 'FAILED'), 0)`,
    })
    .from(m)
    .where(and(eq(m.direction, 'OUT'), inArray(m.state, [...UNSENT])))
    .prepare();

/** How many outgoing messages wait to go and how many failed. */
export async function countOutbox(db: Orm): Promise<{ pending: number; failed: number }> {
  const row = preparedQuery(db, outboxCount).get();
  return { pending: row?.pending ?? 0, failed: row?.failed ?? 0 };
}

/** A message's partner as recorded now, credentials included (the sender builds and posts with it). */
export async function partnerOfMessage(
  db: Orm,
  partnerId: number,
): Promise<PartnerRow | undefined> {
  return db.select().from(partners).where(eq(partners.id, partnerId)).get();
}

/** The alert an ERROR confirmation raises on its request (the Alerts facet shows it). */
export const PARTNER_REFUSED_ALERT = 'PARTNER_MESSAGE_REFUSED';

/**
 * Clears the request's "partner refused" alert once none of its outgoing messages is FAILED any
 * more (sent after Retry now, or withdrawn): the alert was about them, and they are settled.
 */
export async function settleRefusalAlert(
  db: Orm,
  message: Pick<PartnerMessageRow, 'borrowingRequestId' | 'lendingRequestId'>,
  at: string,
): Promise<void> {
  const borrowing = message.borrowingRequestId !== null;
  const rowId = message.borrowingRequestId ?? message.lendingRequestId;
  if (rowId === null) return;
  const column = borrowing ? m.borrowingRequestId : m.lendingRequestId;
  const stillFailed = db
    .select({ id: m.id })
    .from(m)
    .where(and(eq(column, rowId), eq(m.direction, 'OUT'), eq(m.state, 'FAILED')))
    .limit(1)
    .get();
  if (!stillFailed) {
    await removeAlerts(db, borrowing ? 'borrowing' : 'lending', [rowId], at, PARTNER_REFUSED_ALERT);
  }
}

import { and, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { placeholders, preparedQuery } from '../prepared.ts';
import { borrowingRequests, lendingRequests, printJobs } from '../schema.ts';

export type PrintJobRow = typeof printJobs.$inferSelect;
export type PrintJobState = PrintJobRow['state'];

export interface NewPrintJob {
  readonly slipKind: string;
  readonly title: string;
  /** JSON of the SlipDocument the payload was rendered from. */
  readonly document: string;
  readonly printerName: string | null;
  readonly printerUri: string;
  readonly payload: Uint8Array;
  readonly copies: number;
  readonly borrowingRequestId?: number | null;
  readonly lendingRequestId?: number | null;
}

const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Stores a job, rendered and ready to send, before anything is sent; returns its id. */
export async function insertPrintJob(db: Orm, job: NewPrintJob): Promise<number> {
  return preparedQuery(db, insertJob).get({
    ...job,
    payload: Buffer.from(job.payload.buffer, job.payload.byteOffset, job.payload.byteLength),
    borrowingRequestId: job.borrowingRequestId ?? null,
    lendingRequestId: job.lendingRequestId ?? null,
  }).id;
}

// Every quick-printed slip is one, so built once (db/prepared.ts).
const insertJob = (db: Orm) =>
  db
    .insert(printJobs)
    .values({
      ...placeholders(
        'slipKind',
        'title',
        'document',
        'printerName',
        'printerUri',
        'payload',
        'copies',
        'borrowingRequestId',
        'lendingRequestId',
      ),
      state: 'PENDING',
    })
    .returning({ id: printJobs.id })
    .prepare();

const jobById = (db: Orm) =>
  db
    .select()
    .from(printJobs)
    .where(eq(printJobs.id, sql.placeholder('id')))
    .prepare();

export async function getPrintJob(db: Orm, id: number): Promise<PrintJobRow | undefined> {
  return preparedQuery(db, jobById).get({ id });
}

/**
 * The next job each printer should print: its oldest waiting job, so slips come out in the order
 * they were made. A printer whose first job waits for a retry, or is being sent by a desk that
 * holds its lease, holds its later jobs back too: one desk at a time prints to a printer.
 */
export async function headOfEachPrinterQueue(db: Orm): Promise<PrintJobRow[]> {
  return preparedQuery(db, queueHeads).all();
}

// Read each time the print queue wakes (after every slip), so built once.
const queueHeads = (db: Orm) => {
  const heads = db
    .select({ id: sql<number>`min(${printJobs.id})` })
    .from(printJobs)
    .where(eq(printJobs.state, 'PENDING'))
    .groupBy(printJobs.printerUri);
  return db
    .select()
    .from(printJobs)
    .where(inArray(printJobs.id, heads))
    .orderBy(printJobs.id)
    .prepare();
};

/**
 * Claims a waiting job for `owner` until `leaseUntil`, before it is sent: a compare-and-set, so
 * of two desks on one data directory only the one whose update changed the row sends it. The job
 * must be due (no retry time or lease still running, `now` is ISO like the stored times), unless
 * its lease is held by `goneOwner`, a desk known to be gone. True if this owner now holds it.
 */
export async function claimPrintJob(
  db: Orm,
  claim: { id: number; owner: string; now: string; leaseUntil: string; goneOwner: string | null },
): Promise<boolean> {
  const due = or(isNull(printJobs.nextAttemptAt), lte(printJobs.nextAttemptAt, claim.now));
  const result = db
    .update(printJobs)
    .set({ leaseOwner: claim.owner, nextAttemptAt: claim.leaseUntil })
    .where(
      and(
        eq(printJobs.id, claim.id),
        eq(printJobs.state, 'PENDING'),
        claim.goneOwner === null ? due : or(due, eq(printJobs.leaseOwner, claim.goneOwner)),
      ),
    )
    .run();
  return result.changes > 0;
}

/** Extends `owner`'s lease while its attempt runs; false if the lease is no longer its own. */
export async function renewPrintJobLease(
  db: Orm,
  id: number,
  owner: string,
  leaseUntil: string,
): Promise<boolean> {
  const result = db
    .update(printJobs)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(eq(printJobs.id, id), eq(printJobs.state, 'PENDING'), eq(printJobs.leaseOwner, owner)),
    )
    .run();
  return result.changes > 0;
}

/**
 * Only the lease holder's mark counts: a desk whose lease ran out (and was perhaps taken by
 * another desk) must not overwrite what the newer holder recorded. Its slip may then print again;
 * delivery is at least once.
 */
const heldBy = (id: number, owner: string) =>
  and(eq(printJobs.id, id), eq(printJobs.state, 'PENDING'), eq(printJobs.leaseOwner, owner));

/** Marks `owner`'s job printed and ends its lease; false if the lease was no longer its own. */
export async function markPrintJobDone(db: Orm, id: number, owner: string): Promise<boolean> {
  const result = db
    .update(printJobs)
    .set({
      state: 'DONE',
      doneAt: nowSql,
      attempts: sql`${printJobs.attempts} + 1`,
      lastError: null,
      nextAttemptAt: null,
      leaseOwner: null,
    })
    .where(heldBy(id, owner))
    .run();
  return result.changes > 0;
}

/**
 * Records `owner`'s failed attempt and ends its lease: still PENDING with the time of the next
 * try, or FAILED for good. False if the lease was no longer its own.
 */
export async function markPrintJobAttemptFailed(
  db: Orm,
  attempt: { id: number; owner: string; error: string; retryAt: string | null },
): Promise<boolean> {
  const result = db
    .update(printJobs)
    .set({
      attempts: sql`${printJobs.attempts} + 1`,
      lastError: attempt.error,
      nextAttemptAt: attempt.retryAt,
      leaseOwner: null,
      state: attempt.retryAt === null ? 'FAILED' : 'PENDING',
    })
    .where(heldBy(attempt.id, attempt.owner))
    .run();
  return result.changes > 0;
}

/** Ends `owner`'s leases (its desk is closing): those jobs are due again for any desk. */
export async function releasePrintJobLeases(db: Orm, owner: string): Promise<number> {
  const result = db
    .update(printJobs)
    .set({ leaseOwner: null, nextAttemptAt: null })
    .where(and(eq(printJobs.state, 'PENDING'), eq(printJobs.leaseOwner, owner)))
    .run();
  return result.changes;
}

/**
 * Puts a failed or waiting job back at the front of its printer's queue, to be tried now. A job
 * some desk is sending at this moment keeps that desk's lease: it is not sent twice at once.
 */
export async function retryPrintJob(db: Orm, id: number): Promise<boolean> {
  const result = db
    .update(printJobs)
    .set({
      state: 'PENDING',
      nextAttemptAt: sql`CASE WHEN ${printJobs.leaseOwner} IS NULL THEN NULL ELSE ${printJobs.nextAttemptAt} END`,
    })
    .where(and(eq(printJobs.id, id), inArray(printJobs.state, ['PENDING', 'FAILED'])))
    .run();
  return result.changes > 0;
}

/** Takes a job out of the queue without printing it. */
export async function withdrawPrintJob(db: Orm, id: number): Promise<boolean> {
  const result = db
    .update(printJobs)
    .set({ state: 'WITHDRAWN', nextAttemptAt: null, leaseOwner: null })
    .where(and(eq(printJobs.id, id), inArray(printJobs.state, ['PENDING', 'FAILED'])))
    .run();
  return result.changes > 0;
}

export interface QueueCount {
  readonly printerUri: string;
  readonly waiting: number;
  readonly failed: number;
}

/** How many jobs wait (to print or to retry) and how many failed, per printer. */
export async function countQueue(db: Orm): Promise<QueueCount[]> {
  return db
    .select({
      printerUri: printJobs.printerUri,
      waiting: sql<number>`sum(${printJobs.state} = 'PENDING')`,
      failed: sql<number>`sum(${printJobs.state} = 'FAILED')`,
    })
    .from(printJobs)
    .where(inArray(printJobs.state, ['PENDING', 'FAILED']))
    .groupBy(printJobs.printerUri)
    .all();
}

/** The most recent slip made for a request (the "Reprint last slip" key); test pages excluded. */
export async function lastSlipJob(db: Orm): Promise<PrintJobRow | undefined> {
  return db
    .select()
    .from(printJobs)
    .where(or(isNotNull(printJobs.borrowingRequestId), isNotNull(printJobs.lendingRequestId)))
    .orderBy(desc(printJobs.id))
    .limit(1)
    .get();
}

export interface PrintJobListRow extends PrintJobRow {
  readonly requestId: string | null;
}

const jobColumns = {
  id: printJobs.id,
  slipKind: printJobs.slipKind,
  title: printJobs.title,
  document: printJobs.document,
  printerName: printJobs.printerName,
  borrowingRequestId: printJobs.borrowingRequestId,
  lendingRequestId: printJobs.lendingRequestId,
  printerUri: printJobs.printerUri,
  payload: printJobs.payload,
  copies: printJobs.copies,
  state: printJobs.state,
  attempts: printJobs.attempts,
  nextAttemptAt: printJobs.nextAttemptAt,
  leaseOwner: printJobs.leaseOwner,
  lastError: printJobs.lastError,
  createdAt: printJobs.createdAt,
  doneAt: printJobs.doneAt,
  requestId: sql<
    string | null
  >`coalesce(${borrowingRequests.requestId}, ${lendingRequests.requestId})`,
};

/** Jobs newest first: one job, a request's slips (its history), or the whole queue's latest. */
export async function listPrintJobs(
  db: Orm,
  filter: { jobId?: number; borrowingRequestId?: number; lendingRequestId?: number; limit: number },
): Promise<PrintJobListRow[]> {
  const where =
    filter.jobId !== undefined
      ? eq(printJobs.id, filter.jobId)
      : filter.borrowingRequestId !== undefined
        ? eq(printJobs.borrowingRequestId, filter.borrowingRequestId)
        : filter.lendingRequestId !== undefined
          ? eq(printJobs.lendingRequestId, filter.lendingRequestId)
          : undefined;
  return db
    .select(jobColumns)
    .from(printJobs)
    .leftJoin(borrowingRequests, eq(borrowingRequests.id, printJobs.borrowingRequestId))
    .leftJoin(lendingRequests, eq(lendingRequests.id, printJobs.lendingRequestId))
    .where(where)
    .orderBy(desc(printJobs.id))
    .limit(filter.limit)
    .all();
}

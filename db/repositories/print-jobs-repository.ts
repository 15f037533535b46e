import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
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
  const row = db
    .insert(printJobs)
    .values({
      ...job,
      payload: Buffer.from(job.payload.buffer, job.payload.byteOffset, job.payload.byteLength),
      state: 'PENDING',
    })
    .returning({ id: printJobs.id })
    .get();
  return row.id;
}

export async function getPrintJob(db: Orm, id: number): Promise<PrintJobRow | undefined> {
  return db.select().from(printJobs).where(eq(printJobs.id, id)).get();
}

/**
 * The next job each printer should print: its oldest waiting job, so slips come out in the order
 * they were made. A printer whose first job waits for a retry holds its later jobs back too.
 */
export async function headOfEachPrinterQueue(db: Orm): Promise<PrintJobRow[]> {
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
    .all();
}

export async function markPrintJobDone(db: Orm, id: number): Promise<void> {
  db.update(printJobs)
    .set({
      state: 'DONE',
      doneAt: nowSql,
      attempts: sql`${printJobs.attempts} + 1`,
      lastError: null,
      nextAttemptAt: null,
    })
    .where(and(eq(printJobs.id, id), eq(printJobs.state, 'PENDING')))
    .run();
}

/** Records a failed attempt: still PENDING with the time of the next try, or FAILED for good. */
export async function markPrintJobAttemptFailed(
  db: Orm,
  id: number,
  error: string,
  retryAt: string | null,
): Promise<void> {
  db.update(printJobs)
    .set({
      attempts: sql`${printJobs.attempts} + 1`,
      lastError: error,
      nextAttemptAt: retryAt,
      state: retryAt === null ? 'FAILED' : 'PENDING',
    })
    .where(and(eq(printJobs.id, id), eq(printJobs.state, 'PENDING')))
    .run();
}

/** Puts a failed or waiting job back at the front of its printer's queue, to be tried now. */
export async function retryPrintJob(db: Orm, id: number): Promise<boolean> {
  const result = db
    .update(printJobs)
    .set({ state: 'PENDING', nextAttemptAt: null })
    .where(and(eq(printJobs.id, id), inArray(printJobs.state, ['PENDING', 'FAILED'])))
    .run();
  return result.changes > 0;
}

/** Takes a job out of the queue without printing it. */
export async function withdrawPrintJob(db: Orm, id: number): Promise<boolean> {
  const result = db
    .update(printJobs)
    .set({ state: 'WITHDRAWN', nextAttemptAt: null })
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

import { and, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import {
  borrowingRequests as br,
  lendingRequests as lr,
  partners,
  requestEvents,
} from '../schema.ts';

/**
 * What the daily jobs look for (electron/messaging/jobs/): open requests at partners with expiry
 * days, and lent items past their due date. Each query can be narrowed to one request, so a job
 * checks a request again inside the transaction that changes it.
 */

/** Statuses still waiting for an answer, which the Expired job may close. */
export const EXPIRING_LENDING = ['CREATED', 'LOCATE_FAILED', 'WILL_SUPPLY', 'CONDITIONAL'];
export const EXPIRING_BORROWING = ['SENT', 'WILL_SUPPLY', 'CONDITIONAL'];
/** Lent and not back: the Overdue job may mark these overdue. */
export const OVERDUE_LENDING = ['SHIPPED_PHYSICALLY', 'RECEIVED_BY_PARTNER', 'RENEW_REQUESTED'];

export interface ExpiryCandidate {
  readonly id: number;
  readonly requestId: string;
  /** When the wait began: the lending request's arrival, or the borrowing request's last Send. */
  readonly since: string;
  readonly expiryDays: number;
}

/** Open lending requests at partners with expiry days (removed ones are left alone). */
export async function lendingExpiryCandidates(db: Orm, rowId?: number): Promise<ExpiryCandidate[]> {
  return db
    .select({
      id: lr.id,
      requestId: lr.requestId,
      since: lr.createdAt,
      expiryDays: partners.expiryDays,
    })
    .from(lr)
    .innerJoin(partners, eq(partners.id, lr.partnerId))
    .where(
      and(
        inArray(lr.status, EXPIRING_LENDING),
        isNull(lr.removedAt),
        isNotNull(partners.expiryDays),
        rowId === undefined ? undefined : eq(lr.id, rowId),
      ),
    )
    .orderBy(lr.id)
    .all()
    .map((row) => ({ ...row, expiryDays: row.expiryDays ?? 0 }));
}

/** Borrowing requests waiting on a partner with expiry days, from when they were last sent. */
export async function borrowingExpiryCandidates(
  db: Orm,
  rowId?: number,
): Promise<ExpiryCandidate[]> {
  const lastSent: SQL<string> = sql<string>`coalesce((
    select max(${requestEvents.at}) from ${requestEvents}
    where ${requestEvents.borrowingRequestId} = ${br.id} and ${requestEvents.action} = 'SEND'
  ), ${br.createdAt})`;
  return db
    .select({
      id: br.id,
      requestId: br.requestId,
      since: lastSent,
      expiryDays: partners.expiryDays,
    })
    .from(br)
    .innerJoin(partners, eq(partners.id, br.partnerId))
    .where(
      and(
        inArray(br.status, EXPIRING_BORROWING),
        isNotNull(partners.expiryDays),
        rowId === undefined ? undefined : eq(br.id, rowId),
      ),
    )
    .orderBy(br.id)
    .all()
    .map((row) => ({ ...row, expiryDays: row.expiryDays ?? 0 }));
}

/** Lent items due before `today` (YYYY-MM-DD) and not yet marked overdue. */
export async function overdueLendingCandidates(
  db: Orm,
  today: string,
  rowId?: number,
): Promise<{ id: number; requestId: string; dueDate: string }[]> {
  return db
    .select({ id: lr.id, requestId: lr.requestId, dueDate: lr.dueDate })
    .from(lr)
    .where(
      and(
        inArray(lr.status, OVERDUE_LENDING),
        isNull(lr.removedAt),
        isNotNull(lr.dueDate),
        lt(lr.dueDate, today),
        rowId === undefined ? undefined : eq(lr.id, rowId),
      ),
    )
    .orderBy(lr.id)
    .all()
    .map((row) => ({ ...row, dueDate: row.dueDate ?? today }));
}

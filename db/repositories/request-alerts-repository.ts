import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { RequestKind } from '../../shared/domain/statuses.ts';
import type { Orm } from '../database.ts';
import { requestAlerts } from '../schema.ts';

/** Alerts on requests (Alma's Alerts tab): an alert is active until Remove Alerts stamps it. */

export type AlertRow = typeof requestAlerts.$inferSelect;

export interface NewAlert {
  readonly kind: RequestKind;
  /** The request's row id (not its request ID). */
  readonly requestRowId: number;
  /** What raised it, e.g. LOCATE_FAILED; the Alerts facet filters on it. */
  readonly code: string;
  readonly message: string;
  readonly at: string;
}

const columnOf = (kind: RequestKind) =>
  kind === 'borrowing' ? requestAlerts.borrowingRequestId : requestAlerts.lendingRequestId;

/** Raises an alert on a request; returns its id. */
export async function addAlert(db: Orm, alert: NewAlert): Promise<number> {
  const { kind, requestRowId, ...rest } = alert;
  return db
    .insert(requestAlerts)
    .values({
      ...rest,
      ...(kind === 'borrowing'
        ? { borrowingRequestId: requestRowId }
        : { lendingRequestId: requestRowId }),
    })
    .returning({ id: requestAlerts.id })
    .get().id;
}

/** A request's active alerts, oldest first. */
export async function activeAlerts(
  db: Orm,
  kind: RequestKind,
  requestRowId: number,
): Promise<AlertRow[]> {
  return db
    .select()
    .from(requestAlerts)
    .where(and(eq(columnOf(kind), requestRowId), isNull(requestAlerts.removedAt)))
    .orderBy(requestAlerts.id)
    .all();
}

/**
 * Removes the active alerts of the given requests (only those with `code`, when given) by
 * stamping them at `at`; returns how many were removed. The rows stay for the record.
 */
export async function removeAlerts(
  db: Orm,
  kind: RequestKind,
  requestRowIds: readonly number[],
  at: string,
  code?: string,
): Promise<number> {
  if (requestRowIds.length === 0) return 0;
  return db
    .update(requestAlerts)
    .set({ removedAt: at })
    .where(
      and(
        inArray(columnOf(kind), [...requestRowIds]),
        isNull(requestAlerts.removedAt),
        code === undefined ? undefined : eq(requestAlerts.code, code),
      ),
    )
    .run().changes;
}

import { and, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL } from 'drizzle-orm';
import { LENDING_ACTIONS } from '../../shared/domain/transitions.ts';
import type { Orm } from '../database.ts';
import {
  borrowingRequests as br,
  lendingRequests as lr,
  operators,
  requestEvents,
} from '../schema.ts';

/**
 * A lending request as the task list's changes (assignment, Edit, Duplicate, Locate, Change
 * Status, Remove, Reactivate) read and write it.
 */

export type LendingRow = typeof lr.$inferSelect;

export interface LendingTask extends LendingRow {
  /** The assignee's name, or null when unassigned. */
  readonly assigneeName: string | null;
}

function tasks(db: Orm, where: SQL): LendingTask[] {
  return db
    .select({ r: lr, assigneeName: operators.name })
    .from(lr)
    .leftJoin(operators, eq(operators.id, lr.assignedTo))
    .where(where)
    .orderBy(lr.id)
    .all()
    .map(({ r, assigneeName }) => ({ ...r, assigneeName }));
}

/** One lending request by request ID (any case), removed or not: callers decide what that means. */
export async function lendingTask(db: Orm, requestId: string): Promise<LendingTask | undefined> {
  return tasks(db, eq(lr.requestId, requestId))[0];
}

/** Lending requests by row id, in the order of `ids` (a missing id is left out). */
export async function lendingTasksById(db: Orm, ids: readonly number[]): Promise<LendingTask[]> {
  const byId = new Map<number, LendingTask>();
  // Well under SQLite's limit on bound variables per statement.
  for (let i = 0; i < ids.length; i += 500) {
    for (const task of tasks(db, inArray(lr.id, ids.slice(i, i + 500)))) byId.set(task.id, task);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type LendingTaskChanges = Partial<
  Pick<
    LendingRow,
    | 'status'
    | 'title'
    | 'author'
    | 'isbn'
    | 'requestedFormat'
    | 'levelOfService'
    | 'neededBy'
    | 'note'
    | 'assignedTo'
    | 'removedAt'
  >
> & { updatedAt: string };

/** Writes a task's changed columns (always with its update time). */
export async function updateLendingTask(
  db: Orm,
  id: number,
  changes: LendingTaskChanges,
): Promise<void> {
  db.update(lr).set(changes).where(eq(lr.id, id)).run();
}

/** Whether any request, lending or borrowing, holds a request ID (scans look both up). */
export async function requestIdTaken(db: Orm, requestId: string): Promise<boolean> {
  const inLending = db.select({ id: lr.id }).from(lr).where(eq(lr.requestId, requestId)).get();
  if (inLending) return true;
  return db.select({ id: br.id }).from(br).where(eq(br.requestId, requestId)).get() !== undefined;
}

/** Whether a partner already has a lending request with this External Identifier (any case). */
export async function externalIdTaken(
  db: Orm,
  externalId: string,
  partnerId: number,
): Promise<boolean> {
  return (
    db
      .select({ id: lr.id })
      .from(lr)
      .where(and(eq(lr.externalId, externalId), eq(lr.partnerId, partnerId)))
      .get() !== undefined
  );
}

export type NewLendingTask = Pick<
  LendingRow,
  | 'requestId'
  | 'externalId'
  | 'partnerId'
  | 'title'
  | 'author'
  | 'isbn'
  | 'status'
  | 'requestedFormat'
  | 'levelOfService'
  | 'neededBy'
  | 'note'
  | 'createdAt'
  | 'updatedAt'
>;

/** Inserts a lending request; returns its row id. */
export async function insertLendingTask(db: Orm, task: NewLendingTask): Promise<number> {
  return db.insert(lr).values(task).returning({ id: lr.id }).get().id;
}

export interface StatusMove {
  readonly fromStatus: string;
  readonly toStatus: string;
}

/** A lending request's status moves, newest first (events that changed no status are left out). */
export async function statusMoves(db: Orm, requestRowId: number): Promise<StatusMove[]> {
  return db
    .select({ fromStatus: requestEvents.fromStatus, toStatus: requestEvents.toStatus })
    .from(requestEvents)
    .where(
      and(
        eq(requestEvents.lendingRequestId, requestRowId),
        isNotNull(requestEvents.fromStatus),
        isNotNull(requestEvents.toStatus),
      ),
    )
    .orderBy(desc(requestEvents.id))
    .all()
    .flatMap(({ fromStatus, toStatus }) =>
      fromStatus !== null && toStatus !== null && fromStatus !== toStatus
        ? [{ fromStatus, toStatus }]
        : [],
    );
}

/** Where a lent item is away from the shelf: the statuses Scan In Items brings it back from. */
const ITEM_OUT: readonly string[] = LENDING_ACTIONS.SCAN_IN.from;

/**
 * Another active request that has the task's item out, if returning the task to `status` would
 * put the same item out twice (the seed: "If the item is in another process, an error is
 * displayed").
 */
export async function itemOutElsewhere(
  db: Orm,
  task: LendingRow,
  status: string,
): Promise<{ requestId: string; status: string } | undefined> {
  if (!ITEM_OUT.includes(status)) return undefined;
  const sameItem = or(
    task.itemId === null ? undefined : eq(lr.itemId, task.itemId),
    task.itemBarcode === null ? undefined : eq(lr.itemBarcode, task.itemBarcode),
  );
  if (sameItem === undefined) return undefined;
  return db
    .select({ requestId: lr.requestId, status: lr.status })
    .from(lr)
    .where(
      and(sameItem, ne(lr.id, task.id), isNull(lr.removedAt), inArray(lr.status, [...ITEM_OUT])),
    )
    .get();
}

import { and, desc, eq } from 'drizzle-orm';
import type { RequestKind } from '../../shared/domain/statuses.ts';
import type { Orm } from '../database.ts';
import { requestEvents } from '../schema.ts';

export interface NewRequestEvent {
  readonly kind: RequestKind;
  /** The request's row id (not its request ID). */
  readonly requestRowId: number;
  readonly at: string;
  readonly operatorId: number | null;
  readonly action: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly note: string | null;
}

const columnOf = (kind: RequestKind) =>
  kind === 'borrowing' ? requestEvents.borrowingRequestId : requestEvents.lendingRequestId;

/** Writes one history event (who, when, from, to, note); returns its id. */
export async function insertRequestEvent(db: Orm, event: NewRequestEvent): Promise<number> {
  const { kind, requestRowId, ...rest } = event;
  return db
    .insert(requestEvents)
    .values({
      ...rest,
      ...(kind === 'borrowing'
        ? { borrowingRequestId: requestRowId }
        : { lendingRequestId: requestRowId }),
    })
    .returning({ id: requestEvents.id })
    .get().id;
}

/** The id of a request's newest history event: Undo checks nothing happened to it since. */
export async function latestEventId(
  db: Orm,
  kind: RequestKind,
  requestRowId: number,
): Promise<number | undefined> {
  return db
    .select({ id: requestEvents.id })
    .from(requestEvents)
    .where(eq(columnOf(kind), requestRowId))
    .orderBy(desc(requestEvents.id))
    .limit(1)
    .get()?.id;
}

/** When a request last had `action` done to it (the date Return Items reports), if ever. */
export async function lastEventAt(
  db: Orm,
  kind: RequestKind,
  requestRowId: number,
  action: string,
): Promise<string | undefined> {
  return db
    .select({ at: requestEvents.at })
    .from(requestEvents)
    .where(and(eq(columnOf(kind), requestRowId), eq(requestEvents.action, action)))
    .orderBy(desc(requestEvents.id))
    .limit(1)
    .get()?.at;
}

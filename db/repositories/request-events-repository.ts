import { and, desc, eq } from 'drizzle-orm';
import type { RequestKind } from '../../shared/domain/statuses.ts';
import type { Orm } from '../database.ts';
import { placeholders, preparedQuery } from '../prepared.ts';
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
  return preparedQuery(db, insertEvent).get({
    ...rest,
    borrowingRequestId: kind === 'borrowing' ? requestRowId : null,
    lendingRequestId: kind === 'lending' ? requestRowId : null,
  }).id;
}

// Every desk step writes one, so built once (db/prepared.ts).
const insertEvent = (db: Orm) =>
  db
    .insert(requestEvents)
    .values(
      placeholders(
        'borrowingRequestId',
        'lendingRequestId',
        'at',
        'operatorId',
        'action',
        'fromStatus',
        'toStatus',
        'note',
      ),
    )
    .returning({ id: requestEvents.id })
    .prepare();

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

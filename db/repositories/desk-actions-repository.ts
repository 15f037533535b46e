import { and, desc, eq, isNull } from 'drizzle-orm';
import type { RequestKind } from '../../shared/domain/statuses.ts';
import type { Orm } from '../database.ts';
import { placeholders, preparedQuery } from '../prepared.ts';
import { deskActions } from '../schema.ts';

export interface DeskActionRow {
  readonly id: number;
  readonly sessionId: string;
  readonly operatorId: number | null;
  readonly at: string;
  readonly kind: RequestKind;
  readonly requestRowId: number;
  readonly action: string;
  readonly description: string;
  readonly fromStatus: string;
  readonly toStatus: string;
  /** The request columns the action changed, as they were before it. */
  readonly before: Record<string, unknown>;
  readonly eventId: number | null;
  readonly printJobIds: number[];
  readonly messageIds: number[];
  readonly undoneAt: string | null;
}

export type NewDeskAction = Omit<DeskActionRow, 'id' | 'undoneAt'>;

function ids(json: string): number[] {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === 'number') : [];
}

function toRow(r: typeof deskActions.$inferSelect): DeskActionRow {
  return {
    id: r.id,
    sessionId: r.sessionId,
    operatorId: r.operatorId,
    at: r.at,
    kind: r.kind,
    requestRowId: r.borrowingRequestId ?? r.lendingRequestId ?? 0,
    action: r.action,
    description: r.description,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    before: JSON.parse(r.before) as Record<string, unknown>,
    eventId: r.eventId,
    printJobIds: ids(r.printJobIds),
    messageIds: ids(r.messageIds),
    undoneAt: r.undoneAt,
  };
}

/** Records what a desk action did, for Undo; returns its id. */
export async function insertDeskAction(db: Orm, action: NewDeskAction): Promise<number> {
  const { kind, requestRowId, before, printJobIds, messageIds, ...rest } = action;
  return preparedQuery(db, insertAction).get({
    ...rest,
    kind,
    borrowingRequestId: kind === 'borrowing' ? requestRowId : null,
    lendingRequestId: kind === 'lending' ? requestRowId : null,
    before: JSON.stringify(before),
    printJobIds: JSON.stringify(printJobIds),
    messageIds: JSON.stringify(messageIds),
  }).id;
}

// Every desk step writes one, so built once (db/prepared.ts).
const insertAction = (db: Orm) =>
  db
    .insert(deskActions)
    .values(
      placeholders(
        'sessionId',
        'operatorId',
        'at',
        'kind',
        'borrowingRequestId',
        'lendingRequestId',
        'action',
        'description',
        'fromStatus',
        'toStatus',
        'before',
        'eventId',
        'printJobIds',
        'messageIds',
      ),
    )
    .returning({ id: deskActions.id })
    .prepare();

/** The newest desk action a window (session) made, undone or not. */
export async function latestDeskAction(
  db: Orm,
  sessionId: string,
): Promise<DeskActionRow | undefined> {
  const row = db
    .select()
    .from(deskActions)
    .where(eq(deskActions.sessionId, sessionId))
    .orderBy(desc(deskActions.id))
    .limit(1)
    .get();
  return row ? toRow(row) : undefined;
}

export async function getDeskAction(db: Orm, id: number): Promise<DeskActionRow | undefined> {
  const row = db.select().from(deskActions).where(eq(deskActions.id, id)).get();
  return row ? toRow(row) : undefined;
}

/** Marks an action undone; false when it already was. */
export async function markDeskActionUndone(db: Orm, id: number, at: string): Promise<boolean> {
  return (
    db
      .update(deskActions)
      .set({ undoneAt: at })
      .where(and(eq(deskActions.id, id), isNull(deskActions.undoneAt)))
      .run().changes > 0
  );
}

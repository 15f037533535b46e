import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { MessageState } from '../../shared/api/contract-messages.ts';
import type { RequestKind } from '../../shared/domain/statuses.ts';
import type { Orm } from '../database.ts';
import {
  borrowingRequests as br,
  lendingRequests as lr,
  partnerMessages as m,
  partners,
  patrons,
} from '../schema.ts';

/** Partner messages as the Partner Messages screen and a request's Messages section list them. */

export interface MessageListRow {
  readonly id: number;
  readonly direction: 'OUT' | 'IN';
  readonly partnerCode: string | null;
  readonly partnerName: string | null;
  readonly patronName: string | null;
  readonly borrowingRequestId: string | null;
  readonly lendingRequestId: string | null;
  readonly channel: 'iso18626' | 'email';
  readonly kind: string;
  readonly state: MessageState;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly waitsFor: number | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

/** Which messages: all, or those about one request (by row id); optionally in one state. */
export interface MessageFilter {
  readonly request?: { readonly kind: RequestKind; readonly rowId: number };
  readonly state?: MessageState;
}

/**
 * The earliest unsent message made before this one about the same request to the same
 * correspondent (outbox-repository.ts queueKeyOf): the sender holds this one back until it goes.
 */
const waitsFor = sql<number | null>`CASE WHEN ${m.direction} = 'OUT'
  AND ${m.state} IN ('PENDING', 'FAILED')
  AND (${m.borrowingRequestId} IS NOT NULL OR ${m.lendingRequestId} IS NOT NULL)
  THEN (SELECT min(e.id) FROM partner_messages e
    WHERE e.direction = 'OUT' AND e.state IN ('PENDING', 'FAILED') AND e.id < ${m.id}
      AND e.borrowing_request_id IS ${m.borrowingRequestId}
      AND e.lending_request_id IS ${m.lendingRequestId}
      AND e.partner_id IS ${m.partnerId}) END`;

const columns = {
  id: m.id,
  direction: m.direction,
  partnerCode: partners.code,
  partnerName: partners.name,
  patronName: patrons.name,
  borrowingRequestId: br.requestId,
  lendingRequestId: lr.requestId,
  channel: m.channel,
  kind: m.kind,
  state: m.state,
  attempts: m.attempts,
  lastError: m.lastError,
  nextAttemptAt: m.nextAttemptAt,
  waitsFor,
  createdAt: m.createdAt,
  sentAt: m.sentAt,
};

function requestCondition(filter: MessageFilter): SQL | undefined {
  if (!filter.request) return undefined;
  return filter.request.kind === 'borrowing'
    ? eq(m.borrowingRequestId, filter.request.rowId)
    : eq(m.lendingRequestId, filter.request.rowId);
}

function listQuery(db: Orm) {
  return db
    .select(columns)
    .from(m)
    .leftJoin(partners, eq(partners.id, m.partnerId))
    .leftJoin(br, eq(br.id, m.borrowingRequestId))
    .leftJoin(lr, eq(lr.id, m.lendingRequestId))
    .leftJoin(patrons, eq(patrons.id, br.patronId));
}

/** Messages newest first, `limit` of them made before message `after` (keyset paging). */
export async function listMessages(
  db: Orm,
  filter: MessageFilter & { readonly after?: number; readonly limit: number },
): Promise<MessageListRow[]> {
  return listQuery(db)
    .where(
      and(
        requestCondition(filter),
        filter.state === undefined ? undefined : eq(m.state, filter.state),
        filter.after === undefined ? undefined : lt(m.id, filter.after),
      ),
    )
    .orderBy(desc(m.id))
    .limit(filter.limit)
    .all();
}

export async function getMessageListRow(db: Orm, id: number): Promise<MessageListRow | undefined> {
  return listQuery(db).where(eq(m.id, id)).get();
}

/** How many messages there are in each state (under the request filter, not the state tab). */
export async function countMessagesByState(
  db: Orm,
  filter: MessageFilter,
): Promise<Record<MessageState, number>> {
  const counts: Record<MessageState, number> = {
    PENDING: 0,
    FAILED: 0,
    SENT: 0,
    WITHDRAWN: 0,
    RECEIVED: 0,
  };
  const rows = db
    .select({ state: m.state, n: sql<number>`count(*)` })
    .from(m)
    .where(requestCondition(filter))
    .groupBy(m.state)
    .all();
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/** A request's row id by its request ID (either kind unless `kind` is given); borrowing first. */
export async function findRequestRow(
  db: Orm,
  requestId: string,
  kind?: RequestKind,
): Promise<{ kind: RequestKind; rowId: number; requestId: string } | undefined> {
  if (kind !== 'lending') {
    const row = db
      .select({ id: br.id, requestId: br.requestId })
      .from(br)
      .where(eq(br.requestId, requestId))
      .get();
    if (row) return { kind: 'borrowing', rowId: row.id, requestId: row.requestId };
  }
  if (kind !== 'borrowing') {
    const row = db
      .select({ id: lr.id, requestId: lr.requestId })
      .from(lr)
      .where(eq(lr.requestId, requestId))
      .get();
    if (row) return { kind: 'lending', rowId: row.id, requestId: row.requestId };
  }
  return undefined;
}

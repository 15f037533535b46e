import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { LendingListResult, LendingTaskRow } from '../../shared/api/contract-lending-tasks.ts';
import { lendingRowActions, type Viewer } from '../../shared/domain/lending-tasks.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import type { Orm } from '../database.ts';
import {
  items,
  lendingRequests as lr,
  operators,
  partners,
  requestAlerts,
  workflowProfiles,
} from '../schema.ts';
import { parseProfile } from './borrowing-desk-repository.ts';
import { requestItem } from './lending-desk-repository.ts';
import { countRows } from './list-filters.ts';
import { countLendingTasks, noCounts } from './lending-task-facets.ts';
import {
  lendingConditions,
  needsFind,
  type LendingConditions,
  type LendingTaskQuery,
} from './lending-task-filter.ts';

/**
 * The Lending Requests task list (issue "5 · Lending desk", part 2): keyset pages newest first,
 * with the facet and tab counts, and the whole current filter for a bulk action.
 */

export interface PageRequest {
  /** The `nextAfter` of the previous page: rows with a smaller id follow. */
  readonly after?: number | undefined;
  readonly limit: number;
}

/** The requests the list shows: every count's base, the tab, and each chosen facet's values. */
function listedWhere(conditions: LendingConditions, query: LendingTaskQuery): SQL {
  return and(
    conditions.base,
    conditions.tabs[query.filter.tab],
    ...Object.values(conditions.chosen),
  ) as SQL;
}

const activeAlertCount = sql<number>`(SELECT count(*) FROM ${requestAlerts} WHERE ${requestAlerts.lendingRequestId} = ${lr.id} AND ${requestAlerts.removedAt} IS NULL)`;

/** The list rows of the requests with these row ids, newest first. */
function taskRows(db: Orm, ids: readonly number[], viewer: Viewer): LendingTaskRow[] {
  if (ids.length === 0) return [];
  return db
    .select({
      r: lr,
      partnerCode: partners.code,
      partnerName: partners.name,
      item: { barcode: items.barcode, callNumber: items.callNumber, location: items.location },
      assignee: operators.name,
      alerts: activeAlertCount,
      profile: {
        name: workflowProfiles.name,
        type: workflowProfiles.type,
        steps: workflowProfiles.steps,
      },
    })
    .from(lr)
    .innerJoin(partners, eq(partners.id, lr.partnerId))
    .leftJoin(items, requestItem)
    .leftJoin(operators, eq(operators.id, lr.assignedTo))
    .leftJoin(workflowProfiles, eq(workflowProfiles.id, partners.lendingWorkflowId))
    .where(inArray(lr.id, [...ids]))
    .orderBy(desc(lr.id))
    .all()
    .map(({ r, item, profile, ...joined }) => {
      const workflow = parseProfile(
        profile?.name ?? null,
        profile?.type ?? null,
        profile?.steps ?? null,
      );
      return {
        requestId: r.requestId,
        externalId: r.externalId,
        partnerCode: joined.partnerCode,
        partnerName: joined.partnerName,
        title: r.title,
        author: r.author,
        status: r.status,
        statusLabel: statusLabel('lending', r.status),
        itemBarcode: r.itemBarcode ?? item?.barcode ?? null,
        callNumber: item?.callNumber ?? null,
        location: item?.location ?? null,
        neededBy: r.neededBy,
        dueDate: r.dueDate,
        requestedFormat: r.requestedFormat,
        suppliedFormat: r.suppliedFormat,
        levelOfService: r.levelOfService,
        printed: r.printed,
        reported: r.reported,
        assignedTo: joined.assignee,
        alerts: Number(joined.alerts),
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        actions: lendingRowActions(
          { status: r.status, requestedFormat: r.requestedFormat, assignedTo: r.assignedTo },
          viewer,
          workflow,
        ),
      };
    });
}

/**
 * The ids of a page, newest first, and one more to tell whether another page follows. Only ids, so
 * that SQLite stops once it has them (an index range per status, each cut short by the limit);
 * the joined rows are read for these alone.
 */
export function pageIdsQuery(
  db: Orm,
  conditions: LendingConditions,
  query: LendingTaskQuery,
  page: PageRequest,
) {
  return db
    .select({ id: lr.id })
    .from(lr)
    .where(and(listedWhere(conditions, query), page.after ? lt(lr.id, page.after) : undefined))
    .orderBy(desc(lr.id))
    .limit(page.limit + 1);
}

/** One page of the task list, newest first, with the total, facet and tab counts. */
export async function listLendingTasks(
  db: Orm,
  query: LendingTaskQuery,
  page: PageRequest,
): Promise<LendingListResult> {
  if (needsFind(query.filter)) {
    return { rows: [], nextAfter: null, needsFind: true, ...noCounts(query) };
  }
  const conditions = lendingConditions(db, query);
  const ids = pageIdsQuery(db, conditions, query, page)
    .all()
    .map((r) => r.id);
  const shown = ids.slice(0, page.limit);
  return {
    rows: taskRows(db, shown, query.viewer),
    nextAfter: ids.length > page.limit ? (shown.at(-1) ?? null) : null,
    needsFind: false,
    ...countLendingTasks(db, query, conditions),
  };
}

/** What the whole filter lists, newest first, at most `limit`; none before Find has text. */
export async function lendingTaskIds(
  db: Orm,
  query: LendingTaskQuery,
  limit: number,
): Promise<{ id: number; requestId: string }[]> {
  if (needsFind(query.filter)) return [];
  return db
    .select({ id: lr.id, requestId: lr.requestId })
    .from(lr)
    .where(listedWhere(lendingConditions(db, query), query))
    .orderBy(desc(lr.id))
    .limit(limit)
    .all();
}

/** How many requests the whole filter lists. */
export async function countLendingTasksListed(db: Orm, query: LendingTaskQuery): Promise<number> {
  if (needsFind(query.filter)) return 0;
  return (
    db
      .select({ n: countRows })
      .from(lr)
      .where(listedWhere(lendingConditions(db, query), query))
      .get()?.n ?? 0
  );
}

/** The lending requests with these request IDs (any case), removed or not, in any order. */
export async function lendingTasksByRequestId(
  db: Orm,
  requestIds: readonly string[],
): Promise<{ id: number; requestId: string; removedAt: string | null }[]> {
  if (requestIds.length === 0) return [];
  return db
    .select({ id: lr.id, requestId: lr.requestId, removedAt: lr.removedAt })
    .from(lr)
    .where(inArray(lr.requestId, [...requestIds]))
    .all();
}

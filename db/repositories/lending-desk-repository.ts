import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { WorkflowProfile } from '../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../database.ts';
import { preparedQuery } from '../prepared.ts';
import { items, lendingRequests as lr, partners, workflowProfiles } from '../schema.ts';
import { parseProfile } from './borrowing-desk-repository.ts';

/** A lending request as Shipping Items, Scan In Items and pull slips work with it. */
export interface DeskLendingRow {
  readonly id: number;
  readonly requestId: string;
  readonly externalId: string;
  readonly title: string;
  readonly author: string | null;
  readonly status: string;
  /** PHYSICAL, DIGITAL or PHYSICAL_NON_RETURNABLE: what the partner asked for. */
  readonly requestedFormat: string;
  readonly itemId: number | null;
  /** The request's own item barcode column (null when the request names none yet). */
  readonly itemBarcode: string | null;
  readonly dueDate: string | null;
  readonly suppliedFormat: string | null;
  readonly shippingCost: number | null;
  readonly note: string | null;
  /** Conditional's reason and date for reply; Reject's ReasonUnfilled code. */
  readonly conditionReason: string | null;
  readonly replyBy: string | null;
  readonly rejectReason: string | null;
  /** The located item, or the item the request names by barcode; where it shelves. */
  readonly item: {
    readonly barcode: string;
    readonly callNumber: string | null;
    readonly location: string | null;
  } | null;
  readonly partner: {
    readonly id: number;
    readonly code: string;
    readonly name: string;
    readonly symbol: string | null;
    readonly protocol: 'iso18626' | 'email';
    readonly email: string | null;
    readonly loanPeriodDays: number | null;
  };
  /** The partner's lending workflow profile; absent when none is set (optional steps allowed). */
  readonly profile: WorkflowProfile | undefined;
}

/**
 * A request's item, as the slips and the task list show it: the located item, or else the item
 * the request names before Locate ran.
 */
export const requestItem = or(
  eq(items.id, lr.itemId),
  and(isNull(lr.itemId), eq(items.barcode, lr.itemBarcode)),
) as SQL;

/** The rows matching `where`, oldest first: when one item serves several, the earlier ships first. */
function lendingQuery(db: Orm, where: SQL) {
  return (
    db
      .select({ r: lr, i: items, p: partners, w: workflowProfiles })
      .from(lr)
      .innerJoin(partners, eq(partners.id, lr.partnerId))
      .leftJoin(items, requestItem)
      .leftJoin(workflowProfiles, eq(workflowProfiles.id, partners.lendingWorkflowId))
      // A removed request (Remove Requests) is gone from the scan screens and pull slips.
      .where(and(isNull(lr.removedAt), where))
      .orderBy(lr.id)
  );
}

type BaseRow = ReturnType<ReturnType<typeof lendingQuery>['all']>[number];

function toDeskRow({ r, i, p, w }: BaseRow): DeskLendingRow {
  return {
    id: r.id,
    requestId: r.requestId,
    externalId: r.externalId,
    title: r.title,
    author: r.author,
    status: r.status,
    requestedFormat: r.requestedFormat,
    itemId: r.itemId,
    itemBarcode: r.itemBarcode,
    dueDate: r.dueDate,
    suppliedFormat: r.suppliedFormat,
    shippingCost: r.shippingCost,
    note: r.note,
    conditionReason: r.conditionReason,
    replyBy: r.replyBy,
    rejectReason: r.rejectReason,
    item: i && { barcode: i.barcode, callNumber: i.callNumber, location: i.location },
    partner: {
      id: p.id,
      code: p.code,
      name: p.name,
      symbol: p.symbol,
      protocol: p.protocol,
      email: p.email,
      loanPeriodDays: p.loanPeriodDays,
    },
    profile: parseProfile(w?.name ?? null, w?.type ?? null, w?.steps ?? null),
  };
}

// The scan path's lookups, prepared once per connection (db/prepared.ts).
const value = sql.placeholder('value');
const byRequestId = (db: Orm) => lendingQuery(db, eq(lr.requestId, value)).prepare();
const byExternalId = (db: Orm) => lendingQuery(db, eq(lr.externalId, value)).prepare();
/** By the request's own barcode column or its located item (`itemId` null matches no item). */
const byItemBarcode = (db: Orm) =>
  lendingQuery(
    db,
    or(eq(lr.itemBarcode, value), eq(lr.itemId, sql.placeholder('itemId'))) as SQL,
  ).prepare();
const itemQuery = (db: Orm) =>
  db.select().from(items).where(eq(items.barcode, value)).orderBy(desc(items.id)).prepare();

/** The item barcode a request ships: its own column, else its located item's. */
export function itemBarcodeOf(row: DeskLendingRow): string | null {
  return row.itemBarcode ?? row.item?.barcode ?? null;
}

/** One lending request by its request ID (any case). */
export async function lendingByRequestId(
  db: Orm,
  requestId: string,
): Promise<DeskLendingRow | undefined> {
  const row = preparedQuery(db, byRequestId).get({ value: requestId });
  return row && toDeskRow(row);
}

/** The lending requests with this External Identifier (any case), at every partner. */
export async function lendingByExternalId(db: Orm, externalId: string): Promise<DeskLendingRow[]> {
  return preparedQuery(db, byExternalId).all({ value: externalId }).map(toDeskRow);
}

/** The lending requests for the item with this barcode (any case), oldest first. */
export async function lendingByItemBarcode(db: Orm, barcode: string): Promise<DeskLendingRow[]> {
  const item = await itemByBarcode(db, barcode);
  return preparedQuery(db, byItemBarcode)
    .all({ value: barcode, itemId: item?.id ?? null })
    .map(toDeskRow);
}

/** The newest request of several; what a screen shows when none of them fits. */
export function newest(rows: readonly DeskLendingRow[]): DeskLendingRow | undefined {
  return rows.at(-1);
}

/** An item of the library's own collection by barcode (any case). */
export async function itemByBarcode(
  db: Orm,
  barcode: string,
): Promise<typeof items.$inferSelect | undefined> {
  return preparedQuery(db, itemQuery).get({ value: barcode });
}

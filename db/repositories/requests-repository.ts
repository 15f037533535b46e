import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  BorrowingRow,
  Facet,
  HistoryEvent,
  RequestDetail,
} from '../../shared/api/contract.ts';
import { statusLabel, type RequestKind } from '../../shared/domain/statuses.ts';
import { actionLabel } from '../../shared/domain/transitions.ts';
import type { Orm } from '../database.ts';
import {
  borrowingRequests as br,
  items,
  lendingRequests as lr,
  operators,
  partners,
  patrons,
  requestEvents,
} from '../schema.ts';
import { countRows, facetRows, likeAny, partnerIdsOf, whereOf } from './list-filters.ts';
import { getPartnerById } from './partners-repository.ts';

export interface ListFilter {
  readonly find?: string | undefined;
  readonly status?: readonly string[] | undefined;
  readonly partner?: readonly string[] | undefined;
  readonly after?: number | undefined;
  readonly limit: number;
}

export interface ListPage<Row> {
  rows: Row[];
  nextAfter: number | null;
  total: number;
  facets: { status: Facet[]; partner: Facet[] };
}

type Parts = Partial<Record<'find' | 'status' | 'partner', SQL | undefined>>;

/** The Borrowing Requests list: newest first, keyset-paged, with status and partner facets. */
export async function listBorrowing(db: Orm, f: ListFilter): Promise<ListPage<BorrowingRow>> {
  const text = f.find?.trim();
  const partnerIds = partnerIdsOf(db, f.partner);
  const parts: Parts = {
    find: text
      ? or(
          eq(br.requestId, text),
          eq(br.externalId, text),
          eq(br.tempBarcode, text),
          eq(br.lenderItemBarcode, text),
          likeAny([sql`${br.title}`, sql`${patrons.name}`, sql`${partners.name}`], text),
        )
      : undefined,
    status: f.status?.length ? inArray(br.status, [...f.status]) : undefined,
    partner: partnerIds ? inArray(br.partnerId, partnerIds) : undefined,
  };
  const where = whereOf(parts);
  const page = db
    .select({
      id: br.id,
      requestId: br.requestId,
      externalId: br.externalId,
      partnerCode: partners.code,
      partnerName: partners.name,
      patronName: patrons.name,
      title: br.title,
      author: br.author,
      status: br.status,
      tempBarcode: br.tempBarcode,
      dueDate: br.dueDate,
      updatedAt: br.updatedAt,
    })
    .from(br)
    .innerJoin(partners, eq(partners.id, br.partnerId))
    .innerJoin(patrons, eq(patrons.id, br.patronId))
    .where(and(where, f.after ? lt(br.id, f.after) : undefined))
    .orderBy(desc(br.id))
    .limit(f.limit)
    .all();

  const total =
    db
      .select({ n: countRows })
      .from(br)
      .innerJoin(partners, eq(partners.id, br.partnerId))
      .innerJoin(patrons, eq(patrons.id, br.patronId))
      .where(where)
      .get()?.n ?? 0;
  const statusFacet = db
    .select({ value: br.status, count: countRows })
    .from(br)
    .innerJoin(partners, eq(partners.id, br.partnerId))
    .innerJoin(patrons, eq(patrons.id, br.patronId))
    .where(whereOf(parts, 'status'))
    .groupBy(br.status)
    .all();
  const partnerFacet = db
    .select({ value: partners.code, name: partners.name, count: countRows })
    .from(br)
    .innerJoin(partners, eq(partners.id, br.partnerId))
    .innerJoin(patrons, eq(patrons.id, br.patronId))
    .where(whereOf(parts, 'partner'))
    .groupBy(partners.code)
    .all();
  const names = new Map(partnerFacet.map((p) => [p.value, p.name]));

  return {
    rows: page.map(({ id: _id, ...r }) => ({
      ...r,
      statusLabel: statusLabel('borrowing', r.status),
    })),
    nextAfter: page.length === f.limit ? (page.at(-1)?.id ?? null) : null,
    total,
    facets: {
      status: facetRows(statusFacet, (v) => statusLabel('borrowing', v)),
      partner: facetRows(partnerFacet, (v) => names.get(v) ?? v),
    },
  };
}

/** History actions that are not moves of the transition table, in the words the history shows. */
const EVENT_LABELS: Readonly<Record<string, string>> = {
  IMPORT: 'Imported',
  CREATE: 'Created at the desk',
  UNDO: 'Undo',
  ASSIGN: 'Assigned',
  RELEASE: 'Released',
  EDIT: 'Edited',
  DUPLICATE: 'Duplicated',
  ROTA_NEXT: 'Next partner in the rota',
  LOCATED: 'Located',
  CHANGE_STATUS: 'Status changed',
  REMOVE: 'Removed',
  REMOVE_ALERTS: 'Alerts removed',
  REACTIVATE: 'Reactivated',
};

function history(db: Orm, kind: RequestKind, id: number): HistoryEvent[] {
  const column =
    kind === 'borrowing' ? requestEvents.borrowingRequestId : requestEvents.lendingRequestId;
  return db
    .select({ e: requestEvents, operator: operators.name })
    .from(requestEvents)
    .leftJoin(operators, eq(operators.id, requestEvents.operatorId))
    .where(eq(column, id))
    .orderBy(requestEvents.id)
    .all()
    .map(({ e, operator }) => ({
      at: e.at,
      action: e.action,
      actionLabel: EVENT_LABELS[e.action] ?? actionLabel(kind, e.action),
      fromStatus: e.fromStatus,
      fromLabel: e.fromStatus ? statusLabel(kind, e.fromStatus) : null,
      toStatus: e.toStatus,
      toLabel: e.toStatus ? statusLabel(kind, e.toStatus) : null,
      operator,
      note: e.note,
    }));
}

/** One request by its request ID (any case), with partner, patron or item, and history. */
export async function getRequestDetail(
  db: Orm,
  kind: RequestKind,
  requestId: string,
): Promise<RequestDetail | undefined> {
  if (kind === 'borrowing') {
    const row = db
      .select({ r: br, patron: patrons })
      .from(br)
      .innerJoin(patrons, eq(patrons.id, br.patronId))
      .where(eq(br.requestId, requestId))
      .get();
    if (!row) return undefined;
    const { r, patron } = row;
    const partner = await getPartnerById(db, r.partnerId);
    if (!partner) return undefined;
    return {
      kind,
      requestId: r.requestId,
      externalId: r.externalId,
      status: r.status,
      statusLabel: statusLabel(kind, r.status),
      title: r.title,
      author: r.author,
      isbn: r.isbn,
      format: r.format,
      neededBy: r.neededBy,
      dueDate: r.dueDate,
      note: r.note,
      partner,
      patron: {
        patronId: patron.patronId,
        name: patron.name,
        barcode: patron.barcode,
        email: patron.email,
        pickupLocation: patron.pickupLocation,
      },
      item: null,
      tempBarcode: r.tempBarcode,
      holdUntil: r.holdUntil,
      receivedAt: r.receivedAt,
      levelOfService: null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      history: history(db, kind, r.id),
    };
  }
  const row = db
    .select({ r: lr, item: items })
    .from(lr)
    .leftJoin(items, eq(items.id, lr.itemId))
    .where(eq(lr.requestId, requestId))
    .get();
  if (!row) return undefined;
  const { r, item } = row;
  const partner = await getPartnerById(db, r.partnerId);
  if (!partner) return undefined;
  return {
    kind,
    requestId: r.requestId,
    externalId: r.externalId,
    status: r.status,
    statusLabel: statusLabel(kind, r.status),
    title: r.title,
    author: r.author,
    isbn: r.isbn,
    format: r.requestedFormat,
    neededBy: r.neededBy,
    dueDate: r.dueDate,
    note: r.note,
    partner,
    patron: null,
    item: item
      ? {
          barcode: item.barcode,
          title: item.title,
          callNumber: item.callNumber,
          location: item.location,
          library: item.library,
        }
      : null,
    tempBarcode: null,
    holdUntil: null,
    receivedAt: null,
    levelOfService: r.levelOfService,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    history: history(db, kind, r.id),
  };
}

export async function countRequests(db: Orm): Promise<{ borrowing: number; lending: number }> {
  return {
    borrowing: db.select({ n: countRows }).from(br).get()?.n ?? 0,
    lending: db.select({ n: countRows }).from(lr).get()?.n ?? 0,
  };
}

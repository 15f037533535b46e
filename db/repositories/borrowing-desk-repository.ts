import { and, eq, gte, inArray, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { BORROWING_FINAL } from '../../shared/domain/statuses.ts';
import type { WorkflowProfile } from '../../shared/domain/workflow-profiles.ts';
import type { SlipAddress } from '../../shared/printing/slip-data.ts';
import type { Orm } from '../database.ts';
import { preparedQuery } from '../prepared.ts';
import { borrowingRequests as br, partners, patrons, workflowProfiles } from '../schema.ts';

/** A borrowing request as the Receiving Items and Return Items screens work with it. */
export interface DeskBorrowingRow {
  readonly id: number;
  readonly requestId: string;
  readonly externalId: string;
  readonly title: string;
  readonly author: string | null;
  readonly status: string;
  readonly tempBarcode: string | null;
  readonly lenderItemBarcode: string | null;
  readonly pieces: number;
  readonly holdUntil: string | null;
  readonly receivedAt: string | null;
  readonly dueDate: string | null;
  readonly updatedAt: string;
  readonly partner: {
    readonly id: number;
    readonly code: string;
    readonly name: string;
    readonly symbol: string | null;
    readonly protocol: 'iso18626' | 'email';
    readonly email: string | null;
    readonly address: SlipAddress;
  };
  readonly patron: {
    readonly id: number;
    readonly patronId: string;
    readonly name: string;
    readonly email: string | null;
    readonly pickupLocation: string | null;
  };
  /** The partner's borrowing workflow profile; absent when none is set (optional steps allowed). */
  readonly profile: WorkflowProfile | undefined;
}

/** The request columns a borrowing desk action may change, and so Undo may restore. */
export interface BorrowingChanges {
  status?: string;
  receivedAt?: string | null;
  holdUntil?: string | null;
  tempBarcode?: string | null;
  pieces?: number;
  updatedAt?: string;
}
export const BORROWING_UNDOABLE = [
  'status',
  'receivedAt',
  'holdUntil',
  'tempBarcode',
  'pieces',
] as const satisfies readonly (keyof BorrowingChanges)[];

export function parseProfile(
  name: string | null,
  type: 'BORROWING' | 'LENDING' | null,
  steps: string | null,
): WorkflowProfile | undefined {
  if (name === null || type === null || steps === null) return undefined;
  const parsed = JSON.parse(steps) as unknown;
  return { name, type, steps: Array.isArray(parsed) ? parsed.map(String) : [] };
}

function baseQuery(db: Orm) {
  return db
    .select({ r: br, p: partners, u: patrons, w: workflowProfiles })
    .from(br)
    .innerJoin(partners, eq(partners.id, br.partnerId))
    .innerJoin(patrons, eq(patrons.id, br.patronId))
    .leftJoin(workflowProfiles, eq(workflowProfiles.id, partners.borrowingWorkflowId));
}

type BaseRow = ReturnType<ReturnType<typeof baseQuery>['all']>[number];

function toDeskRow({ r, p, u, w }: BaseRow): DeskBorrowingRow {
  return {
    id: r.id,
    requestId: r.requestId,
    externalId: r.externalId,
    title: r.title,
    author: r.author,
    status: r.status,
    tempBarcode: r.tempBarcode,
    lenderItemBarcode: r.lenderItemBarcode,
    pieces: r.pieces,
    holdUntil: r.holdUntil,
    receivedAt: r.receivedAt,
    dueDate: r.dueDate,
    updatedAt: r.updatedAt,
    partner: {
      id: p.id,
      code: p.code,
      name: p.name,
      symbol: p.symbol,
      protocol: p.protocol,
      email: p.email,
      address: {
        line1: p.addressLine1,
        line2: p.addressLine2,
        locality: p.locality,
        region: p.region,
        postalCode: p.postalCode,
        country: p.country,
      },
    },
    patron: {
      id: u.id,
      patronId: u.patronId,
      name: u.name,
      email: u.email,
      pickupLocation: u.pickupLocation,
    },
    profile: parseProfile(w?.name ?? null, w?.type ?? null, w?.steps ?? null),
  };
}

function deskRows(db: Orm, where: SQL | undefined): DeskBorrowingRow[] {
  return baseQuery(db).where(where).orderBy(br.id).all().map(toDeskRow);
}

// The scan path's lookups, prepared once per connection (db/prepared.ts).
const value = sql.placeholder('value');
const byRequestId = (db: Orm) =>
  baseQuery(db).where(eq(br.requestId, value)).orderBy(br.id).prepare();
const byExternalId = (db: Orm) =>
  baseQuery(db).where(eq(br.externalId, value)).orderBy(br.id).prepare();
const byItemBarcode = (db: Orm) =>
  baseQuery(db)
    .where(or(eq(br.tempBarcode, value), eq(br.lenderItemBarcode, value)))
    .orderBy(br.id)
    .prepare();

/** Every borrowing request with this External Identifier (any case), at whichever partner issued it. */
export async function borrowingByExternalId(
  db: Orm,
  externalId: string,
): Promise<DeskBorrowingRow[]> {
  return preparedQuery(db, byExternalId).all({ value: externalId }).map(toDeskRow);
}

/** An External Identifier without its leading zeros, as borrowing_external_trimmed_idx holds it. */
const trimmedExternalId = sql`ltrim(${br.externalId}, '0') COLLATE NOCASE`;

/**
 * The ids of up to five requests whose External Identifier is near `trimmed` (a scanned value
 * without its leading zeros): the same digits, and from four characters on, longer identifiers
 * that start with them. Searches borrowing_external_trimmed_idx (test/integration/query-plans).
 */
export function nearestIdsQuery(db: Orm, trimmed: string) {
  const query = db.select({ id: br.id }).from(br);
  // Both orders are the index's own, so the search needs no sort.
  return trimmed.length >= 4
    ? query
        .where(and(gte(trimmedExternalId, trimmed), lt(trimmedExternalId, `${trimmed}\u{10FFFF}`)))
        .orderBy(trimmedExternalId)
        .limit(5)
    : query.where(eq(trimmedExternalId, trimmed)).orderBy(br.id).limit(5);
}

/** Borrowing requests whose External Identifier is near `value`, nearest first (see above). */
export async function nearestByExternalId(db: Orm, value: string): Promise<DeskBorrowingRow[]> {
  const trimmed = value.replace(/^0+/, '');
  if (trimmed === '') return [];
  const ids = nearestIdsQuery(db, trimmed)
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return [];
  const order = new Map(ids.map((id, i) => [id, i]));
  return deskRows(db, inArray(br.id, ids)).sort(
    (a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}

/** One borrowing request by its request ID (any case). */
export async function borrowingByRequestId(
  db: Orm,
  requestId: string,
): Promise<DeskBorrowingRow | undefined> {
  const row = preparedQuery(db, byRequestId).get({ value: requestId });
  return row && toDeskRow(row);
}

/** Borrowing requests an item barcode belongs to: its temporary barcode or the lender's barcode. */
export async function borrowingByItemBarcode(
  db: Orm,
  barcode: string,
): Promise<DeskBorrowingRow[]> {
  return preparedQuery(db, byItemBarcode).all({ value: barcode }).map(toDeskRow);
}

const barcodeHolder = (db: Orm) =>
  db
    .select({ id: br.id, requestId: br.requestId })
    .from(br)
    .where(
      and(
        or(eq(br.tempBarcode, value), eq(br.lenderItemBarcode, value)),
        notInArray(br.status, [...BORROWING_FINAL]),
        ne(br.id, sql.placeholder('exceptId')),
      ),
    )
    .limit(1)
    .prepare();

/**
 * The active borrowing request, other than `exceptId`, that an item barcode already belongs to:
 * Return Items finds a request by either barcode, so two active requests must not share one.
 */
export async function activeBarcodeHolder(
  db: Orm,
  barcode: string,
  exceptId: number,
): Promise<{ id: number; requestId: string } | undefined> {
  return preparedQuery(db, barcodeHolder).get({ value: barcode, exceptId });
}

/** Writes the columns a desk action changed (or Undo restores). */
export async function updateBorrowing(
  db: Orm,
  id: number,
  changes: BorrowingChanges,
): Promise<void> {
  db.update(br).set(changes).where(eq(br.id, id)).run();
}

import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { borrowingRequests, borrowingRotas, partners, rotaTemplates } from '../schema.ts';

/**
 * Rota templates and borrowing requests' rotas (issue "9 · Configuration", part 3). Both keep
 * their partners as a JSON array of ids, in the order they are tried.
 */

export interface RotaPartner {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
}

export interface RotaTemplateRow {
  readonly id: number;
  readonly name: string;
  readonly partners: readonly RotaPartner[];
}

export interface BorrowingRota {
  readonly partners: readonly RotaPartner[];
  /** Index in `partners` of the lender the request is with now. */
  readonly position: number;
}

function parseIds(json: string): number[] {
  try {
    const ids: unknown = JSON.parse(json);
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

/** The partners of a list of ids, in the list's order (a partner no longer there is left out). */
function partnersOf(db: Orm, ids: readonly number[]): RotaPartner[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({ id: partners.id, code: partners.code, name: partners.name, active: partners.active })
    .from(partners)
    .where(inArray(partners.id, [...ids]))
    .all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listRotaTemplates(db: Orm): Promise<RotaTemplateRow[]> {
  return db
    .select()
    .from(rotaTemplates)
    .orderBy(asc(rotaTemplates.name))
    .all()
    .map((t) => ({ id: t.id, name: t.name, partners: partnersOf(db, parseIds(t.partners)) }));
}

/** A template by id, or by name in any letter case. */
export async function findRotaTemplate(
  db: Orm,
  key: { readonly id: number } | { readonly name: string },
): Promise<RotaTemplateRow | undefined> {
  const where =
    'id' in key
      ? eq(rotaTemplates.id, key.id)
      : sql`${rotaTemplates.name} = ${key.name} COLLATE NOCASE`;
  const t = db.select().from(rotaTemplates).where(where).get();
  return t && { id: t.id, name: t.name, partners: partnersOf(db, parseIds(t.partners)) };
}

export async function saveRotaTemplate(
  db: Orm,
  id: number | undefined,
  values: { readonly name: string; readonly partnerIds: readonly number[] },
): Promise<number> {
  const row = { name: values.name, partners: JSON.stringify(values.partnerIds) };
  if (id !== undefined) {
    db.update(rotaTemplates).set(row).where(eq(rotaTemplates.id, id)).run();
    return id;
  }
  return db.insert(rotaTemplates).values(row).returning({ id: rotaTemplates.id }).get().id;
}

/** A borrowing request's rota, if it has one. */
export async function borrowingRota(
  db: Orm,
  borrowingRowId: number,
): Promise<BorrowingRota | undefined> {
  const row = db
    .select()
    .from(borrowingRotas)
    .where(eq(borrowingRotas.borrowingRequestId, borrowingRowId))
    .get();
  return row && { partners: partnersOf(db, parseIds(row.partners)), position: row.position };
}

/** Gives a borrowing request its rota (replacing any it had), with the lender it is with now. */
export async function setBorrowingRota(
  db: Orm,
  borrowingRowId: number,
  partnerIds: readonly number[],
  position: number,
): Promise<void> {
  const row = { partners: JSON.stringify(partnerIds), position };
  db.insert(borrowingRotas)
    .values({ borrowingRequestId: borrowingRowId, ...row })
    .onConflictDoUpdate({ target: borrowingRotas.borrowingRequestId, set: row })
    .run();
}

/** Moves a borrowing request's rota on to the lender at `position`. */
export async function moveBorrowingRota(
  db: Orm,
  borrowingRowId: number,
  position: number,
): Promise<void> {
  db.update(borrowingRotas)
    .set({ position })
    .where(eq(borrowingRotas.borrowingRequestId, borrowingRowId))
    .run();
}

/**
 * Hands a borrowing request to another lender: its partner changes and its External Identifier is
 * our request ID again, until the new lender answers with its own.
 */
export async function switchLender(
  db: Orm,
  row: { readonly id: number; readonly requestId: string },
  partnerId: number,
  at: string,
): Promise<void> {
  db.update(borrowingRequests)
    .set({ partnerId, externalId: row.requestId, updatedAt: at })
    .where(eq(borrowingRequests.id, row.id))
    .run();
}

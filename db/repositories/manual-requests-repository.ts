import { eq, or, sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { borrowingRequests as br, lendingRequests as lr, patrons } from '../schema.ts';

/**
 * What requests typed in at the desk need beyond the lending task's own repository: the patron a
 * borrowing request is for, a borrowing request's row, and request IDs the desk makes itself.
 */

export type PatronRow = typeof patrons.$inferSelect;

/** A patron by their ID or library card barcode (any case): staff type or scan either. */
export async function findPatron(db: Orm, idOrBarcode: string): Promise<PatronRow | undefined> {
  return db
    .select()
    .from(patrons)
    .where(or(eq(patrons.patronId, idOrBarcode), eq(patrons.barcode, idOrBarcode)))
    .get();
}

export type NewBorrowingRequest = Pick<
  typeof br.$inferInsert,
  | 'requestId'
  | 'externalId'
  | 'partnerId'
  | 'patronId'
  | 'title'
  | 'author'
  | 'isbn'
  | 'status'
  | 'format'
  | 'neededBy'
  | 'note'
  | 'createdAt'
  | 'updatedAt'
>;

/** Inserts a borrowing request; returns its row id. */
export async function insertBorrowingRequest(db: Orm, row: NewBorrowingRequest): Promise<number> {
  return db.insert(br).values(row).returning({ id: br.id }).get().id;
}

/**
 * How many requests already carry IDs starting `prefix` (either side), so the next one the desk
 * makes counts on from there: B-20261123-1, B-20261123-2, …
 */
export async function countRequestIdsStarting(db: Orm, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const count = (table: typeof br | typeof lr) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(sql`${table.requestId} LIKE ${pattern} ESCAPE '\\'`)
      .get()?.n ?? 0;
  return count(br) + count(lr);
}

import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { borrowingRequests as br } from '../schema.ts';

/**
 * What a lender needs to find the item we ask for (the ISO 18626 Request's bibliographic and
 * service details), and nothing about the patron: Send to partner stores it with the message.
 */
export interface BorrowingCitation {
  readonly author: string | null;
  readonly isbn: string | null;
  /** PHYSICAL, DIGITAL or PHYSICAL_NON_RETURNABLE: a loan or a copy. */
  readonly format: string;
  readonly neededBy: string | null;
}

/** A borrowing request's citation details by its row id. */
export async function borrowingCitation(
  db: Orm,
  rowId: number,
): Promise<BorrowingCitation | undefined> {
  return db
    .select({ author: br.author, isbn: br.isbn, format: br.format, neededBy: br.neededBy })
    .from(br)
    .where(eq(br.id, rowId))
    .get();
}

import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { partners, patrons } from '../schema.ts';

/**
 * A letter's addressee's email address as it is now: a letter that failed for want of an address
 * goes to the one staff set since, when they retry it. Undefined when the record is gone.
 */
export async function currentEmail(
  db: Orm,
  to: { readonly partnerId: number } | { readonly patronId: string },
): Promise<string | null | undefined> {
  const row =
    'partnerId' in to
      ? db
          .select({ email: partners.email })
          .from(partners)
          .where(eq(partners.id, to.partnerId))
          .get()
      : db
          .select({ email: patrons.email })
          .from(patrons)
          .where(eq(patrons.patronId, to.patronId))
          .get();
  return row === undefined ? undefined : row.email;
}

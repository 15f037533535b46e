import { and, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Facet } from '../../shared/api/contract.ts';
import type { Orm } from '../database.ts';
import { partners } from '../schema.ts';

/**
 * The pieces the request lists (Borrowing Requests, the Lending Requests task list) build their
 * queries from: Find-box matching, partner codes, and standard faceting, where each facet is
 * counted with every filter applied but its own.
 */

/** `count(*)` as a number. */
export const countRows = sql<number>`count(*)`.mapWith(Number);

/** `%text%` for LIKE, with the wildcards in the text itself taken literally. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column LIKE '%text%'`. Plain text goes without an ESCAPE clause, so that a trigram full-text
 * table can answer it from its index (SQLite offers it only a two-argument LIKE); text with a
 * wildcard character in it keeps the clause and is matched literally.
 */
export function containsText(column: SQL, text: string): SQL {
  return /[\\%_]/.test(text)
    ? sql`${column} LIKE ${contains(text)} ESCAPE '\\'`
    : sql`${column} LIKE ${`%${text}%`}`;
}

/** Any of `columns` contains `text` (LIKE: ASCII letters in any case). */
export function likeAny(columns: readonly SQL[], text: string): SQL {
  const pattern = contains(text);
  return or(...columns.map((c) => sql`${c} LIKE ${pattern} ESCAPE '\\'`)) as SQL;
}

/** The ids of the partners with these codes (any case); undefined when no code was given. */
export function partnerIdsOf(db: Orm, codes: readonly string[] | undefined): number[] | undefined {
  if (!codes || codes.length === 0) return undefined;
  return db
    .select({ id: partners.id })
    .from(partners)
    .where(inArray(partners.code, [...codes]))
    .all()
    .map((r) => r.id);
}

/** The conditions in `parts` ANDed, leaving out `skip`'s: a facet counts under the others. */
export function whereOf<K extends string>(
  parts: Readonly<Partial<Record<K, SQL | undefined>>>,
  skip?: K,
): SQL | undefined {
  const list = (Object.keys(parts) as K[])
    .filter((k) => k !== skip)
    .map((k) => parts[k])
    .filter((c): c is SQL => c !== undefined);
  return list.length ? and(...list) : undefined;
}

/** Facet values labelled, most requests first, then by label. */
export function facetRows(
  rows: readonly { value: string; count: number }[],
  label: (value: string) => string,
): Facet[] {
  return rows
    .map((r) => ({ value: r.value, label: label(r.value), count: r.count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

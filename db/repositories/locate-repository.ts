import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import {
  isbnForms,
  isbn13,
  locatedNote,
  locateFailedMessage,
  titleAndAuthorFit,
  titleKey,
  type Citation,
  type LocateSearch,
} from '../../shared/domain/locate.ts';
import type { Orm } from '../database.ts';
import { items, lendingRequests as lr } from '../schema.ts';
import { insertRequestEvent } from './request-events-repository.ts';
import { addAlert, removeAlerts } from './request-alerts-repository.ts';

/**
 * Locate (issue "5 · Lending desk", part 3): find the library's item for a lending request, by
 * ISBN, then by title and author. Exactly one → the request is linked to it and is a Created
 * lending request; none or several → Locate failed, with the candidates kept for staff to choose
 * from and a LOCATE_FAILED alert. Runs inside the caller's transaction: an import's, a Duplicate's
 * or the Locate row action's.
 */

export type CandidateItem = Pick<
  typeof items.$inferSelect,
  'id' | 'barcode' | 'title' | 'author' | 'isbn' | 'callNumber' | 'location' | 'library'
>;

const CANDIDATE_COLUMNS = {
  id: items.id,
  barcode: items.barcode,
  title: items.title,
  author: items.author,
  isbn: items.isbn,
  callNumber: items.callNumber,
  location: items.location,
  library: items.library,
};

/** The items a citation found, and by which search. */
export interface ItemSearch {
  readonly search: LocateSearch;
  readonly items: readonly CandidateItem[];
}

export interface ItemFinder {
  find(citation: Citation): ItemSearch;
}

/**
 * A finder for one transaction. ISBN: an index range per stored form (ISBN-13 and ISBN-10; a
 * qualifier after the digits, as in "9780262046305 (hardcover)", still matches), checked again
 * after reading. Title and author: the items are read once, on first need, into a map by title
 * key, so an import that locates thousands of requests reads the items table once. An item whose
 * ISBN is stored with hyphens is found by its title and author instead.
 */
export function createItemFinder(db: Orm): ItemFinder {
  let byTitle: Map<string, CandidateItem[]> | undefined;
  const titleIndex = (): Map<string, CandidateItem[]> => {
    if (byTitle) return byTitle;
    byTitle = new Map();
    for (const item of db.select(CANDIDATE_COLUMNS).from(items).orderBy(items.id).all()) {
      const key = titleKey(item.title);
      const same = byTitle.get(key);
      if (same) same.push(item);
      else byTitle.set(key, [item]);
    }
    return byTitle;
  };

  const byIsbn = (isbn: string | null): CandidateItem[] => {
    const wanted = isbn13(isbn);
    if (wanted === null) return [];
    const found = new Map<number, CandidateItem>();
    for (const form of isbnForms(isbn)) {
      const rows = db
        .select(CANDIDATE_COLUMNS)
        .from(items)
        .where(and(gte(items.isbn, form), lt(items.isbn, `${form}\u{10FFFF}`)))
        .all();
      for (const row of rows) if (isbn13(row.isbn) === wanted) found.set(row.id, row);
    }
    return [...found.values()].sort((a, b) => a.id - b.id);
  };

  return {
    find(citation) {
      const isbnMatches = byIsbn(citation.isbn);
      if (isbnMatches.length > 0) return { search: 'ISBN', items: isbnMatches };
      const sameTitle = titleIndex().get(titleKey(citation.title)) ?? [];
      return {
        search: 'TITLE_AUTHOR',
        items: sameTitle.filter((item) => titleAndAuthorFit(citation, item)),
      };
    },
  };
}

/** What Locate needs of a lending request. */
export interface LocateTarget extends Citation {
  readonly id: number;
  readonly requestId: string;
  readonly status: string;
}

/** Who located, and when, for the history event. */
export interface LocateStamp {
  readonly at: string;
  readonly operatorId: number | null;
}

export interface LocateOutcome {
  readonly status: string;
  /** The linked item, when exactly one was found or staff chose one. */
  readonly located: CandidateItem | null;
  /** The items to choose from when Locate failed (none or several). */
  readonly candidates: readonly CandidateItem[];
  /** One sentence on what Locate found. */
  readonly note: string;
}

const LOCATE_FAILED = 'LOCATE_FAILED';

/**
 * Searches for the request's item and records the outcome: the request's columns, a history event
 * (LOCATED, or LOCATE_FAILED; with from and to statuses only when the status moved) and its
 * LOCATE_FAILED alert, replaced on each failed search and removed once an item is linked.
 */
export async function locateRequest(
  tx: Orm,
  target: LocateTarget,
  finder: ItemFinder,
  stamp: LocateStamp,
): Promise<LocateOutcome> {
  const { search, items: found } = finder.find(target);
  const [only] = found;
  if (found.length === 1 && only) return linkItem(tx, target, only, search, stamp);

  const note = locateFailedMessage(found.length, search);
  tx.update(lr)
    .set({
      status: LOCATE_FAILED,
      itemId: null,
      itemBarcode: null,
      locateCandidates: JSON.stringify(found.map((item) => item.id)),
      updatedAt: stamp.at,
    })
    .where(eq(lr.id, target.id))
    .run();
  await recordEvent(tx, target, 'LOCATE_FAILED', LOCATE_FAILED, note, stamp);
  await removeAlerts(tx, 'lending', [target.id], stamp.at, LOCATE_FAILED);
  await addAlert(tx, {
    kind: 'lending',
    requestRowId: target.id,
    code: LOCATE_FAILED,
    message: note,
    at: stamp.at,
  });
  return { status: LOCATE_FAILED, located: null, candidates: found, note };
}

/**
 * Links the request to `item` (found by a search, or chosen by staff): a Locate failed request
 * becomes a Created lending request again, its candidates and LOCATE_FAILED alert are cleared.
 */
export async function linkItem(
  tx: Orm,
  target: LocateTarget,
  item: CandidateItem,
  search: LocateSearch | 'CHOSEN',
  stamp: LocateStamp,
): Promise<LocateOutcome> {
  const status = target.status === LOCATE_FAILED ? 'CREATED' : target.status;
  tx.update(lr)
    .set({
      status,
      itemId: item.id,
      itemBarcode: item.barcode,
      locateCandidates: null,
      updatedAt: stamp.at,
    })
    .where(eq(lr.id, target.id))
    .run();
  const note = locatedNote(item.barcode, search);
  await recordEvent(tx, target, 'LOCATED', status, note, stamp);
  await removeAlerts(tx, 'lending', [target.id], stamp.at, LOCATE_FAILED);
  return { status, located: item, candidates: [], note };
}

async function recordEvent(
  tx: Orm,
  target: LocateTarget,
  action: string,
  to: string,
  note: string,
  stamp: LocateStamp,
): Promise<void> {
  const moved = target.status !== to;
  await insertRequestEvent(tx, {
    kind: 'lending',
    requestRowId: target.id,
    at: stamp.at,
    operatorId: stamp.operatorId,
    action,
    fromStatus: moved ? target.status : null,
    toStatus: moved ? to : null,
    note,
  });
}

/** The candidate items kept on a Locate failed request, in the order they were found. */
export async function candidateItems(
  db: Orm,
  locateCandidates: string | null,
): Promise<CandidateItem[]> {
  const ids = parseIds(locateCandidates);
  if (ids.length === 0) return [];
  const rows = db.select(CANDIDATE_COLUMNS).from(items).where(inArray(items.id, ids)).all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function parseIds(json: string | null): number[] {
  if (json === null) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

/** An item by barcode (any case), as a candidate: what staff typed or scanned in Locate. */
export async function itemForLocate(db: Orm, barcode: string): Promise<CandidateItem | undefined> {
  return db.select(CANDIDATE_COLUMNS).from(items).where(eq(items.barcode, barcode)).get();
}

/**
 * Runs Locate on the lending requests an import just wrote (row ids above `afterId`) that arrived
 * as Created lending requests without an item barcode; returns how many it located.
 */
export async function locateImported(tx: Orm, afterId: number, at: string): Promise<number> {
  const targets = tx
    .select({
      id: lr.id,
      requestId: lr.requestId,
      status: lr.status,
      title: lr.title,
      author: lr.author,
      isbn: lr.isbn,
    })
    .from(lr)
    .where(
      and(
        sql`${lr.id} > ${afterId}`,
        eq(lr.status, 'CREATED'),
        isNull(lr.itemBarcode),
        isNull(lr.itemId),
      ),
    )
    .orderBy(lr.id)
    .all();
  if (targets.length === 0) return 0;
  const finder = createItemFinder(tx);
  let located = 0;
  for (const target of targets) {
    const outcome = await locateRequest(tx, target, finder, { at, operatorId: null });
    if (outcome.located) located++;
  }
  return located;
}

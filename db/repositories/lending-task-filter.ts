import {
  and,
  eq,
  exists,
  inArray,
  isNotNull,
  isNull,
  ne,
  notExists,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { z } from 'zod';
import {
  LENDING_FACETS,
  type LendingFacet,
  type lendingFilter,
} from '../../shared/api/contract-lending-tasks.ts';
import type { DateBucket } from '../../shared/domain/date-buckets.ts';
import {
  LENDING_CLOSED,
  UNDEFINED_FORMAT,
  type LendingTab,
  type Viewer,
} from '../../shared/domain/lending-tasks.ts';
import type { Orm } from '../database.ts';
import { items, lendingRequests as lr, lendingIsOpen, partners, requestAlerts } from '../schema.ts';
import { containsText, likeAny, partnerIdsOf } from './list-filters.ts';

/**
 * The Lending Requests task list's filter as SQL: what every count starts from (not removed, the
 * Activity Status, the Find box, what the viewer may see), a condition per tab, and per facet the
 * value each request is counted under and the condition its chosen values make. The list, its
 * facet counts and a bulk action's "whole filter" selection all build on these, so they agree.
 */

export type LendingFilterValues = z.output<typeof lendingFilter>;

/**
 * Where a date bucket begins: as a calendar day (for due dates), and as that day's first instant
 * at the desk in UTC (for the stored timestamps).
 */
export interface BucketStart {
  readonly bucket: DateBucket;
  readonly day: string;
  readonly instant: string;
}

export interface LendingTaskQuery {
  readonly filter: LendingFilterValues;
  readonly viewer: Viewer;
  /** `bucketStarts` of the desk's calendar day, newest first. */
  readonly buckets: readonly BucketStart[];
}

/** The Level of Service facet's value for requests without one. */
export const NO_LEVEL = 'NONE';
/** The Alerts facet's value for requests without an active alert. */
export const NO_ALERTS = 'NONE';

export interface LendingConditions {
  /** Not removed, the Activity Status, the Find box, and only what the viewer may see. */
  readonly base: SQL;
  readonly tabs: Readonly<Record<LendingTab, SQL>>;
  /** What each facet counts a request under (the alerts key lists its codes, comma-separated). */
  readonly keys: Readonly<Record<LendingFacet, SQL>>;
  /** The chosen values' condition, for each facet the filter names values of. */
  readonly chosen: Readonly<Partial<Record<LendingFacet, SQL>>>;
}

/** Completed and All list nothing until the Find box has text (the seed's rule). */
export function needsFind(filter: LendingFilterValues): boolean {
  return filter.activity !== 'ACTIVE' && !filter.find;
}

const NEVER = sql`0 = 1`;
const ALWAYS = sql`1 = 1`;

function activityCondition(filter: LendingFilterValues): SQL | undefined {
  // Written out, so that lending_active_facets_idx serves it (schema.ts).
  if (filter.activity === 'ACTIVE') return lendingIsOpen;
  if (filter.activity === 'COMPLETED') return inArray(lr.status, [...LENDING_CLOSED]);
  return undefined;
}

/**
 * The ids of the requests whose title or author contains `word`, from the trigram full-text table
 * the 0004 migration keeps in step with lending_requests (title and author on two lines, so a word
 * never spans both): an index search where LIKE on the table itself reads every row.
 */
function titleOrAuthorHas(word: string): SQL {
  return sql`SELECT rowid FROM lending_find_words WHERE ${containsText(sql`words`, word)}`;
}

/** The shortest text a trigram phrase can match: shorter words are matched with LIKE. */
const TRIGRAM = 3;

/**
 * The ids of the requests whose title or author contains every one of `words` (each at least a
 * trigram long), as one full-text query: the index intersects the words' trigram lists itself,
 * several times faster than one search per word joined by SQLite. Each word is a quoted phrase,
 * so nothing in it is query syntax; the tokenizer folds case as LIKE does.
 */
function titleOrAuthorHasAll(words: readonly string[]): SQL {
  const query = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ');
  return sql`SELECT rowid FROM lending_find_words WHERE lending_find_words MATCH ${query}`;
}

/**
 * The Find box: the External Identifier, request ID or item barcode exactly (any case), or every
 * word somewhere in the title, the author or the partner's name or code. Each part is a search
 * of its own index, so SQLite answers the OR from indexes, not a scan. A word that names no
 * partner can only be in the title or author, and those words go to the full-text index together.
 */
function findCondition(db: Orm, text: string): SQL {
  // Plain SQL: a compound SELECT takes no parenthesised member, which a drizzle subquery is.
  const partnerNamed = (word: string) =>
    sql`SELECT ${lr.id} FROM ${lr} WHERE ${lr.partnerId} IN (SELECT ${partners.id} FROM ${partners} WHERE ${likeAny([sql`${partners.name}`, sql`${partners.code}`], word)})`;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const naming = new Set(words.filter((w) => namesAPartner(db, w)));
  const phrased = words.filter((w) => !naming.has(w) && w.length >= TRIGRAM);
  const titleWords = [
    phrased.length > 0 ? sql`${lr.id} IN (${titleOrAuthorHasAll(phrased)})` : undefined,
    ...words
      .filter((w) => !naming.has(w) && w.length < TRIGRAM)
      .map((w) => sql`${lr.id} IN (${titleOrAuthorHas(w)})`),
    ...[...naming].map(
      (w) => sql`${lr.id} IN (${titleOrAuthorHas(w)} UNION ALL ${partnerNamed(w)})`,
    ),
  ];
  return or(
    eq(lr.requestId, text),
    eq(lr.externalId, text),
    eq(lr.itemBarcode, text),
    inArray(lr.itemId, db.select({ id: items.id }).from(items).where(eq(items.barcode, text))),
    and(...titleWords),
  ) as SQL;
}

/** Whether some partner's name or code contains `word` (the partners are few: a quick look). */
function namesAPartner(db: Orm, word: string): boolean {
  return (
    db
      .select({ id: partners.id })
      .from(partners)
      .where(likeAny([sql`${partners.name}`, sql`${partners.code}`], word))
      .limit(1)
      .get() !== undefined
  );
}

/**
 * The tasks each tab holds for `viewer`. ALL is every task for a Manager (and in setup mode), an
 * Operator's own and the unassigned ones for an Operator.
 */
function tabConditions(viewer: Viewer): Record<LendingTab, SQL> {
  const me = viewer.operatorId;
  const unassigned = isNull(lr.assignedTo);
  const all = viewer.manager
    ? ALWAYS
    : me === null
      ? unassigned
      : (or(unassigned, eq(lr.assignedTo, me)) as SQL);
  return {
    ALL: all,
    ASSIGNED_TO_ME: me === null ? NEVER : eq(lr.assignedTo, me),
    UNASSIGNED: unassigned,
    ASSIGNED_TO_OTHERS: me === null ? isNotNull(lr.assignedTo) : ne(lr.assignedTo, me),
  };
}

/** The bucket of a date column: CASE over the bucket starts, newest first. */
function bucketOf(column: SQL, starts: readonly { bucket: DateBucket; from: string }[]): SQL {
  const whens = starts.map((s) => sql` WHEN ${column} >= ${s.from} THEN ${s.bucket}`);
  return sql`(CASE WHEN ${column} IS NULL THEN 'NONE'${sql.join(whens)} ELSE 'OLDER' END)`;
}

const yesNo = (column: SQL): SQL => sql`(CASE WHEN ${column} THEN 'YES' ELSE 'NO' END)`;

function activeAlerts(codes?: readonly string[]): SQL {
  return sql`(SELECT 1 FROM ${requestAlerts} WHERE ${requestAlerts.lendingRequestId} = ${lr.id} AND ${requestAlerts.removedAt} IS NULL${
    codes ? sql` AND ${inArray(requestAlerts.code, [...codes])}` : sql``
  })`;
}

function facetKeys(buckets: readonly BucketStart[]): Record<LendingFacet, SQL> {
  const byInstant = buckets.map((b) => ({ bucket: b.bucket, from: b.instant }));
  const byDay = buckets.map((b) => ({ bucket: b.bucket, from: b.day }));
  return {
    status: sql`${lr.status}`,
    partner: sql`${lr.partnerId}`,
    requestedFormat: sql`${lr.requestedFormat}`,
    suppliedFormat: sql`coalesce(${lr.suppliedFormat}, ${UNDEFINED_FORMAT})`,
    createdDate: bucketOf(sql`${lr.createdAt}`, byInstant),
    updatedDate: bucketOf(sql`${lr.updatedAt}`, byInstant),
    dueDate: bucketOf(sql`${lr.dueDate}`, byDay),
    levelOfService: sql`coalesce(${lr.levelOfService}, ${NO_LEVEL})`,
    printed: yesNo(sql`${lr.printed}`),
    reported: yesNo(sql`${lr.reported}`),
    alerts: sql`(SELECT group_concat(DISTINCT ${requestAlerts.code}) FROM ${requestAlerts} WHERE ${requestAlerts.lendingRequestId} = ${lr.id} AND ${requestAlerts.removedAt} IS NULL)`,
  };
}

function alertsCondition(values: readonly string[]): SQL | undefined {
  const codes = values.filter((v) => v !== NO_ALERTS);
  return or(
    codes.length > 0 ? exists(activeAlerts(codes)) : undefined,
    values.includes(NO_ALERTS) ? notExists(activeAlerts()) : undefined,
  );
}

function chosenConditions(
  db: Orm,
  filter: LendingFilterValues,
  keys: Record<LendingFacet, SQL>,
): Partial<Record<LendingFacet, SQL>> {
  const chosen: Partial<Record<LendingFacet, SQL>> = {};
  // Not plain column values: partner codes name partner ids; alerts live in a table of their own.
  const facets = LENDING_FACETS.filter((f) => f !== 'partner' && f !== 'alerts');
  for (const facet of facets) {
    const values = filter[facet];
    if (values?.length) chosen[facet] = inArray(keys[facet], [...values]);
  }
  const partnerIds = partnerIdsOf(db, filter.partner);
  if (partnerIds) chosen.partner = inArray(lr.partnerId, partnerIds);
  const alerts = filter.alerts?.length ? alertsCondition(filter.alerts) : undefined;
  if (alerts) chosen.alerts = alerts;
  return chosen;
}

export function lendingConditions(db: Orm, query: LendingTaskQuery): LendingConditions {
  const { filter, viewer } = query;
  const tabs = tabConditions(viewer);
  const keys = facetKeys(query.buckets);
  const base = and(
    isNull(lr.removedAt),
    activityCondition(filter),
    filter.find ? findCondition(db, filter.find) : undefined,
    tabs.ALL,
  ) as SQL;
  return { base, tabs, keys, chosen: chosenConditions(db, filter, keys) };
}

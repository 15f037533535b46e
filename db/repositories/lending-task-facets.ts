import { sql, type SQL } from 'drizzle-orm';
import type { Facet } from '../../shared/api/contract.ts';
import {
  LENDING_FACETS,
  type LendingFacet,
  type LendingListResult,
} from '../../shared/api/contract-lending-tasks.ts';
import { DATE_BUCKET_CODES, dateBucketLabel } from '../../shared/domain/date-buckets.ts';
import { formatLabel, type LendingTab } from '../../shared/domain/lending-tasks.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import type { Orm } from '../database.ts';
import { lendingRequests as lr, partners } from '../schema.ts';
import { facetRows } from './list-filters.ts';
import { countsFromMemory, facetGroupsFromMemory } from './lending-task-memory.ts';
import {
  NO_ALERTS,
  NO_LEVEL,
  type LendingConditions,
  type LendingTaskQuery,
} from './lending-task-filter.ts';

/**
 * The task list's counts in one pass: requests are grouped by every facet's value, with a flag
 * for each chosen facet filter they pass and each tab they fall in, and the groups are folded
 * into the total, the tab counts and every facet's counts. A facet counts the requests that pass
 * every filter but its own (standard faceting), so one group adds to a facet either when it
 * passes all filters or when the facet's own filter is the only one it fails.
 */

export interface LendingCounts {
  readonly total: number;
  readonly facets: Record<LendingFacet, Facet[]>;
  readonly tabs: LendingListResult['tabs'];
}

/** One group of requests with equal facet keys: keys `k_*`, filter flags `p_*`, tab flags `t_*`, count `n`. */
export type Group = Readonly<Record<string, string | number | null>>;

export const keyOf = (facet: LendingFacet) => `k_${facet}`;
export const passOf = (facet: LendingFacet) => `p_${facet}`;
export const inTabOf = (tab: LendingTab) => `t_${tab}`;
// ALL needs no flag: every count starts from what it holds.
export const FLAG_TABS = ['ASSIGNED_TO_ME', 'UNASSIGNED', 'ASSIGNED_TO_OTHERS'] as const;

function flag(condition: SQL, alias: string): SQL {
  return sql`(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${sql.identifier(alias)}`;
}

/** One pass over what every count starts from, grouped by every facet's value and flag. */
export function facetGroupsQuery(conditions: LendingConditions): SQL {
  const chosen = Object.entries(conditions.chosen) as [LendingFacet, SQL][];
  const columns = [
    ...LENDING_FACETS.map((f) => sql`${conditions.keys[f]} AS ${sql.identifier(keyOf(f))}`),
    ...chosen.map(([f, condition]) => flag(condition, passOf(f))),
    ...FLAG_TABS.map((t) => flag(conditions.tabs[t], inTabOf(t))),
  ];
  const aliases = [
    ...LENDING_FACETS.map(keyOf),
    ...chosen.map(([f]) => passOf(f)),
    ...FLAG_TABS.map(inTabOf),
  ].map((a) => sql.identifier(a));
  return sql`SELECT ${sql.join(columns, sql`, `)}, count(*) AS n FROM ${lr} WHERE ${conditions.base} GROUP BY ${sql.join(aliases, sql`, `)}`;
}

/** The values a group is counted under for `facet`: one, or each alert code a request has. */
function valuesOf(
  group: Group,
  facet: LendingFacet,
  partnerCode: (id: number) => string,
): string[] {
  const key = group[keyOf(facet)] ?? null;
  if (facet === 'alerts') return typeof key === 'string' && key ? key.split(',') : [NO_ALERTS];
  if (facet === 'partner') return [partnerCode(Number(key))];
  return [String(key)];
}

const humanised = (code: string): string =>
  code.charAt(0).toUpperCase() + code.slice(1).toLowerCase().replaceAll('_', ' ');

function labeller(
  facet: LendingFacet,
  partnerName: (code: string) => string,
): (value: string) => string {
  switch (facet) {
    case 'status':
      return (v) => statusLabel('lending', v);
    case 'partner':
      return partnerName;
    case 'requestedFormat':
    case 'suppliedFormat':
      return formatLabel;
    case 'createdDate':
    case 'updatedDate':
    case 'dueDate':
      return dateBucketLabel;
    case 'levelOfService':
      return (v) => (v === NO_LEVEL ? 'Not set' : v);
    case 'printed':
    case 'reported':
      return (v) => (v === 'YES' ? 'Yes' : 'No');
    case 'alerts':
      return (v) => (v === NO_ALERTS ? 'No alerts' : humanised(v));
  }
}

/** Date buckets newest first and Yes before No, as the screen lists them; the rest most first. */
function ordered(facet: LendingFacet, rows: Facet[]): Facet[] {
  const order: readonly string[] | undefined =
    facet === 'printed' || facet === 'reported'
      ? ['YES', 'NO']
      : facet.endsWith('Date')
        ? DATE_BUCKET_CODES
        : undefined;
  return order ? rows.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value)) : rows;
}

function emptyTabs(query: LendingTaskQuery): LendingCounts['tabs'] {
  return {
    all: 0,
    assignedToMe: query.viewer.operatorId === null ? null : 0,
    unassigned: 0,
    assignedToOthers: query.viewer.manager ? 0 : null,
  };
}

/** Nothing counted: Completed and All before the Find box has text. */
export function noCounts(query: LendingTaskQuery): LendingCounts {
  const facets = Object.fromEntries(LENDING_FACETS.map((f) => [f, []])) as unknown as Record<
    LendingFacet,
    Facet[]
  >;
  return { total: 0, facets, tabs: emptyTabs(query) };
}

/** The tabs' fields in the answer, for the tabs a group carries a flag for. */
const TAB_FIELDS = {
  ASSIGNED_TO_ME: 'assignedToMe',
  UNASSIGNED: 'unassigned',
  ASSIGNED_TO_OTHERS: 'assignedToOthers',
} as const satisfies Record<(typeof FLAG_TABS)[number], keyof LendingCounts['tabs']>;

interface Tally {
  total: number;
  readonly tabs: LendingCounts['tabs'];
  readonly values: Map<LendingFacet, Map<string, number>>;
}

/** Adds the groups up: the tab counts over every tab; the total and the facets in the current one. */
function tally(
  groups: readonly Group[],
  conditions: LendingConditions,
  query: LendingTaskQuery,
  partnerCode: (id: number) => string,
): Tally {
  const chosen = Object.keys(conditions.chosen) as LendingFacet[];
  const sum: Tally = {
    total: 0,
    tabs: emptyTabs(query),
    values: new Map(LENDING_FACETS.map((f) => [f, new Map<string, number>()])),
  };
  const add = (group: Group, facet: LendingFacet, n: number) => {
    const values = sum.values.get(facet);
    for (const v of valuesOf(group, facet, partnerCode)) values?.set(v, (values.get(v) ?? 0) + n);
  };
  for (const group of groups) {
    const n = Number(group.n);
    const failing = chosen.filter((f) => group[passOf(f)] !== 1);
    if (failing.length > 1) continue;
    const [only] = failing;
    if (only === undefined) {
      sum.tabs.all += n;
      for (const tab of FLAG_TABS) {
        const field = TAB_FIELDS[tab];
        const before = sum.tabs[field];
        if (group[inTabOf(tab)] === 1 && before !== null) sum.tabs[field] = before + n;
      }
    }
    if (query.filter.tab !== 'ALL' && group[inTabOf(query.filter.tab)] !== 1) continue;
    if (only !== undefined) {
      add(group, only, n);
    } else {
      sum.total += n;
      for (const facet of LENDING_FACETS) add(group, facet, n);
    }
  }
  return sum;
}

/** The total, the tab counts and every facet's values with counts, labelled, in screen order. */
export function countLendingTasks(
  db: Orm,
  query: LendingTaskQuery,
  conditions: LendingConditions,
): LendingCounts {
  const partnerRows = db
    .select({ id: partners.id, code: partners.code, name: partners.name })
    .from(partners)
    .all();
  const codeById = new Map(partnerRows.map((p) => [p.id, p.code]));
  const byCode = new Map(partnerRows.map((p) => [p.code.toLowerCase(), p]));
  const partnerName = (code: string) => byCode.get(code.toLowerCase())?.name ?? code;

  // Activity Active without Find text (the list as it opens, and its facets) is counted from the
  // desk's copy of the active requests; the rest by SQL, where Find's indexes narrow it first.
  const groups = countsFromMemory(query)
    ? facetGroupsFromMemory(db, query)
    : db.all<Group>(facetGroupsQuery(conditions));
  const { total, tabs, values } = tally(
    groups,
    conditions,
    query,
    (id) => codeById.get(id) ?? String(id),
  );
  const facets = Object.fromEntries(
    LENDING_FACETS.map((facet) => {
      const counted = values.get(facet) ?? new Map<string, number>();
      // A chosen value stays listed, at 0, so that it can be unchosen.
      for (const v of query.filter[facet] ?? []) {
        const value = facet === 'partner' ? (byCode.get(v.toLowerCase())?.code ?? v) : v;
        if (!counted.has(value)) counted.set(value, 0);
      }
      const rows = [...counted].map(([value, count]) => ({ value, count }));
      return [facet, ordered(facet, facetRows(rows, labeller(facet, partnerName)))];
    }),
  ) as Record<LendingFacet, Facet[]>;
  return { total, facets, tabs };
}

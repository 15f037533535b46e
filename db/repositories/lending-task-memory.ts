import { LENDING_FACETS, type LendingFacet } from '../../shared/api/contract-lending-tasks.ts';
import { UNDEFINED_FORMAT, type LendingTab } from '../../shared/domain/lending-tasks.ts';
import type { Orm } from '../database.ts';
import { activeLendingIndex, type ActiveLendingRow } from './active-lending-index.ts';
import { FLAG_TABS, inTabOf, keyOf, passOf, type Group } from './lending-task-facets.ts';
import { NO_ALERTS, NO_LEVEL, type LendingTaskQuery } from './lending-task-filter.ts';
import { partnerIdsOf } from './list-filters.ts';

/**
 * The task list's facet groups for Activity Active without Find text, from the desk's in-memory
 * copy of the active requests (active-lending-index.ts) instead of SQL: the same keys, filter
 * flags and tab flags that `facetGroupsQuery` computes for each request, grouped as it groups them.
 * Every rule here mirrors lending-task-filter.ts (`facetKeys`, `chosenConditions`,
 * `tabConditions`); the task list tests check both against one reckoning of the data.
 */

/** Whether the in-memory copy can answer this list's counts (Find text needs SQL's indexes). */
export function countsFromMemory(query: LendingTaskQuery): boolean {
  return query.filter.activity === 'ACTIVE' && !query.filter.find;
}

/**
 * The date bucket of an ISO date or timestamp as a small number, as `bucketOf` in SQL picks it: 0
 * for none, then the first start (newest first) it is not before, then older.
 */
function bucketIndex(value: string | null, starts: readonly { from: string }[]): number {
  if (value === null) return 0;
  for (let i = 0; i < starts.length; i++) if (value >= (starts[i]?.from ?? '')) return i + 1;
  return starts.length + 1;
}

function tabTest(query: LendingTaskQuery): Record<LendingTab, (row: ActiveLendingRow) => boolean> {
  const { manager, operatorId: me } = query.viewer;
  const unassigned = (r: ActiveLendingRow) => r.assignedTo === null;
  return {
    ALL: manager
      ? () => true
      : me === null
        ? unassigned
        : (r) => r.assignedTo === null || r.assignedTo === me,
    ASSIGNED_TO_ME: me === null ? () => false : (r) => r.assignedTo === me,
    UNASSIGNED: unassigned,
    // SQL's `assigned_to <> me` is not true of an unassigned request either.
    ASSIGNED_TO_OTHERS:
      me === null
        ? (r) => r.assignedTo !== null
        : (r) => r.assignedTo !== null && r.assignedTo !== me,
  };
}

type Keys = Record<LendingFacet, string | number | null>;
type Value = string | number | null;

/** The facets whose value is the request's own (the dates' buckets move with the day). */
const FIXED = [
  'status',
  'partner',
  'requestedFormat',
  'suppliedFormat',
  'levelOfService',
  'printed',
  'reported',
  'alerts',
] as const satisfies readonly LendingFacet[];

interface Fixed {
  readonly values: Readonly<Record<(typeof FIXED)[number], Value>>;
  /** The values joined, the first part of the request's group key. */
  readonly key: string;
}

// Worked out once per copy of a request (the copy is replaced when the request changes).
const fixedOf = new WeakMap<ActiveLendingRow, Fixed>();

/** A request's values under the fixed facets, as `facetKeys` computes them in SQL. */
function fixedValues(row: ActiveLendingRow): Fixed {
  let fixed = fixedOf.get(row);
  if (!fixed) {
    const values = {
      status: row.status,
      partner: row.partnerId,
      requestedFormat: row.requestedFormat,
      suppliedFormat: row.suppliedFormat ?? UNDEFINED_FORMAT,
      levelOfService: row.levelOfService ?? NO_LEVEL,
      printed: row.printed ? 'YES' : 'NO',
      reported: row.reported ? 'YES' : 'NO',
      alerts: row.alerts.length > 0 ? row.alerts.join(',') : null,
    };
    // NUL stands for SQL's NULL, which no stored value contains.
    // NUL stands for SQL's NULL, which no stored value contains.
    const key = FIXED.map((f) => (values[f] === null ? '\0' : String(values[f]))).join('\u0001');
    fixed = { values, key };
    fixedOf.set(row, fixed);
  }
  return fixed;
}

type ChosenTest = (row: ActiveLendingRow, keys: Keys) => boolean;

/** Each chosen facet's test, as `chosenConditions` makes its SQL. */
function chosenTests(db: Orm, query: LendingTaskQuery): [LendingFacet, ChosenTest][] {
  const { filter } = query;
  const tests: [LendingFacet, ChosenTest][] = [];
  for (const facet of LENDING_FACETS) {
    if (facet === 'partner' || facet === 'alerts') continue;
    const values: readonly string[] | undefined = filter[facet];
    if (values?.length) tests.push([facet, (_, keys) => values.includes(String(keys[facet]))]);
  }
  const partnerIds = partnerIdsOf(db, filter.partner);
  if (partnerIds) tests.push(['partner', (row) => partnerIds.includes(row.partnerId)]);
  if (filter.alerts?.length) {
    const codes = filter.alerts.filter((v) => v !== NO_ALERTS);
    const none = filter.alerts.includes(NO_ALERTS);
    tests.push([
      'alerts',
      (row) => row.alerts.some((c) => codes.includes(c)) || (none && row.alerts.length === 0),
    ]);
  }
  return tests;
}

/**
 * The groups `facetGroupsQuery` would answer: the active requests the viewer may see, grouped by
 * their facet keys and flags (a few thousand groups from tens of thousands of requests).
 */
export function facetGroupsFromMemory(db: Orm, query: LendingTaskQuery): Group[] {
  const tabs = tabTest(query);
  const chosen = chosenTests(db, query);
  const byInstant = query.buckets.map((b) => ({ bucket: b.bucket, from: b.instant }));
  const byDay = query.buckets.map((b) => ({ bucket: b.bucket, from: b.day }));
  const tabFlags = FLAG_TABS.map((tab) => tabs[tab]);
  const bucketAt = (starts: typeof byDay, i: number): string =>
    i === 0 ? 'NONE' : (starts[i - 1]?.bucket ?? 'OLDER');
  const keysOf = (row: ActiveLendingRow): Keys => ({
    ...fixedValues(row).values,
    createdDate: bucketAt(byInstant, bucketIndex(row.createdAt, byInstant)),
    updatedDate: bucketAt(byInstant, bucketIndex(row.updatedAt, byInstant)),
    dueDate: bucketAt(byDay, bucketIndex(row.dueDate, byDay)),
  });
  // The hot loop of the task list, over tens of thousands of requests: a group's keys are
  // written out only once, from the first request met in it.
  const groups = new Map<string, { row: ActiveLendingRow; n: number }>();
  for (const row of activeLendingIndex(db).current()) {
    if (!tabs.ALL(row)) continue;
    const fixed = fixedValues(row);
    let key = `${fixed.key}\u0001${bucketIndex(row.createdAt, byInstant)}\u0001${bucketIndex(row.updatedAt, byInstant)}\u0001${bucketIndex(row.dueDate, byDay)}\u0001`;
    if (chosen.length > 0) {
      const keys = keysOf(row);
      for (const [, test] of chosen) key += test(row, keys) ? '1' : '0';
    }
    for (const inTab of tabFlags) key += inTab(row) ? '1' : '0';
    const group = groups.get(key);
    if (group) group.n++;
    else groups.set(key, { row, n: 1 });
  }
  // Each group described by its first request, which has all of the group's keys and flags.
  const result: Group[] = [];
  for (const { row, n } of groups.values()) {
    const keys = keysOf(row);
    const group: Record<string, Value> = { n };
    for (const facet of LENDING_FACETS) group[keyOf(facet)] = keys[facet];
    for (const [facet, test] of chosen) group[passOf(facet)] = test(row, keys) ? 1 : 0;
    for (const tab of FLAG_TABS) group[inTabOf(tab)] = tabs[tab](row) ? 1 : 0;
    result.push(group);
  }
  return result;
}

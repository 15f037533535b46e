import { LENDING_FACETS, type LendingFacet } from '../../shared/api/contract-lending-tasks.ts';
import { dateBucketOf } from '../../shared/domain/date-buckets.ts';
import { isClosedLending, type LendingTab } from '../../shared/domain/lending-tasks.ts';
import { deskDate } from '../../electron/services/desk-time.ts';
import type { TaskRecord } from './lending-task-data.ts';

/**
 * What the task list should answer, worked out in plain code from the records: the seed's rules
 * read one request at a time, with none of the SQL the desk uses, so that a test compares two
 * independent reckonings.
 */

export interface ExpectedViewer {
  readonly operatorId: number | null;
  readonly manager: boolean;
}

export type ExpectedFilter = Partial<Record<LendingFacet, readonly string[]>> & {
  readonly tab?: LendingTab;
  readonly activity?: 'ACTIVE' | 'COMPLETED' | 'ALL';
  readonly find?: string;
};

export interface Expected {
  /** Request IDs the list shows, newest first. */
  readonly requestIds: string[];
  /** Per facet, each value with a count above 0. */
  readonly facets: Record<LendingFacet, Record<string, number>>;
  readonly tabs: {
    all: number;
    assignedToMe: number | null;
    unassigned: number;
    assignedToOthers: number | null;
  };
}

/** The desk's calendar day of a stored UTC timestamp. */
const dayOf = (timestamp: string): string => deskDate(new Date(timestamp));

function valuesOf(r: TaskRecord, facet: LendingFacet, today: string): string[] {
  switch (facet) {
    case 'status':
      return [r.status];
    case 'partner':
      return [r.partnerCode];
    case 'requestedFormat':
      return [r.requestedFormat];
    case 'suppliedFormat':
      return [r.suppliedFormat ?? 'UNDEFINED'];
    case 'createdDate':
      return [dateBucketOf(dayOf(r.createdAt), today)];
    case 'updatedDate':
      return [dateBucketOf(dayOf(r.updatedAt), today)];
    case 'dueDate':
      return [dateBucketOf(r.dueDate, today)];
    case 'levelOfService':
      return [r.levelOfService ?? 'NONE'];
    case 'printed':
      return [r.printed ? 'YES' : 'NO'];
    case 'reported':
      return [r.reported ? 'YES' : 'NO'];
    case 'alerts':
      return r.alertCodes.length > 0 ? [...r.alertCodes] : ['NONE'];
  }
}

function found(r: TaskRecord, find: string): boolean {
  const text = find.toLowerCase();
  const exact = [r.requestId, r.externalId, ...r.barcodes].some((id) => id.toLowerCase() === text);
  const haystack = [r.title, r.author ?? '', r.partnerName, r.partnerCode].join(' ').toLowerCase();
  return exact || text.split(/\s+/).every((word) => haystack.includes(word));
}

function inTab(r: TaskRecord, tab: LendingTab, viewer: ExpectedViewer): boolean {
  switch (tab) {
    case 'ALL':
      return viewer.manager || r.assignedTo === null || r.assignedTo === viewer.operatorId;
    case 'ASSIGNED_TO_ME':
      return viewer.operatorId !== null && r.assignedTo === viewer.operatorId;
    case 'UNASSIGNED':
      return r.assignedTo === null;
    case 'ASSIGNED_TO_OTHERS':
      return r.assignedTo !== null && r.assignedTo !== viewer.operatorId;
  }
}

export function expectedList(
  records: readonly TaskRecord[],
  filter: ExpectedFilter,
  viewer: ExpectedViewer,
  today: string,
): Expected {
  const activity = filter.activity ?? 'ACTIVE';
  const base = records.filter(
    (r) =>
      !r.removed &&
      (activity === 'ALL' || isClosedLending(r.status) === (activity === 'COMPLETED')) &&
      (filter.find === undefined || found(r, filter.find)) &&
      inTab(r, 'ALL', viewer),
  );
  const passes = (r: TaskRecord, facet: LendingFacet) => {
    const chosen = filter[facet];
    return !chosen?.length || valuesOf(r, facet, today).some((v) => chosen.includes(v));
  };
  const passesAllBut = (r: TaskRecord, skip?: LendingFacet) =>
    LENDING_FACETS.every((f) => f === skip || passes(r, f));
  const tab = filter.tab ?? 'ALL';
  const listed = base.filter((r) => inTab(r, tab, viewer) && passesAllBut(r));
  const count = (t: LendingTab) =>
    base.filter((r) => inTab(r, t, viewer) && passesAllBut(r)).length;

  const facets = Object.fromEntries(
    LENDING_FACETS.map((facet) => {
      const counts: Record<string, number> = {};
      for (const r of base) {
        if (!inTab(r, tab, viewer) || !passesAllBut(r, facet)) continue;
        for (const v of valuesOf(r, facet, today)) counts[v] = (counts[v] ?? 0) + 1;
      }
      return [facet, counts];
    }),
  ) as Expected['facets'];

  return {
    requestIds: listed.sort((a, b) => b.id - a.id).map((r) => r.requestId),
    facets,
    tabs: {
      all: count('ALL'),
      assignedToMe: viewer.operatorId === null ? null : count('ASSIGNED_TO_ME'),
      unassigned: count('UNASSIGNED'),
      assignedToOthers: viewer.manager ? count('ASSIGNED_TO_OTHERS') : null,
    },
  };
}

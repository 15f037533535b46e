import {
  LENDING_FACETS,
  SELECTION_LIMIT,
  type LendingFacet,
  type LendingFilter,
  type LendingListQuery,
  type LendingSelection,
} from '../../../shared/api/contract-lending-tasks.ts';
import type { ActivityStatus, LendingTab } from '../../../shared/domain/lending-tasks.ts';
import { PAGE_SIZE, type ActiveFilter } from '../request-lists/list-query.ts';

/** What the Lending Requests task list shows: a tab, the Activity Status, the Find box, facets. */
export interface LendingFilters {
  readonly tab: LendingTab;
  readonly activity: ActivityStatus;
  readonly find: string;
  readonly facets: Readonly<Record<LendingFacet, readonly ActiveFilter[]>>;
}

/** An empty list for every facet: no filters chosen, or no counts yet. */
export function emptyPerFacet<T>(): Record<LendingFacet, T[]> {
  const empty: Partial<Record<LendingFacet, T[]>> = {};
  for (const facet of LENDING_FACETS) empty[facet] = [];
  return empty as Record<LendingFacet, T[]>;
}

const NO_FACET_FILTERS = emptyPerFacet<ActiveFilter>();

/** All tasks, Active, nothing typed, no facet chosen: how the list opens. */
export const NO_LENDING_FILTERS: LendingFilters = {
  tab: 'ALL',
  activity: 'ACTIVE',
  find: '',
  facets: NO_FACET_FILTERS,
};

/** The same tab and Activity Status with the Find text and facet filters taken off. */
export function withoutFindOrFacets(filters: LendingFilters): LendingFilters {
  return { ...filters, find: '', facets: NO_FACET_FILTERS };
}

/** The filter as the API takes it; empty parts are left out. */
export function lendingFilterOf(filters: LendingFilters): LendingFilter {
  const find = filters.find.trim();
  const query: LendingFilter = { tab: filters.tab, activity: filters.activity };
  if (find) query.find = find;
  const chosen: Partial<Record<LendingFacet, string[]>> = {};
  for (const facet of LENDING_FACETS) {
    const values = filters.facets[facet].map((f) => f.value);
    if (values.length > 0) chosen[facet] = values;
  }
  // Facet values are the codes the server's own facets named (date buckets, YES/NO, status
  // codes); the server checks them again, so they are passed on as they came.
  return Object.assign(query, chosen);
}

/** The `lending.list` input for a page under these filters. */
export function lendingListQueryOf(
  filters: LendingFilters,
  after?: number,
  limit = PAGE_SIZE,
): LendingListQuery {
  return { ...lendingFilterOf(filters), ...(after !== undefined ? { after } : {}), limit };
}

export function hasFindOrFacets(filters: LendingFilters): boolean {
  return filters.find !== '' || LENDING_FACETS.some((f) => filters.facets[f].length > 0);
}

/**
 * The requests a bulk action works on: rows chosen by their check boxes, or every request the
 * current filter matches ("Choose all N matching"), which the server resolves.
 */
export type LendingChoice =
  { readonly mode: 'rows'; readonly ids: readonly string[] } | { readonly mode: 'matching' };

export const NOTHING_CHOSEN: LendingChoice = { mode: 'rows', ids: [] };

/** The most rows one call may name one by one (the contract's `requestIds` cap). */
export const ROWS_LIMIT = 500;

/** Checks or unchecks one row. Unchecking a row of "all matching" keeps the others loaded. */
export function toggleChosen(
  choice: LendingChoice,
  requestId: string,
  shown: readonly string[],
): LendingChoice {
  if (choice.mode === 'matching')
    return { mode: 'rows', ids: shown.filter((id) => id !== requestId) };
  return choice.ids.includes(requestId)
    ? { mode: 'rows', ids: choice.ids.filter((id) => id !== requestId) }
    : { mode: 'rows', ids: [...choice.ids, requestId] };
}

export function isChosen(choice: LendingChoice, requestId: string): boolean {
  return choice.mode === 'matching' || choice.ids.includes(requestId);
}

/** How many requests a bulk action would work on. */
export function chosenCount(choice: LendingChoice, total: number | null): number {
  return choice.mode === 'matching' ? (total ?? 0) : choice.ids.length;
}

/** Chosen rows still on show after the rows were read again; "all matching" stays as it was. */
export function keepShown(choice: LendingChoice, shown: readonly string[]): LendingChoice {
  return choice.mode === 'matching'
    ? choice
    : { mode: 'rows', ids: choice.ids.filter((id) => shown.includes(id)) };
}

/**
 * The selection to send, or why there is none: nothing chosen, too many rows named one by one,
 * or a filter matching more than a bulk action takes.
 */
export function selectionOf(
  choice: LendingChoice,
  filters: LendingFilters,
  total: number | null,
): { readonly selection: LendingSelection } | { readonly refusal: string } {
  if (choice.mode === 'rows') {
    if (choice.ids.length === 0)
      return { refusal: 'Choose requests with their check boxes first, or all matching.' };
    if (choice.ids.length > ROWS_LIMIT)
      return {
        refusal: `${choice.ids.length} rows are chosen one by one; at most ${ROWS_LIMIT} can be. Choose all matching instead.`,
      };
    return { selection: { requestIds: [...choice.ids] } };
  }
  if ((total ?? 0) > SELECTION_LIMIT)
    return {
      refusal: `The filter matches ${total} requests; a bulk action takes at most ${SELECTION_LIMIT}. Narrow it with the facets or the Find box.`,
    };
  return { selection: { filter: lendingFilterOf(filters) } };
}

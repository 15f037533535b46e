import type { Facet } from '../../../shared/api/contract.ts';
import type { ActiveFilter, FacetName, ListFilters, ListKind } from './list-query.ts';

/** The parts of a list the selectors read; any RequestList<Row> fits. */
interface ListView {
  readonly kind: ListKind;
  readonly filters: ListFilters;
  readonly rows: readonly unknown[];
  readonly total: number | null;
  readonly nextAfter: number | null;
  readonly facets: { readonly status: readonly Facet[]; readonly partner: readonly Facet[] };
  readonly loading: 'page' | 'more' | null;
  readonly error: string | null;
}

const NOUN: Record<ListKind, [string, string]> = {
  borrowing: ['borrowing request', 'borrowing requests'],
  lending: ['lending request', 'lending requests'],
};

/** "42 borrowing requests", "1 lending request", "No borrowing requests". */
export function countText(kind: ListKind, total: number): string {
  const [one, many] = NOUN[kind];
  if (total === 0) return `No ${many}`;
  return `${total} ${total === 1 ? one : many}`;
}

/** "Showing 100 of 342 borrowing requests". */
export function shownText(kind: ListKind, shown: number, total: number): string {
  return `Showing ${shown} of ${countText(kind, total).replace(/^No /, '0 ')}`;
}

export function hasActiveFilters(list: ListView): boolean {
  return (
    list.filters.find !== '' || list.filters.status.length > 0 || list.filters.partner.length > 0
  );
}

export function isFilterActive(list: ListView, facet: FacetName, value: string): boolean {
  return list.filters[facet].some((f) => f.value === value);
}

export interface FacetOption {
  readonly value: string;
  readonly label: string;
  /** null for an active filter the server no longer counts under the current filters. */
  readonly count: number | null;
  readonly active: boolean;
}

/** The facet's values with their counts, plus any active filter the counts left out. */
export function facetOptions(list: ListView, facet: FacetName): FacetOption[] {
  const counted = list.facets[facet].map((f) => ({
    value: f.value,
    label: f.label,
    count: f.count,
    active: isFilterActive(list, facet, f.value),
  }));
  const missing = list.filters[facet]
    .filter((f) => !counted.some((c) => c.value === f.value))
    .map((f) => ({ value: f.value, label: f.label, count: null, active: true }));
  return [...counted, ...missing];
}

export interface FilterChip {
  readonly facet: FacetName | 'find';
  readonly filter: ActiveFilter;
  /** What the chip says: 'Status: Shipped physically', 'Find: "Lovelace"'. */
  readonly text: string;
}

const FACET_TITLE: Record<FacetName, string> = { status: 'Status', partner: 'Partner' };

export function activeFilterChips(list: ListView): FilterChip[] {
  const chips: FilterChip[] = [];
  const { find } = list.filters;
  if (find)
    chips.push({ facet: 'find', filter: { value: find, label: find }, text: `Find: “${find}”` });
  for (const facet of ['status', 'partner'] as const) {
    for (const filter of list.filters[facet]) {
      chips.push({ facet, filter, text: `${FACET_TITLE[facet]}: ${filter.label}` });
    }
  }
  return chips;
}

export function canLoadMore(list: ListView): boolean {
  return list.nextAfter !== null && list.loading === null;
}

/** Loaded with nothing to show (and no error to explain why). */
export function isEmpty(list: ListView): boolean {
  return list.total === 0 && list.rows.length === 0 && list.error === null && list.loading === null;
}

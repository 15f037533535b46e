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

export interface FacetOption {
  readonly value: string;
  readonly label: string;
  /** null for an active filter the server no longer counts under the current filters. */
  readonly count: number | null;
  readonly active: boolean;
}

/** A facet's counted values, each marked active or not, plus any active filter the counts left out. */
export function mergeFacetOptions(
  counted: readonly Facet[],
  active: readonly ActiveFilter[],
): FacetOption[] {
  const options = counted.map((f) => ({
    value: f.value,
    label: f.label,
    count: f.count,
    active: active.some((a) => a.value === f.value),
  }));
  const missing = active
    .filter((a) => !counted.some((c) => c.value === a.value))
    .map((a) => ({ value: a.value, label: a.label, count: null, active: true }));
  return [...options, ...missing];
}

/** The facet's values with their counts, plus any active filter the counts left out. */
export function facetOptions(list: ListView, facet: FacetName): FacetOption[] {
  return mergeFacetOptions(list.facets[facet], list.filters[facet]);
}

export interface FilterChip<Facet extends string = FacetName> {
  readonly facet: Facet | 'find';
  readonly filter: ActiveFilter;
  /** What the chip says: 'Status: Shipped physically', 'Find: "Lovelace"'. */
  readonly text: string;
}

/** The chips of a Find text and of each facet's active filters, titled, in the order given. */
export function filterChips<Facet extends string>(
  find: string,
  facets: readonly { facet: Facet; title: string; filters: readonly ActiveFilter[] }[],
): FilterChip<Facet>[] {
  const chips: FilterChip<Facet>[] = [];
  if (find)
    chips.push({ facet: 'find', filter: { value: find, label: find }, text: `Find: “${find}”` });
  for (const { facet, title, filters } of facets) {
    for (const filter of filters) chips.push({ facet, filter, text: `${title}: ${filter.label}` });
  }
  return chips;
}

const FACET_TITLE: Record<FacetName, string> = { status: 'Status', partner: 'Partner' };

export function activeFilterChips(list: ListView): FilterChip[] {
  return filterChips(
    list.filters.find,
    (['status', 'partner'] as const).map((facet) => ({
      facet,
      title: FACET_TITLE[facet],
      filters: list.filters[facet],
    })),
  );
}

export function canLoadMore(list: Pick<ListView, 'nextAfter' | 'loading'>): boolean {
  return list.nextAfter !== null && list.loading === null;
}

/** Loaded with nothing to show (and no error to explain why). */
export function isEmpty(list: Pick<ListView, 'total' | 'rows' | 'error' | 'loading'>): boolean {
  return list.total === 0 && list.rows.length === 0 && list.error === null && list.loading === null;
}

import type { Facet, ListQuery } from '../../../shared/api/contract.ts';

export type ListKind = 'borrowing' | 'lending';
export type FacetName = 'status' | 'partner';

/** An active facet filter; the label is kept so the filter can be shown after the facets change. */
export interface ActiveFilter {
  readonly value: string;
  readonly label: string;
}

export interface ListFilters {
  readonly find: string;
  readonly status: readonly ActiveFilter[];
  readonly partner: readonly ActiveFilter[];
}

export const NO_FILTERS: ListFilters = { find: '', status: [], partner: [] };

export const PAGE_SIZE = 50;

/** The `*.list` input for the first page under these filters; empty parts are left out. */
export function listQueryOf(filters: ListFilters, after?: number, limit = PAGE_SIZE): ListQuery {
  const find = filters.find.trim();
  return {
    ...(find ? { find } : {}),
    ...(filters.status.length ? { status: filters.status.map((f) => f.value) } : {}),
    ...(filters.partner.length ? { partner: filters.partner.map((f) => f.value) } : {}),
    ...(after !== undefined ? { after } : {}),
    limit,
  };
}

/** Adds the value to a facet's active filters, or takes it out if it is already there. */
export function toggleActive(
  current: readonly ActiveFilter[],
  value: Facet | ActiveFilter,
): ActiveFilter[] {
  return current.some((f) => f.value === value.value)
    ? current.filter((f) => f.value !== value.value)
    : [...current, { value: value.value, label: value.label }];
}

/** Adds the facet value to its filter, or takes it out if it is already there. */
export function toggleFilter(
  filters: ListFilters,
  facet: FacetName,
  value: Facet | ActiveFilter,
): ListFilters {
  return { ...filters, [facet]: toggleActive(filters[facet], value) };
}

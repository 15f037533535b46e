import type { Facet, ListQuery } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { countText, shownText } from './list-selectors.ts';
import { createPager, type KeysetPage, type PagedRows } from './paged-list.ts';
import {
  NO_FILTERS,
  listQueryOf,
  toggleFilter,
  type ActiveFilter,
  type FacetName,
  type ListFilters,
  type ListKind,
} from './list-query.ts';

export type { ActiveFilter, FacetName, ListFilters, ListKind } from './list-query.ts';

export interface ListPage<Row> extends KeysetPage<Row> {
  readonly facets: { readonly status: Facet[]; readonly partner: Facet[] };
}

export interface RequestListState<Row> extends PagedRows<ListFilters, Row> {
  readonly kind: ListKind;
  readonly facets: ListPage<Row>['facets'];
}

export interface RequestListActions {
  /** The first page, unless one is on show or on its way. */
  ensureLoaded: () => Promise<void>;
  reload: () => Promise<void>;
  find: (text: string) => Promise<void>;
  toggleFilter: (facet: FacetName, value: Facet | ActiveFilter) => Promise<void>;
  clearFilters: () => Promise<void>;
  /** The next keyset page, appended. */
  loadMore: () => Promise<void>;
  /** A request changed while the list was not on show: read it again when it next opens. */
  markStale: () => void;
}

export type RequestList<Row> = RequestListState<Row> & RequestListActions;

export type FetchPage<Row> = (query: ListQuery) => Promise<Result<ListPage<Row>>>;

/**
 * One request list (Borrowing Requests) stored under `state[kind]`: Find box, Status and Partner
 * facets, keyset pages (a newer call supersedes an older one, see paged-list.ts).
 */
export function createListSlice<K extends ListKind, Row>(
  kind: K,
  fetchPage: FetchPage<Row>,
): DeskSlice<Record<K, RequestList<Row>>> {
  return (set, get) => {
    const current = (): RequestList<Row> => (get() as unknown as Record<K, RequestList<Row>>)[kind];
    const patch = (changes: Partial<RequestListState<Row>>): void => {
      set((state) => {
        const list = (state as unknown as Record<K, RequestList<Row>>)[kind];
        return { [kind]: { ...list, ...changes } };
      });
    };
    const pager = createPager<ListFilters, Row, ListPage<Row>>({
      read: current,
      write: (changes, page) => patch(page ? { ...changes, facets: page.facets } : changes),
      fetch: (filters, after, limit) => fetchPage(listQueryOf(filters, after, limit)),
      announce: (page, shown, loaded) =>
        get().announce(
          loaded === 'page' ? countText(kind, page.total) : shownText(kind, shown, page.total),
        ),
    });

    const list: RequestList<Row> = {
      kind,
      filters: NO_FILTERS,
      rows: [],
      total: null,
      nextAfter: null,
      facets: { status: [], partner: [] },
      loading: null,
      error: null,
      async ensureLoaded() {
        const { total, loading, filters } = current();
        if (total === null && loading === null) await pager.first(filters);
      },
      reload: () => pager.first(current().filters),
      find: (text) => pager.first({ ...current().filters, find: text.trim() }),
      toggleFilter: (facet, value) => pager.first(toggleFilter(current().filters, facet, value)),
      clearFilters: () => pager.first(NO_FILTERS),
      loadMore: () => pager.more(),
      markStale() {
        pager.invalidate();
        patch({ total: null, loading: null });
      },
    };
    return { [kind]: list } as Record<K, RequestList<Row>>;
  };
}

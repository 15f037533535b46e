import type { Facet, ListQuery } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { countText, shownText } from './list-selectors.ts';
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

export interface ListPage<Row> {
  readonly rows: Row[];
  readonly nextAfter: number | null;
  readonly total: number;
  readonly facets: { readonly status: Facet[]; readonly partner: Facet[] };
}

export interface RequestListState<Row> {
  readonly kind: ListKind;
  /** The filters of the rows on show (or being fetched). */
  readonly filters: ListFilters;
  readonly rows: readonly Row[];
  /** null until a first page has arrived for these filters. */
  readonly total: number | null;
  readonly nextAfter: number | null;
  readonly facets: ListPage<Row>['facets'];
  readonly loading: 'page' | 'more' | null;
  /** The envelope's message when the last call failed. */
  readonly error: string | null;
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
 * One request list (Borrowing or Lending Requests) stored under `state[kind]`. A newer call
 * supersedes an older one, so a slow answer to an old search never replaces a newer one.
 */
export function createListSlice<K extends ListKind, Row>(
  kind: K,
  fetchPage: FetchPage<Row>,
): DeskSlice<Record<K, RequestList<Row>>> {
  return (set, get) => {
    let latest = 0;
    const current = (): RequestList<Row> => (get() as unknown as Record<K, RequestList<Row>>)[kind];
    const patch = (changes: Partial<RequestListState<Row>>): void => {
      set((state) => {
        const list = (state as unknown as Record<K, RequestList<Row>>)[kind];
        return { [kind]: { ...list, ...changes } };
      });
    };

    async function loadFirst(filters: ListFilters): Promise<void> {
      const call = ++latest;
      patch({ filters, rows: [], total: null, nextAfter: null, loading: 'page', error: null });
      const result = await fetchPage(listQueryOf(filters));
      if (call !== latest) return;
      if (!result.ok) {
        patch({ loading: null, error: result.error.message });
        return;
      }
      const page = result.value;
      patch({
        rows: page.rows,
        total: page.total,
        nextAfter: page.nextAfter,
        facets: page.facets,
        loading: null,
      });
      get().announce(countText(kind, page.total));
    }

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
        if (total === null && loading === null) await loadFirst(filters);
      },
      reload: () => loadFirst(current().filters),
      find: (text) => loadFirst({ ...current().filters, find: text.trim() }),
      toggleFilter: (facet, value) => loadFirst(toggleFilter(current().filters, facet, value)),
      clearFilters: () => loadFirst(NO_FILTERS),
      async loadMore() {
        const { nextAfter, loading, filters, rows } = current();
        if (nextAfter === null || loading !== null) return;
        const call = ++latest;
        patch({ loading: 'more', error: null });
        const result = await fetchPage(listQueryOf(filters, nextAfter));
        if (call !== latest) return;
        if (!result.ok) {
          patch({ loading: null, error: result.error.message });
          return;
        }
        const page = result.value;
        const shown = [...rows, ...page.rows];
        patch({ rows: shown, nextAfter: page.nextAfter, total: page.total, loading: null });
        get().announce(shownText(kind, shown.length, page.total));
      },
      markStale() {
        latest += 1;
        patch({ total: null, loading: null });
      },
    };
    return { [kind]: list } as Record<K, RequestList<Row>>;
  };
}

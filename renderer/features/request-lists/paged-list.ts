import type { Result } from '../../../shared/api/result.ts';
import { PAGE_SIZE } from './list-query.ts';

/** One keyset page as the `*.list` methods answer it. */
export interface KeysetPage<Row> {
  readonly rows: Row[];
  readonly nextAfter: number | null;
  readonly total: number;
}

/** The part of a request list's state the pager owns: the rows on show and how fetching went. */
export interface PagedRows<Filters, Row> {
  /** The filters of the rows on show (or being fetched). */
  readonly filters: Filters;
  readonly rows: readonly Row[];
  /** null until a first page has arrived for these filters. */
  readonly total: number | null;
  readonly nextAfter: number | null;
  readonly loading: 'page' | 'more' | null;
  /** The envelope's message when the last call failed. */
  readonly error: string | null;
}

/** The most rows one call may ask for (the contracts' `limit` cap). */
export const MAX_PAGE = 500;

export interface PagerSpec<Filters, Row, Page extends KeysetPage<Row>> {
  read: () => PagedRows<Filters, Row>;
  /** Stores changes to the rows; `page` is the answer they came from, for the list's own parts. */
  write: (changes: Partial<PagedRows<Filters, Row>>, page?: Page) => void;
  fetch: (filters: Filters, after: number | undefined, limit: number) => Promise<Result<Page>>;
  /** Says in the message line what is on show once a first page or the next one has arrived. */
  announce: (page: Page, shown: number, loaded: 'page' | 'more') => void;
}

export interface Pager<Filters> {
  /** The first page under `filters`, replacing the rows on show. */
  first: (filters: Filters) => Promise<void>;
  /** The next keyset page, appended. */
  more: () => Promise<void>;
  /**
   * The rows on show read again in place (as many as are shown, up to MAX_PAGE), keeping them on
   * screen until the answer comes: for changes made elsewhere, without losing the reader's place.
   * Calls made while one is on its way are folded into one more.
   */
  refresh: () => Promise<void>;
  /** Any answer still on its way is dropped when it arrives. */
  invalidate: () => void;
}

/**
 * Fetches a request list's keyset pages. A newer call supersedes an older one, so a slow answer to
 * an old search never replaces a newer one. Borrowing and Lending Requests both page with it.
 */
export function createPager<Filters, Row, Page extends KeysetPage<Row>>(
  spec: PagerSpec<Filters, Row, Page>,
): Pager<Filters> {
  let latest = 0;
  let refreshing: Promise<void> | null = null;
  let again = false;

  async function refreshOnce(): Promise<void> {
    const { filters, rows, loading, total } = spec.read();
    if (loading !== null || total === null) return;
    const call = ++latest;
    const limit = Math.min(Math.max(rows.length, PAGE_SIZE), MAX_PAGE);
    const result = await spec.fetch(filters, undefined, limit);
    if (call !== latest) return;
    if (!result.ok) {
      spec.write({ error: result.error.message });
      return;
    }
    const page = result.value;
    spec.write(
      { rows: page.rows, total: page.total, nextAfter: page.nextAfter, error: null },
      page,
    );
  }

  return {
    async first(filters) {
      const call = ++latest;
      spec.write({ filters, rows: [], total: null, nextAfter: null, loading: 'page', error: null });
      const result = await spec.fetch(filters, undefined, PAGE_SIZE);
      if (call !== latest) return;
      if (!result.ok) {
        spec.write({ loading: null, error: result.error.message });
        return;
      }
      const page = result.value;
      spec.write(
        { rows: page.rows, total: page.total, nextAfter: page.nextAfter, loading: null },
        page,
      );
      spec.announce(page, page.rows.length, 'page');
    },

    async more() {
      const { nextAfter, loading, filters, rows } = spec.read();
      if (nextAfter === null || loading !== null) return;
      const call = ++latest;
      spec.write({ loading: 'more', error: null });
      const result = await spec.fetch(filters, nextAfter, PAGE_SIZE);
      if (call !== latest) return;
      if (!result.ok) {
        spec.write({ loading: null, error: result.error.message });
        return;
      }
      const page = result.value;
      const shown = [...rows, ...page.rows];
      spec.write({ rows: shown, nextAfter: page.nextAfter, total: page.total, loading: null });
      spec.announce(page, shown.length, 'more');
    },

    refresh() {
      // A burst of changes (a bulk action elsewhere) asks once more after the call on its way,
      // not once per change.
      if (refreshing) {
        again = true;
        return refreshing;
      }
      refreshing = (async () => {
        do {
          again = false;
          await refreshOnce();
        } while (again);
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    invalidate() {
      latest += 1;
    },
  };
}

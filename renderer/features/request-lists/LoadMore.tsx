import type { ListKind } from './list-query.ts';
import { canLoadMore, shownText } from './list-selectors.ts';
import type { PagedRows } from './paged-list.ts';

/**
 * Under a request list's rows: "Showing 100 of 342 lending requests", and Load more while another
 * keyset page is left. Nothing before the first page has arrived.
 */
export function LoadMore({
  kind,
  list,
}: {
  kind: ListKind;
  list: Pick<PagedRows<unknown, unknown>, 'rows' | 'total' | 'nextAfter' | 'loading'> & {
    readonly loadMore: () => Promise<void>;
  };
}) {
  if (list.rows.length === 0 || list.total === null) return null;
  return (
    <div className="load-more">
      <p>{shownText(kind, list.rows.length, list.total)}</p>
      {list.nextAfter !== null && (
        <button type="button" disabled={!canLoadMore(list)} onClick={() => void list.loadMore()}>
          {list.loading === 'more' ? 'Loading more…' : 'Load more'}
        </button>
      )}
    </div>
  );
}

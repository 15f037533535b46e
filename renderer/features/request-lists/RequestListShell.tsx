import { useEffect, type ReactNode } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ActiveFilters } from './ActiveFilters.tsx';
import { FacetGroup } from './FacetGroup.tsx';
import { FindBox } from './FindBox.tsx';
import {
  activeFilterChips,
  countText,
  facetOptions,
  isEmpty,
  type FilterChip,
} from './list-selectors.ts';
import { LoadMore } from './LoadMore.tsx';
import type { RequestList } from './list-slice.ts';

/**
 * What Borrowing and Lending Requests share: Find box, facets, active filters, error and empty
 * states, the count and Load more. The screen supplies its table (only drawn when there are rows).
 */
export function RequestListShell({
  list,
  findLabel,
  findPlaceholder,
  children,
}: {
  list: RequestList<unknown>;
  findLabel: string;
  findPlaceholder: string;
  children: ReactNode;
}) {
  const { ensureLoaded } = list;
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  function remove(chip: FilterChip): void {
    if (chip.facet === 'find') void list.find('');
    else void list.toggleFilter(chip.facet, chip.filter);
  }

  const chips = activeFilterChips(list);
  return (
    <div className="request-list">
      <FindBox
        key={list.filters.find}
        label={findLabel}
        placeholder={findPlaceholder}
        initial={list.filters.find}
        onFind={(text) => void list.find(text)}
      />
      <ActiveFilters chips={chips} onRemove={remove} onClear={() => void list.clearFilters()} />
      <div className="list-body">
        <aside className="facets" aria-label="Filters">
          <FacetGroup
            title="Status"
            options={facetOptions(list, 'status')}
            onToggle={(option) => void list.toggleFilter('status', option)}
          />
          <FacetGroup
            title="Partner"
            options={facetOptions(list, 'partner')}
            onToggle={(option) => void list.toggleFilter('partner', option)}
          />
        </aside>
        <div className="list-results" aria-busy={list.loading !== null}>
          {list.total !== null && <p className="list-total">{countText(list.kind, list.total)}</p>}
          {list.error !== null && (
            <ErrorAlert message={list.error} onRetry={() => void list.reload()} />
          )}
          {list.loading === 'page' && <p className="muted">Loading…</p>}
          {isEmpty(list) && (
            <p className="empty-state">
              {chips.length > 0
                ? 'Nothing matches these filters. Change the Find text or clear the filters.'
                : `There are no ${list.kind} requests yet.`}
            </p>
          )}
          {list.rows.length > 0 && children}
          <LoadMore kind={list.kind} list={list} />
        </div>
      </div>
    </div>
  );
}

import { useEffect, useId } from 'react';
import {
  ACTIVITY_LABELS,
  ACTIVITY_STATUSES,
  type ActivityStatus,
  type LendingTab,
} from '../../../shared/domain/lending-tasks.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { ActiveFilters } from '../request-lists/ActiveFilters.tsx';
import { FindBox } from '../request-lists/FindBox.tsx';
import { countText, isEmpty } from '../request-lists/list-selectors.ts';
import { LoadMore } from '../request-lists/LoadMore.tsx';
import { LendingBulkBar } from './LendingBulkBar.tsx';
import { LendingFacets } from './LendingFacets.tsx';
import { LendingTabs } from './LendingTabs.tsx';
import { LendingTaskTable } from './LendingTaskTable.tsx';
import { hasFindOrFacets } from './lending-tasks-query.ts';
import { lendingFilterChips, tabsOnShow } from './lending-tasks-selectors.ts';
import { NEEDS_FIND_TEXT } from './lending-tasks-slice.ts';
import { ManualLendingForm } from '../manual-requests/ManualLendingForm.tsx';

/**
 * The Lending Requests task list: tabs by assignment, Activity Status and the Find box, facets
 * with counts, the rows (virtualised, paged as they scroll into view) and the bulk actions.
 */
export function LendingRequestsScreen() {
  const list = useDesk((state) => state.lending);
  const { ensureLoaded, follow } = list;
  const ids = useId();
  const tabId = (tab: LendingTab) => `${ids}-tab-${tab}`;
  const panelId = `${ids}-panel`;

  useEffect(() => {
    void ensureLoaded();
    return follow();
  }, [ensureLoaded, follow]);

  const chips = lendingFilterChips(list);
  return (
    <div className="screen lending-tasks">
      <ScreenHeading>Lending Requests</ScreenHeading>
      <p className="lead">
        The requests partners sent us. Choose requests and print their pull slips, in shelf order,
        to pull the items; then ship each one at Shipping Items.
      </p>
      <ManualLendingForm />
      <LendingTabs
        tabs={tabsOnShow(list)}
        current={list.filters.tab}
        panelId={panelId}
        tabId={tabId}
        onShow={(tab) => void list.showTab(tab)}
      />
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(list.filters.tab)}>
        <div className="task-controls">
          <div className="activity-status">
            <label htmlFor={`${ids}-activity`}>Activity Status</label>
            <select
              id={`${ids}-activity`}
              value={list.filters.activity}
              onChange={(event) => void list.showActivity(event.target.value as ActivityStatus)}
            >
              {ACTIVITY_STATUSES.map((activity) => (
                <option key={activity} value={activity}>
                  {ACTIVITY_LABELS[activity]}
                </option>
              ))}
            </select>
          </div>
          <FindBox
            key={list.filters.find}
            label="Find lending requests"
            placeholder="External Identifier, request ID, barcode, title, author, partner"
            initial={list.filters.find}
            onFind={(text) => void list.find(text)}
          />
        </div>
        <ActiveFilters
          chips={chips}
          onRemove={(chip) =>
            void (chip.facet === 'find'
              ? list.find('')
              : list.toggleFilter(chip.facet, chip.filter))
          }
          onClear={() => void list.clearFilters()}
        />
        <div className="list-body">
          <LendingFacets />
          <div className="list-results" aria-busy={list.loading !== null}>
            <ListState />
            {list.total !== 0 && !list.needsFind && <LendingBulkBar />}
            {list.rows.length > 0 && <LendingTaskTable />}
            <LoadMore kind="lending" list={list} />
          </div>
        </div>
      </div>
    </div>
  );
}

/** The count, an error, loading, or why nothing is listed. */
function ListState() {
  const list = useDesk((state) => state.lending);
  return (
    <>
      {list.total !== null && !list.needsFind && (
        <p className="list-total">{countText('lending', list.total)}</p>
      )}
      {list.error !== null && (
        <ErrorAlert message={list.error} onRetry={() => void list.reload()} />
      )}
      {list.loading === 'page' && <p className="muted">Loading…</p>}
      {list.needsFind && list.loading === null && <p className="empty-state">{NEEDS_FIND_TEXT}</p>}
      {!list.needsFind && isEmpty(list) && (
        <p className="empty-state">
          {hasFindOrFacets(list.filters)
            ? 'Nothing matches these filters. Change the Find text or clear the filters.'
            : 'There are no lending requests here.'}
        </p>
      )}
    </>
  );
}

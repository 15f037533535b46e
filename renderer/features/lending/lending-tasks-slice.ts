import type { DeskClient } from '../../../shared/api/client.ts';
import type {
  LendingFacet,
  LendingListResult,
  LendingTaskRow,
} from '../../../shared/api/contract-lending-tasks.ts';
import type { Facet } from '../../../shared/api/contract.ts';
import type { ActivityStatus, LendingTab } from '../../../shared/domain/lending-tasks.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { toggleActive, type ActiveFilter } from '../request-lists/list-query.ts';
import { countText, shownText } from '../request-lists/list-selectors.ts';
import { createPager, type PagedRows } from '../request-lists/paged-list.ts';
import {
  NO_LENDING_FILTERS,
  NOTHING_CHOSEN,
  emptyPerFacet,
  keepShown,
  lendingListQueryOf,
  toggleChosen,
  withoutFindOrFacets,
  type LendingChoice,
  type LendingFilters,
} from './lending-tasks-query.ts';

export interface LendingTasksState extends PagedRows<LendingFilters, LendingTaskRow> {
  readonly kind: 'lending';
  readonly facets: LendingListResult['facets'];
  /** How many requests each tab holds; null until a page has told. */
  readonly tabs: LendingListResult['tabs'] | null;
  /** Completed or All with an empty Find box: nothing is listed until something is typed. */
  readonly needsFind: boolean;
  /** What the bulk actions work on; cleared whenever the filters change. */
  readonly chosen: LendingChoice;
}

export interface LendingTasksActions {
  /** The first page, unless one is on show or on its way. */
  ensureLoaded: () => Promise<void>;
  reload: () => Promise<void>;
  /**
   * The rows on show read again in place after a change made here: the reader keeps their place
   * in the list and the rows they chose. Nothing before a first page has arrived.
   */
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** A request changed while the list was not on show: read it again when it next opens. */
  markStale: () => void;
  /**
   * While the screen is open: the rows on show are read again now (they may have changed while
   * it was closed) and whenever the desk says a lending request changed. Returns the stop.
   */
  follow: () => () => void;
  showTab: (tab: LendingTab) => Promise<void>;
  showActivity: (activity: ActivityStatus) => Promise<void>;
  find: (text: string) => Promise<void>;
  toggleFilter: (facet: LendingFacet, value: Facet | ActiveFilter) => Promise<void>;
  /** Takes the Find text and facet filters off; the tab and Activity Status stay. */
  clearFilters: () => Promise<void>;
  toggleChosen: (requestId: string) => void;
  /** Checks every row on show, or none. */
  chooseShown: (choose: boolean) => void;
  /** Every request the current filter matches, loaded or not. */
  chooseAllMatching: () => void;
  clearChoice: () => void;
}

export type LendingTasks = LendingTasksState & LendingTasksActions;

export interface LendingTasksSlice {
  lending: LendingTasks;
}

export const NEEDS_FIND_TEXT =
  'Type in the Find box to list requests: Completed and All show only the requests a search finds.';

/**
 * The Lending Requests task list (issue "5 · Lending desk", part 2): tabs, Activity Status, Find
 * box, every facet, keyset pages appended as the reader scrolls, and the rows chosen for a bulk
 * action. Bulk actions themselves live in lending-bulk-slice.ts.
 */
export function createLendingTasksSlice(client: DeskClient): DeskSlice<LendingTasksSlice> {
  return (set, get) => {
    const current = (): LendingTasks => get().lending;
    const patch = (changes: Partial<LendingTasksState>): void => {
      set((state) => ({ lending: { ...state.lending, ...changes } }));
    };

    const pager = createPager<LendingFilters, LendingTaskRow, LendingListResult>({
      read: current,
      write(changes, page) {
        patch({
          ...changes,
          ...(page ? { facets: page.facets, tabs: page.tabs, needsFind: page.needsFind } : {}),
          chosen: choiceAfter(changes),
        });
      },
      fetch: (filters, after, limit) =>
        client.call('lending.list', lendingListQueryOf(filters, after, limit)),
      announce(page, shown, loaded) {
        if (loaded === 'more') get().announce(shownText('lending', shown, page.total));
        else get().announce(page.needsFind ? NEEDS_FIND_TEXT : countText('lending', page.total));
      },
    });
    const show = (changes: Partial<LendingFilters>) =>
      pager.first({ ...current().filters, ...changes });
    const choose = (chosen: LendingChoice) => patch({ chosen });
    const shownIds = () => current().rows.map((row) => row.requestId);

    /** New filters clear the choice; rows read again keep the chosen ones still on show. */
    function choiceAfter(changes: Partial<PagedRows<LendingFilters, LendingTaskRow>>) {
      const { chosen } = current();
      if (changes.filters !== undefined) return NOTHING_CHOSEN;
      if (changes.rows === undefined) return chosen;
      return keepShown(
        chosen,
        changes.rows.map((row) => row.requestId),
      );
    }

    const lending: LendingTasks = {
      kind: 'lending',
      filters: NO_LENDING_FILTERS,
      rows: [],
      total: null,
      nextAfter: null,
      loading: null,
      error: null,
      facets: emptyPerFacet<Facet>(),
      tabs: null,
      needsFind: false,
      chosen: NOTHING_CHOSEN,

      async ensureLoaded() {
        const { total, loading, filters } = current();
        if (total === null && loading === null) await pager.first(filters);
      },
      reload: () => pager.first(current().filters),
      refresh: () => pager.refresh(),
      loadMore: () => pager.more(),
      markStale() {
        pager.invalidate();
        patch({ total: null, loading: null });
      },
      follow() {
        void pager.refresh();
        return client.on('requests.changed', ({ kind }) => {
          if (kind === 'lending') void pager.refresh();
        });
      },
      showTab: (tab) => show({ tab }),
      showActivity: (activity) => show({ activity }),
      find: (text) => show({ find: text.trim() }),
      toggleFilter(facet, value) {
        const { facets } = current().filters;
        return show({ facets: { ...facets, [facet]: toggleActive(facets[facet], value) } });
      },
      clearFilters: () => pager.first(withoutFindOrFacets(current().filters)),
      toggleChosen: (requestId) => choose(toggleChosen(current().chosen, requestId, shownIds())),
      chooseShown: (all) => choose(all ? { mode: 'rows', ids: shownIds() } : NOTHING_CHOSEN),
      chooseAllMatching: () => choose({ mode: 'matching' }),
      clearChoice: () => choose(NOTHING_CHOSEN),
    };
    return { lending };
  };
}

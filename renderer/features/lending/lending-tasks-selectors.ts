import {
  LENDING_FACETS,
  LENDING_FACET_LABELS,
  SELECTION_LIMIT,
  type LendingFacet,
  type LendingListResult,
  type LendingTaskRow,
} from '../../../shared/api/contract-lending-tasks.ts';
import { LENDING_TABS, TAB_LABELS, type LendingTab } from '../../../shared/domain/lending-tasks.ts';
import {
  filterChips,
  mergeFacetOptions,
  type FacetOption,
  type FilterChip,
} from '../request-lists/list-selectors.ts';
import { chosenCount } from './lending-tasks-query.ts';
import type { LendingTasksState } from './lending-tasks-slice.ts';

type ListView = Pick<
  LendingTasksState,
  'filters' | 'facets' | 'tabs' | 'total' | 'rows' | 'chosen' | 'needsFind'
>;

export function lendingFacetOptions(list: ListView, facet: LendingFacet): FacetOption[] {
  return mergeFacetOptions(list.facets[facet], list.filters.facets[facet]);
}

export function lendingFilterChips(list: ListView): FilterChip<LendingFacet>[] {
  return filterChips(
    list.filters.find,
    LENDING_FACETS.map((facet) => ({
      facet,
      title: LENDING_FACET_LABELS[facet],
      filters: list.filters.facets[facet],
    })),
  );
}

const TAB_COUNT: Record<LendingTab, keyof LendingListResult['tabs']> = {
  ALL: 'all',
  ASSIGNED_TO_ME: 'assignedToMe',
  UNASSIGNED: 'unassigned',
  ASSIGNED_TO_OTHERS: 'assignedToOthers',
};

export interface TabOnShow {
  readonly tab: LendingTab;
  readonly label: string;
  /** null until the list has said; the indicator shows only when it holds requests. */
  readonly count: number | null;
}

/**
 * The tabs this operator sees, All tasks first: a tab the server counts as null is not theirs
 * (Assigned to Others for an Operator, Assigned to Me with nobody signed in). The tab on show
 * always stays, so the reader is never left on a tab that vanished.
 */
export function tabsOnShow(list: ListView): TabOnShow[] {
  const { tabs } = list;
  return LENDING_TABS.flatMap((tab) => {
    const count = tabs ? tabs[TAB_COUNT[tab]] : null;
    const shown = tab === 'ALL' || tab === list.filters.tab || count !== null;
    return shown ? [{ tab, label: TAB_LABELS[tab], count }] : [];
  });
}

/**
 * Manager rights, as the list's own answer tells them: only a Manager (or anyone in setup mode)
 * is shown Assigned to Others, the same rule that lets them remove requests.
 */
export function viewerIsManager(list: Pick<ListView, 'tabs'>): boolean {
  return list.tabs !== null && list.tabs.assignedToOthers !== null;
}

/** "2 requests chosen", "All 12 matching requests chosen", "No requests chosen". */
export function choiceText(list: ListView): string {
  const count = chosenCount(list.chosen, list.total);
  const noun = count === 1 ? 'request' : 'requests';
  if (list.chosen.mode === 'matching') return `All ${count} matching ${noun} chosen`;
  return count === 0 ? 'No requests chosen' : `${count} ${noun} chosen`;
}

/** "Choose all 12 matching" is offered when it adds rows not loaded yet, within the bulk limit. */
export function canChooseAllMatching(list: ListView): boolean {
  const total = list.total ?? 0;
  return list.chosen.mode === 'rows' && total > 0 && total <= SELECTION_LIMIT;
}

export function allShownChosen(list: ListView): boolean {
  const { chosen, rows } = list;
  if (chosen.mode === 'matching') return rows.length > 0;
  return rows.length > 0 && rows.every((row) => chosen.ids.includes(row.requestId));
}

/** The Printed/Reported cell: "Printed", "Reported", "Printed, reported" or nothing. */
export function printedText(row: Pick<LendingTaskRow, 'printed' | 'reported'>): string {
  if (row.printed && row.reported) return 'Printed, reported';
  if (row.printed) return 'Printed';
  return row.reported ? 'Reported' : '';
}

/** "1 alert", "3 alerts", or nothing. */
export function alertsText(alerts: number): string {
  if (alerts === 0) return '';
  return alerts === 1 ? '1 alert' : `${alerts} alerts`;
}

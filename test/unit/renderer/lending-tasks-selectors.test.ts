import { describe, expect, it } from 'vitest';
import { SELECTION_LIMIT } from '../../../shared/api/contract-lending-tasks.ts';
import {
  NO_LENDING_FILTERS,
  NOTHING_CHOSEN,
  ROWS_LIMIT,
  selectionOf,
} from '../../../renderer/features/lending/lending-tasks-query.ts';
import {
  canChooseAllMatching,
  choiceText,
  lendingFacetOptions,
  lendingFilterChips,
  printedText,
  tabsOnShow,
  viewerIsManager,
} from '../../../renderer/features/lending/lending-tasks-selectors.ts';
import { lendingPage } from './lending-tasks-fixtures.ts';

function view(
  overrides: Partial<Parameters<typeof tabsOnShow>[0]> = {},
): Parameters<typeof tabsOnShow>[0] {
  const page = lendingPage(1, 3, null, 3);
  return {
    filters: NO_LENDING_FILTERS,
    facets: page.facets,
    tabs: page.tabs,
    total: page.total,
    rows: page.rows,
    chosen: NOTHING_CHOSEN,
    needsFind: false,
    ...overrides,
  };
}

describe('lending task list selectors', () => {
  it('shows All tasks first and only the tabs this operator has', () => {
    const manager = view({
      tabs: { all: 9, assignedToMe: 2, unassigned: 5, assignedToOthers: 2 },
    });
    expect(tabsOnShow(manager).map((t) => [t.label, t.count])).toEqual([
      ['All tasks', 9],
      ['Assigned to Me', 2],
      ['Unassigned', 5],
      ['Assigned to Others', 2],
    ]);
    const operator = view({
      tabs: { all: 7, assignedToMe: 2, unassigned: 5, assignedToOthers: null },
    });
    expect(tabsOnShow(operator).map((t) => t.tab)).toEqual(['ALL', 'ASSIGNED_TO_ME', 'UNASSIGNED']);
    expect(viewerIsManager(manager)).toBe(true);
    expect(viewerIsManager(operator)).toBe(false);
    expect(viewerIsManager(view({ tabs: null }))).toBe(false);
  });

  it('keeps an active facet filter the counts left out, and names it in a chip', () => {
    const filters = {
      ...NO_LENDING_FILTERS,
      find: 'Cormen',
      facets: {
        ...NO_LENDING_FILTERS.facets,
        printed: [{ value: 'YES', label: 'Yes' }],
      },
    };
    expect(lendingFacetOptions(view({ filters }), 'printed')).toEqual([
      { value: 'NO', label: 'No', count: 3, active: false },
      { value: 'YES', label: 'Yes', count: null, active: true },
    ]);
    expect(lendingFilterChips(view({ filters })).map((chip) => chip.text)).toEqual([
      'Find: “Cormen”',
      'Request Printed: Yes',
    ]);
  });

  it('says what is chosen, and offers all matching only within the bulk limit', () => {
    expect(choiceText(view())).toBe('No requests chosen');
    expect(choiceText(view({ chosen: { mode: 'rows', ids: ['L-2001'] } }))).toBe(
      '1 request chosen',
    );
    expect(choiceText(view({ chosen: { mode: 'matching' }, total: 40 }))).toBe(
      'All 40 matching requests chosen',
    );
    expect(canChooseAllMatching(view({ total: 40 }))).toBe(true);
    expect(canChooseAllMatching(view({ total: SELECTION_LIMIT + 1 }))).toBe(false);
    expect(canChooseAllMatching(view({ chosen: { mode: 'matching' } }))).toBe(false);
  });

  it('refuses more rows one by one than a call may name, and points to all matching', () => {
    const ids = Array.from({ length: ROWS_LIMIT + 1 }, (_, i) => `L-${i}`);
    const picked = selectionOf({ mode: 'rows', ids }, NO_LENDING_FILTERS, 900);
    expect('refusal' in picked && picked.refusal).toContain('Choose all matching instead');
  });

  it('writes Printed and Reported in one cell', () => {
    expect(printedText({ printed: true, reported: true })).toBe('Printed, reported');
    expect(printedText({ printed: true, reported: false })).toBe('Printed');
    expect(printedText({ printed: false, reported: true })).toBe('Reported');
    expect(printedText({ printed: false, reported: false })).toBe('');
  });
});

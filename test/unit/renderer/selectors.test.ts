import type { PrinterStatus, PrintStatus } from '../../../shared/api/contract-printing.ts';
import { describe, expect, it } from 'vitest';
import {
  addressLines,
  detailFields,
} from '../../../renderer/features/request-detail/detail-fields.ts';
import {
  NO_FILTERS,
  listQueryOf,
  toggleFilter,
} from '../../../renderer/features/request-lists/list-query.ts';
import {
  activeFilterChips,
  canLoadMore,
  countText,
  facetOptions,
  hasActiveFilters,
  isEmpty,
  shownText,
} from '../../../renderer/features/request-lists/list-selectors.ts';
import {
  modeText,
  printerText,
} from '../../../renderer/features/status-bar/status-bar-selectors.ts';
import { formatDay, formatInstant } from '../../../renderer/ui/format-date.ts';
import { borrowingDetail, borrowingPage } from './fixtures.ts';

function listView(overrides: Partial<Parameters<typeof facetOptions>[0]> = {}) {
  const page = borrowingPage(1, 2, null, 2);
  return {
    kind: 'borrowing' as const,
    filters: NO_FILTERS,
    rows: page.rows,
    total: 2,
    nextAfter: null,
    facets: page.facets,
    loading: null,
    error: null,
    ...overrides,
  };
}

describe('list selectors', () => {
  it('counts requests in plain words', () => {
    expect(countText('borrowing', 42)).toBe('42 borrowing requests');
    expect(countText('lending', 1)).toBe('1 lending request');
    expect(countText('lending', 0)).toBe('No lending requests');
    expect(shownText('borrowing', 50, 342)).toBe('Showing 50 of 342 borrowing requests');
  });

  it('leaves empty parts out of the query and trims the Find text', () => {
    expect(listQueryOf({ find: '   ', status: [], partner: [] })).toEqual({ limit: 50 });
    const filters = toggleFilter({ ...NO_FILTERS, find: ' 78239 ' }, 'partner', {
      value: 'SUNYALB',
      label: 'Albany',
    });
    expect(listQueryOf(filters, 7)).toEqual({
      find: '78239',
      partner: ['SUNYALB'],
      after: 7,
      limit: 50,
    });
  });

  it('marks active facet values and keeps an active filter the counts left out', () => {
    const filters = {
      ...NO_FILTERS,
      status: [
        { value: 'RECEIVED', label: 'Physically received by library' },
        { value: 'LOST', label: 'Lost communicated' },
      ],
    };
    const options = facetOptions(listView({ filters }), 'status');
    expect(options).toEqual([
      { value: 'SHIPPED_PHYSICALLY', label: 'Shipped physically', count: 80, active: false },
      { value: 'RECEIVED', label: 'Physically received by library', count: 40, active: true },
      { value: 'LOST', label: 'Lost communicated', count: null, active: true },
    ]);
  });

  it('describes each active filter so it can be removed', () => {
    const view = listView({
      filters: {
        find: 'Lovelace',
        status: [{ value: 'RECEIVED', label: 'Physically received by library' }],
        partner: [],
      },
    });
    expect(hasActiveFilters(view)).toBe(true);
    expect(activeFilterChips(view).map((chip) => chip.text)).toEqual([
      'Find: “Lovelace”',
      'Status: Physically received by library',
    ]);
    expect(hasActiveFilters(listView())).toBe(false);
  });

  it('offers Load more only while there is a next page and nothing is loading', () => {
    expect(canLoadMore(listView({ nextAfter: 50 }))).toBe(true);
    expect(canLoadMore(listView({ nextAfter: 50, loading: 'more' }))).toBe(false);
    expect(canLoadMore(listView())).toBe(false);
  });

  it('calls a list empty only once it has loaded without error', () => {
    expect(isEmpty(listView({ rows: [], total: 0 }))).toBe(true);
    expect(isEmpty(listView({ rows: [], total: null, loading: 'page' }))).toBe(false);
    expect(isEmpty(listView({ rows: [], total: 0, error: 'Server down' }))).toBe(false);
  });
});

describe('status bar selectors', () => {
  const base = { info: null, error: null, mode: 'browser' as const };
  const printer = (state: PrinterStatus['state'], waiting = 0, failed = 0): PrinterStatus => ({
    name: 'Front desk',
    uri: 'cups://slips',
    description: 'CUPS queue slips',
    state,
    waiting,
    failed,
    lastError: null,
  });
  const status = (p: PrinterStatus | null): PrintStatus => ({
    waiting: p?.waiting ?? 0,
    failed: p?.failed ?? 0,
    defaultPrinter: p ? 'Front desk' : null,
    printers: p ? [p] : [],
  });

  it('says when no printer is set, and what the printer is doing once it reports', () => {
    expect(printerText(status(null), base)).toBe('No printer set');
    expect(printerText(status(printer('offline', 2)), base)).toBe(
      'Front desk (offline, 2 waiting)',
    );
    expect(printerText(status(printer('idle')), base)).toBe('Front desk (ready)');
    expect(printerText(status(printer('failed', 0, 1)), base)).toBe(
      'Front desk (needs attention, 1 failed)',
    );
  });

  it('names the mode', () => {
    expect(modeText(base)).toBe('Browser mode');
    expect(modeText({ ...base, mode: 'electron' })).toBe('Electron');
  });
});

describe('request detail fields', () => {
  it("shows the partner's address on separate lines", () => {
    expect(addressLines(borrowingDetail('B-1').partner.address)).toBe(
      '1400 Washington Ave\nAlbany, NY 12222\nUS',
    );
  });

  it('shows the patron for a borrowing request and the Alma status name', () => {
    const fields = detailFields(borrowingDetail('B-1'));
    const value = (term: string) => fields.find((field) => field.term === term)?.value;
    expect(value('Status')).toBe('Shipped physically');
    expect(value('Patron')).toBe('Ada Lovelace (21234000012345)');
    expect(value('Lending partner')).toBe('University at Albany, SUNY (SUNYALB, symbol NAM)');
    expect(value('Format')).toBe('Physical');
    expect(fields.some((field) => field.term === 'Item barcode')).toBe(false);
  });
});

describe('dates', () => {
  it('shows a calendar date without shifting it by time zone', () => {
    expect(formatDay('2027-01-10', 'en-US')).toBe('Jan 10, 2027');
  });

  it('shows a moment in the given time zone and leaves unreadable text as it is', () => {
    expect(formatInstant('2026-11-20T15:05:00Z', 'en-US', 'America/New_York')).toMatch(
      /Nov 20, 2026, 10:05\sAM/,
    );
    expect(formatInstant('yesterday')).toBe('yesterday');
  });
});

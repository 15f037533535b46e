import type {
  LendingListResult,
  LendingTaskRow,
} from '../../../shared/api/contract-lending-tasks.ts';

/** Lending task L-(2000+n): a new physical request at Buffalo, unassigned, not printed. */
export function lendingTaskRow(n: number, overrides: Partial<LendingTaskRow> = {}): LendingTaskRow {
  return {
    requestId: `L-${2000 + n}`,
    externalId: `3310${String(n).padStart(4, '0')}`,
    partnerCode: 'SUNYBUF',
    partnerName: 'University at Buffalo, SUNY',
    title: `Lent book ${n}`,
    author: null,
    status: 'CREATED',
    statusLabel: 'Created lending request',
    itemBarcode: null,
    callNumber: null,
    location: null,
    neededBy: null,
    dueDate: null,
    requestedFormat: 'PHYSICAL',
    suppliedFormat: null,
    levelOfService: 'Standard',
    printed: false,
    reported: false,
    assignedTo: null,
    alerts: 0,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    actions: ['EDIT', 'SHIP', 'DUPLICATE', 'MORE_DETAILS'],
    ...overrides,
  };
}

/** A `lending.list` answer: rows L-(2000+from)… with Status and Partner counts, a manager's tabs. */
export function lendingPage(
  from: number,
  count: number,
  nextAfter: number | null,
  total = 120,
  overrides: Partial<LendingListResult> = {},
): LendingListResult {
  return {
    rows: Array.from({ length: count }, (_, i) => lendingTaskRow(from + i)),
    nextAfter,
    total,
    needsFind: false,
    facets: {
      status: [{ value: 'CREATED', label: 'Created lending request', count: total }],
      partner: [{ value: 'SUNYBUF', label: 'University at Buffalo, SUNY', count: total }],
      requestedFormat: [{ value: 'PHYSICAL', label: 'Physical', count: total }],
      suppliedFormat: [{ value: 'UNDEFINED', label: 'Undefined', count: total }],
      createdDate: [{ value: 'TODAY', label: 'Today', count: total }],
      updatedDate: [{ value: 'TODAY', label: 'Today', count: total }],
      dueDate: [{ value: 'NONE', label: 'No date', count: total }],
      levelOfService: [{ value: 'Standard', label: 'Standard', count: total }],
      printed: [{ value: 'NO', label: 'No', count: total }],
      reported: [{ value: 'NO', label: 'No', count: total }],
      alerts: [{ value: 'NONE', label: 'No alerts', count: total }],
    },
    tabs: { all: total, assignedToMe: null, unassigned: total, assignedToOthers: 0 },
    ...overrides,
  };
}

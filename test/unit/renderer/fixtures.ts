import type { BorrowingRow, Output, RequestDetail } from '../../../shared/api/contract.ts';

export function borrowingRow(n: number): BorrowingRow {
  return {
    requestId: `B-${1000 + n}`,
    externalId: `7823900${String(n).padStart(4, '0')}`,
    partnerCode: 'SUNYALB',
    partnerName: 'University at Albany, SUNY',
    patronName: 'Ada Lovelace',
    title: `Book ${n}`,
    author: null,
    status: 'SHIPPED_PHYSICALLY',
    statusLabel: 'Shipped physically',
    tempBarcode: null,
    dueDate: '2027-01-10',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

export function borrowingPage(
  from: number,
  count: number,
  nextAfter: number | null,
  total = 120,
): Output<'borrowing.list'> {
  return {
    rows: Array.from({ length: count }, (_, i) => borrowingRow(from + i)),
    nextAfter,
    total,
    facets: {
      status: [
        { value: 'SHIPPED_PHYSICALLY', label: 'Shipped physically', count: 80 },
        { value: 'RECEIVED', label: 'Physically received by library', count: 40 },
      ],
      partner: [{ value: 'SUNYALB', label: 'University at Albany, SUNY', count: 120 }],
    },
  };
}

export function borrowingDetail(requestId: string, status = 'SHIPPED_PHYSICALLY'): RequestDetail {
  return {
    kind: 'borrowing',
    requestId,
    externalId: '78239000001',
    status,
    statusLabel: status === 'RECEIVED' ? 'Physically received by library' : 'Shipped physically',
    title: 'Notes on the Analytical Engine',
    author: 'Menabrea, L. F.',
    isbn: null,
    format: 'PHYSICAL',
    neededBy: null,
    dueDate: '2027-01-10',
    note: null,
    partner: {
      code: 'SUNYALB',
      name: 'University at Albany, SUNY',
      symbol: 'NAM',
      protocol: 'iso18626',
      endpoint: 'https://ill.albany.example/iso18626',
      email: null,
      isoVersion: '2021',
      address: {
        line1: '1400 Washington Ave',
        line2: null,
        locality: 'Albany',
        region: 'NY',
        postalCode: '12222',
        country: 'US',
      },
      lendingWorkflow: 'Peer to Peer Lending',
      borrowingWorkflow: 'Peer to Peer Borrowing',
      expiryDays: 5,
      loanPeriodDays: 28,
      active: true,
    },
    patron: {
      patronId: 'P100',
      name: 'Ada Lovelace',
      barcode: '21234000012345',
      email: null,
      pickupLocation: 'Main Library Circulation Desk',
    },
    item: null,
    tempBarcode: null,
    holdUntil: null,
    receivedAt: null,
    levelOfService: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    history: [],
  };
}

/**
 * The data set the crash-safety test imports (DESIGN.md §6): two ISO 18626 partners whose
 * endpoint is the loopback partner (one on 1.2, one on 2021), a lending workflow profile with the
 * Checked In Message (so Scan In tells the partner too), and `count` borrowing requests ready to
 * receive and `count` lending requests ready to ship, each with its own item. Patrons have no
 * email address: the test follows partner messages, not patron letters.
 */

export const LENDING_PROFILE = 'Crash Lending with Checked In Message';

/** Borrowing request n: B-n, External Identifier BX-n, and the temporary barcode it gets. */
export const borrowing = (n: number) => ({
  requestId: `B-${n}`,
  externalId: `BX-${n}`,
  tempBarcode: `39000${String(n).padStart(6, '0')}`,
});

/** Lending request n: L-n, the borrower's id LX-n, and its item's barcode. */
export const lending = (n: number) => ({
  requestId: `L-${n}`,
  externalId: `LX-${n}`,
  itemBarcode: `31000${String(n).padStart(6, '0')}`,
});

export function crashImportFile(partnerEndpoint: string, count: number): unknown {
  const partners = ['ALB', 'BUF'].map((code, i) => ({
    code,
    name: code === 'ALB' ? 'University at Albany, SUNY' : 'University at Buffalo, SUNY',
    symbol: `US-${code}`,
    protocol: 'iso18626',
    endpoint: partnerEndpoint,
    isoVersion: i === 0 ? '1.2' : '2021',
    address: { line1: `${code} Library`, locality: 'New York', region: 'NY', country: 'US' },
    lendingWorkflow: LENDING_PROFILE,
    borrowingWorkflow: 'Peer to Peer Borrowing',
    loanPeriodDays: 28,
  }));
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  return {
    workflowProfiles: [
      {
        name: LENDING_PROFILE,
        type: 'LENDING',
        steps: ['LENDER_CHECK_IN', 'CHECKED_IN_MESSAGE', 'STAFF_RENEWAL'],
      },
    ],
    partners,
    patrons: [
      { id: 'P1', name: 'Ada Lovelace' },
      { id: 'P2', name: 'Grace Hopper' },
    ],
    items: ids.map((n) => ({
      barcode: lending(n).itemBarcode,
      title: `Lent book ${n}`,
      callNumber: `QA76.${n}`,
      location: 'Main Stacks',
    })),
    borrowingRequests: ids.map((n) => ({
      requestId: borrowing(n).requestId,
      externalId: borrowing(n).externalId,
      partner: n % 2 ? 'ALB' : 'BUF',
      patron: n % 2 ? 'P1' : 'P2',
      title: `Borrowed book ${n}`,
      status: 'SHIPPED_PHYSICALLY',
      format: 'PHYSICAL',
    })),
    lendingRequests: ids.map((n) => ({
      requestId: lending(n).requestId,
      externalId: lending(n).externalId,
      partner: n % 2 ? 'BUF' : 'ALB',
      title: `Lent book ${n}`,
      status: 'BEING_PROCESSED',
      requestedFormat: 'PHYSICAL',
      itemBarcode: lending(n).itemBarcode,
    })),
  };
}

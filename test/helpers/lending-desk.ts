import { importJson } from '../../electron/import/import-file.ts';
import type { BorrowingDesk } from './borrowing-desk.ts';

/**
 * Lending requests the lending desk's tests add beside good.json's L-2001 (SUNYBUF, ISO, no
 * lending profile, item 31234000123456 in the Science Library).
 */

/** L-2003 at SUNYALB (Peer to Peer Lending, no Checked In Message) for the Main Stacks item. */
export async function addMainStacksRequest(desk: BorrowingDesk, status = 'CREATED'): Promise<void> {
  await addLendingRequest(desk, {
    requestId: 'L-2003',
    externalId: 'ALB-77',
    partner: 'SUNYALB',
    title: 'The Structure of Scientific Revolutions',
    status,
    itemBarcode: '31234000123464',
  });
}

export async function addLendingRequest(
  desk: BorrowingDesk,
  request: Record<string, string>,
): Promise<void> {
  await importJson(
    desk.desk.context.gate,
    { lendingRequests: [{ requestedFormat: 'PHYSICAL', ...request }] },
    { source: 'lending-desk.json' },
  );
}

import type { ReceivingCandidate } from '../../../shared/api/contract-borrowing-desk.ts';
import type { Output, ScanResult } from '../../../shared/api/contract.ts';

/** A scan answer as the desk gives it; an External Identifier of B-1001 unless overridden. */
export function scanOf(overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    scanId: 7,
    value: '78239000001',
    symbology: null,
    outcome: 'OK',
    code: null,
    message: 'Found the External Identifier of request B-1001 (a borrowing request).',
    warnings: [],
    matches: [
      {
        kind: 'BORROWING_EXTERNAL_ID',
        requestId: 'B-1001',
        partnerCode: 'SUNYALB',
        label: 'Notes on the Analytical Engine',
      },
    ],
    alreadyHandled: false,
    ...overrides,
  };
}

export function candidate(overrides: Partial<ReceivingCandidate> = {}): ReceivingCandidate {
  return {
    requestId: 'B-1001',
    externalId: '78239000001',
    partnerCode: 'SUNYALB',
    partnerName: 'University at Albany, SUNY',
    title: 'Notes on the Analytical Engine',
    author: 'Menabrea, L. F.',
    patronName: 'Ada Lovelace',
    status: 'SHIPPED_PHYSICALLY',
    statusLabel: 'Shipped physically',
    blocked: null,
    receivedAt: null,
    holdUntil: null,
    tempBarcode: null,
    ...overrides,
  };
}

export const RECEIVED_B1002 = candidate({
  requestId: 'B-1002',
  partnerCode: 'SUNYBUF',
  partnerName: 'University at Buffalo, SUNY',
  title: 'Cien años de soledad',
  patronName: 'José Núñez',
  status: 'RECEIVED',
  statusLabel: 'Physically received by library',
  blocked: 'ALREADY_RECEIVED',
  receivedAt: '2026-11-20T10:00:00.000Z',
  holdUntil: '2026-12-04',
  tempBarcode: '31234000999999',
});

export function lookupOf(
  candidates: ReceivingCandidate[],
  nearest: ReceivingCandidate[] = [],
): Output<'receiving.lookup'> {
  return { candidates, nearest, message: `${candidates.length} requests have this identifier.` };
}

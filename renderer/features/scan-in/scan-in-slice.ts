import type { DeskClient } from '../../../shared/api/client.ts';
import type { ScanResult } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { effectNotes } from '../scan-desk/desk-outcome.ts';

const SCREEN = 'Scan In Items';

export interface ScanInSlice {
  /**
   * After a scan at Scan In Items: the lent item came home → Request completed, and the banner
   * says where it goes back on the shelf. True when it has spoken for the scan.
   */
  checkInScan: (scan: ScanResult, seq: number) => Promise<boolean>;
}

/** A scan of another kind (a borrowing identifier, a card) keeps the scan's own message. */
export function needsCheckIn(scan: ScanResult): boolean {
  return scan.code !== 'WRONG_KIND';
}

export function createScanInSlice(client: DeskClient): DeskSlice<ScanInSlice> {
  return (_set, get) => ({
    async checkInScan(scan, seq) {
      // The scan is the check-in's idempotency key: a repeated call cannot check it in twice.
      const result = await client.call('scanIn.checkIn', {
        value: scan.value,
        scanId: scan.scanId,
      });
      if (get().scanning.seq !== seq) return true;
      if (!result.ok) {
        get().showOutcome({
          screen: SCREEN,
          outcome: 'ERROR',
          title: result.error.code === 'NOT_FOUND' ? 'Not on a lending request' : 'Not done',
          value: scan.value,
          message: result.error.message,
        });
        return true;
      }
      const done = result.value;
      get().showOutcome({
        screen: SCREEN,
        outcome: 'OK',
        title: 'Request completed',
        value: done.requestId,
        message: done.message,
        shelving: { location: done.location, callNumber: done.callNumber },
        notes: [`${done.title} · from ${done.partnerName}`, ...effectNotes(done)],
      });
      await get().deskActionDone(done.requestId);
      return true;
    },
  });
}

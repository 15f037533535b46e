import type { ScanResult } from '../../shared/api/contract.ts';
import type { ScanScreen } from '../../shared/scanning/scan-kinds.ts';
import { needsReceivingLookup } from '../features/receiving/receiving-decision.ts';
import { needsReturnLookup } from '../features/returning/returning-slice.ts';
import { needsCheckIn } from '../features/scan-in/scan-in-slice.ts';
import { needsShippingLookup } from '../features/shipping/shipping-decision.ts';
import type { DeskSlice } from './desk-state.ts';

export interface ScanFollowUpSlice {
  /**
   * After a scan a screen took and showed: the screen's desk action, when it has one for this
   * scan (Receiving Items, Return Items, Shipping Items, Scan In Items). True when the action has said and sounded the outcome
   * itself, so the scan's own tone is not played as well. `seq` numbers the scan.
   */
  followUpScan: (screen: ScanScreen, result: ScanResult, seq: number) => Promise<boolean>;
}

/** Joins the scan pipeline to the screens' desk actions; lives here so neither imports the other. */
export function createScanFollowUpSlice(): DeskSlice<ScanFollowUpSlice> {
  return (_set, get) => ({
    async followUpScan(screen, result, seq) {
      if (screen === 'Receiving Items' && needsReceivingLookup(result)) {
        return get().lookUpReceiving(result, seq);
      }
      if (screen === 'Return Items' && needsReturnLookup(result)) {
        return get().lookUpReturn(result, seq);
      }
      if (screen === 'Shipping Items' && needsShippingLookup(result)) {
        return get().lookUpShipping(result, seq);
      }
      if (screen === 'Scan In Items' && needsCheckIn(result)) {
        return get().checkInScan(result, seq);
      }
      return false;
    },
  });
}

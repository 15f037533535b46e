import type { ScanRecord } from '../../../shared/api/contract.ts';
import { NO_SCREEN } from '../../../shared/scanning/scan-kinds.ts';

/**
 * What Recent scans says about each scan, in the desk's words. A scan either led to a desk action
 * ("Applied: Received B-1001") or changed nothing ("Not applied"); after a crash or a power cut,
 * staff go by the difference to know which books to scan again.
 */

export const OUTCOME_TEXT: Readonly<Record<ScanRecord['outcome'], string>> = {
  PENDING: 'Not handled',
  OK: 'OK',
  WARNING: 'Warning',
  ERROR: 'Error',
};

/** "Applied: Received B-1001", "Applied: Received B-1001 (undone)", or "Not applied". */
export function appliedText(scan: Pick<ScanRecord, 'applied'>): string {
  if (!scan.applied) return 'Not applied';
  const undone = scan.applied.undone ? ' (undone)' : '';
  return `Applied: ${scan.applied.description}${undone}`;
}

/** One row of the panel after its time: what was scanned, where, how it went, what it did. */
export interface RecentScanCells {
  readonly scanned: string;
  /** A HID scan no window has taken has no screen yet; its message says so. */
  readonly screen: string;
  readonly outcome: string;
  readonly deskAction: string;
  readonly message: string;
}

export function recentScanCells(scan: ScanRecord): RecentScanCells {
  return {
    scanned: scan.value,
    screen: scan.screen === NO_SCREEN ? 'None' : scan.screen,
    outcome: OUTCOME_TEXT[scan.outcome],
    deskAction: appliedText(scan),
    message: scan.message ?? '',
  };
}

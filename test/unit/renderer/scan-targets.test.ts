import { describe, expect, it } from 'vitest';
import {
  currentScanTarget,
  deliverScan,
  registerScanTarget,
} from '../../../renderer/features/scan-desk/scan-targets.ts';

describe('scan targets', () => {
  it('hands a scan to the latest target, and back to the screen when a dialog closes', () => {
    const screen: string[] = [];
    const dialog: string[] = [];
    const offScreen = registerScanTarget('Receiving Items', (v) => screen.push(v));
    const offDialog = registerScanTarget('Temporary barcode', (v) => dialog.push(v));
    expect(currentScanTarget()).toBe('Temporary barcode');
    expect(deliverScan('31234000123453')).toBe(true);
    offDialog();
    expect(deliverScan('00041771')).toBe(true);
    expect(dialog).toEqual(['31234000123453']);
    expect(screen).toEqual(['00041771']);
    offScreen();
  });

  it('says when no screen takes scans', () => {
    expect(currentScanTarget()).toBeNull();
    expect(deliverScan('00041771')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { ScanRecord } from '../../../shared/api/contract.ts';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import {
  appliedText,
  recentScanCells,
} from '../../../renderer/features/scan-desk/recent-scan-text.ts';
import { FakeDeskClient } from './fake-desk-client.ts';

/**
 * Recent scans says what each scan came to (issue 8 part 1): the desk action it was applied as,
 * "Not applied" when it changed nothing, and — for a scan the desk stopped in the middle of —
 * that it was not handled and must be scanned again.
 */

const AT = '2026-11-23T12:00:00.000Z';

function record(overrides: Partial<ScanRecord>): ScanRecord {
  return {
    id: 1,
    at: AT,
    source: 'wedge',
    raw: '78239000001',
    value: '78239000001',
    screen: 'Receiving Items',
    outcome: 'OK',
    message: 'Found the External Identifier of request B-1001 (a borrowing request).',
    applied: null,
    ...overrides,
  };
}

const NOT_HANDLED =
  'Not handled: the desk stopped before it finished with this scan, so nothing was done. Scan the item again.';

describe('what Recent scans says a scan was applied as', () => {
  it('names the desk action, marks one Undo took back, and says so when nothing was done', () => {
    const applied = (description: string, undone: boolean) =>
      appliedText(record({ applied: { description, at: AT, undone } }));
    expect(applied('Received B-1001', false)).toBe('Applied: Received B-1001');
    expect(applied('Shipped L-2001', true)).toBe('Applied: Shipped L-2001 (undone)');
    expect(appliedText(record({}))).toBe('Not applied');
  });

  it('shows the scans the desk lists, each with its outcome, desk action and message', async () => {
    const recent = [
      record({
        id: 4,
        value: '39000000100102',
        screen: 'none',
        outcome: 'PENDING',
        message: 'Waiting for a desk window to take this scan.',
      }),
      record({
        id: 3,
        value: '31234000123456',
        screen: 'Scan In Items',
        outcome: 'PENDING',
        message: NOT_HANDLED,
      }),
      record({ id: 2, applied: { description: 'Received B-1001', at: AT, undone: false } }),
    ];
    const client = new FakeDeskClient().answer('scans.recent', () => ({ ok: true, value: recent }));
    const store = createDeskStore(client, { mode: 'browser', initialScreen: 'receiving' });
    await store.getState().loadRecentScans();

    expect(store.getState().scanning.recent.map(recentScanCells)).toEqual([
      {
        scanned: '39000000100102',
        screen: 'None',
        outcome: 'Not handled',
        deskAction: 'Not applied',
        message: 'Waiting for a desk window to take this scan.',
      },
      {
        scanned: '31234000123456',
        screen: 'Scan In Items',
        outcome: 'Not handled',
        deskAction: 'Not applied',
        message: NOT_HANDLED,
      },
      {
        scanned: '78239000001',
        screen: 'Receiving Items',
        outcome: 'OK',
        deskAction: 'Applied: Received B-1001',
        message: 'Found the External Identifier of request B-1001 (a borrowing request).',
      },
    ]);
  });
});

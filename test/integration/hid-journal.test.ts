import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskClient } from '../../shared/api/client.ts';
import type { EventPayload, ScanRecord } from '../../shared/api/contract.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import type { Result } from '../../shared/api/result.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { createReplayBackend, type ReplayBackend } from '../../electron/scanner/replay-device.ts';
import { UNTAKEN_AFTER_MS } from '../../electron/services/scan-service.ts';
import { openTempDesk, type TempDesk } from '../helpers/temp-desk.ts';
import { continuedReports, scannedDataReport } from '../unit/scanning/hid-reports.ts';

/**
 * HID POS scans are journaled by the desk on arrival, before any window sees them: a replay
 * device stands in for the USB scanner, everything after its report bytes is the real path.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/import/good.json');
const SCANNER = {
  path: '/dev/hidraw-test',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  product: 'Test HID POS scanner',
};

let temp: TempDesk;
let hid: ReplayBackend;
let pushed: EventPayload<'scan.hid'>[];

/** A desk window: its own session, as each tab or Electron window has. */
function windowClient(name: string): DeskClient {
  const session: Session = { id: name, transport: 'in-process', operatorId: null };
  return createInProcessClient(
    temp.desk.handlers,
    (event, listener) => temp.desk.events.on(event, listener),
    session,
    { checkOutput: true },
  );
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function recent(limit = 20): Promise<ScanRecord[]> {
  return value(await windowClient('reader').call('scans.recent', { limit }));
}

/** Sends a scan through the replay device and waits until the desk has pushed it. */
async function scanHid(data: string, aim = ']C0'): Promise<EventPayload<'scan.hid'>> {
  const before = pushed.length;
  for (const report of continuedReports(data, 20, aim)) {
    expect(hid.send(SCANNER.path, report)).toBe(true);
  }
  await vi.waitFor(() => expect(pushed.length).toBe(before + 1));
  return pushed[before] as EventPayload<'scan.hid'>;
}

beforeEach(async () => {
  hid = createReplayBackend([SCANNER]);
  temp = await openTempDesk({ hid });
  await importFile(temp.desk.context.gate, FIXTURE);
  pushed = [];
  temp.desk.events.on('scan.hid', (scan) => pushed.push(scan));
});
afterEach(async () => {
  vi.useRealTimers();
  await temp.dispose();
});

describe('a HID POS scan is journaled by the desk when it arrives', () => {
  it('is kept with no desk window open, and after a few seconds is listed as taken by none', async () => {
    const scan = await scanHid('00041771');
    const [row] = await recent(1);
    expect(row).toMatchObject({
      id: scan.scanId,
      source: 'hid',
      raw: ']C000041771',
      value: '00041771',
      screen: 'none',
      outcome: 'PENDING',
    });
    expect(row?.message).toMatch(/^Waiting for a desk window/);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + UNTAKEN_AFTER_MS + 1_000 });
    const [later] = await recent(1);
    expect(later?.message).toMatch(/^No desk window took this scan/);
  });

  it('pushes the scan to the windows only once it is journaled, with its scanId', async () => {
    let journaledWhenPushed: string | undefined;
    temp.desk.events.on('scan.hid', (scan) => {
      const row = temp.desk.context.db.sqlite
        .prepare('SELECT normalized FROM scans WHERE id = ?')
        .get(scan.scanId) as { normalized: string } | undefined;
      journaledWhenPushed = row?.normalized;
    });
    const scan = await scanHid('78239000001');
    expect(scan).toMatchObject({ value: ']C078239000001', symbology: 'Code 128' });
    expect(journaledWhenPushed).toBe('78239000001');
  });

  it('with two windows submitting it, handles it once: the second gets the outcome back', async () => {
    const scan = await scanHid('00041771');
    const submit = (name: string) =>
      windowClient(name).call('scans.submit', {
        source: 'hid',
        raw: scan.value,
        screen: 'Receiving Items',
        scanId: scan.scanId,
      });
    const results = (await Promise.all([submit('window-a'), submit('window-b')])).map(value);

    expect(results.map((r) => r.alreadyHandled).sort()).toEqual([false, true]);
    const [handled, repeated] = results[0]?.alreadyHandled ? [results[1], results[0]] : results;
    expect(handled).toMatchObject({ outcome: 'OK', value: '00041771', symbology: 'Code 128' });
    expect(handled?.message).toContain('request B-1003');
    expect(repeated).toMatchObject({
      scanId: scan.scanId,
      outcome: 'OK',
      message: handled?.message,
      matches: [],
    });

    const rows = await recent();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: scan.scanId,
      screen: 'Receiving Items',
      outcome: 'OK',
      message: handled?.message,
    });
  });

  it('journals a scan given to a dialog as taken by it, not as a scan at the screen', async () => {
    const scan = await scanHid('39000000100102');
    const taken = value(
      await windowClient('window-a').call('scans.submit', {
        source: 'hid',
        raw: scan.value,
        screen: 'Receiving Items',
        scanId: scan.scanId,
        dialog: 'Temporary barcode',
      }),
    );
    expect(taken).toMatchObject({ outcome: 'OK', value: '39000000100102', matches: [] });
    expect((await recent())[0]).toMatchObject({
      id: scan.scanId,
      screen: 'Receiving Items',
      outcome: 'OK',
      message: 'Given to the Temporary barcode dialog.',
    });
  });

  it('leaves a scan whose handling failed untaken, so a window can take it again', async () => {
    const scan = await scanHid('31234000123453');
    const submit = () =>
      windowClient('window-a').call('scans.submit', {
        source: 'hid',
        raw: scan.value,
        screen: 'Scan In Items',
        scanId: scan.scanId,
      });
    // Break the lookups: the items table disappears while the window handles the scan.
    temp.desk.context.db.sqlite.exec('ALTER TABLE items RENAME TO items_gone');
    expect((await submit()).ok).toBe(false);
    temp.desk.context.db.sqlite.exec('ALTER TABLE items_gone RENAME TO items');
    expect((await recent(1))[0]).toMatchObject({ screen: 'none', outcome: 'PENDING' });
    expect(value(await submit()).alreadyHandled).toBe(false);
    expect((await recent(1))[0]).toMatchObject({ screen: 'Scan In Items', outcome: 'ERROR' });
  });

  it('says so when a window asks for a scan the desk never journaled', async () => {
    const result = await windowClient('window-a').call('scans.submit', {
      source: 'hid',
      raw: '00041771',
      screen: 'Receiving Items',
      scanId: 999,
    });
    expect(!result.ok && result.error.code).toBe('NOT_FOUND');
  });
});

describe('the HID scanner follows the scanner settings', () => {
  it('stops reading a scanner the vendor filter leaves out, and reads it again when cleared', async () => {
    const client = windowClient('settings');
    const connected = async () => value(await client.call('scanners.status', {})).connected;
    expect((await connected()).map((s) => s.path)).toEqual([SCANNER.path]);

    value(await client.call('settings.update', { key: 'scanner', value: { hidVendorId: 0x05e0 } }));
    await vi.waitFor(async () => expect(await connected()).toEqual([]));
    expect(hid.openPaths()).toEqual([]);

    value(
      await client.call('settings.update', {
        key: 'scanner',
        value: { hidVendorId: SCANNER.vendorId, hidProductId: SCANNER.productId },
      }),
    );
    await vi.waitFor(async () => expect((await connected()).length).toBe(1));
    const notes = value(await client.call('scanners.status', {})).notes;
    expect(notes.some((n) => n.includes('vendor 0c2e, product 0b61'))).toBe(true);
  });

  it('strips the configured prefix from a HID scan before journaling it', async () => {
    value(
      await windowClient('settings').call('settings.update', {
        key: 'scanner',
        value: { prefix: '$' },
      }),
    );
    // The scanner service restarts with the new settings: it notes the change, then reconnects.
    await vi.waitFor(async () => {
      const notes = value(await windowClient('settings').call('scanners.status', {})).notes;
      expect(notes.slice(0, 2)).toEqual([
        'Connected: Test HID POS scanner.',
        expect.stringMatching(/^Scanner settings changed/),
      ]);
    });
    expect(hid.send(SCANNER.path, scannedDataReport('$00041771'))).toBe(true);
    await vi.waitFor(() => expect(pushed).toHaveLength(1));
    const [row] = await recent(1);
    expect(row).toMatchObject({ raw: '$00041771', value: '00041771', source: 'hid' });
  });
});

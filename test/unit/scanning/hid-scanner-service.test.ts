import { describe, expect, it } from 'vitest';
import type { HidDeviceInfo } from '../../../electron/scanner/hid-device.ts';
import {
  createHidScannerService,
  type HidScan,
  type HidScannerStatus,
} from '../../../electron/scanner/hid-scanner-service.ts';
import { createReplayBackend } from '../../../electron/scanner/replay-device.ts';
import { createFakeClock, settle } from './fake-clock.ts';
import { continuedReports, scannedDataReport } from './hid-reports.ts';

const XENON: HidDeviceInfo = {
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  product: 'Xenon 1950g',
};
const OTHER: HidDeviceInfo = {
  path: '/dev/hidraw7',
  vendorId: 0x05e0,
  productId: 0x1200,
  product: null,
};

function setup(devices: HidDeviceInfo[] = [XENON], filter = {}) {
  const backend = createReplayBackend(devices);
  const clock = createFakeClock(1_000_000);
  const scans: HidScan[] = [];
  const statuses: HidScannerStatus[] = [];
  const service = createHidScannerService({
    backend,
    filter,
    onScan: (scan) => scans.push(scan),
    onStatus: (status) => statuses.push(status),
    now: clock.now,
    setTimer: clock.setTimer,
    normalise: { suffix: '\r' },
  });
  return { backend, clock, scans, statuses, service };
}

describe('HID scanner service', () => {
  it('opens the scanners it finds and says how each is read', async () => {
    const { service, statuses } = setup();
    await service.start();
    expect(service.status()).toEqual([{ ...XENON, readBy: 'replay' }]);
    expect(statuses).toEqual([{ kind: 'connected', device: XENON }]);
    await service.stop();
  });

  it('only opens scanners matching the vendor/product filter from Settings', async () => {
    const { service } = setup([XENON, OTHER], { vendorId: 0x0c2e });
    await service.start();
    expect(service.status().map((s) => s.path)).toEqual([XENON.path]);
    await service.stop();
  });

  it('hands a scan on once, normalised and with its symbology and device', async () => {
    const { backend, service, scans } = setup();
    await service.start();
    backend.send(XENON.path, scannedDataReport('A31234000123453B', { aim: ']F0' }));
    expect(scans).toEqual([
      {
        value: '31234000123453',
        symbology: 'Codabar',
        device: XENON,
        raw: 'A31234000123453B',
        aim: ']F0',
        warnings: [],
      },
    ]);
    await service.stop();
  });

  it('hands on a scan spread over several reports as one scan', async () => {
    const { backend, service, scans } = setup();
    await service.start();
    const url = 'https://library.example.edu/rs/requests/RS-000123?from=partner&copy=2';
    const reports = continuedReports(url, 20, ']Q1');
    expect(reports).toHaveLength(4);
    backend.play(reports.map((report) => ({ path: XENON.path, report })));
    expect(scans.map((s) => [s.value, s.symbology])).toEqual([[url, 'QR Code']]);
    await service.stop();
  });

  it('reports garbage as a status and never as a scan', async () => {
    const { backend, service, scans, statuses } = setup();
    await service.start();
    backend.send(XENON.path, [0x01, 0xff, 0x00]);
    backend.send(XENON.path, scannedDataReport('ABC', { length: 90 }));
    expect(scans).toEqual([]);
    expect(statuses.filter((s) => s.kind === 'report-rejected')).toHaveLength(2);
    await service.stop();
  });

  it('warns about a bad check digit but still hands the scan on', async () => {
    const { backend, service, scans } = setup();
    await service.start();
    backend.send(XENON.path, scannedDataReport('31234000123457\r'));
    expect(scans[0]?.value).toBe('31234000123457');
    expect(scans[0]?.warnings[0]).toMatch(/Check digit of 31234000123457 does not match/);
    await service.stop();
  });

  it('notices an unplug, picks the scanner up again after replug, and scans flow again', async () => {
    const { backend, clock, service, scans, statuses } = setup();
    await service.start();

    backend.unplug(XENON.path);
    await settle();
    expect(service.status()).toEqual([]);
    expect(statuses.at(-1)).toMatchObject({ kind: 'disconnected', device: XENON });
    expect(backend.openPaths()).toEqual([]);

    backend.plug(XENON);
    await clock.advance(1_999);
    expect(service.status()).toEqual([]);
    await clock.advance(1);
    expect(service.status().map((s) => s.path)).toEqual([XENON.path]);
    expect(statuses.at(-1)).toEqual({ kind: 'connected', device: XENON });

    backend.send(XENON.path, scannedDataReport('RS-000124', { aim: ']C0' }));
    expect(scans.map((s) => s.value)).toEqual(['RS-000124']);
    await service.stop();
  });

  it('notices a scanner that vanished from the device list without a read error', async () => {
    const { backend, clock, service, statuses } = setup();
    await service.start();
    backend.vanish(XENON.path);
    await clock.advance(2_000);
    expect(service.status()).toEqual([]);
    expect(statuses.at(-1)).toEqual({
      kind: 'disconnected',
      device: XENON,
      reason: 'no longer attached',
    });
    expect(backend.openPaths()).toEqual([]);
    await service.stop();
  });

  it('looks for scanners no more often than every 2 seconds', async () => {
    const { backend, clock, service } = setup([]);
    await service.start();
    expect(backend.listCalls).toBe(1);
    await service.rescan();
    await service.rescan();
    await clock.advance(1_500);
    await service.rescan();
    expect(backend.listCalls).toBe(1);
    await clock.advance(500);
    expect(backend.listCalls).toBe(2);
    await service.rescan();
    expect(backend.listCalls).toBe(2);
    await clock.advance(10_000);
    expect(backend.listCalls).toBe(7);
    await service.stop();
  });

  it('drops a scan whose tail never arrives and says so', async () => {
    const { backend, clock, service, scans, statuses } = setup();
    await service.start();
    backend.send(XENON.path, scannedDataReport('HALF', { continued: true }));
    await clock.advance(2_000);
    expect(scans).toEqual([]);
    expect(statuses.at(-1)).toMatchObject({ kind: 'scan-dropped', device: XENON });
    await service.stop();
  });

  it('reports a scanner that cannot be opened once, not on every rescan', async () => {
    const { backend, clock, service, statuses } = setup([]);
    const open = backend.open.bind(backend);
    backend.open = (info) =>
      info.path === OTHER.path ? Promise.reject(new Error('permission denied')) : open(info);
    backend.plug(OTHER);
    await service.start();
    await clock.advance(6_000);
    expect(statuses).toEqual([{ kind: 'open-failed', device: OTHER, reason: 'permission denied' }]);
    await service.stop();
  });

  it('closes every scanner and stops looking when stopped', async () => {
    const { backend, clock, service } = setup([XENON, OTHER]);
    await service.start();
    expect(backend.openPaths()).toHaveLength(2);
    await service.stop();
    expect(backend.openPaths()).toEqual([]);
    expect(service.status()).toEqual([]);
    const calls = backend.listCalls;
    await clock.advance(10_000);
    expect(backend.listCalls).toBe(calls);
  });
});

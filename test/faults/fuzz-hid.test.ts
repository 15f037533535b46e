import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { HidDeviceInfo } from '../../electron/scanner/hid-device.ts';
import {
  createHidScannerService,
  DEFAULT_JOIN_TIMEOUT_MS,
  type HidScan,
  type HidScannerStatus,
} from '../../electron/scanner/hid-scanner-service.ts';
import { createReplayBackend } from '../../electron/scanner/replay-device.ts';
import { normaliseScan } from '../../shared/scanning/scan-normalise.ts';
import { createFakeClock, settle } from '../unit/scanning/fake-clock.ts';
import { scannedDataReport } from '../unit/scanning/hid-reports.ts';
import { recordFaultCounts } from './fault-counts.ts';

/**
 * Bad input from a HID POS scanner, fuzzed: arbitrary bytes, valid reports with one thing broken,
 * and streams of continued reports. Each report goes through the real scanner service (replay
 * backend, fake clock); what comes out is compared with a model written from the layout that
 * shared/scanning/hid-pos-report.ts documents.
 */

const SCANNER: HidDeviceInfo = {
  path: '/dev/hidraw-fuzz',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  product: 'Fuzzed scanner',
};

const tally = { inputs: 0, refused: 0, scans: 0, streams: 0, dropped: 0 };
afterAll(() => {
  recordFaultCounts('Fuzzing: HID reports', tally);
});

/** What the documented layout says a report is: a chunk of a scan, or garbage. */
type ModelReport =
  { ok: true; data: string; aim: string | null; continued: boolean } | { ok: false };

/** Printable ASCII and the six controls scanners send (Tab, LF, CR, EOT, GS, RS). */
const SCAN_CONTROLS = new Set([0x09, 0x0a, 0x0d, 0x04, 0x1d, 0x1e]);

function modelDecode(bytes: Uint8Array): ModelReport {
  // Report ID, length, three AIM bytes and the flag byte at least.
  if (bytes.length < 6 || bytes[0] !== 0x02) return { ok: false };
  const length = bytes[1] ?? 0;
  if (5 + length > bytes.length - 1) return { ok: false };
  const [flag = 0, letter = 0, modifier = 0] = bytes.subarray(2, 5);
  let aim: string | null = null;
  if (flag !== 0 || letter !== 0 || modifier !== 0) {
    const isLetter = /[A-Za-z]/.test(String.fromCharCode(letter));
    if (flag !== 0x5d || !isLetter || modifier < 0x21 || modifier > 0x7e) return { ok: false };
    aim = String.fromCharCode(flag, letter, modifier);
  }
  const data = [...bytes.subarray(5, 5 + length)];
  if (!data.every((b) => (b >= 0x20 && b <= 0x7e) || SCAN_CONTROLS.has(b))) return { ok: false };
  return {
    ok: true,
    data: String.fromCharCode(...data),
    aim,
    continued: ((bytes.at(-1) ?? 0) & 1) === 1,
  };
}

async function startService() {
  const backend = createReplayBackend([SCANNER]);
  const clock = createFakeClock(1_000_000);
  const scans: HidScan[] = [];
  const statuses: HidScannerStatus[] = [];
  /** Scans and statuses in the order the service gave them. */
  const log: string[] = [];
  const service = createHidScannerService({
    backend,
    filter: {},
    onScan: (scan) => {
      scans.push(scan);
      log.push(`scan ${scan.raw}`);
    },
    onStatus: (status) => {
      statuses.push(status);
      log.push(status.kind);
    },
    now: clock.now,
    setTimer: clock.setTimer,
  });
  await service.start();
  // The "connected" status.
  statuses.length = 0;
  log.length = 0;
  return { backend, clock, scans, statuses, log, service };
}

/** Sends one report; a throw escaping the service fails the property. */
function send(backend: ReturnType<typeof createReplayBackend>, report: Uint8Array): void {
  tally.inputs += 1;
  expect(backend.send(SCANNER.path, report)).toBe(true);
}

const aimText = fc.constantFrom(null, ']C0', ']A0', ']F0', ']Q1', ']E0', ']d2', ']X5');
/** Data a scanner carries: mostly printable, sometimes one of the controls it may send. */
const scanText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      {
        weight: 20,
        arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(' ', '\t', '\r', '\n', '\u0004', '\u001d', '\u001e'),
      },
    ),
    minLength: 1,
    maxLength,
  });

const validReport = fc
  .record({
    data: scanText(58),
    aim: aimText,
    continued: fc.boolean(),
    size: fc.integer({ min: 64, max: 64 }),
  })
  .map(({ data, aim, continued, size }) =>
    scannedDataReport(data, { ...(aim === null ? {} : { aim }), continued, size }),
  );

/** One thing broken in a valid report: a byte, the length, the report ID, the size, the flag. */
const mutatedReport = fc
  .tuple(validReport, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 6 }))
  .map(([report, at, value, how]) => {
    const bytes = Uint8Array.from(report);
    const index = at % bytes.length;
    switch (how) {
      case 0: // any byte overwritten
        bytes[index] = value;
        return bytes;
      case 1: // the length byte lies
        bytes[1] = value;
        return bytes;
      case 2: // another report ID
        bytes[0] = value;
        return bytes;
      case 3: // cut short
        return bytes.subarray(0, index);
      case 4: // one data bit flipped
        bytes[5 + (index % 58)] = (bytes[5 + (index % 58)] ?? 0) ^ (1 << (value % 8));
        return bytes;
      case 5: // the continuation flag's whole byte set
        bytes[bytes.length - 1] = value;
        return bytes;
      default: // an AIM byte changed
        bytes[2 + (index % 3)] = value;
        return bytes;
    }
  });

const anyReport = fc.oneof(
  fc.uint8Array({ maxLength: 80 }),
  // Arbitrary bytes behind the scanned-data report ID, so more get past the first check.
  fc.uint8Array({ minLength: 1, maxLength: 80 }).map((b) => Uint8Array.of(0x02, ...b.subarray(1))),
  mutatedReport,
  validReport,
);

// Generous: on a loaded machine a few thousand generated inputs take longer than the default.
describe('fuzzed HID POS reports', { timeout: 120_000 }, () => {
  it('decodes each report as the layout says, refuses garbage with a reason, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(anyReport, async (report) => {
        const { backend, scans, statuses, service } = await startService();
        send(backend, report);
        const model = modelDecode(report);
        if (!model.ok) {
          tally.refused += 1;
          expect(scans).toEqual([]);
          expect(statuses).toHaveLength(1);
          expect(statuses[0]).toMatchObject({ kind: 'report-rejected', device: SCANNER });
          if (statuses[0]?.kind === 'report-rejected') expect(statuses[0].reason).not.toBe('');
        } else if (model.continued) {
          // The first part of a longer scan: nothing yet.
          expect(scans).toEqual([]);
          expect(statuses).toEqual([]);
        } else {
          const value = normaliseScan(model.data, model.aim === null ? {} : { aimId: model.aim });
          if (model.data === '' || value.value === '') {
            tally.refused += 1;
            expect(scans).toEqual([]);
            expect(statuses).toMatchObject([{ kind: 'report-rejected' }]);
          } else {
            tally.scans += 1;
            expect(statuses).toEqual([]);
            expect(scans).toHaveLength(1);
            expect(scans[0]).toMatchObject({
              raw: model.data,
              aim: model.aim,
              value: value.value,
            });
          }
        }
        await service.stop();
      }),
      { numRuns: 4000 },
    );
  });

  /**
   * Streams built from scans whose fate is known by construction: a complete scan is handed on
   * whole; a scan whose last report is lost is dropped (and said so) once the next report is late
   * or garbage; a garbage report between scans is refused.
   */
  interface PlannedScan {
    readonly data: string;
    readonly aim: string | null;
    readonly chunk: number;
    readonly lostTail: boolean;
    /** What follows the scan: a quick next scan, a pause past the join timeout, or garbage. */
    readonly then: 'quick' | 'pause' | 'garbage';
  }

  const plannedScan: fc.Arbitrary<PlannedScan> = fc
    .record({
      data: scanText(200).map((s) => `S${s}`),
      aim: aimText,
      chunk: fc.integer({ min: 1, max: 58 }),
      lostTail: fc.boolean(),
      then: fc.constantFrom('quick', 'pause', 'garbage'),
    })
    // A lost tail followed at once by more of the same symbology is indistinguishable from one
    // longer scan (the joiner cannot know), so such streams are not planned.
    .map((s) => ({
      ...s,
      lostTail: s.lostTail && s.data.length > s.chunk,
      then: s.lostTail && s.data.length > s.chunk && s.then === 'quick' ? 'pause' : s.then,
    }));

  const garbage = fc.oneof(
    fc.uint8Array({ maxLength: 5 }),
    fc
      .uint8Array({ minLength: 64, maxLength: 64 })
      .map((b) => Uint8Array.of(0x03, ...b.subarray(1))),
  );

  it('joins continued reports into the scans that were sent, dropping broken ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(plannedScan, garbage, fc.integer({ min: 0, max: 40 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (plan) => {
          tally.streams += 1;
          const { backend, clock, scans, statuses, log, service } = await startService();
          const expected: string[] = [];
          for (const [scan, junk, gap] of plan) {
            const parts: string[] = [];
            for (let at = 0; at < scan.data.length; at += scan.chunk) {
              parts.push(scan.data.slice(at, at + scan.chunk));
            }
            const sent = scan.lostTail ? parts.slice(0, -1) : parts;
            for (const [i, part] of sent.entries()) {
              const continued = i < parts.length - 1;
              send(
                backend,
                scannedDataReport(part, {
                  ...(scan.aim === null ? {} : { aim: scan.aim }),
                  continued,
                }),
              );
              await clock.advance(gap % 20);
            }
            if (scan.lostTail) expected.push('scan-dropped');
            else {
              const value = normaliseScan(scan.data, scan.aim === null ? {} : { aimId: scan.aim });
              expected.push(value.value === '' ? 'report-rejected' : `scan ${scan.data}`);
            }
            if (scan.then === 'pause') {
              await clock.advance(DEFAULT_JOIN_TIMEOUT_MS + 1 + gap * 100);
            } else if (scan.then === 'garbage') {
              send(backend, junk);
              expected.push('report-rejected');
              await clock.advance(gap);
            } else {
              await clock.advance(gap);
            }
          }
          // Whatever is still pending at the end is given time to expire.
          await clock.advance(10_000);
          await settle();
          expect(log).toEqual(expected);
          tally.scans += scans.length;
          tally.dropped += statuses.filter((s) => s.kind === 'scan-dropped').length;
          tally.refused += statuses.filter((s) => s.kind === 'report-rejected').length;
          await service.stop();
        },
      ),
      { numRuns: 600 },
    );
  });
});

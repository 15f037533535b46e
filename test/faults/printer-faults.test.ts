import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../shared/api/client.ts';
import type { PrintStatus, PrinterStatus } from '../../shared/api/contract-printing.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import { importFile, importJson } from '../../electron/import/import-file.ts';
import type { DeskInfoSlice } from '../../renderer/features/status-bar/desk-info-slice.ts';
import { printerText } from '../../renderer/features/status-bar/status-bar-selectors.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../helpers/loopback-printer.ts';
import { openTempDesk, type TempDesk } from '../helpers/temp-desk.ts';
import {
  batchImport,
  median,
  runStream,
  streamBatch,
  type StreamBatch,
} from './desk-scan-stream.ts';
import { recordFaultCounts } from './fault-counts.ts';

/**
 * Printer faults through whole desk steps (tracker 8, item 2): a loopback thermal printer that
 * refuses connections, stops reading mid-slip, or drops the connection mid-slip, while staff keep
 * scanning — receive, ship, return, scan in, as the desk's windows call them. Every step answers
 * without waiting for the printer, the status bar says offline and why, the slips are retried,
 * and once the printer is back every slip arrives whole, once, in order.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/import/good.json');
/** Requests of each kind per run: 4 steps each, 3 of them printing a slip. */
const SIZE = 5;
/** How long the printer may stay silent in these tests (the desk's own default is 10 s). */
const SILENT_MS = 300;
/** Between print retries (the desk's own backoff starts at 2 s). */
const RETRY_MS = 80;
/** Where a faulty printer stops reading or drops: well inside every slip. */
const CUT_AT = 120;
/**
 * How much slower the median scan may be with a faulty printer than with a healthy one. A step
 * that waited on the printer would take at least one refused connect, or SILENT_MS.
 */
const SLOWER_AT_MOST = 4;

interface Fault {
  readonly name: string;
  readonly apply: (printer: LoopbackPrinter) => Promise<void> | void;
  readonly recover: (printer: LoopbackPrinter) => Promise<void> | void;
  /** What the status bar's printer says, in staff's words. */
  readonly why: RegExp;
  /** Whether the printer reads part of a slip before failing. */
  readonly cutsOff: boolean;
}

const FAULTS: readonly Fault[] = [
  {
    name: 'refuses connections (switched off)',
    apply: (p) => p.refuse(),
    recover: (p) => p.accept(),
    why: /^Printer at 127\.0\.0\.1:\d+ refused the connection: is it switched on and online\?$/,
    cutsOff: false,
  },
  {
    name: 'stops reading mid-slip (jammed)',
    apply: (p) => p.stallAfter(CUT_AT),
    recover: (p) => p.behaveNormally(),
    why: /^Printer at 127\.0\.0\.1:\d+ did not finish the job \(no word from it for 300 ms after the last byte\): is it out of paper, jammed or open\?$/,
    cutsOff: true,
  },
  {
    name: 'drops the connection mid-slip (switched off while printing)',
    apply: (p) => p.dropAfter(CUT_AT),
    recover: (p) => p.behaveNormally(),
    why: /^Printer at 127\.0\.0\.1:\d+ dropped the connection after \d+ of \d+ bytes: was it switched off or restarted\?$/,
    cutsOff: true,
  },
];

const batches: Record<string, StreamBatch> = {
  healthy: streamBatch('PH', SIZE),
  ...Object.fromEntries(FAULTS.map((f, i) => [f.name, streamBatch(`P${i}`, SIZE)])),
};

let printer: LoopbackPrinter;
let temp: TempDesk;
let client: DeskClient;
/** Every `print.status` the desk pushed, as the status bar receives them. */
const pushed: PrintStatus[] = [];
let baselineMedianMs = NaN;
const tally = {
  faults: 0,
  stepsUnderFault: 0,
  slipsUnderFault: 0,
  failedAttemptsRetried: 0,
  cutOffAttempts: 0,
  slipsDeliveredWhole: 0,
  baselineSteps: 0,
};

beforeAll(async () => {
  printer = await startLoopbackPrinter();
  temp = await openTempDesk({
    printer: printer.uri,
    printBackoffMs: () => RETRY_MS,
    printTransports: { tcp: { writeTimeoutMs: SILENT_MS } },
  });
  const gate = temp.desk.context.gate;
  await importFile(gate, FIXTURE);
  await importJson(gate, batchImport(Object.values(batches)), { source: 'printer-faults.json' });
  client = createInProcessClient(
    temp.desk.handlers,
    (event, listener) => temp.desk.events.on(event, listener),
    { id: 'front-desk-window', transport: 'in-process', operatorId: null },
    { checkOutput: true },
  );
  temp.desk.events.on('print.status', (status) => pushed.push(status));
});

afterAll(async () => {
  recordFaultCounts('Printer faults', {
    'printer faults': tally.faults,
    'desk steps while faulty': tally.stepsUnderFault,
    'slips queued while faulty': tally.slipsUnderFault,
    'failed attempts retried': tally.failedAttemptsRetried,
    'attempts cut off mid-slip (each slip printed again whole)': tally.cutOffAttempts,
    'slips delivered whole, once': tally.slipsDeliveredWhole,
    'healthy baseline steps': tally.baselineSteps,
  });
  await temp.dispose();
  await printer.close();
});

interface JobRow {
  readonly id: number;
  readonly state: string;
  readonly attempts: number;
  readonly payload: Buffer;
}

function jobRows(ids: readonly number[]): JobRow[] {
  return temp.desk.context.db.sqlite
    .prepare(
      `SELECT id, state, attempts, payload FROM print_jobs
       WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
    )
    .all(...ids) as JobRow[];
}

async function waitFor<T>(
  probe: () => T,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const thePrinter = (status: PrintStatus): PrinterStatus | undefined =>
  status.printers.find((p) => p.uri === printer.uri);

const DESK: DeskInfoSlice['desk'] = { info: null, error: null, mode: 'browser' };

const bytesKey = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * Waits until every slip is DONE, checking on each look that no more are DONE than the printer
 * received whole; then checks the printer got each stored slip once, byte for byte, in order.
 */
async function expectEverySlipPrintedOnce(slipIds: readonly number[], printedBefore: number) {
  let doneBeforeArrived = 0;
  const rows = await waitFor(
    () => {
      const now = jobRows(slipIds);
      const done = now.filter((r) => r.state === 'DONE').length;
      if (done > printer.jobs().length - printedBefore) doneBeforeArrived++;
      return now;
    },
    (now) => now.every((r) => r.state === 'DONE'),
    'every slip to be printed',
  );
  expect(doneBeforeArrived).toBe(0);
  // Room for a wrong second delivery.
  await new Promise((resolve) => setTimeout(resolve, 3 * RETRY_MS));
  const printed = printer.jobs().slice(printedBefore);
  expect(printed.map(bytesKey)).toEqual(rows.map((r) => bytesKey(r.payload)));
  return rows;
}

describe('printer faults while staff keep scanning', () => {
  it('answers a stream of scans with a healthy printer and prints each slip once (the baseline)', async () => {
    const printedBefore = printer.jobs().length;
    const answers = await runStream(client, batches.healthy as StreamBatch);
    baselineMedianMs = median(answers.map((a) => a.ms));
    const slipIds = answers.flatMap((a) => (a.slipId === null ? [] : [a.slipId]));
    expect(slipIds).toHaveLength(3 * SIZE);
    const rows = await expectEverySlipPrintedOnce(slipIds, printedBefore);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    tally.baselineSteps += answers.length;
  });

  it.each(FAULTS)(
    'a printer that $name: every scan answers at once, the status bar says why, and every slip prints once it is back',
    async (fault) => {
      expect(baselineMedianMs).toBeGreaterThan(0);
      const printedBefore = printer.jobs().length;
      const cutBefore = printer.cutOff().length;
      const pushedBefore = pushed.length;
      await fault.apply(printer);
      try {
        await streamThroughFault(fault, printedBefore, cutBefore, pushedBefore);
      } finally {
        // A failed check must not leave the printer faulty for the next fault.
        await fault.recover(printer);
      }
    },
  );
});

async function streamThroughFault(
  fault: Fault,
  printedBefore: number,
  cutBefore: number,
  pushedBefore: number,
): Promise<void> {
  // Staff scan on while the printer is faulty: no answer waits for it.
  const printedAtAnswer: number[] = [];
  const answers = await runStream(client, batches[fault.name] as StreamBatch, () =>
    printedAtAnswer.push(printer.jobs().length - printedBefore),
  );
  expect(printedAtAnswer).toEqual(answers.map(() => 0));
  const faultyMedianMs = median(answers.map((a) => a.ms));
  expect(faultyMedianMs).toBeLessThanOrEqual(SLOWER_AT_MOST * baselineMedianMs);
  const slipIds = answers.flatMap((a) => (a.slipId === null ? [] : [a.slipId]));
  expect(slipIds).toHaveLength(3 * SIZE);

  // The desk keeps trying the oldest slip; nothing counts as printed, nothing arrived whole.
  const retrying = await waitFor(
    () => jobRows(slipIds),
    (rows) => (rows[0]?.attempts ?? 0) >= 3,
    'the first slip to be tried three times',
  );
  expect(retrying.filter((r) => r.state !== 'PENDING')).toEqual([]);
  expect(printer.jobs().length).toBe(printedBefore);
  const cutOff = printer.cutOff().slice(cutBefore);
  if (fault.cutsOff) {
    expect(cutOff.length).toBeGreaterThanOrEqual(3);
    // What the printer kept of each attempt is the start of the slip, and only the start.
    const first = retrying[0]?.payload ?? Buffer.alloc(0);
    for (const part of cutOff) {
      expect(part.byteLength).toBe(CUT_AT);
      expect(part.byteLength).toBeLessThan(first.byteLength);
      expect(Buffer.from(part).equals(first.subarray(0, CUT_AT))).toBe(true);
    }
  } else {
    expect(cutOff).toEqual([]);
  }

  // The status bar: offline, why in plain words, and how many slips wait — and it stays
  // offline while the desk retries, rather than flickering to "printing".
  const during = pushed.slice(pushedBefore);
  const firstOffline = during.findIndex((s) => thePrinter(s)?.state === 'offline');
  expect(firstOffline).toBeGreaterThanOrEqual(0);
  const afterFirstFailure = during.slice(firstOffline).map((s) => thePrinter(s)?.state);
  expect(new Set(afterFirstFailure)).toEqual(new Set(['offline']));
  const shown = await waitFor(
    () => pushed.at(-1) as PrintStatus,
    (s) => s.waiting === slipIds.length,
    'the status bar to count every waiting slip',
  );
  expect(thePrinter(shown)?.lastError).toMatch(fault.why);
  expect(printerText(shown, DESK)).toBe(`${printer.uri} (offline, ${slipIds.length} waiting)`);

  // Back on: every slip prints whole, once, in order, and the status clears.
  await fault.recover(printer);
  const rows = await expectEverySlipPrintedOnce(slipIds, printedBefore);
  const cleared = await waitFor(
    () => pushed.at(-1) as PrintStatus,
    (s) => s.waiting === 0 && thePrinter(s)?.state === 'idle',
    'the status bar to clear',
  );
  expect(thePrinter(cleared)?.lastError).toBeNull();
  expect(printerText(cleared, DESK)).toBe(`${printer.uri} (ready)`);

  tally.faults++;
  tally.stepsUnderFault += answers.length;
  tally.slipsUnderFault += slipIds.length;
  tally.failedAttemptsRetried += rows.reduce((sum, r) => sum + r.attempts - 1, 0);
  tally.cutOffAttempts += cutOff.length;
  tally.slipsDeliveredWhole += rows.length;
}

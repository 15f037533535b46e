import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import type { PrintJob, PrintStatus } from '../../../shared/api/contract-printing.ts';
import type { Input, Method, Output } from '../../../shared/api/contract.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import { setSetting } from '../../../db/repositories/settings-repository.ts';
import { printingSettings } from '../../../shared/settings/desk-settings.ts';
import { openDesk, type Desk } from '../../../electron/app/desk.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../../helpers/loopback-printer.ts';
import { decodePdfBarcodes, pdfText } from '../../helpers/pdf-reading.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

/**
 * The print queue end to end on real parts: the real database, the real ESC/POS renderer, and a
 * loopback TCP printer standing in for a thermal printer on port 9100.
 */

const FIXTURE = join(import.meta.dirname, '../../fixtures/import/good.json');
/** Retries come quickly in tests; the desk's own backoff starts at 2 s. */
const FAST_RETRY = () => 50;

let temp: TempDesk | undefined;
let printers: LoopbackPrinter[] = [];

afterEach(async () => {
  await temp?.dispose();
  temp = undefined;
  await Promise.all(printers.map((p) => p.close()));
  printers = [];
});

async function printer(): Promise<LoopbackPrinter> {
  const started = await startLoopbackPrinter();
  printers.push(started);
  return started;
}

function clientOf(desk: Desk): DeskClient {
  return createInProcessClient(
    desk.handlers,
    (event, listener) => desk.events.on(event, listener),
    undefined,
    { checkOutput: true },
  );
}

async function call<M extends Method>(
  client: DeskClient,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const result = await client.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function deskPrintingTo(uri: string | null): Promise<{ desk: Desk; client: DeskClient }> {
  temp = await openTempDesk({ printer: uri, printBackoffMs: FAST_RETRY });
  await importFile(temp.desk.context.gate, FIXTURE);
  return { desk: temp.desk, client: clientOf(temp.desk) };
}

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const jobState = (client: DeskClient, id: number) => async () =>
  (await call(client, 'printing.jobs', { limit: 50 })).find((job) => job.id === id);

/** "José Núñez" in code page 858, byte for byte (é 82, ú A3, ñ A4 in PC858). */
const JOSE_CP858 = [0x4a, 0x6f, 0x73, 0x82, 0x20, 0x4e, 0xa3, 0xa4, 0x65, 0x7a];

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('slips print through the persistent queue', () => {
  it('prints a receive slip for an accented name to a TCP printer in its code page, once', async () => {
    const thermal = await printer();
    const { client } = await deskPrintingTo(thermal.uri);

    const job = await call(client, 'printing.printSlip', {
      kind: 'RECEIVE_SLIP',
      requestIds: ['b-1002'],
    });
    expect(job).toMatchObject({ title: 'Receive slip B-1002', requestId: 'b-1002' });

    const [bytes] = await thermal.waitForJobs(1, 5_000);
    expect(bytes).toBeDefined();
    expect(contains(bytes ?? new Uint8Array(), [0x1b, 0x74, 19])).toBe(true); // ESC t 19: PC858
    expect(contains(bytes ?? new Uint8Array(), JOSE_CP858)).toBe(true);
    const done = await until(jobState(client, job.id), (j) => j?.state === 'DONE', 'DONE');
    expect(done?.attempts).toBe(1);
    expect(thermal.jobs()).toHaveLength(1);
  });

  it('keeps a slip made while the printer is off and prints it once when it comes back', async () => {
    const thermal = await printer();
    await thermal.refuse();
    const { client } = await deskPrintingTo(thermal.uri);

    const job = await call(client, 'printing.printSlip', {
      kind: 'RECEIVE_SLIP',
      requestIds: ['B-1002'],
    });
    const waiting = await until(
      jobState(client, job.id),
      (j) => (j?.attempts ?? 0) >= 2,
      'two failed attempts',
    );
    expect(waiting?.state).toBe('PENDING');
    expect(waiting?.lastError).toMatch(/127\.0\.0\.1:\d+.*refused/);
    const status: PrintStatus = await call(client, 'printing.status', {});
    expect(status.waiting).toBe(1);
    expect(status.printers[0]).toMatchObject({ uri: thermal.uri, state: 'offline', waiting: 1 });

    await thermal.accept();
    await until(jobState(client, job.id), (j) => j?.state === 'DONE', 'DONE');
    await new Promise((resolve) => setTimeout(resolve, 200)); // room for a wrong second delivery
    expect(thermal.jobs()).toHaveLength(1);
    expect((await call(client, 'printing.status', {})).waiting).toBe(0);
  });

  it('resumes after a restart: a slip stored before the desk closed prints when it reopens', async () => {
    const thermal = await printer();
    await thermal.refuse();
    const dataDir = mkdtempSync(join(tmpdir(), 'rs-desk-restart-'));
    try {
      const first = await openDesk({ dataDir, mode: 'browser', printer: thermal.uri });
      await importFile(first.context.gate, FIXTURE);
      await call(clientOf(first), 'printing.printSlip', {
        kind: 'RECEIVE_SLIP',
        requestIds: ['B-1002'],
      });
      await first.close();

      await thermal.accept();
      const reopened = await openDesk({ dataDir, mode: 'browser', printer: thermal.uri });
      try {
        const client = clientOf(reopened);
        await thermal.waitForJobs(1, 5_000);
        const [job] = await until(
          () => call(client, 'printing.jobs', { limit: 10 }),
          (jobs) => jobs[0]?.state === 'DONE',
          'DONE after restart',
        );
        expect(job?.title).toBe('Receive slip B-1002');
        expect(thermal.jobs()).toHaveLength(1);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stores the exact bytes it sends, and reprints the last slip with the same content', async () => {
    const thermal = await printer();
    const { desk, client } = await deskPrintingTo(thermal.uri);
    const first = await call(client, 'printing.printSlip', {
      kind: 'RETURN_SLIP',
      requestIds: ['B-1001'],
    });
    const [sent] = await thermal.waitForJobs(1, 5_000);
    const stored = desk.context.db.sqlite
      .prepare('SELECT payload FROM print_jobs WHERE id = ?')
      .get(first.id) as { payload: Buffer };
    expect(Buffer.from(sent ?? []).equals(stored.payload)).toBe(true);

    const again = await call(client, 'printing.reprint', {});
    expect(again).toMatchObject({ title: 'Return slip B-1001', requestId: 'B-1001' });
    expect(again.id).not.toBe(first.id);
    const jobs = await thermal.waitForJobs(2, 5_000);
    // The same slip, made again: only the "Printed …" time may differ.
    expect(jobs[1]?.length).toBeGreaterThan(100);
    const history = await call(client, 'printing.jobs', { requestId: 'B-1001', limit: 10 });
    expect(history.map((j: PrintJob) => j.id)).toEqual([again.id, first.id]);
  });

  it('does not let an unreachable printer hold up another printer', async () => {
    const front = await printer();
    const back = await printer();
    await back.refuse();
    const { desk, client } = await deskPrintingTo(null);
    await desk.context.gate.transaction((tx) =>
      setSetting(
        tx,
        'printing',
        printingSettings.parse({
          printers: [
            { name: 'Front desk', uri: front.uri },
            { name: 'Back office', uri: back.uri },
          ],
          slips: { RETURN_SLIP: { printer: 'Back office' } },
        }),
      ),
    );
    await call(client, 'printing.printSlip', { kind: 'RETURN_SLIP', requestIds: ['B-1001'] });
    await call(client, 'printing.printSlip', { kind: 'RECEIVE_SLIP', requestIds: ['B-1002'] });
    await front.waitForJobs(1, 5_000);
    const status = await call(client, 'printing.status', {});
    expect(status.defaultPrinter).toBe('Front desk');
    expect(status.printers.find((p) => p.name === 'Back office')).toMatchObject({ waiting: 1 });
  });

  it('prints the test page to a printer named in Settings', async () => {
    const thermal = await printer();
    const { desk, client } = await deskPrintingTo(null);
    await desk.context.gate.transaction((tx) =>
      setSetting(
        tx,
        'printing',
        printingSettings.parse({
          printers: [{ name: 'Front desk', uri: thermal.uri, paperWidth: 58 }],
        }),
      ),
    );
    const job = await call(client, 'printing.testPrint', { printer: 'Front desk' });
    expect(job).toMatchObject({ slipKind: 'TEST_PAGE', printer: 'Front desk', requestId: null });
    const [bytes] = await thermal.waitForJobs(1, 5_000);
    expect(Buffer.from(bytes ?? []).toString('latin1')).toContain('RS-DESK-TEST');
  });
});

describe('printing refuses what it cannot do, in plain words', () => {
  it('says how to set up a printer when there is none', async () => {
    const { client } = await deskPrintingTo(null);
    const result = await client.call('printing.printSlip', {
      kind: 'RECEIVE_SLIP',
      requestIds: ['B-1002'],
    });
    expect(result.ok ? null : result.error.code).toBe('UNAVAILABLE');
    expect(result.ok ? '' : result.error.message).toMatch(/Settings → Printers.*--printer/);
  });

  it('names the request kind a slip belongs to', async () => {
    const thermal = await printer();
    const { client } = await deskPrintingTo(thermal.uri);
    const result = await client.call('printing.printSlip', {
      kind: 'RECEIVE_SLIP',
      requestIds: ['L-2001'],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(
      /no borrowing request L-2001; receive slips print for borrowing requests/,
    );
  });

  it('fails a job for good when the printer can never work here, and lets staff withdraw it', async () => {
    const { client } = await deskPrintingTo('system://Front%20Desk');
    const job = await call(client, 'printing.printSlip', {
      kind: 'SHIPPING_SLIP',
      requestIds: ['L-2001'],
    });
    const failed = await until(jobState(client, job.id), (j) => j?.state === 'FAILED', 'FAILED');
    expect(failed?.lastError).toMatch(/only in the desktop app/);
    expect((await call(client, 'printing.status', {})).failed).toBe(1);

    const withdrawn = await call(client, 'printing.withdraw', { jobId: job.id });
    expect(withdrawn.state).toBe('WITHDRAWN');
    const again = await client.call('printing.withdraw', { jobId: job.id });
    expect(again.ok ? '' : again.error.message).toMatch(/was withdrawn.*Reprint/);
  });
});

describe('slips print to PDF files', () => {
  it('writes a receive slip for an accented name as a PDF whose barcodes decode', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rs-desk-slips-'));
    try {
      const { client } = await deskPrintingTo(`pdf://${folder}`);
      const job = await call(client, 'printing.printSlip', {
        kind: 'RECEIVE_SLIP',
        requestIds: ['B-1002'],
      });
      await until(jobState(client, job.id), (j) => j?.state === 'DONE', 'DONE');
      const files = readdirSync(folder);
      expect(files).toEqual([expect.stringMatching(/receive-slip-B-1002\.pdf$/)]);
      const pdf = join(folder, files[0] ?? '');
      expect(await decodePdfBarcodes(pdf)).toEqual(['B-1002']);
      const text = await pdfText(pdf);
      expect(text).toContain('José Núñez');
      expect(text).toMatch(/Pick up at:\s+Science Library\s+Service Desk/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

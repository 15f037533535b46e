import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import type { Input } from '../../../shared/api/contract.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import type { Orm } from '../../../db/database.ts';
import {
  claimPrintJob,
  getPrintJob,
  insertPrintJob,
  markPrintJobAttemptFailed,
  markPrintJobDone,
  releasePrintJobLeases,
  renewPrintJobLease,
  retryPrintJob,
  withdrawPrintJob,
} from '../../../db/repositories/print-jobs-repository.ts';
import { openDesk, type Desk } from '../../../electron/app/desk.ts';
import { createLeaseOwner } from '../../../electron/app/lease-owner.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import { call, until } from '../../helpers/borrowing-desk.ts';
import {
  deadProcessOwner,
  liveProcessOwner,
  OTHER_HOST_OWNER,
} from '../../helpers/lease-owners.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../../helpers/loopback-printer.ts';

/**
 * Two desks on one data directory share print_jobs, each with its own print queue (tracker 8:
 * two desks printed each waiting slip twice). A desk claims a job before printing it, with a
 * lease in the row: these tests hold the claim rules on the real database file, with desks
 * opened on it side by side and a loopback printer.
 */

const FIXTURE = join(import.meta.dirname, '../../fixtures/import/good.json');

let dataDir = '';
const desks: Desk[] = [];
let printer: LoopbackPrinter | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
  await printer?.close();
  printer = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
  if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  dataDir = '';
});

/** Desks opened on one fresh data directory, as two `rs-desk serve` would be. */
async function desksOnOneDataDir(
  count: number,
  options: { printerOff?: boolean; retryMs?: number } = {},
): Promise<Desk[]> {
  printer = await startLoopbackPrinter();
  if (options.printerOff) await printer.refuse();
  dataDir = mkdtempSync(join(tmpdir(), 'rs-desk-leases-'));
  for (let i = 0; i < count; i++) {
    desks.push(
      await openDesk({
        dataDir,
        mode: 'browser',
        printer: printer.uri,
        printBackoffMs: () => options.retryMs ?? 50,
        sendMessages: false,
      }),
    );
    if (i === 0) await importFile((desks[0] as Desk).context.gate, FIXTURE);
  }
  return desks;
}

function clientOf(desk: Desk): DeskClient {
  return createInProcessClient(desk.handlers, (event, listener) => desk.events.on(event, listener));
}

interface JobRow {
  id: number;
  state: string;
  attempts: number;
  lease_owner: string | null;
  next_attempt_at: string | null;
  payload: Buffer;
}

const jobs = (desk: Desk): JobRow[] =>
  desk.context.db.sqlite
    .prepare(
      'SELECT id, state, attempts, lease_owner, next_attempt_at, payload FROM print_jobs ORDER BY id',
    )
    .all() as JobRow[];

const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A slip stored as a desk step stores it, without waking any queue. */
async function storeSlip(desk: Desk, text: string): Promise<number> {
  return desk.context.gate.transaction((tx) =>
    insertPrintJob(tx, {
      slipKind: 'TEST_PAGE',
      title: text,
      document: '{}',
      printerName: null,
      printerUri: printer?.uri ?? 'tcp://127.0.0.1:9',
      payload: new TextEncoder().encode(`${text}\n`),
      copies: 1,
    }),
  );
}

/** Another desk's claim on a job, as its compare-and-set writes it. */
async function leaseTo(desk: Desk, id: number, owner: string, until: number): Promise<void> {
  await desk.context.gate.transaction(async () => {
    desk.context.db.sqlite
      .prepare('UPDATE print_jobs SET lease_owner = ?, next_attempt_at = ? WHERE id = ?')
      .run(owner, new Date(until).toISOString(), id);
  });
}

const SLIPS: readonly Input<'printing.printSlip'>[] = [
  { kind: 'RECEIVE_SLIP', requestIds: ['B-1002'] },
  { kind: 'RETURN_SLIP', requestIds: ['B-1001'] },
  { kind: 'SHIPPING_SLIP', requestIds: ['L-2001'] },
  { kind: 'RETURN_SLIP', requestIds: ['B-1002'] },
  { kind: 'RECEIVE_SLIP', requestIds: ['B-1001'] },
  { kind: 'SHIPPING_SLIP', requestIds: ['L-2001'] },
];

describe('two desks on one data directory share the print queue', () => {
  it('print each slip made while the printer was off exactly once, oldest first', async () => {
    const [a, b] = (await desksOnOneDataDir(2, { printerOff: true })) as [Desk, Desk];
    const clients = [clientOf(a), clientOf(b)];
    // The desks take turns making slips, as two desk windows would.
    for (const [i, slip] of SLIPS.entries())
      await call(clients[i % 2] as DeskClient, 'printing.printSlip', slip);
    // The oldest slip has been tried, and failed, a few times while the printer was off.
    await until(
      () => jobs(a),
      (rows) => (rows[0]?.attempts ?? 0) >= 3,
      'failed attempts at the oldest slip',
    );

    await printer?.accept();
    const done = await until(
      () => jobs(a),
      (rows) => rows.length === SLIPS.length && rows.every((r) => r.state === 'DONE'),
      'every slip to print',
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a wrong second print
    // Each stored slip came out once, in the order the desks made them.
    expect((printer?.jobs() ?? []).map(hash)).toEqual(done.map((r) => hash(r.payload)));
    expect(done.every((r) => r.lease_owner === null)).toBe(true);
  });

  it.each([
    ['a desk on another computer', async () => OTHER_HOST_OWNER],
    [
      'a desk process still running on this computer',
      async () => {
        const live = await liveProcessOwner();
        cleanups.push(() => live.stop());
        return live.owner;
      },
    ],
    [
      'another desk open in this process',
      async () => {
        const open = createLeaseOwner();
        cleanups.push(async () => open.retire());
        return open.id;
      },
    ],
  ])('leaves a slip that %s holds the lease of until that lease ends', async (_, ownerOf) => {
    const [desk] = (await desksOnOneDataDir(1)) as [Desk];
    const owner = await ownerOf();
    const id = await storeSlip(desk, 'Leased slip');
    const leaseEnds = Date.now() + 1_200;
    await leaseTo(desk, id, owner, leaseEnds);
    desk.context.printing.queue.wake();

    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(printer?.jobs()).toHaveLength(0);
    expect(jobs(desk)[0]).toMatchObject({ state: 'PENDING', lease_owner: owner, attempts: 0 });

    await printer?.waitForJobs(1, 5_000);
    expect(Date.now()).toBeGreaterThanOrEqual(leaseEnds);
    const [row] = await until(
      () => jobs(desk),
      (rows) => rows[0]?.state === 'DONE',
      'DONE',
    );
    expect(row).toMatchObject({ attempts: 1, lease_owner: null });
    expect(printer?.jobs()).toHaveLength(1);
  });

  it.each([
    ['a desk process on this computer that has exited (crashed)', deadProcessOwner],
    [
      'a desk in this process that has closed',
      async () => {
        const closed = createLeaseOwner();
        closed.retire();
        return closed.id;
      },
    ],
  ])('takes over at once the slip of %s', async (_, ownerOf) => {
    const [desk] = (await desksOnOneDataDir(1)) as [Desk];
    const owner = await ownerOf();
    const id = await storeSlip(desk, 'Orphaned slip');
    // Ten minutes of lease left: only knowing its holder is gone gets the slip out now.
    await leaseTo(desk, id, owner, Date.now() + 600_000);
    const started = Date.now();
    desk.context.printing.queue.wake();

    await printer?.waitForJobs(1, 3_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    const [row] = await until(
      () => jobs(desk),
      (rows) => rows[0]?.state === 'DONE',
      'DONE',
    );
    expect(row).toMatchObject({ attempts: 1, lease_owner: null });
  });
});

describe('the claim on a print job', () => {
  /** The rules on the repository, for desks `a` and `b` with their own connections. */
  async function twoConnections() {
    const [a, b] = (await desksOnOneDataDir(2)) as [Desk, Desk];
    // Stop both queues, so only the test claims and marks.
    await a.context.printing.queue.stop();
    await b.context.printing.queue.stop();
    const id = await storeSlip(a, 'Contested slip');
    const on = (desk: Desk) => (work: (tx: Orm) => Promise<unknown>) =>
      desk.context.gate.transaction(work);
    return { a: on(a), b: on(b), id, row: () => getPrintJob(a.context.db.orm, id) };
  }
  const at = (ms: number) => new Date(Date.parse('2026-11-23T12:00:00.000Z') + ms).toISOString();
  const claim =
    (id: number, owner: string, nowMs: number, goneOwner: string | null = null) =>
    (tx: Orm) =>
      claimPrintJob(tx, { id, owner, now: at(nowMs), leaseUntil: at(nowMs + 60_000), goneOwner });

  it('is held by one desk only: a second claim on a due job fails', async () => {
    const { a, b, id, row } = await twoConnections();
    // Both desks saw the job due at 0; the database takes their claims one after the other.
    expect(await a(claim(id, 'A', 0))).toBe(true);
    expect(await b(claim(id, 'B', 0))).toBe(false);
    expect(await a(claim(id, 'A', 0))).toBe(false);
    expect((await row())?.leaseOwner).toBe('A');
  });

  it('can be taken only once the lease has run out, or from a holder that is gone', async () => {
    const { a, b, id, row } = await twoConnections();
    expect(await a(claim(id, 'A', 0))).toBe(true);
    expect(await b(claim(id, 'B', 59_999))).toBe(false);
    expect(await b(claim(id, 'B', 30_000, 'someone-else'))).toBe(false);
    expect(await b(claim(id, 'B', 30_000, 'A'))).toBe(true);
    expect((await row())?.leaseOwner).toBe('B');
    expect(await a(claim(id, 'A', 90_000 + 1))).toBe(true);
  });

  it('counts marks only from the desk that holds the lease', async () => {
    const { a, b, id, row } = await twoConnections();
    expect(await a(claim(id, 'A', 0))).toBe(true);
    // A took longer than its lease; B took the job over.
    expect(await b(claim(id, 'B', 60_000))).toBe(true);
    expect(await a((tx) => renewPrintJobLease(tx, id, 'A', at(120_000)))).toBe(false);
    expect(await a((tx) => markPrintJobDone(tx, id, 'A'))).toBe(false);
    expect(await row()).toMatchObject({ state: 'PENDING', leaseOwner: 'B', attempts: 0 });

    // B's attempt failed: its retry time stands, A's late success does not overwrite it.
    const retryAt = at(62_000);
    const failed = { id, owner: 'B', error: 'Printer off', retryAt };
    expect(await b((tx) => markPrintJobAttemptFailed(tx, failed))).toBe(true);
    expect(await a((tx) => markPrintJobDone(tx, id, 'A'))).toBe(false);
    const late = { id, owner: 'A', error: 'Late', retryAt: null };
    expect(await a((tx) => markPrintJobAttemptFailed(tx, late))).toBe(false);
    expect(await row()).toMatchObject({
      state: 'PENDING',
      leaseOwner: null,
      nextAttemptAt: retryAt,
      attempts: 1,
      lastError: 'Printer off',
    });

    expect(await a(claim(id, 'A', 62_000))).toBe(true);
    expect(await a((tx) => markPrintJobDone(tx, id, 'A'))).toBe(true);
    expect(await row()).toMatchObject({ state: 'DONE', leaseOwner: null, attempts: 2 });
  });

  it('stays with its desk when staff press Retry now, and ends when they withdraw the job', async () => {
    const { a, b, id, row } = await twoConnections();
    expect(await a(claim(id, 'A', 0))).toBe(true);
    expect(await b((tx) => retryPrintJob(tx, id))).toBe(true);
    // Retry now does not make a job another desk is printing due for a second desk.
    expect(await row()).toMatchObject({ leaseOwner: 'A', nextAttemptAt: at(60_000) });
    expect(await b(claim(id, 'B', 1_000))).toBe(false);

    expect(await b((tx) => withdrawPrintJob(tx, id))).toBe(true);
    expect(await row()).toMatchObject({ state: 'WITHDRAWN', leaseOwner: null });
    expect(await a((tx) => markPrintJobDone(tx, id, 'A'))).toBe(false);
    expect((await row())?.state).toBe('WITHDRAWN');
  });

  it('is given up when its desk closes, so the job is due again for any desk', async () => {
    const { a, b, id, row } = await twoConnections();
    expect(await a(claim(id, 'A', 0))).toBe(true);
    expect(await a((tx) => releasePrintJobLeases(tx, 'A'))).toBe(1);
    expect(await row()).toMatchObject({ state: 'PENDING', leaseOwner: null, nextAttemptAt: null });
    expect(await b(claim(id, 'B', 1_000))).toBe(true);
  });
});

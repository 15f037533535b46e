import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result.ts';
import type { ImportFileContent } from '../../shared/import/import-format.ts';
import { DATABASE_FILE } from '../../electron/app/desk.ts';
import { RENDERER_DIR } from '../../electron/cli/cli.ts';
import {
  removeDir,
  runRsDesk,
  startServe,
  tempDataDir,
  type DeskProcess,
} from '../e2e/support/desk-process.ts';
import {
  batchImport,
  dueDate,
  streamBatch,
  type BorrowingTarget,
  type LendingTarget,
} from './desk-scan-stream.ts';
import {
  startLoopbackIsoPartner,
  type LoopbackIsoPartner,
} from '../helpers/loopback-iso-partner.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../helpers/loopback-printer.ts';
import { recordFaultCounts } from './fault-counts.ts';

/**
 * Two desks on one data directory (tracker 8, item 4): two real `rs-desk serve` processes share
 * one SQLite file, as two browser sessions at one desk computer would, and both act on the same
 * item at the same moment. Each request moves once, with one history event and one partner
 * message; the other desk is told, in words, that it was already done; and no database-busy or
 * internal error reaches staff. First over HTTP, many times, then in two Chromium pages at Scan In
 * Items, each scanning the same book with a keyboard-wedge burst.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/import/good.json');
/** Requests of each kind raced over HTTP: each is raced twice (receive + return, ship + scan in). */
const HTTP_RACES = 25;
/** Races in flight at once over HTTP. */
const RACES_AT_ONCE = 5;
/** Loans raced at Scan In Items in two browser pages. */
const PAGE_RACES = 4;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const raced = streamBatch('TD', HTTP_RACES);
const inPages = streamBatch('TP', PAGE_RACES);

type Step = 'receive' | 'return' | 'ship' | 'scanIn';

/** The history event each step writes, and what the desk that lost says. */
const STEPS: Record<Step, { method: string; event: string; already: RegExp }> = {
  receive: {
    method: 'receiving.receive',
    event: 'RECEIVE',
    already:
      /^(B-TD-\d+) was already received on .+; it needs nothing more\. Reprint its receive slip if the strap is lost\.$/,
  },
  return: {
    method: 'returning.return',
    event: 'RETURN_TO_PARTNER',
    already:
      /^(B-TD-\d+) was already returned to University at Albany, SUNY on .+; it needs nothing more\./,
  },
  ship: {
    method: 'shipping.ship',
    event: 'SHIP',
    already:
      /^(L-TD-\d+) \(.+\) for University at Buffalo, SUNY has already been shipped \(it is "Shipped physically"\); it cannot be shipped again\./,
  },
  scanIn: {
    method: 'scanIn.checkIn',
    event: 'SCAN_IN',
    already:
      /^(L-TD-\d+) \(.+\) from University at Buffalo, SUNY is already checked in \("Request completed"\)\./,
  },
};

let dataDir = '';
const desks: DeskProcess[] = [];
/** What each desk process wrote to stderr after it was ready: internal errors would show here. */
const stderr: string[] = [];
const tally = {
  httpRaces: 0,
  httpCalls: 0,
  wonByFirst: 0,
  wonBySecond: 0,
  transitions: 0,
  alreadyAnswers: 0,
  alreadySaysAlready: 0,
  busyOrInternal: 0,
  pageRaces: 0,
  pagesCompleted: 0,
  pagesTold: 0,
};

beforeAll(async () => {
  dataDir = tempDataDir();
  const good = JSON.parse(readFileSync(FIXTURE, 'utf8')) as ImportFileContent;
  const mine = batchImport([raced]);
  const pageLoans = batchImport([inPages]);
  const file = join(dataDir, 'two-desks.json');
  const content: ImportFileContent = {
    ...good,
    items: [...(good.items ?? []), ...(mine.items ?? []), ...(pageLoans.items ?? [])],
    borrowingRequests: [...(good.borrowingRequests ?? []), ...(mine.borrowingRequests ?? [])],
    lendingRequests: [
      ...(good.lendingRequests ?? []),
      ...(mine.lendingRequests ?? []),
      // Lent and back home: ready for Scan In Items.
      ...(pageLoans.lendingRequests ?? []).map((r) => ({ ...r, status: 'SHIPPED_PHYSICALLY' })),
    ],
  };
  writeFileSync(file, JSON.stringify(content));
  const imported = await runRsDesk(['import', file, '--data-dir', dataDir]);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  for (let i = 0; i < 2; i++) {
    const desk = await startServe(dataDir);
    desk.process.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    desks.push(desk);
  }
}, 60_000);

afterAll(async () => {
  recordFaultCounts('Two desks, one data directory', {
    'HTTP races (two desks, same item, same moment)': tally.httpRaces,
    'HTTP step calls': tally.httpCalls,
    'races won by the first desk': tally.wonByFirst,
    'races won by the second desk': tally.wonBySecond,
    'transitions (one per race)': tally.transitions,
    '"already done" answers to the desk that lost': tally.alreadyAnswers,
    'of which say "already"': tally.alreadySaysAlready,
    'busy or internal errors reaching staff': tally.busyOrInternal,
    'browser page races at Scan In Items': tally.pageRaces,
    'pages showing Request completed': tally.pagesCompleted,
    'pages showing already checked in': tally.pagesTold,
  });
  await Promise.all(desks.map((d) => d.stop()));
  removeDir(dataDir);
}, 30_000);

/** One API call to a desk over HTTP, as its page makes it, with its own window session. */
async function callDesk(
  desk: DeskProcess,
  method: string,
  input: unknown,
): Promise<Result<unknown>> {
  const token = new URL(desk.url).searchParams.get('token') ?? '';
  const reply = await fetch(`${desk.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-RS-Desk-Token': token,
      'X-RS-Desk-Session': `desk-${desk.origin.split(':').at(-1)}`,
    },
    body: JSON.stringify(input),
  });
  return (await reply.json()) as Result<unknown>;
}

function inputFor(step: Step, target: BorrowingTarget | LendingTarget): unknown {
  switch (step) {
    case 'receive': {
      const t = target as BorrowingTarget;
      return { requestId: t.requestId, tempBarcode: t.tempBarcode, notifyPatron: false };
    }
    case 'return':
      return { requestId: target.requestId };
    case 'ship': {
      const t = target as LendingTarget;
      return { requestId: t.requestId, itemBarcode: t.itemBarcode, dueDate: dueDate() };
    }
    case 'scanIn':
      return { value: (target as LendingTarget).itemBarcode };
  }
}

/** A read-only look at the shared database, closed again at once. */
function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function eventsOf(requestIds: readonly string[], action: string): Map<string, number> {
  return readDatabase((db) => {
    const rows = db
      .prepare(
        `SELECT coalesce(b.request_id, l.request_id) AS requestId, count(*) AS n
         FROM request_events e
         LEFT JOIN borrowing_requests b ON b.id = e.borrowing_request_id
         LEFT JOIN lending_requests l ON l.id = e.lending_request_id
         WHERE e.action = ? GROUP BY requestId`,
      )
      .all(action) as { requestId: string; n: number }[];
    const wanted = new Set(requestIds);
    return new Map(rows.filter((r) => wanted.has(r.requestId)).map((r) => [r.requestId, r.n]));
  });
}

function outboxOf(requestIds: readonly string[]): Map<string, string[]> {
  return readDatabase((db) => {
    const rows = db
      .prepare(
        `SELECT coalesce(b.request_id, l.request_id) AS requestId, m.kind
         FROM partner_messages m
         LEFT JOIN borrowing_requests b ON b.id = m.borrowing_request_id
         LEFT JOIN lending_requests l ON l.id = m.lending_request_id
         WHERE m.direction = 'OUT' ORDER BY m.id`,
      )
      .all() as { requestId: string; kind: string }[];
    const wanted = new Set(requestIds);
    const kinds = new Map<string, string[]>();
    for (const r of rows.filter((row) => wanted.has(row.requestId))) {
      kinds.set(r.requestId, [...(kinds.get(r.requestId) ?? []), r.kind]);
    }
    return kinds;
  });
}

describe('two desks on one data directory act on the same item at once', () => {
  it('over HTTP: each request moves once, and the other desk hears it was already done', async () => {
    const [a, b] = desks as [DeskProcess, DeskProcess];
    const stderrBefore = stderr.length;
    const plan: [Step, readonly (BorrowingTarget | LendingTarget)[]][] = [
      ['receive', raced.borrowing],
      ['ship', raced.lending],
      ['return', raced.borrowing],
      ['scanIn', raced.lending],
    ];
    const unexpected: string[] = [];
    for (const [step, targets] of plan) {
      const { method, event, already } = STEPS[step];
      // Races run a few at a time, so the two processes also contend for the database file.
      for (let i = 0; i < targets.length; i += RACES_AT_ONCE) {
        await Promise.all(
          targets.slice(i, i + RACES_AT_ONCE).map(async (target) => {
            const input = inputFor(step, target);
            // Both calls leave in the same tick: the two desks race for the same request.
            const answers = await Promise.all([
              callDesk(a, method, input),
              callDesk(b, method, input),
            ]);
            tally.httpRaces++;
            tally.httpCalls += 2;
            const lost = answers.flatMap((r) => (r.ok ? [] : [r.error]));
            tally.busyOrInternal += lost.filter(
              (e) => e.code === 'INTERNAL' || /SQLITE|busy|locked/i.test(e.message),
            ).length;
            if (lost.length !== 1) {
              unexpected.push(`${step} ${target.requestId}: ${JSON.stringify(answers)}`);
              return;
            }
            if (answers[0]?.ok) tally.wonByFirst++;
            else tally.wonBySecond++;
            const refusal = lost[0] as { code: string; message: string };
            expect(refusal.code, `${step} ${target.requestId}`).toBe('ALREADY_DONE');
            expect(refusal.message).toMatch(already);
            expect(already.exec(refusal.message)?.[1]).toBe(target.requestId);
            tally.alreadyAnswers++;
            if (/\balready\b/i.test(refusal.message)) tally.alreadySaysAlready++;
          }),
        );
      }
      const events = eventsOf(
        targets.map((t) => t.requestId),
        event,
      );
      expect([...events.values()]).toEqual(targets.map(() => 1));
      tally.transitions += events.size;
    }
    expect(unexpected).toEqual([]);
    expect(tally.busyOrInternal).toBe(0);
    // Real races: neither desk always gets there first.
    expect(tally.wonByFirst).toBeGreaterThan(0);
    expect(tally.wonBySecond).toBeGreaterThan(0);

    // One partner message per step, not one per desk.
    const outbox = outboxOf([...raced.borrowing, ...raced.lending].map((t) => t.requestId));
    for (const t of raced.borrowing)
      expect(outbox.get(t.requestId)).toEqual(['Received', 'ShippedReturn']);
    for (const t of raced.lending) expect(outbox.get(t.requestId)).toEqual(['Loaned']);
    // Nothing went wrong inside either desk.
    expect(stderr.slice(stderrBefore).join('')).not.toMatch(/failed|SQLITE|busy|locked/i);
  });

  it('in two Chromium pages at Scan In Items: one shows Request completed, the other that it was already checked in', async () => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new Error(`The renderer is not built (${RENDERER_DIR}): run npx electron-vite build.`);
    }
    const browser: Browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const pages = await Promise.all(
        desks.map(async (desk) => {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          await openScanIn(page, desk.url);
          return page;
        }),
      );
      const stderrBefore = stderr.length;
      for (const loan of inPages.lending) {
        // Both scanners fire at once: a burst of keys 5 ms apart, then Enter.
        await Promise.all(pages.map((page) => wedgeScan(page, loan.itemBarcode)));
        const shown = await Promise.all(pages.map((page) => outcomeFor(page, loan.requestId)));
        tally.pageRaces++;
        const said = shown.map((o) => `${o.role}: ${o.title}: ${o.text}`).join(' | ');
        // The scan that won: "Request completed", spoken as a status.
        const completed = shown.filter(
          (o) => o.role === 'status' && o.title === 'Request completed',
        );
        // The one that lost: an alert that says the loan was already checked in.
        const told = shown.filter(
          (o) =>
            o.role === 'alert' &&
            o.title === 'Not done' &&
            o.text.includes(
              `${loan.requestId} (Loan ${loan.requestId}) from University at Buffalo, SUNY is already checked in ("Request completed").`,
            ),
        );
        tally.pagesCompleted += completed.length;
        tally.pagesTold += told.length;
        expect(completed, said).toHaveLength(1);
        expect(told, said).toHaveLength(1);
      }
      const events = eventsOf(
        inPages.lending.map((l) => l.requestId),
        'SCAN_IN',
      );
      expect([...events.values()]).toEqual(inPages.lending.map(() => 1));
      expect(stderr.slice(stderrBefore).join('')).not.toMatch(/failed|SQLITE|busy|locked/i);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

/**
 * Two desks share the print queue and the outbox (tracker 8): both processes run their own print
 * queue and outbox sender over the one database, and used to print each waiting slip, and send
 * each waiting message, twice. With the printer off and the ISO 18626 partner down, both desks
 * make slips and messages; once both are back, each slip prints exactly once, oldest first, and
 * each message arrives exactly once, in order per request, whichever desk sent it.
 */
describe('two desks on one data directory share the print queue and the outbox', () => {
  /** Requests of each kind; each borrowing one is received and returned, each lending one shipped and checked in. */
  const QUEUE_REQUESTS = 6;
  const queued = streamBatch('TQ', QUEUE_REQUESTS);
  let queueDir = '';
  let printer: LoopbackPrinter | undefined;
  let partner: LoopbackIsoPartner | undefined;
  const queueDesks: DeskProcess[] = [];
  const queueStderr: string[] = [];
  const counts = {
    deskSteps: 0,
    stepsByFirstDesk: 0,
    stepsBySecondDesk: 0,
    slipsStored: 0,
    slipsPrinted: 0,
    slipsPrintedTwice: 0,
    slipsOutOfOrder: 0,
    messagesStored: 0,
    messagesArrived: 0,
    messagesArrivedTwice: 0,
    requestsOutOfOrder: 0,
    failedAttemptsWhileDown: 0,
  };

  beforeAll(async () => {
    printer = await startLoopbackPrinter();
    partner = await startLoopbackIsoPartner();
    queueDir = tempDataDir();
    const good = JSON.parse(readFileSync(FIXTURE, 'utf8')) as ImportFileContent;
    const mine = batchImport([queued]);
    const endpoint = partner.url;
    const content: ImportFileContent = {
      ...good,
      // Both ISO 18626 partners of the fixture answer at the loopback partner.
      partners: (good.partners ?? []).map((p) =>
        p.protocol === 'iso18626' ? { ...p, endpoint } : p,
      ),
      items: [...(good.items ?? []), ...(mine.items ?? [])],
      borrowingRequests: [...(good.borrowingRequests ?? []), ...(mine.borrowingRequests ?? [])],
      lendingRequests: [...(good.lendingRequests ?? []), ...(mine.lendingRequests ?? [])],
    };
    const file = join(queueDir, 'two-desks-queues.json');
    writeFileSync(file, JSON.stringify(content));
    const imported = await runRsDesk(['import', file, '--data-dir', queueDir]);
    if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
    for (let i = 0; i < 2; i++) {
      const desk = await startServe(queueDir, ['--printer', printer.uri]);
      desk.process.stderr?.on('data', (chunk: Buffer) => queueStderr.push(chunk.toString()));
      queueDesks.push(desk);
    }
    const set = await callDesk(queueDesks[0] as DeskProcess, 'settings.update', {
      key: 'iso18626',
      value: { agencyIdValue: 'US-XRSD' },
    });
    if (!set.ok) throw new Error(`settings.update failed: ${JSON.stringify(set)}`);
  }, 60_000);

  afterAll(async () => {
    recordFaultCounts('Two desks share the queues', {
      'desks (rs-desk serve processes on one data directory)': queueDesks.length,
      'desk steps while the printer was off and the partner down': counts.deskSteps,
      'steps at the first desk': counts.stepsByFirstDesk,
      'steps at the second desk': counts.stepsBySecondDesk,
      'failed attempts while down': counts.failedAttemptsWhileDown,
      'slips stored': counts.slipsStored,
      'slips printed': counts.slipsPrinted,
      'slips printed twice': counts.slipsPrintedTwice,
      'slips out of order': counts.slipsOutOfOrder,
      'partner messages stored': counts.messagesStored,
      'partner messages arrived': counts.messagesArrived,
      'messages arrived twice': counts.messagesArrivedTwice,
      'requests whose messages arrived out of order': counts.requestsOutOfOrder,
    });
    await Promise.all(queueDesks.map((d) => d.stop()));
    await printer?.close();
    await partner?.close();
    removeDir(queueDir);
  }, 30_000);

  function readQueues<T>(read: (db: Database.Database) => T): T {
    const db = new Database(join(queueDir, DATABASE_FILE), { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  interface StoredJob {
    id: number;
    state: string;
    attempts: number;
    payload: Buffer;
  }
  interface StoredMessage {
    id: number;
    kind: string;
    state: string;
    attempts: number;
    requestId: string;
  }
  const storedJobs = () =>
    readQueues(
      (db) =>
        db
          .prepare('SELECT id, state, attempts, payload FROM print_jobs ORDER BY id')
          .all() as StoredJob[],
    );
  const storedMessages = () =>
    readQueues(
      (db) =>
        db
          .prepare(
            `SELECT m.id, m.kind, m.state, m.attempts,
                    coalesce(b.request_id, l.request_id) AS requestId
             FROM partner_messages m
             LEFT JOIN borrowing_requests b ON b.id = m.borrowing_request_id
             LEFT JOIN lending_requests l ON l.id = m.lending_request_id
             WHERE m.direction = 'OUT' ORDER BY m.id`,
          )
          .all() as StoredMessage[],
    );

  async function waitFor<T>(probe: () => T, ok: (value: T) => boolean, what: string, ms: number) {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = probe();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** One desk's share of a phase: its steps one after another, as one desk window makes them. */
  async function lane(
    desk: DeskProcess,
    steps: readonly (readonly [Step, BorrowingTarget | LendingTarget])[],
  ) {
    for (const [step, target] of steps) {
      const answer = await callDesk(desk, STEPS[step].method, inputFor(step, target));
      expect(answer.ok, `${step} ${target.requestId}: ${JSON.stringify(answer)}`).toBe(true);
      counts.deskSteps++;
      if (desk === queueDesks[0]) counts.stepsByFirstDesk++;
      else counts.stepsBySecondDesk++;
    }
  }

  it('prints every slip and sends every message exactly once when the printer and partner come back', async () => {
    const [a, b] = queueDesks as [DeskProcess, DeskProcess];
    const stderrBefore = queueStderr.length;
    await printer?.refuse();
    await partner?.down();
    const even = <T>(list: readonly T[], parity: number) => list.filter((_, i) => i % 2 === parity);
    // Both desks work at once; each request's second step is made at the other desk.
    await Promise.all([
      lane(a, [
        ...even(queued.borrowing, 0).map((t) => ['receive', t] as const),
        ...even(queued.lending, 1).map((t) => ['ship', t] as const),
      ]),
      lane(b, [
        ...even(queued.borrowing, 1).map((t) => ['receive', t] as const),
        ...even(queued.lending, 0).map((t) => ['ship', t] as const),
      ]),
    ]);
    await Promise.all([
      lane(a, [
        ...even(queued.borrowing, 1).map((t) => ['return', t] as const),
        ...even(queued.lending, 0).map((t) => ['scanIn', t] as const),
      ]),
      lane(b, [
        ...even(queued.borrowing, 0).map((t) => ['return', t] as const),
        ...even(queued.lending, 1).map((t) => ['scanIn', t] as const),
      ]),
    ]);
    // Both queues have tried, and failed, more than once while the printer and partner were down.
    await waitFor(
      () => [storedJobs()[0]?.attempts ?? 0, storedMessages()[0]?.attempts ?? 0],
      ([job, message]) => (job ?? 0) >= 2 && (message ?? 0) >= 2,
      'failed attempts while down',
      20_000,
    );
    counts.failedAttemptsWhileDown =
      storedJobs().reduce((sum, j) => sum + j.attempts, 0) +
      storedMessages().reduce((sum, m) => sum + m.attempts, 0);

    await printer?.accept();
    await partner?.up();
    await waitFor(
      () => [...storedJobs(), ...storedMessages()],
      (rows) => rows.every((r) => r.state === 'DONE' || r.state === 'SENT'),
      'every slip printed and every message sent',
      60_000,
    );
    // Room for a wrong second delivery from the other desk.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const jobs = storedJobs();
    const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const printed = (printer?.jobs() ?? []).map(hash);
    const stored = jobs.map((j) => hash(j.payload));
    counts.slipsStored = jobs.length;
    counts.slipsPrinted = printed.length;
    counts.slipsPrintedTwice = stored.filter(
      (h) => printed.filter((p) => p === h).length > 1,
    ).length;
    counts.slipsOutOfOrder = printed.filter((h, i) => stored[i] !== h).length;
    // Three of the four steps print a slip: receive, ship and return.
    expect(jobs).toHaveLength(QUEUE_REQUESTS * 3);
    expect(printed).toEqual(stored);
    expect(printer?.cutOff()).toEqual([]);

    const messages = storedMessages();
    const arrived = partner?.received() ?? [];
    const ours = (m: (typeof arrived)[number]) =>
      m.requestingAgencyRequestId.startsWith('B-')
        ? m.requestingAgencyRequestId
        : (m.supplyingAgencyRequestId ?? '');
    counts.messagesStored = messages.length;
    counts.messagesArrived = arrived.length;
    counts.messagesArrivedTwice = partner?.repeats().length ?? 0;
    const requests = [...new Set(messages.map((m) => m.requestId))];
    const kindsSent = (id: string) => messages.filter((m) => m.requestId === id).map((m) => m.kind);
    const kindsArrived = (id: string) => arrived.filter((m) => ours(m) === id).map((m) => m.kind);
    counts.requestsOutOfOrder = requests.filter(
      (id) => kindsArrived(id).join() !== kindsSent(id).join(),
    ).length;
    expect(messages.length).toBeGreaterThanOrEqual(QUEUE_REQUESTS * 3);
    expect(arrived).toHaveLength(messages.length);
    expect(partner?.repeats()).toEqual([]);
    for (const id of requests) expect(kindsArrived(id), id).toEqual(kindsSent(id));
    expect(queueStderr.slice(stderrBefore).join('')).not.toMatch(/SQLITE|busy|locked/i);
  }, 120_000);
});

const SCAN_IN_FIELD = 'Scan the barcode of the item that came home';

/** Opens the desk and goes to Scan In Items through the navigation, as staff would. */
async function openScanIn(page: Page, url: string): Promise<void> {
  // The stored scanner settings rebuild the wedge listener when they arrive: scan after that.
  const settings = page.waitForResponse((r) => r.url().endsWith('/settings.get'));
  await page.goto(url);
  await settings;
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Scan In Items', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Scan In Items' }).waitFor();
  await page.getByLabel(SCAN_IN_FIELD).waitFor();
}

/** A keyboard-wedge scanner: a burst of keys a few ms apart, then Enter, wherever focus is. */
async function wedgeScan(page: Page, value: string): Promise<void> {
  await page.keyboard.type(value, { delay: 5 });
  await page.keyboard.press('Enter');
}

interface Outcome {
  /** How a screen reader hears it: `status`, or `alert` for an error (DESIGN.md §1). */
  readonly role: string;
  readonly title: string;
  readonly text: string;
}

/** The outcome of the latest scan once it speaks of `requestId`. */
async function outcomeFor(page: Page, requestId: string): Promise<Outcome> {
  const spoken = page
    .locator('.outcome [role="status"], .outcome [role="alert"]')
    .filter({ hasText: requestId });
  await spoken.waitFor({ timeout: 15_000 });
  return {
    role: (await spoken.getAttribute('role')) ?? '',
    title: (await spoken.locator('.outcome-title').textContent()) ?? '',
    text: (await spoken.textContent()) ?? '',
  };
}

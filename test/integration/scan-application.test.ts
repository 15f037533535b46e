import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Method, ScanRecord } from '../../shared/api/contract.ts';
import type { ScanScreen } from '../../shared/scanning/scan-kinds.ts';
import { SCAN_APPLICATION_SQL } from '../../db/repositories/scans-repository.ts';
import { formatWhen } from '../../electron/services/desk-time.ts';
import { NOT_HANDLED_MESSAGE } from '../../electron/services/scan-service.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import { call, openBorrowingDesk, refusal, type BorrowingDesk } from '../helpers/borrowing-desk.ts';

/**
 * Each desk action and the scan that led to it (issue 8 part 1): the scan's id is the action's
 * idempotency key, marked applied in the action's own transaction. A call repeated after its
 * answer was lost is refused and changes nothing; a refused action leaves its scan unapplied; and
 * Recent scans says what each scan was applied as, or that the desk never finished with it.
 */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');

async function scanAt(d: BorrowingDesk, screen: ScanScreen, raw: string): Promise<number> {
  const scan = await call(d.client, 'scans.submit', { source: 'wedge', raw, screen });
  return scan.scanId;
}

async function recentScan(d: BorrowingDesk, scanId: number): Promise<ScanRecord | undefined> {
  const recent = await call(d.client, 'scans.recent', { limit: 50 });
  return recent.find((r) => r.id === scanId);
}

/** How many history events, desk actions and applied scans the desk has for `action`. */
function tally(d: BorrowingDesk, action: string) {
  const one = (sql: string) => (d.rows<{ n: number }>(sql, action)[0] ?? { n: 0 }).n;
  return {
    events: one('SELECT count(*) AS n FROM request_events WHERE action = ?'),
    actions: one('SELECT count(*) AS n FROM desk_actions WHERE action = ?'),
    appliedScans: one(
      'SELECT count(*) AS n FROM scans s JOIN desk_actions d ON d.id = s.applied_action_id WHERE d.action = ?',
    ),
  };
}

interface Step<M extends Method> {
  readonly name: string;
  readonly action: string;
  readonly screen: ScanScreen;
  readonly scanned: string;
  readonly method: M;
  readonly input: (scanId: number) => Input<M>;
  readonly description: string;
  /** Brings the fixture's request to where the step can be done. */
  readonly before?: (d: BorrowingDesk) => Promise<void>;
}

const STEPS: readonly Step<Method>[] = [
  {
    name: 'Receiving Items',
    action: 'RECEIVE',
    screen: 'Receiving Items',
    scanned: '78239000001',
    method: 'receiving.receive',
    input: (scanId) => ({ requestId: 'B-1001', tempBarcode: '39000000000017', scanId }),
    description: 'Received B-1001',
  } satisfies Step<'receiving.receive'>,
  {
    name: 'Return Items',
    action: 'RETURN_TO_PARTNER',
    screen: 'Return Items',
    scanned: '39000000000017',
    method: 'returning.return',
    input: (scanId) => ({ requestId: 'B-1001', scanId }),
    description: 'Returned to partner B-1001',
    before: async (d) => {
      await call(d.client, 'receiving.receive', {
        requestId: 'B-1001',
        tempBarcode: '39000000000017',
      });
    },
  } satisfies Step<'returning.return'>,
  {
    name: 'Shipping Items',
    action: 'SHIP',
    screen: 'Shipping Items',
    scanned: 'L-2001',
    method: 'shipping.ship',
    input: (scanId) => ({
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: '2027-01-18',
      scanId,
    }),
    description: 'Shipped L-2001',
  } satisfies Step<'shipping.ship'>,
  {
    name: 'Scan In Items',
    action: 'SCAN_IN',
    screen: 'Scan In Items',
    scanned: '31234000123456',
    method: 'scanIn.checkIn',
    input: (scanId) => ({ value: '31234000123456', scanId }),
    description: 'Checked in L-2001',
    before: async (d) => {
      await call(d.client, 'shipping.ship', {
        requestId: 'L-2001',
        itemBarcode: '31234000123456',
        dueDate: '2027-01-18',
      });
    },
  } satisfies Step<'scanIn.checkIn'>,
];

describe('a desk action applies the scan that led to it once at most', () => {
  for (const step of STEPS) {
    it(`${step.name}: marks the scan applied, and refuses the same call again, changing nothing`, async () => {
      desk = await openBorrowingDesk({ start: START });
      await step.before?.(desk);
      const scanId = await scanAt(desk, step.screen, step.scanned);
      expect((await recentScan(desk, scanId))?.applied).toBeNull();

      const input = step.input(scanId);
      await call(desk.client, step.method, input);
      expect((await recentScan(desk, scanId))?.applied).toEqual({
        description: step.description,
        at: START.toISOString(),
        undone: false,
      });
      const once = tally(desk, step.action);
      expect(once).toEqual({ events: 1, actions: 1, appliedScans: 1 });
      const slipsAndMessages = [desk.count('print_jobs'), desk.count('partner_messages')];

      // The answer was lost and the call is made again with the same scan: nothing happens twice.
      const again = await refusal(desk.client, step.method, input);
      expect(again.code).toBe('ALREADY_DONE');
      expect(again.message).toBe(
        `This scan of ${step.scanned} was already applied: ${step.description} on ${formatWhen(START.toISOString())}. Nothing was changed.`,
      );
      expect(tally(desk, step.action)).toEqual(once);
      expect([desk.count('print_jobs'), desk.count('partner_messages')]).toEqual(slipsAndMessages);
    });
  }

  it('refuses a scan the journal does not have, writing nothing', async () => {
    desk = await openBorrowingDesk({ start: START });
    const error = await refusal(desk.client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: '39000000000017',
      scanId: 9999,
    });
    expect(error).toEqual({
      code: 'NOT_FOUND',
      message: 'The desk has no scan number 9999, so nothing was changed. Scan the item again.',
    });
    expect(tally(desk, 'RECEIVE')).toEqual({ events: 0, actions: 0, appliedScans: 0 });
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'borrowing',
      requestId: 'B-1001',
    });
    expect(detail.status).toBe('SHIPPED_PHYSICALLY');
  });

  it('leaves the scan unapplied when the action is refused, so the same scan can still do it', async () => {
    desk = await openBorrowingDesk({ start: START });
    const scanId = await scanAt(desk, 'Shipping Items', 'L-2001');
    const wrongBook = await refusal(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123464',
      dueDate: '2027-01-18',
      scanId,
    });
    expect(wrongBook.code).toBe('CONFLICT');
    expect((await recentScan(desk, scanId))?.applied).toBeNull();
    expect(tally(desk, 'SHIP')).toEqual({ events: 0, actions: 0, appliedScans: 0 });

    await call(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: '2027-01-18',
      scanId,
    });
    expect((await recentScan(desk, scanId))?.applied?.description).toBe('Shipped L-2001');
  });

  it('leaves the scan unapplied on a barcode clash, which writes nothing', async () => {
    desk = await openBorrowingDesk({ start: START });
    await call(desk.client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: '39000000000017',
    });
    await desk.addEmailPartnerRequest('B-2001', 'VT-1', 'SHIPPED_PHYSICALLY');
    const scanId = await scanAt(desk, 'Receiving Items', 'VT-1');
    const clash = await call(desk.client, 'receiving.receive', {
      requestId: 'B-2001',
      tempBarcode: '39000000000017',
      scanId,
    });
    expect(clash.outcome).toBe('BARCODE_IN_USE');
    expect((await recentScan(desk, scanId))?.applied).toBeNull();
  });

  it('shows an undone action as undone in Recent scans', async () => {
    desk = await openBorrowingDesk({ start: START });
    const scanId = await scanAt(desk, 'Receiving Items', '78239000001');
    const received = await call(desk.client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: '39000000000017',
      scanId,
    });
    if (received.outcome !== 'RECEIVED') throw new Error('B-1001 was not received');
    await call(desk.client, 'desk.undo', { actionId: received.actionId });
    expect((await recentScan(desk, scanId))?.applied).toEqual({
      description: 'Received B-1001',
      at: START.toISOString(),
      undone: true,
    });
  });

  it('keeps one scan to one desk action in the database itself', async () => {
    desk = await openBorrowingDesk({ start: START });
    const first = await scanAt(desk, 'Receiving Items', '78239000001');
    const second = await scanAt(desk, 'Receiving Items', '78239000001');
    const received = await call(desk.client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: '39000000000017',
      scanId: first,
    });
    if (received.outcome !== 'RECEIVED') throw new Error('B-1001 was not received');
    const sqlite = desk.desk.context.db.sqlite;
    expect(() =>
      sqlite
        .prepare('UPDATE scans SET applied_action_id = ?, applied_at = ? WHERE id = ?')
        .run(received.actionId, START.toISOString(), second),
    ).toThrow(/UNIQUE constraint failed: scans.applied_action_id/);
  });
});

describe('Recent scans after the desk stopped in the middle of a scan', () => {
  it('says a scan journaled by a run that stopped before judging it was not handled', async () => {
    desk = await openBorrowingDesk({ start: START });
    // What a run killed between the journal write and the outcome leaves behind.
    desk.desk.context.db.sqlite
      .prepare(
        `INSERT INTO scans (source, raw, normalized, screen, outcome) VALUES ('wedge', '78239000001', '78239000001', 'Receiving Items', 'PENDING')`,
      )
      .run();
    const restarted = await desk.temp.reopen();
    const client = createInProcessClient(restarted.handlers, (event, listener) =>
      restarted.events.on(event, listener),
    );
    const recent = await call(client, 'scans.recent', { limit: 1 });
    expect(recent[0]).toMatchObject({
      value: '78239000001',
      outcome: 'PENDING',
      message: NOT_HANDLED_MESSAGE,
      applied: null,
    });
  });

  it('does not call a scan that is being judged right now not handled', async () => {
    desk = await openBorrowingDesk({ start: START });
    const [submitted, recent] = await Promise.all([
      call(desk.client, 'scans.submit', {
        source: 'wedge',
        raw: '78239000001',
        screen: 'Receiving Items',
      }),
      call(desk.client, 'scans.recent', { limit: 5 }),
    ]);
    // The gate takes work in turn: the read falls between the journal write and the judging.
    const seen = recent.find((r) => r.id === submitted.scanId);
    expect(seen).toMatchObject({ outcome: 'PENDING', message: null, applied: null });
    const after = await recentScan(desk, submitted.scanId);
    expect(after).toMatchObject({ outcome: 'OK', applied: null });
  });
});

describe('the scan path stays on primary keys', () => {
  it('reads and marks a scan by its id, joining its desk action by id', async () => {
    desk = await openBorrowingDesk({ start: START });
    const plan = (sql: string, ...params: unknown[]) =>
      desk
        ?.rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...params)
        .map((r) => r.detail)
        .join('\n') ?? '';
    const read = plan(SCAN_APPLICATION_SQL.get, 1);
    expect(read).toMatch(/SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(read).toMatch(/SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(read).not.toMatch(/\bSCAN\b/);
    const mark = plan(SCAN_APPLICATION_SQL.mark, 1, 'x', 1);
    expect(mark).toMatch(/SEARCH scans USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });
});

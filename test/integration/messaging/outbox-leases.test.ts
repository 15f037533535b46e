import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import type { Orm } from '../../../db/database.ts';
import {
  claimMessage,
  markMessageAttemptFailed,
  markMessageSent,
  releaseMessageLeases,
  renewMessageLease,
  retryMessageNow,
} from '../../../db/repositories/outbox-repository.ts';
import {
  getMessages,
  withdrawMessages,
} from '../../../db/repositories/partner-messages-repository.ts';
import { setSetting } from '../../../db/repositories/settings-repository.ts';
import { partners } from '../../../db/schema.ts';
import { iso18626Settings } from '../../../shared/settings/iso18626-settings.ts';
import { openDesk, type Desk } from '../../../electron/app/desk.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import { call, until } from '../../helpers/borrowing-desk.ts';
import { deadProcessOwner, OTHER_HOST_OWNER } from '../../helpers/lease-owners.ts';
import {
  startLoopbackIsoPartner,
  type LoopbackIsoPartner,
} from '../../helpers/loopback-iso-partner.ts';

/**
 * Two desks on one data directory share the outbox, each with its own sender (tracker 8: two
 * desks sent each waiting partner message twice). A desk claims a message before sending it,
 * with a lease in the row: these tests hold the claim rules on the real database file, with desks
 * opened on it side by side and a loopback ISO 18626 partner.
 */

const FIXTURE = join(import.meta.dirname, '../../fixtures/import/good.json');

let dataDir = '';
const open: Desk[] = [];
let partner: LoopbackIsoPartner | undefined;

afterEach(async () => {
  partner?.release();
  for (const desk of open.splice(0)) await desk.close();
  await partner?.close();
  partner = undefined;
  if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  dataDir = '';
});

/** Desks opened on one fresh data directory, both ISO partners pointing at the loopback one. */
async function desksOnOneDataDir(
  count: number,
  options: { send?: boolean; retryMs?: number } = {},
): Promise<Desk[]> {
  partner = await startLoopbackIsoPartner();
  dataDir = mkdtempSync(join(tmpdir(), 'rs-desk-leases-'));
  const desks: Desk[] = [];
  for (let i = 0; i < count; i++) {
    const desk = await openDesk({
      dataDir,
      mode: 'browser',
      printer: null,
      sendMessages: options.send ?? true,
      messageBackoffMs: () => options.retryMs ?? 50,
      messageTimeoutMs: 5_000,
    });
    open.push(desk);
    desks.push(desk);
    if (i > 0) continue;
    await importFile(desk.context.gate, FIXTURE);
    const endpoint = partner.url;
    await desk.context.gate.transaction(async (tx) => {
      await setSetting(tx, 'iso18626', iso18626Settings.parse({ agencyIdValue: 'US-XRSD' }));
      tx.update(partners).set({ endpoint }).where(eq(partners.code, 'SUNYALB')).run();
      tx.update(partners).set({ endpoint }).where(eq(partners.code, 'SUNYBUF')).run();
    });
  }
  return desks;
}

async function close(desk: Desk): Promise<void> {
  open.splice(open.indexOf(desk), 1);
  await desk.close();
}

function clientOf(desk: Desk): DeskClient {
  return createInProcessClient(desk.handlers, (event, listener) => desk.events.on(event, listener));
}

interface MessageRow {
  id: number;
  kind: string;
  state: string;
  attempts: number;
  lease_owner: string | null;
  next_attempt_at: string | null;
  requestId: string;
}

const outgoing = (desk: Desk): MessageRow[] =>
  desk.context.db.sqlite
    .prepare(
      `SELECT m.id, m.kind, m.state, m.attempts, m.lease_owner, m.next_attempt_at,
              coalesce(b.request_id, l.request_id) AS requestId
       FROM partner_messages m
       LEFT JOIN borrowing_requests b ON b.id = m.borrowing_request_id
       LEFT JOIN lending_requests l ON l.id = m.lending_request_id
       WHERE m.direction = 'OUT' ORDER BY m.id`,
    )
    .all() as MessageRow[];

/** Another desk's claim on a message, as its compare-and-set writes it. */
async function leaseTo(desk: Desk, id: number, owner: string, until: number): Promise<void> {
  await desk.context.gate.transaction(async () => {
    desk.context.db.sqlite
      .prepare('UPDATE partner_messages SET lease_owner = ?, next_attempt_at = ? WHERE id = ?')
      .run(owner, new Date(until).toISOString(), id);
  });
}

/** What the partner got for one of our requests, in the order it arrived. */
function arrivedFor(requestId: string): string[] {
  return (partner?.received() ?? [])
    .filter((m) => [m.requestingAgencyRequestId, m.supplyingAgencyRequestId].includes(requestId))
    .map((m) => m.kind);
}

const receive = (client: DeskClient, requestId: string, tempBarcode: string) =>
  call(client, 'receiving.receive', { requestId, tempBarcode, notifyPatron: false });

describe('two desks on one data directory share the outbox', () => {
  it('deliver each message once, in order per request, when the partner is back', async () => {
    const [a, b] = (await desksOnOneDataDir(2)) as [Desk, Desk];
    const [atA, atB] = [clientOf(a), clientOf(b)];
    await partner?.down();
    // The desks take turns; B-1001 is received at one desk and sent back from the other.
    await receive(atA, 'B-1001', '39000000012345');
    await receive(atB, 'B-1003', '39000000067890');
    await call(atB, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: '2027-01-18',
    });
    await call(atA, 'returning.return', { requestId: 'B-1002' });
    await call(atB, 'returning.return', { requestId: 'B-1001' });
    await until(
      () => outgoing(a),
      (rows) => (rows[0]?.attempts ?? 0) >= 3,
      'refused attempts while the partner is down',
    );

    await partner?.up();
    const sent = await until(
      () => outgoing(a),
      (rows) => rows.length === 5 && rows.every((r) => r.state === 'SENT'),
      'every message to go',
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a wrong second send
    expect(partner?.received()).toHaveLength(5);
    expect(partner?.repeats()).toEqual([]);
    expect(arrivedFor('B-1001')).toEqual(['Received', 'ShippedReturn']);
    expect(arrivedFor('B-1003')).toEqual(['Received']);
    expect(arrivedFor('B-1002')).toEqual(['ShippedReturn']);
    expect(arrivedFor('L-2001')).toEqual(['Loaned']);
    expect(sent.every((r) => r.lease_owner === null)).toBe(true);
  });

  it('sends a message another desk was sending at once when that desk closes, not after its lease', async () => {
    const [a, b] = (await desksOnOneDataDir(2)) as [Desk, Desk];
    partner?.answerWith(() => ({ type: 'hang' }));
    await receive(clientOf(a), 'B-1001', '39000000012345');
    await partner?.waitFor(1);
    // Desk A's POST hangs; A holds the lease, and desk B leaves the message alone.
    const [held] = outgoing(b);
    expect(held).toMatchObject({ state: 'PENDING', attempts: 0 });
    expect(held?.lease_owner).toMatch(/:\d+:/);
    b.context.outbox.wake();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(partner?.received()).toHaveLength(1);

    partner?.answerWith(() => ({ type: 'ok' }));
    await close(a);
    expect(outgoing(b)[0]).toMatchObject({ state: 'PENDING', lease_owner: null });
    const started = Date.now();
    // B's next look (any desk step wakes it) finds the message free.
    b.context.outbox.wake();
    await until(
      () => outgoing(b),
      (rows) => rows[0]?.state === 'SENT',
      'B to send it',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    // At least once: A's cut-short POST reached the partner, and B's went through.
    expect(arrivedFor('B-1001')).toEqual(['Received', 'Received']);
    expect(outgoing(b)[0]).toMatchObject({ attempts: 1, lease_owner: null });
  });

  it.each([
    ['waits out the lease of a desk on another computer', async () => OTHER_HOST_OWNER, true],
    ['takes over at once the message of a desk process that has exited', deadProcessOwner, false],
  ])('%s', async (_, ownerOf, waits) => {
    // A minute between retries: only the lease's end (or its holder being gone) makes it go.
    const [desk] = (await desksOnOneDataDir(1, { retryMs: 60_000 })) as [Desk];
    await partner?.down();
    await receive(clientOf(desk), 'B-1001', '39000000012345');
    const [first] = await until(
      () => outgoing(desk),
      (rows) => rows[0]?.attempts === 1,
      'a refused attempt',
    );
    await partner?.up();
    const leaseEnds = Date.now() + (waits ? 1_200 : 600_000);
    await leaseTo(desk, first?.id ?? 0, await ownerOf(), leaseEnds);
    const started = Date.now();
    desk.context.outbox.wake();

    if (waits) {
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(partner?.received()).toHaveLength(0);
    }
    await partner?.waitFor(1, 4_000);
    if (waits) expect(Date.now()).toBeGreaterThanOrEqual(leaseEnds);
    else expect(Date.now() - started).toBeLessThan(3_000);
    const [row] = await until(
      () => outgoing(desk),
      (rows) => rows[0]?.state === 'SENT',
      'SENT',
    );
    expect(row).toMatchObject({ attempts: 2, lease_owner: null });
    expect(partner?.received()).toHaveLength(1);
  });
});

describe('the claim on a partner message', () => {
  /** The rules on the repository, for desks `a` and `b` with their own connections. */
  async function twoConnections() {
    const [a, b] = (await desksOnOneDataDir(2, { send: false })) as [Desk, Desk];
    await receive(clientOf(a), 'B-1001', '39000000012345');
    const id = outgoing(a)[0]?.id ?? 0;
    const on = (desk: Desk) => (work: (tx: Orm) => Promise<unknown>) =>
      desk.context.gate.transaction(work);
    const row = async () => (await getMessages(a.context.db.orm, [id]))[0];
    return { a: on(a), b: on(b), id, row };
  }
  const at = (ms: number) => new Date(Date.parse('2026-11-23T12:00:00.000Z') + ms).toISOString();
  const claim =
    (id: number, owner: string, nowMs: number, goneOwner: string | null = null) =>
    (tx: Orm) =>
      claimMessage(tx, { id, owner, now: at(nowMs), leaseUntil: at(nowMs + 60_000), goneOwner });

  it('is held by one desk only, until the lease runs out or its holder is gone', async () => {
    const { a, b, id, row } = await twoConnections();
    expect(await a(claim(id, 'A', 0))).toBe(true);
    expect(await b(claim(id, 'B', 0))).toBe(false);
    expect(await b(claim(id, 'B', 59_999))).toBe(false);
    expect(await b(claim(id, 'B', 1_000, 'A'))).toBe(true);
    expect((await row())?.leaseOwner).toBe('B');
    expect(await a(claim(id, 'A', 61_000 + 1))).toBe(true);
  });

  it('counts marks only from the desk that holds the lease', async () => {
    const { a, b, id, row } = await twoConnections();
    expect(await a(claim(id, 'A', 0))).toBe(true);
    // A took longer than its lease; B took the message over and its attempt was refused.
    expect(await b(claim(id, 'B', 60_000))).toBe(true);
    expect(await a((tx) => renewMessageLease(tx, id, 'A', at(120_000)))).toBe(false);
    const retryAt = at(62_000);
    const refused = { id, owner: 'B', error: 'Could not reach them', retryAt };
    expect(await b((tx) => markMessageAttemptFailed(tx, refused))).toBe(true);
    // A's late answers change nothing: B's retry time stands.
    expect(await a((tx) => markMessageSent(tx, id, 'A', at(61_000)))).toBe(false);
    const late = { id, owner: 'A', error: 'ERROR confirmation', retryAt: null };
    expect(await a((tx) => markMessageAttemptFailed(tx, late))).toBe(false);
    expect(await row()).toMatchObject({
      state: 'PENDING',
      leaseOwner: null,
      nextAttemptAt: retryAt,
      attempts: 1,
      lastError: 'Could not reach them',
    });

    expect(await b(claim(id, 'B', 62_000))).toBe(true);
    expect(await b((tx) => markMessageSent(tx, id, 'B', at(62_500)))).toBe(true);
    expect(await row()).toMatchObject({ state: 'SENT', leaseOwner: null, attempts: 2 });
  });

  it('stays with its desk on Retry now, ends on withdrawal, and is given up on closing', async () => {
    const { a, b, id, row } = await twoConnections();
    expect(await a(claim(id, 'A', 0))).toBe(true);
    expect(await b((tx) => retryMessageNow(tx, id))).toBe(true);
    expect(await row()).toMatchObject({ leaseOwner: 'A', nextAttemptAt: at(60_000) });
    expect(await b(claim(id, 'B', 1_000))).toBe(false);

    expect(await a((tx) => releaseMessageLeases(tx, 'A'))).toBe(1);
    expect(await row()).toMatchObject({ state: 'PENDING', leaseOwner: null, nextAttemptAt: null });
    expect(await b(claim(id, 'B', 1_000))).toBe(true);

    expect(await a((tx) => withdrawMessages(tx, [id]))).toEqual([id]);
    expect(await row()).toMatchObject({ state: 'WITHDRAWN', leaseOwner: null });
    expect(await b((tx) => markMessageSent(tx, id, 'B', at(2_000)))).toBe(false);
  });
});

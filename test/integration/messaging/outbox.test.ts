import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { PartnerMessageRow } from '../../../shared/api/contract-messages.ts';
import type { EventPayload } from '../../../shared/api/contract.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import { iso18626Settings } from '../../../shared/settings/iso18626-settings.ts';
import { partners } from '../../../db/schema.ts';
import { parseIsoMessage } from '../../../electron/messaging/iso18626/index.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  until,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import {
  startLoopbackIsoPartner,
  type LoopbackIsoPartner,
} from '../../helpers/loopback-iso-partner.ts';

/**
 * The outbox sender end to end (issue "6 · Partner messaging", part 2): desk steps on the real
 * database queue ISO 18626 messages, and the sender POSTs them to a partner's endpoint on
 * loopback that reads them with the real parser and answers with real confirmations, or stays
 * down, hangs, fails or talks nonsense.
 */

let desk: BorrowingDesk | undefined;
let partner: LoopbackIsoPartner | undefined;
afterEach(async () => {
  partner?.release();
  await desk?.dispose();
  await partner?.close();
  desk = undefined;
  partner = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');

/** The fixture's desk, sending messages as agency US-XRSD to a loopback partner (both ISO ones). */
async function messagingDesk(
  messages: { retryMs?: number; timeoutMs?: number } = {},
): Promise<{ desk: BorrowingDesk; partner: LoopbackIsoPartner }> {
  partner = await startLoopbackIsoPartner();
  desk = await openBorrowingDesk({ start: START, printer: 'none', messages });
  await desk.setSetting('iso18626', iso18626Settings.parse({ agencyIdValue: 'US-XRSD' }));
  await pointPartnerAt('SUNYALB', partner.url);
  await pointPartnerAt('SUNYBUF', partner.url);
  return { desk, partner };
}

async function pointPartnerAt(code: string, endpoint: string | null): Promise<void> {
  await desk?.desk.context.gate.transaction(async (tx) => {
    tx.update(partners).set({ endpoint }).where(eq(partners.code, code)).run();
  });
}

/** B-1001 (SUNYALB, Shipped physically) received: the ISO 18626 Received message is queued. */
async function receiveB1001(d: BorrowingDesk): Promise<void> {
  await call(d.client, 'receiving.receive', {
    requestId: 'B-1001',
    tempBarcode: '39000000012345',
    notifyPatron: false,
  });
}

/** B-1001 sent back to SUNYALB: ShippedReturn is queued behind Received. */
async function returnB1001(d: BorrowingDesk): Promise<void> {
  await call(d.client, 'returning.return', { requestId: 'B-1001' });
}

/** L-2001 (SUNYBUF) shipped: the ISO 18626 Loaned status is queued. */
async function shipL2001(d: BorrowingDesk): Promise<void> {
  await call(d.client, 'shipping.ship', {
    requestId: 'L-2001',
    itemBarcode: '31234000123456',
    dueDate: '2027-01-18',
  });
}

async function messages(d: BorrowingDesk, requestId?: string): Promise<PartnerMessageRow[]> {
  const list = await call(d.client, 'messages.list', requestId ? { requestId } : {});
  return list.rows;
}

const kindsOf = (rows: readonly { kind: string }[]) => rows.map((row) => row.kind);
const byKind = (rows: readonly PartnerMessageRow[], kind: string) =>
  rows.find((row) => row.kind === kind);

/** Waits until every message listed is in `state`. */
function allIn(state: PartnerMessageRow['state']) {
  return (rows: readonly PartnerMessageRow[]) =>
    rows.length > 0 && rows.every((row) => row.state === state);
}

describe('the outbox sends ISO 18626 messages to the partner', () => {
  it('POSTs each as XML, reads the OK confirmation, and marks it sent once', async () => {
    const { desk, partner } = await messagingDesk();
    await receiveB1001(desk);

    const [sent] = await until(() => messages(desk), allIn('SENT'), 'Received to be sent');
    expect(sent).toMatchObject({
      kind: 'Received',
      channel: 'iso18626',
      correspondent: 'University at Albany, SUNY',
      requestId: 'B-1001',
      requestKind: 'borrowing',
      attempts: 1,
      lastError: null,
    });
    expect(sent?.sentAt).not.toBeNull();
    const [got] = partner.received();
    expect(got).toMatchObject({
      contentType: 'application/xml; charset=utf-8',
      kind: 'Received',
      requestingAgencyRequestId: 'B-1001',
    });
    expect(await call(desk.client, 'messages.status', {})).toEqual({ pending: 0, failed: 0 });

    // The Messages dialog shows exactly the XML that went.
    const detail = await call(desk.client, 'messages.detail', { id: sent?.id ?? 0 });
    expect(detail.content).toEqual({ type: 'xml', xml: got?.xml.trim() });
    expect(parseIsoMessage(got?.xml ?? '').ok).toBe(true);
    expect(partner.received()).toHaveLength(1);
  });

  it("keeps a request's messages while the partner is down and delivers them in order when it is back", async () => {
    const { desk, partner } = await messagingDesk();
    await partner.down();
    await receiveB1001(desk);
    await returnB1001(desk);

    const waiting = await until(
      () => messages(desk, 'B-1001'),
      (rows) => (byKind(rows, 'Received')?.attempts ?? 0) >= 2,
      'two refused attempts',
    );
    const received = byKind(waiting, 'Received');
    expect(received?.state).toBe('PENDING');
    expect(received?.lastError).toMatch(
      /^Could not reach University at Albany, SUNY at http:\/\/127\.0\.0\.1:\d+\/iso18626: the connection was refused .*; the desk will try again\.$/,
    );
    // ShippedReturn is never tried before Received has gone.
    expect(byKind(waiting, 'ShippedReturn')).toMatchObject({
      state: 'PENDING',
      attempts: 0,
      waitsFor: received?.id,
    });
    expect(await call(desk.client, 'messages.status', {})).toEqual({ pending: 2, failed: 0 });

    await partner.up();
    await until(() => messages(desk, 'B-1001'), allIn('SENT'), 'both to be sent');
    expect(kindsOf(partner.received())).toEqual(['Received', 'ShippedReturn']);
  });

  it('retries a partner that answers HTTP 500, holding the later message, while other requests go', async () => {
    const { desk, partner } = await messagingDesk();
    partner.answerWith((m) =>
      m.kind === 'Received' ? { type: 'http', status: 500, body: 'Database down' } : { type: 'ok' },
    );
    await receiveB1001(desk);
    await returnB1001(desk);
    await shipL2001(desk);

    // L-2001's Loaned is another request's queue: it goes while B-1001's wait.
    await until(
      () => messages(desk, 'L-2001'),
      allIn('SENT'),
      'Loaned to go past the failing request',
    );
    const failing = await until(
      () => messages(desk, 'B-1001'),
      (rows) => (byKind(rows, 'Received')?.attempts ?? 0) >= 2,
      'two attempts answered 500',
    );
    expect(byKind(failing, 'Received')?.lastError).toBe(
      'University at Albany, SUNY answered HTTP 500 Internal Server Error (a fault at their end); the desk will try again.',
    );
    expect(byKind(failing, 'ShippedReturn')?.attempts).toBe(0);
    expect(kindsOf(partner.received())).not.toContain('ShippedReturn');

    partner.answerWith(() => ({ type: 'ok' }));
    await until(() => messages(desk, 'B-1001'), allIn('SENT'), 'B-1001 to catch up');
    const forB1001 = partner.received().filter((m) => m.requestingAgencyRequestId === 'B-1001');
    expect(kindsOf(forB1001).at(-1)).toBe('ShippedReturn');
    expect(kindsOf(forB1001).indexOf('ShippedReturn')).toBe(forB1001.length - 1);
  });

  it('gives up on a partner that does not answer in time, and tries again', async () => {
    const { desk, partner } = await messagingDesk({ timeoutMs: 300 });
    partner.answerWith(() => ({ type: 'hang' }));
    await receiveB1001(desk);

    const slow = await until(
      () => messages(desk),
      (rows) => (rows[0]?.attempts ?? 0) >= 1,
      'the first attempt to time out',
    );
    expect(slow[0]).toMatchObject({
      state: 'PENDING',
      lastError:
        'University at Albany, SUNY did not answer within 0.3 seconds; the desk will try again.',
    });

    partner.answerWith(() => ({ type: 'ok' }));
    await until(() => messages(desk), allIn('SENT'), 'sent once the partner answers');
    // At least once: the partner saw it on the attempt that timed out and on the one that went.
    expect(partner.received().length).toBeGreaterThanOrEqual(2);
  });

  it('retries an answer that is no confirmation and says what came back', async () => {
    const { desk, partner } = await messagingDesk();
    partner.answerWith(() => ({
      type: 'raw',
      body: '<html><body>Service maintenance</body></html>',
    }));
    await receiveB1001(desk);

    const garbled = await until(
      () => messages(desk),
      (rows) => (rows[0]?.attempts ?? 0) >= 2,
      'two garbled answers',
    );
    expect(garbled[0]?.state).toBe('PENDING');
    expect(garbled[0]?.lastError).toMatch(
      /^University at Albany, SUNY's answer was not an ISO 18626 confirmation \(.+\); the desk will try again\.$/,
    );

    partner.answerWith(() => ({ type: 'ok' }));
    await until(() => messages(desk), allIn('SENT'), 'sent once the partner answers properly');
  });
});

describe('a message the partner refuses', () => {
  it('stops at an ERROR confirmation, names the error type and value, and alerts the request', async () => {
    const { desk, partner } = await messagingDesk();
    partner.answerWith(() => ({
      type: 'error',
      errorType: 'UnrecognisedDataValue',
      errorValue: 'No request B-1001 from US-XRSD',
    }));
    const pushed: EventPayload<'messages.status'>[] = [];
    desk.client.on('messages.status', (status) => pushed.push(status));
    await receiveB1001(desk);

    const [refused] = await until(() => messages(desk), allIn('FAILED'), 'the refusal');
    expect(refused).toMatchObject({
      kind: 'Received',
      attempts: 1,
      lastError: 'UnrecognisedDataValue: No request B-1001 from US-XRSD',
    });
    const alerts = desk.rows<{ code: string; message: string }>(
      `SELECT a.code, a.message FROM request_alerts a
       JOIN borrowing_requests r ON r.id = a.borrowing_request_id WHERE r.request_id = 'B-1001'`,
    );
    expect(alerts).toEqual([
      {
        code: 'PARTNER_MESSAGE_REFUSED',
        message:
          'University at Albany, SUNY refused the ISO 18626 Received message (UnrecognisedDataValue: No request B-1001 from US-XRSD). Put right what they name, then use Retry now on Partner Messages; or withdraw the message and tell University at Albany, SUNY another way.',
      },
    ]);
    await until(
      () => pushed.at(-1),
      (status) => status?.failed === 1 && status.pending === 0,
      'the failed count to be pushed',
    );

    // A FAILED message holds the request's later ones and is not tried again on its own.
    await returnB1001(desk);
    const held = await messages(desk, 'B-1001');
    expect(byKind(held, 'ShippedReturn')).toMatchObject({
      state: 'PENDING',
      waitsFor: refused?.id,
    });
    expect(partner.received()).toHaveLength(1);

    // Staff put it right at the partner's end and retry: both go, in order.
    partner.answerWith(() => ({ type: 'ok' }));
    const retried = await call(desk.client, 'messages.retry', { id: refused?.id ?? 0 });
    expect(retried.state).toBe('PENDING');
    await until(() => messages(desk, 'B-1001'), allIn('SENT'), 'both sent after Retry now');
    expect(kindsOf(partner.received())).toEqual(['Received', 'Received', 'ShippedReturn']);
    // Nothing is refused any more, so the alert has gone from the request.
    expect(desk.count('request_alerts WHERE removed_at IS NULL')).toBe(0);
  });

  it('stops a message whose partner has no endpoint and says where to set one', async () => {
    const { desk } = await messagingDesk();
    await pointPartnerAt('SUNYALB', null);
    await receiveB1001(desk);
    const [stopped] = await until(() => messages(desk), allIn('FAILED'), 'the message to stop');
    expect(stopped?.lastError).toBe(
      'University at Albany, SUNY has no ISO 18626 endpoint: set the endpoint in Settings → Partners, then Retry now.',
    );
  });

  it('stops at HTTP 404 until the endpoint is corrected', async () => {
    const { desk, partner } = await messagingDesk();
    partner.answerWith(() => ({ type: 'http', status: 404 }));
    await receiveB1001(desk);
    const [stopped] = await until(() => messages(desk), allIn('FAILED'), 'the message to stop');
    expect(stopped?.lastError).toBe(
      'University at Albany, SUNY refused the message with HTTP 404 Not Found: check their endpoint and account in Settings → Partners, then Retry now.',
    );
  });
});

describe('the desk while messages are on their way', () => {
  it('answers desk calls while a partner hangs on a message', async () => {
    const { desk, partner } = await messagingDesk({ timeoutMs: 60_000 });
    partner.answerWith(() => ({ type: 'hang' }));
    await receiveB1001(desk);
    await partner.waitFor(1);

    // The POST is stuck; the desk still records a step, lists messages and answers a scan.
    await shipL2001(desk);
    const scan = await call(desk.client, 'scans.submit', {
      source: 'manual',
      raw: '00041771',
      screen: 'Receiving Items',
    });
    expect(scan).toMatchObject({ outcome: 'OK', matches: [{ requestId: 'B-1003' }] });
    const stuck = byKind(await messages(desk, 'B-1001'), 'Received');
    expect(stuck).toMatchObject({ state: 'PENDING', attempts: 0 });

    partner.release();
    await until(() => messages(desk, 'B-1001'), allIn('SENT'), 'the stuck message to go');
  });

  it('sends a waiting message at once on Retry now, and refuses to retry one already sent', async () => {
    // A minute between tries: only Retry now can make it go within the test.
    const { desk, partner } = await messagingDesk({ retryMs: 60_000 });
    partner.answerWith(() => ({ type: 'http', status: 503 }));
    await receiveB1001(desk);
    const [waiting] = await until(
      () => messages(desk),
      (rows) => rows[0]?.attempts === 1,
      'the first attempt',
    );
    expect(waiting?.nextAttemptAt).not.toBeNull();

    partner.answerWith(() => ({ type: 'ok' }));
    await call(desk.client, 'messages.retry', { id: waiting?.id ?? 0 });
    const [sent] = await until(() => messages(desk), allIn('SENT'), 'sent on Retry now');

    const again = await refusal(desk.client, 'messages.retry', { id: sent?.id ?? 0 });
    expect(again).toEqual({
      code: 'ALREADY_DONE',
      message:
        'Message 1 (ISO 18626 Received to University at Albany, SUNY) has already been sent, so there is nothing to retry.',
    });
  });

  it('withdraws a waiting message, so the next one of its request goes instead', async () => {
    const { desk, partner } = await messagingDesk();
    await partner.down();
    await receiveB1001(desk);
    await returnB1001(desk);
    const received = byKind(await messages(desk, 'B-1001'), 'Received');
    const withdrawn = await call(desk.client, 'messages.withdraw', { id: received?.id ?? 0 });
    expect(withdrawn.state).toBe('WITHDRAWN');

    await partner.up();
    const rows = await until(
      () => messages(desk, 'B-1001'),
      (list) => byKind(list, 'ShippedReturn')?.state === 'SENT',
      'ShippedReturn to go',
    );
    expect(byKind(rows, 'Received')?.state).toBe('WITHDRAWN');
    expect(kindsOf(partner.received())).toEqual(['ShippedReturn']);
    const counts = (await call(desk.client, 'messages.list', { requestId: 'B-1001' })).counts;
    expect(counts).toMatchObject({ SENT: 1, WITHDRAWN: 1, PENDING: 0, FAILED: 0 });
  });

  it('sends what a closed desk left behind when it opens again', async () => {
    const { desk: first, partner } = await messagingDesk();
    await partner.down();
    await receiveB1001(first);
    await until(
      () => messages(first),
      (rows) => (rows[0]?.attempts ?? 0) >= 1,
      'a refused attempt',
    );
    await partner.up();
    const reopened = await first.temp.reopen();
    const client = createInProcessClient(reopened.handlers, (event, listener) =>
      reopened.events.on(event, listener),
    );
    await until(
      () => call(client, 'messages.list', {}).then((list) => list.rows),
      allIn('SENT'),
      'the message to go after the restart',
    );
    expect(kindsOf(partner.received())).toEqual(['Received']);
  });
});

describe('letters', () => {
  it("hands a patron's letter to the mailer, which writes it as an .eml file with no SMTP server", async () => {
    const { desk } = await messagingDesk();
    await call(desk.client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: '39000000012345',
    });
    const rows = await until(
      () => messages(desk),
      (list) => byKind(list, 'On Hold Shelf Letter')?.state === 'SENT',
      'the letter to be written',
    );
    const letter = byKind(rows, 'On Hold Shelf Letter');
    expect(letter).toMatchObject({ channel: 'email', correspondent: 'Patron Ada Lovelace' });
    const files = readdirSync(join(desk.temp.dataDir, 'outbox-mail'));
    expect(files.some((file) => file.startsWith(`message-${letter?.id}-`))).toBe(true);
    const detail = await call(desk.client, 'messages.detail', { id: letter?.id ?? 0 });
    expect(detail.content).toMatchObject({ type: 'letter', to: 'Ada Lovelace <ada@example.edu>' });
  });
});

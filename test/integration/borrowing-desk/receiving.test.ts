import { afterEach, describe, expect, it } from 'vitest';
import { formatSlipDate } from '../../../shared/printing/slips/slip-text.ts';
import {
  call,
  openBorrowingDesk,
  printedText,
  refusal,
  until,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';

/**
 * Receiving Items (WRLC seed Part I) through the API on real parts: the real database and
 * migrations, the real slip renderer, and a loopback TCP printer standing in for the thermal one.
 */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

/** Friday 27 November 2026, 10:00 on the desk's own clock. */
const FRIDAY = new Date(2026, 10, 27, 10, 0);

/** `days` open days after `start` (YYYY-MM-DD), never landing on a closed weekday: worked by hand. */
function openDaysAfter(start: Date, days: number, closed: readonly number[]): string {
  const day = new Date(start.getFullYear(), start.getMonth(), start.getDate());
  let left = days;
  while (left > 0 || closed.includes(day.getDay())) {
    day.setDate(day.getDate() + 1);
    if (!closed.includes(day.getDay())) left -= 1;
  }
  const mm = String(day.getMonth() + 1).padStart(2, '0');
  const dd = String(day.getDate()).padStart(2, '0');
  return `${day.getFullYear()}-${mm}-${dd}`;
}

describe('receiving.lookup', () => {
  it('asks which partner when two issued the same External Identifier', async () => {
    desk = await openBorrowingDesk();
    const found = await call(desk.client, 'receiving.lookup', { value: '78239000001' });
    expect(found.candidates.map((c) => [c.requestId, c.partnerCode, c.patronName])).toEqual([
      ['B-1001', 'SUNYALB', 'Ada Lovelace'],
      ['B-1002', 'SUNYBUF', 'José Núñez'],
    ]);
    expect(found.candidates.map((c) => c.blocked)).toEqual([null, 'ALREADY_RECEIVED']);
    expect(found.message).toBe(
      'Two partners issued External Identifier 78239000001: choose the request this book belongs to.',
    );
  });

  it('finds one request regardless of case and says what to scan next', async () => {
    desk = await openBorrowingDesk();
    const found = await call(desk.client, 'receiving.lookup', { value: '00041771' });
    expect(found.candidates).toHaveLength(1);
    expect(found.candidates[0]).toMatchObject({ requestId: 'B-1003', blocked: null });
    expect(found.message).toMatch(/^Found B-1003 for Ada Lovelace: Flatland.*temporary barcode\.$/);
  });

  it('shows the nearest External Identifiers when none matches', async () => {
    desk = await openBorrowingDesk();
    for (const value of ['0041771', '041771', '0004177']) {
      const found = await call(desk.client, 'receiving.lookup', { value });
      expect(found.candidates).toEqual([]);
      expect(found.nearest.map((c) => c.requestId)).toEqual(['B-1003']);
      expect(found.message).toBe(
        `No borrowing request has External Identifier ${value}. The nearest: 00041771 (B-1003, Flatland). Check the paperwork and scan again.`,
      );
    }
    const nothing = await call(desk.client, 'receiving.lookup', { value: '99999999' });
    expect(nothing.nearest).toEqual([]);
    expect(nothing.message).toMatch(/none is close to it\. Check the paperwork and scan again/);
  });

  it('names a scan of another kind and asks for the External Identifier', async () => {
    desk = await openBorrowingDesk();
    const requestId = await call(desk.client, 'receiving.lookup', { value: 'B-1001' });
    expect(requestId.message).toBe(
      'You scanned the request ID of borrowing request B-1001; Receiving Items needs the External Identifier from the paperwork.',
    );
    const patron = await call(desk.client, 'receiving.lookup', { value: '21234000012345' });
    expect(patron.message).toMatch(/^You scanned the library card of Ada Lovelace;/);
  });
});

describe('receiving.receive', () => {
  it('receives an item: status, Hold Until past the weekend, history, messages and the slip', async () => {
    desk = await openBorrowingDesk({ start: FRIDAY });
    await desk.setSetting('holdShelfDays', 3);
    await desk.setSetting('closedWeekdays', [0, 6]);
    const changed: string[] = [];
    desk.client.on('requests.changed', (e) => changed.push(`${e.kind} ${e.requestId}`));

    const received = await call(desk.client, 'receiving.receive', {
      requestId: 'b-1001',
      tempBarcode: '39000000012345',
      pieces: 2,
      internalNote: 'Dust jacket torn',
      noteToPartner: 'Arrived safely',
    });
    const holdUntil = openDaysAfter(FRIDAY, 3, [0, 6]);
    expect(holdUntil).toBe('2026-12-02');
    if (received.outcome !== 'RECEIVED') throw new Error(received.message);
    expect(received).toMatchObject({
      requestId: 'B-1001',
      statusLabel: 'Physically received by library',
      holdUntil,
      tempBarcode: '39000000012345',
      partnerMessage: 'ISO 18626 Received',
    });
    expect(received.message).toBe(
      `Received B-1001 for Ada Lovelace: on the hold shelf until Wed 2 Dec 2026. Receive slip sent to ${desk.printer.uri}.`,
    );
    expect(changed).toEqual(['borrowing B-1001']);

    const detail = await call(desk.client, 'requests.detail', {
      kind: 'borrowing',
      requestId: 'B-1001',
    });
    expect(detail).toMatchObject({
      status: 'RECEIVED',
      holdUntil,
      tempBarcode: '39000000012345',
      receivedAt: FRIDAY.toISOString(),
    });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'RECEIVE',
      fromStatus: 'SHIPPED_PHYSICALLY',
      toLabel: 'Physically received by library',
      note: 'Dust jacket torn',
      at: FRIDAY.toISOString(),
    });

    const messages = desk.rows<{
      partner: string | null;
      channel: string;
      kind: string;
      state: string;
      body: string;
    }>(
      `SELECT p.code AS partner, m.channel, m.kind, m.state, m.body FROM partner_messages m
       LEFT JOIN partners p ON p.id = m.partner_id ORDER BY m.id`,
    );
    expect(messages.map(({ body: _body, ...m }) => m)).toEqual([
      { partner: 'SUNYALB', channel: 'iso18626', kind: 'Received', state: 'PENDING' },
      { partner: null, channel: 'email', kind: 'On Hold Shelf Letter', state: 'PENDING' },
    ]);
    expect(JSON.parse(messages[0]?.body ?? '{}')).toMatchObject({
      requestId: 'B-1001',
      externalId: '78239000001',
      messageKind: 'Received',
      toStatus: 'RECEIVED',
      note: 'Arrived safely',
      to: { partnerCode: 'SUNYALB', partnerSymbol: 'NAM' },
      details: { pieces: 2 },
    });
    expect(JSON.parse(messages[1]?.body ?? '{}')).toMatchObject({
      to: { name: 'Ada Lovelace', email: 'ada@example.edu' },
      details: { holdUntil, pickupLocation: 'Main Library Circulation Desk' },
    });

    const [bytes] = await desk.printer.waitForJobs(1);
    const text = printedText(bytes ?? new Uint8Array());
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain(formatSlipDate(holdUntil));
    expect(received.slip).toMatchObject({ slipKind: 'RECEIVE_SLIP', title: 'Receive slip B-1001' });
    const jobs = await until(
      () => call(desk!.client, 'printing.jobs', { requestId: 'B-1001', limit: 5 }),
      (list) => list[0]?.state === 'DONE',
      'the receive slip to print',
    );
    expect(jobs).toHaveLength(1);
  });

  it('says a second receive was done already, with the date, and writes nothing', async () => {
    desk = await openBorrowingDesk({ start: FRIDAY });
    await call(desk.client, 'receiving.receive', { requestId: 'B-1001', tempBarcode: 'T-1' });
    const events = desk.count('request_events');
    const messages = desk.count('partner_messages');
    const again = await refusal(desk.client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: 'T-1',
    });
    expect(again.code).toBe('ALREADY_DONE');
    expect(again.message).toBe(
      'B-1001 was already received on Fri 27 Nov 2026 at 10:00; it needs nothing more. Reprint its receive slip if the strap is lost.',
    );
    expect([desk.count('request_events'), desk.count('partner_messages')]).toEqual([
      events,
      messages,
    ]);
    const lookup = await call(desk.client, 'receiving.lookup', { value: '78239000001' });
    expect(lookup.candidates.map((c) => c.blocked)).toEqual([
      'ALREADY_RECEIVED',
      'ALREADY_RECEIVED',
    ]);
  });

  it('offers a suffixed barcode when an active request has it, and writes nothing', async () => {
    desk = await openBorrowingDesk();
    await call(desk.client, 'receiving.receive', { requestId: 'B-1003', tempBarcode: '3900077' });
    await call(desk.client, 'receiving.receive', { requestId: 'B-1001', tempBarcode: '3900077-2' });
    const before = ['request_events', 'partner_messages', 'print_jobs', 'desk_actions'].map((t) =>
      desk?.count(t),
    );
    await desk.addEmailPartnerRequest('B-1004', 'VT-1', 'SHIPPED_PHYSICALLY');
    const clash = await call(desk.client, 'receiving.receive', {
      requestId: 'B-1004',
      tempBarcode: '3900077',
    });
    expect(clash).toEqual({
      outcome: 'BARCODE_IN_USE',
      clashRequestId: 'B-1003',
      suggestion: '3900077-3',
      message:
        "3900077 is already the item barcode of B-1003, which is still active, and Return Items must tell the two books apart. Check that you scanned this book's own barcode; if you did, save it as 3900077-3.",
    });
    const after = ['request_events', 'partner_messages', 'print_jobs', 'desk_actions'].map((t) =>
      desk?.count(t),
    );
    // The import of B-1004 wrote one history event; the refused receive wrote nothing at all.
    expect(after).toEqual([(before[0] ?? 0) + 1, ...before.slice(1)]);
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'borrowing',
      requestId: 'B-1004',
    });
    expect(detail).toMatchObject({ status: 'SHIPPED_PHYSICALLY', tempBarcode: null });
  });

  it('receives without a printer, and tells an email partner nothing unless staff wrote a note', async () => {
    desk = await openBorrowingDesk({ printer: 'none' });
    await desk.addEmailPartnerRequest('B-1004', 'VT-1', 'SHIPPED_PHYSICALLY');
    await desk.addEmailPartnerRequest('B-1005', 'VT-2', 'SHIPPED_PHYSICALLY');
    const quiet = await call(desk.client, 'receiving.receive', {
      requestId: 'B-1004',
      tempBarcode: 'VT-ITEM-1',
      notifyPatron: false,
    });
    expect(quiet).toMatchObject({ outcome: 'RECEIVED', slip: null, partnerMessage: null });
    expect(quiet.message).toMatch(/No printer is set up, so no slip printed/);
    expect(desk.count('partner_messages')).toBe(0);
    expect(desk.count('print_jobs')).toBe(0);

    const noted = await call(desk.client, 'receiving.receive', {
      requestId: 'B-1005',
      tempBarcode: 'VT-ITEM-2',
      notifyPatron: false,
      noteToPartner: 'Two volumes arrived, one expected',
    });
    expect(noted).toMatchObject({ partnerMessage: 'General Message letter' });
  });

  it('refuses a request Receiving Items does not take, and one that does not exist', async () => {
    desk = await openBorrowingDesk();
    await desk.addEmailPartnerRequest('B-1006', 'VT-3', 'CREATED');
    const early = await refusal(desk.client, 'receiving.receive', {
      requestId: 'B-1006',
      tempBarcode: 'X1',
    });
    expect(early.code).toBe('WRONG_STATUS');
    expect(early.message).toBe(
      'B-1006 cannot be received while it is "Created borrowing request": Receiving Items takes requests that are Request sent to partner, Will supply or Shipped physically. Check the paperwork, or change the request from Borrowing Requests.',
    );
    const none = await refusal(desk.client, 'receiving.receive', {
      requestId: 'B-9999',
      tempBarcode: 'X1',
    });
    expect(none.code).toBe('NOT_FOUND');
    expect(desk.count('desk_actions')).toBe(0);
  });
});

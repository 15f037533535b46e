import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  printedText,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { addMainStacksRequest } from '../../helpers/lending-desk.ts';

/** Scan In Items and pull slips (issue 6 parts 4 and 6) through the API, with a loopback printer. */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');

async function shippedDesk(): Promise<BorrowingDesk> {
  const opened = await openBorrowingDesk({ start: START });
  await call(opened.client, 'shipping.ship', {
    requestId: 'L-2001',
    itemBarcode: '31234000123456',
    dueDate: '2027-01-18',
  });
  await opened.printer.waitForJobs(1);
  return opened;
}

describe('scanIn.checkIn', () => {
  it('completes the loan, tells the ISO partner and says where the item shelves', async () => {
    desk = await shippedDesk();
    // The seed's lending profile lacks the Checked In Message step; this library's includes it.
    desk.desk.context.db.sqlite
      .prepare(
        `UPDATE workflow_profiles SET steps = json_insert(steps, '$[#]', 'CHECKED_IN_MESSAGE') WHERE name = 'Peer to Peer Lending'`,
      )
      .run();
    const checkedIn = await call(desk.client, 'scanIn.checkIn', { value: '31234000123456' });
    expect(checkedIn).toMatchObject({
      requestId: 'L-2001',
      statusLabel: 'Request completed',
      title: 'Introduction to Algorithms',
      partnerName: 'University at Buffalo, SUNY',
      location: 'Science Library',
      callNumber: 'QA76.6 .C662 2022',
      slip: null,
      partnerMessage: 'ISO 18626 LoanCompleted',
    });
    expect(checkedIn.message).toBe(
      'Checked in L-2001 (Introduction to Algorithms) from University at Buffalo, SUNY: request completed. University at Buffalo, SUNY is sent the ISO 18626 LoanCompleted. Reshelve it at Science Library, QA76.6 .C662 2022.',
    );
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'lending',
      requestId: 'L-2001',
    });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'SCAN_IN',
      fromStatus: 'SHIPPED_PHYSICALLY',
      toStatus: 'COMPLETED',
    });
    const again = await refusal(desk.client, 'scanIn.checkIn', { value: 'L-2001' });
    expect(again.code).toBe('ALREADY_DONE');
    expect(again.message).toMatch(/is already checked in/);
  });

  it("sends no LoanCompleted when the partner's profile lacks Checked In Message (the seed's)", async () => {
    desk = await openBorrowingDesk({ start: START });
    await addMainStacksRequest(desk, 'RECEIVED_BY_PARTNER');
    // By External Identifier, any case.
    const checkedIn = await call(desk.client, 'scanIn.checkIn', { value: 'alb-77' });
    expect(checkedIn).toMatchObject({
      requestId: 'L-2003',
      partnerMessage: null,
      location: 'Main Stacks',
    });
    expect(desk.count('partner_messages')).toBe(0);
  });

  it('says when a scan is not a lent item, and writes nothing', async () => {
    desk = await openBorrowingDesk({ start: START });
    const before = desk.count('request_events');
    const unknown = await refusal(desk.client, 'scanIn.checkIn', { value: '39000000099999' });
    expect(unknown).toEqual({
      code: 'NOT_FOUND',
      message:
        '39000000099999 is not on a lending request: no lent item, request ID or External Identifier matches. If it is a borrowed book going back to its lender, use Return Items.',
    });
    const notOut = await refusal(desk.client, 'scanIn.checkIn', { value: '31234000123456' });
    expect(notOut.code).toBe('WRONG_STATUS');
    expect(notOut.message).toMatch(/^L-2001 \(Introduction to Algorithms\) has not been lent out/);
    expect(desk.count('request_events')).toBe(before);
  });
});

describe('lending.printPullSlips', () => {
  it('prints one job in shelf order, marks both printed and moves them to Being processed', async () => {
    desk = await openBorrowingDesk({ start: START });
    await addMainStacksRequest(desk);
    const result = await call(desk.client, 'lending.printPullSlips', {
      requestIds: ['L-2001', 'L-2003'],
    });
    expect(result).toMatchObject({
      printed: 2,
      moved: 2,
      job: { slipKind: 'PULL_SLIP', requestId: null },
    });
    expect(result.message).toBe(
      `2 pull slips sent to ${desk.printer.uri}, in shelf order (location, then call number). 2 requests moved to Being processed.`,
    );
    const [bytes] = await desk.printer.waitForJobs(1);
    const text = printedText(bytes ?? new Uint8Array());
    // Main Stacks (L-2003) comes before the Science Library (L-2001).
    expect(text.indexOf('L-2003')).toBeGreaterThan(-1);
    expect(text.indexOf('L-2003')).toBeLessThan(text.indexOf('L-2001'));
    expect(text.indexOf('Q175 .K95 2012')).toBeLessThan(text.indexOf('QA76.6 .C662 2022'));
    expect(
      desk.rows(
        'SELECT request_id AS id, status, printed FROM lending_requests WHERE printed = 1 ORDER BY request_id',
      ),
    ).toEqual([
      { id: 'L-2001', status: 'BEING_PROCESSED', printed: 1 },
      { id: 'L-2003', status: 'BEING_PROCESSED', printed: 1 },
    ]);
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'lending',
      requestId: 'L-2003',
    });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'PRINT_PULL_SLIP',
      fromStatus: 'CREATED',
      toStatus: 'BEING_PROCESSED',
    });
    // Reprinting marks them again but moves nothing further; shipping still works from here.
    const again = await call(desk.client, 'lending.printPullSlips', { requestIds: ['L-2001'] });
    expect(again).toMatchObject({ printed: 1, moved: 0, job: { requestId: 'L-2001' } });
    const ship = await call(desk.client, 'shipping.lookup', { value: '31234000123456' });
    expect(ship.request?.blocked).toBeNull();
  });

  it('prints the whole current filter of the list, and only what it lists', async () => {
    desk = await openBorrowingDesk({ start: START });
    await addMainStacksRequest(desk);
    const filter = { status: ['CREATED'] };
    const listed = await call(desk.client, 'lending.list', filter);
    expect(listed.rows.map((r) => r.requestId).sort()).toEqual(['L-2001', 'L-2003']);
    const result = await call(desk.client, 'lending.printPullSlips', { filter });
    expect(result).toMatchObject({ printed: 2, moved: 2, job: { requestId: null } });
    const [bytes] = await desk.printer.waitForJobs(1);
    const text = printedText(bytes ?? new Uint8Array());
    expect(['L-2001', 'L-2002', 'L-2003'].filter((id) => text.includes(id))).toEqual([
      'L-2001',
      'L-2003',
    ]);
    expect(
      desk.rows(
        'SELECT request_id AS id, status, printed FROM lending_requests ORDER BY request_id',
      ),
    ).toEqual([
      { id: 'L-2001', status: 'BEING_PROCESSED', printed: 1 },
      { id: 'L-2002', status: 'LOCATE_FAILED', printed: 0 },
      { id: 'L-2003', status: 'BEING_PROCESSED', printed: 1 },
    ]);
    // Now nothing is Created: the same filter lists nothing, and nothing prints.
    const none = await refusal(desk.client, 'lending.printPullSlips', { filter });
    expect(none).toEqual({
      code: 'NOT_FOUND',
      message:
        'No lending request is in the list with this filter, so no pull slips were printed; change the filter or tick the rows to print.',
    });
    expect(desk.count('print_jobs')).toBe(1);
  });

  it('refuses with no printer and changes nothing', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const noPrinter = await refusal(desk.client, 'lending.printPullSlips', {
      requestIds: ['L-2001'],
    });
    expect(noPrinter).toEqual({
      code: 'UNAVAILABLE',
      message:
        'No printer is set up. Add one in Settings → Printers, or start the desk with --printer URI.',
    });
    expect(
      desk.rows("SELECT status, printed FROM lending_requests WHERE request_id = 'L-2001'"),
    ).toEqual([{ status: 'CREATED', printed: 0 }]);
    expect(desk.count('print_jobs')).toBe(0);
  });

  it('refuses an unknown request and prints nothing', async () => {
    desk = await openBorrowingDesk({ start: START });
    const events = desk.count('request_events');
    const unknown = await refusal(desk.client, 'lending.printPullSlips', {
      requestIds: ['L-2001', 'L-9999'],
    });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toMatch(/^There is no lending request L-9999/);
    expect(desk.count('print_jobs')).toBe(0);
    expect(desk.count('request_events')).toBe(events);
  });
});

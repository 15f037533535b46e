import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  printedText,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { addLendingRequest } from '../../helpers/lending-desk.ts';

/** Shipping Items (issue 6 part 5) through the API, with a loopback thermal printer. */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

// Noon, so the desk's calendar day is the same in any time zone the tests run in.
const START = new Date('2026-11-23T12:00:00Z');
const TITLE = 'L-2001 (Introduction to Algorithms) for University at Buffalo, SUNY';

describe('shipping.lookup', () => {
  it('finds L-2001 by request ID, External Identifier or item, with the proposed due date', async () => {
    desk = await openBorrowingDesk({ start: START });
    const byId = await call(desk.client, 'shipping.lookup', { value: 'l-2001' });
    expect(byId).toMatchObject({
      scanned: 'REQUEST',
      readyToShip: true,
      request: {
        requestId: 'L-2001',
        partnerName: 'University at Buffalo, SUNY',
        itemBarcode: '31234000123456',
        location: 'Science Library',
        callNumber: 'QA76.6 .C662 2022',
        proposedDueDate: '2027-01-18',
        blocked: null,
      },
    });
    expect(byId.message).toBe(`${TITLE} is ready to ship: check the due date and Save.`);
    const byItem = await call(desk.client, 'shipping.lookup', { value: '31234000123456' });
    expect(byItem).toMatchObject({ scanned: 'ITEM', readyToShip: true });

    await desk.setSetting('shipOnOneScan', false);
    const twoScans = await call(desk.client, 'shipping.lookup', { value: '33100042' });
    expect(twoScans).toMatchObject({ scanned: 'REQUEST', readyToShip: false });
    expect(twoScans.message).toBe(`${TITLE}: scan the item barcode to ship.`);
    expect(
      (await call(desk.client, 'shipping.lookup', { value: '31234000123456' })).readyToShip,
    ).toBe(true);
    // Request, then item: Save ships with the offered due date.
    const shipped = await call(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: twoScans.request?.proposedDueDate ?? '',
    });
    expect(shipped).toMatchObject({ statusLabel: 'Shipped physically', dueDate: '2027-01-18' });
  });

  it('says what is wrong: unknown value, locate failed, already shipped', async () => {
    desk = await openBorrowingDesk({ start: START });
    const unknown = await call(desk.client, 'shipping.lookup', { value: '99999' });
    expect(unknown).toEqual({
      request: null,
      scanned: null,
      readyToShip: false,
      message:
        'No lending request or lent item has 99999; scan the request ID from the pull slip or the item barcode.',
    });
    const failed = await call(desk.client, 'shipping.lookup', { value: 'L-2002' });
    expect(failed.request?.blocked).toBe('WRONG_STATUS');
    expect(failed.message).toMatch(/Locate the item on Lending Requests first\.$/);

    await call(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: '2027-01-18',
    });
    const shipped = await call(desk.client, 'shipping.lookup', { value: '31234000123456' });
    expect(shipped.request?.blocked).toBe('ALREADY_SHIPPED');
    expect(shipped.readyToShip).toBe(false);
  });
});

describe('shipping.ship', () => {
  it('ships: status, due date, history, ISO Loaned with item and due date, the shipping slip', async () => {
    desk = await openBorrowingDesk({ start: START });
    const shipped = await call(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: '2027-01-18',
      shippingCost: 4.5,
      note: 'Two volumes',
    });
    expect(shipped).toMatchObject({
      requestId: 'L-2001',
      statusLabel: 'Shipped physically',
      dueDate: '2027-01-18',
      partnerMessage: 'ISO 18626 Loaned',
      slip: { slipKind: 'SHIPPING_SLIP' },
    });
    expect(shipped.message).toBe(
      `Shipped L-2001 (31234000123456) to University at Buffalo, SUNY, due Mon 18 Jan 2027. Shipping slip sent to ${desk.printer.uri}. Put it in the book and mail the book.`,
    );
    expect(
      desk.rows(
        "SELECT status, due_date AS dueDate, supplied_format AS format, shipping_cost AS cost, note FROM lending_requests WHERE request_id = 'L-2001'",
      ),
    ).toEqual([
      {
        status: 'SHIPPED_PHYSICALLY',
        dueDate: '2027-01-18',
        format: 'PHYSICAL',
        cost: 4.5,
        note: 'Two volumes',
      },
    ]);
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'lending',
      requestId: 'L-2001',
    });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'SHIP',
      fromStatus: 'CREATED',
      toStatus: 'SHIPPED_PHYSICALLY',
      note: 'Two volumes',
    });
    const [message] = desk.rows<{ channel: string; body: string }>(
      "SELECT channel, body FROM partner_messages WHERE kind = 'Loaned'",
    );
    expect(message?.channel).toBe('iso18626');
    expect(JSON.parse(message?.body ?? '{}')).toMatchObject({
      requestId: 'L-2001',
      externalId: '33100042',
      details: { itemBarcode: '31234000123456', dueDate: '2027-01-18' },
    });
    const [bytes] = await desk.printer.waitForJobs(1);
    const slip = printedText(bytes ?? new Uint8Array());
    expect(slip).toContain('SHIPPING SLIP');
    // The partner's name wraps in double size; its address follows on its own lines.
    expect(slip).toContain('University at Buffalo,');
    expect(slip).toContain('Buffalo, NY 14260');
    expect(slip).toContain('31234000123456');
    expect(slip).toContain('Due: Mon 18 Jan 2027');

    const again = await refusal(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: '2027-01-18',
    });
    expect(again.code).toBe('ALREADY_DONE');
  });

  it('refuses the wrong item and writes nothing', async () => {
    desk = await openBorrowingDesk({ start: START });
    const counts = () =>
      ['request_events', 'partner_messages', 'print_jobs', 'desk_actions'].map((t) =>
        desk?.count(t),
      );
    const before = counts();
    const wrong = await refusal(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000999999',
      dueDate: '2027-01-18',
    });
    expect(wrong).toEqual({
      code: 'CONFLICT',
      message:
        '31234000999999 is not the item of L-2001 (it expects 31234000123456); nothing was changed — check the book against the pull slip.',
    });
    expect(counts()).toEqual(before);
    expect(
      desk.rows("SELECT status, due_date AS d FROM lending_requests WHERE request_id = 'L-2001'"),
    ).toEqual([{ status: 'CREATED', d: null }]);
  });

  it('records the item of a request that named none, and sends an email partner the Lender Ship letter', async () => {
    desk = await openBorrowingDesk({ start: START });
    await addLendingRequest(desk, {
      requestId: 'L-2010',
      externalId: 'VT-9',
      partner: 'VTECH',
      title: 'The Structure of Scientific Revolutions',
      status: 'WILL_SUPPLY',
    });
    const lookup = await call(desk.client, 'shipping.lookup', { value: 'L-2010' });
    expect(lookup).toMatchObject({
      readyToShip: false,
      request: { itemBarcode: null, proposedDueDate: null },
    });
    const shipped = await call(desk.client, 'shipping.ship', {
      requestId: 'L-2010',
      itemBarcode: '31234000123464',
      dueDate: '2027-01-04',
    });
    expect(shipped.partnerMessage).toBe('Lender Ship letter');
    expect(
      desk.rows("SELECT item_barcode AS b FROM lending_requests WHERE request_id = 'L-2010'"),
    ).toEqual([{ b: '31234000123464' }]);
    const checkedIn = await call(desk.client, 'scanIn.checkIn', { value: '31234000123464' });
    expect(checkedIn).toMatchObject({ requestId: 'L-2010', location: 'Main Stacks' });
    expect(checkedIn.partnerMessage).toBe('Lender Checked-In letter');
  });

  it('can be undone: the request is as it was and the slip and message are withdrawn', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'off', retryMs: 60_000 });
    const shipped = await call(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: '2027-01-18',
      shippingCost: 3,
    });
    const undone = await call(desk.client, 'desk.undo', { actionId: shipped.actionId });
    expect(undone.message).toMatch(
      /^Undid the shipping of L-2001: it is Created lending request again\./,
    );
    expect(
      desk.rows(
        "SELECT status, due_date AS d, shipping_cost AS c, supplied_format AS f FROM lending_requests WHERE request_id = 'L-2001'",
      ),
    ).toEqual([{ status: 'CREATED', d: null, c: null, f: null }]);
  });
});

describe('shipping.ship non-returnable', () => {
  /** L-2005 at SUNYBUF (ISO) asks for a copy it may keep, of the Main Stacks item. */
  async function nonReturnableDesk(): Promise<BorrowingDesk> {
    const opened = await openBorrowingDesk({ start: START });
    await addLendingRequest(opened, {
      requestId: 'L-2005',
      externalId: 'BUF-515',
      partner: 'SUNYBUF',
      title: 'The Structure of Scientific Revolutions',
      status: 'CREATED',
      requestedFormat: 'PHYSICAL_NON_RETURNABLE',
      itemBarcode: '31234000123464',
    });
    return opened;
  }

  it('ships a Physical non-returnable request with no due date: format, ISO Loaned, slip banner', async () => {
    desk = await nonReturnableDesk();
    const shipped = await call(desk.client, 'shipping.ship', {
      requestId: 'L-2005',
      itemBarcode: '31234000123464',
      nonReturnable: true,
    });
    expect(shipped).toMatchObject({
      requestId: 'L-2005',
      statusLabel: 'Shipped physically',
      dueDate: null,
      partnerMessage: 'ISO 18626 Loaned',
      slip: { slipKind: 'SHIPPING_SLIP' },
    });
    expect(shipped.message).toBe(
      `Shipped L-2005 (31234000123464) to University at Buffalo, SUNY, as a non-returnable copy (no due date). Shipping slip sent to ${desk.printer.uri}. Put it in the book and mail the book.`,
    );
    expect(
      desk.rows(
        "SELECT status, due_date AS dueDate, supplied_format AS format FROM lending_requests WHERE request_id = 'L-2005'",
      ),
    ).toEqual([{ status: 'SHIPPED_PHYSICALLY', dueDate: null, format: 'PHYSICAL_NON_RETURNABLE' }]);
    const [message] = desk.rows<{ body: string }>(
      "SELECT body FROM partner_messages WHERE kind = 'Loaned'",
    );
    expect(JSON.parse(message?.body ?? '{}')).toMatchObject({
      requestId: 'L-2005',
      details: {
        itemBarcode: '31234000123464',
        dueDate: null,
        format: 'PHYSICAL_NON_RETURNABLE',
      },
    });
    const [bytes] = await desk.printer.waitForJobs(1);
    const slip = printedText(bytes ?? new Uint8Array());
    expect(slip).toContain('Non-returnable');
    expect(slip).toContain('Physical (non-returnable)');
    expect(slip).not.toContain('Due:');
  });

  it('refuses non-returnable for a loan, a due date with a non-returnable copy, and a loan without one; writes nothing', async () => {
    desk = await nonReturnableDesk();
    const counts = () =>
      ['request_events', 'partner_messages', 'print_jobs', 'desk_actions'].map((t) =>
        desk?.count(t),
      );
    const before = counts();
    expect(
      await refusal(desk.client, 'shipping.ship', {
        requestId: 'L-2001',
        itemBarcode: '31234000123456',
        nonReturnable: true,
      }),
    ).toEqual({
      code: 'CONFLICT',
      message:
        'L-2001 asks for a Physical copy, so it cannot be shipped non-returnable; ship it as a loan with a due date.',
    });
    expect(
      await refusal(desk.client, 'shipping.ship', {
        requestId: 'L-2005',
        itemBarcode: '31234000123464',
        nonReturnable: true,
        dueDate: '2027-01-18',
      }),
    ).toEqual({
      code: 'INVALID_INPUT',
      message:
        'A non-returnable copy has no due date, but Mon 18 Jan 2027 was given; leave the due date empty, or ship it as a loan if it must come back.',
    });
    expect(
      await refusal(desk.client, 'shipping.ship', {
        requestId: 'L-2001',
        itemBarcode: '31234000123456',
      }),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: 'Enter a due date: L-2001 is lent and must come back.',
    });
    expect(counts()).toEqual(before);
    expect(
      desk.rows(
        "SELECT status, supplied_format AS f FROM lending_requests WHERE request_id IN ('L-2001', 'L-2005') ORDER BY request_id",
      ),
    ).toEqual([
      { status: 'CREATED', f: null },
      { status: 'CREATED', f: null },
    ]);
  });

  it('sends an email partner the Lender Ship letter, and Undo restores the format', async () => {
    desk = await openBorrowingDesk({ start: START });
    await addLendingRequest(desk, {
      requestId: 'L-2011',
      externalId: 'VT-11',
      partner: 'VTECH',
      title: 'The Structure of Scientific Revolutions',
      status: 'WILL_SUPPLY',
      requestedFormat: 'Physical non-returnable',
      itemBarcode: '31234000123464',
    });
    const shipped = await call(desk.client, 'shipping.ship', {
      requestId: 'L-2011',
      itemBarcode: '31234000123464',
      nonReturnable: true,
    });
    expect(shipped.partnerMessage).toBe('Lender Ship letter');
    await call(desk.client, 'desk.undo', { actionId: shipped.actionId });
    expect(
      desk.rows(
        "SELECT status, supplied_format AS f FROM lending_requests WHERE request_id = 'L-2011'",
      ),
    ).toEqual([{ status: 'WILL_SUPPLY', f: null }]);
  });
});

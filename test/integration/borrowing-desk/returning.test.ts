import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  printedText,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';

/** Return Items (WRLC seed Part II) through the API, with a loopback thermal printer. */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

async function receivedDesk(): Promise<BorrowingDesk> {
  const opened = await openBorrowingDesk();
  await call(opened.client, 'receiving.receive', {
    requestId: 'B-1001',
    tempBarcode: '39000000012345',
    notifyPatron: false,
  });
  await opened.printer.waitForJobs(1);
  return opened;
}

describe('returning.lookup', () => {
  it('finds the request by its item barcode, any case, and names the Transit Destination', async () => {
    desk = await openBorrowingDesk();
    await call(desk.client, 'receiving.receive', {
      requestId: 'B-1003',
      tempBarcode: 'Item-abc-1',
      notifyPatron: false,
    });
    const found = await call(desk.client, 'returning.lookup', { value: 'ITEM-ABC-1' });
    expect(found.request).toEqual({
      requestId: 'B-1003',
      externalId: '00041771',
      title: 'Flatland',
      patronName: 'Ada Lovelace',
      status: 'RECEIVED',
      statusLabel: 'Physically received by library',
      blocked: null,
      partnerCode: 'SUNYALB',
      partnerName: 'University at Albany, SUNY',
      partnerAddress: [
        'University Library, Interlibrary Loan',
        '1400 Washington Avenue',
        'Albany, NY 12222',
        'US',
      ],
    });
    expect(found.message).toBe(
      'B-1003 (Flatland) goes back to University at Albany, SUNY. Confirm the Transit Destination.',
    );
  });

  it("refuses an External Identifier with the seed's advice", async () => {
    desk = await receivedDesk();
    const refused = await call(desk.client, 'returning.lookup', { value: '00041771' });
    expect(refused.request).toBeNull();
    expect(refused.message).toBe(
      'You scanned the External Identifier of request B-1003 (a borrowing request); Return Items needs the item barcode, not the External Identifier.',
    );
    const unknown = await call(desk.client, 'returning.lookup', { value: 'NO-SUCH-ITEM' });
    expect(unknown.message).toBe(
      'No borrowed item has the barcode NO-SUCH-ITEM. Scan the item barcode (the one given at Receiving Items), not the External Identifier.',
    );
  });
});

describe('returning.return', () => {
  it('returns the item: status, history, ShippedReturn message and the return slip with the note', async () => {
    desk = await receivedDesk();
    const returned = await call(desk.client, 'returning.return', {
      requestId: 'B-1001',
      noteToPartner: 'Thank you',
    });
    expect(returned).toMatchObject({
      requestId: 'B-1001',
      statusLabel: 'Returned item to partner',
      partnerMessage: 'ISO 18626 ShippedReturn',
      slip: { slipKind: 'RETURN_SLIP', title: 'Return slip B-1001' },
    });
    expect(returned.message).toBe(
      `Returned B-1001 to University at Albany, SUNY. Return slip sent to ${desk.printer.uri}. Put it in the book and mail the book back.`,
    );
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'borrowing',
      requestId: 'B-1001',
    });
    expect(detail.status).toBe('RETURNED_TO_PARTNER');
    expect(detail.history.at(-1)).toMatchObject({
      action: 'RETURN_TO_PARTNER',
      fromStatus: 'RECEIVED',
      toStatus: 'RETURNED_TO_PARTNER',
      note: 'Note to partner: Thank you',
    });
    const [message] = desk.rows<{ kind: string; state: string; body: string }>(
      "SELECT kind, state, body FROM partner_messages WHERE kind = 'ShippedReturn'",
    );
    expect(message).toMatchObject({ kind: 'ShippedReturn', state: 'PENDING' });
    expect(JSON.parse(message?.body ?? '{}')).toMatchObject({ note: 'Thank you' });

    const jobs = await desk.printer.waitForJobs(2);
    const slip = printedText(jobs[1] ?? new Uint8Array());
    expect(slip).toContain('RETURN SLIP');
    expect(slip).toContain('1400 Washington Avenue');
    expect(slip).toContain('Thank you');

    const again = await refusal(desk.client, 'returning.return', { requestId: 'B-1001' });
    expect(again.code).toBe('ALREADY_DONE');
    expect(again.message).toMatch(
      /^B-1001 was already returned to University at Albany, SUNY on \w{3} \d+ \w{3} \d{4} at \d\d:\d\d; it needs nothing more\./,
    );
    const lookup = await call(desk.client, 'returning.lookup', { value: '39000000012345' });
    expect(lookup.request?.blocked).toBe('ALREADY_RETURNED');
  });

  it('sends an email partner the General Message letter', async () => {
    desk = await openBorrowingDesk();
    await desk.addEmailPartnerRequest('B-1004', 'VT-1', 'SHIPPED_PHYSICALLY');
    await call(desk.client, 'receiving.receive', {
      requestId: 'B-1004',
      tempBarcode: 'VT-ITEM-1',
      notifyPatron: false,
    });
    const returned = await call(desk.client, 'returning.return', { requestId: 'B-1004' });
    expect(returned.partnerMessage).toBe('General Message letter');
    expect(
      desk.rows("SELECT channel, kind FROM partner_messages WHERE kind = 'General Message'"),
    ).toEqual([{ channel: 'email', kind: 'General Message' }]);
  });

  it('refuses an item not yet received and writes nothing', async () => {
    desk = await openBorrowingDesk();
    const counts = () =>
      ['request_events', 'partner_messages', 'print_jobs'].map((t) => desk?.count(t));
    const before = counts();
    const early = await refusal(desk.client, 'returning.return', { requestId: 'B-1001' });
    expect(early.code).toBe('WRONG_STATUS');
    expect(early.message).toMatch(
      /^B-1001 cannot go back to the partner while it is "Shipped physically".*receive it on Receiving Items first\.$/,
    );
    expect(counts()).toEqual(before);
  });
});

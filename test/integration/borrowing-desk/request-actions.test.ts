import { afterEach, describe, expect, it } from 'vitest';
import { importJson } from '../../../electron/import/import-file.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';

/** Row actions from the requests lists, so a request can go round the whole cycle. */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

describe('requests.act', () => {
  it('takes a received book round the cycle: loan to patron, returned by patron, back to the partner', async () => {
    desk = await openBorrowingDesk();
    await call(desk.client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: 'ITEM-1',
      notifyPatron: false,
    });
    const messages = desk.count('partner_messages');
    const jobs = desk.count('print_jobs');

    const loaned = await call(desk.client, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1001',
      action: 'LOAN_TO_PATRON',
      note: 'Patron showed ID',
    });
    expect(loaned).toMatchObject({
      status: 'LOANED',
      statusLabel: 'Loaned item to patron',
      slip: null,
      partnerMessage: null,
      message: 'Loan to patron: B-1001 is now "Loaned item to patron".',
    });
    const back = await call(desk.client, 'requests.act', {
      kind: 'borrowing',
      requestId: 'b-1001',
      action: 'returned by patron',
    });
    expect(back).toMatchObject({ status: 'RETURNED_BY_PATRON', partnerMessage: null });
    expect([desk.count('partner_messages'), desk.count('print_jobs')]).toEqual([messages, jobs]);

    const detail = await call(desk.client, 'requests.detail', {
      kind: 'borrowing',
      requestId: 'B-1001',
    });
    expect(
      detail.history.slice(-2).map((e) => [e.actionLabel, e.fromStatus, e.toStatus, e.note]),
    ).toEqual([
      ['Loan to patron', 'RECEIVED', 'LOANED', 'Patron showed ID'],
      ['Returned by patron', 'LOANED', 'RETURNED_BY_PATRON', null],
    ]);
    const returned = await call(desk.client, 'returning.lookup', { value: 'item-1' });
    expect(returned.request).toMatchObject({ status: 'RETURNED_BY_PATRON', blocked: null });
  });

  it('queues the message an action implies: a staff cancel tells the partner', async () => {
    desk = await openBorrowingDesk();
    const cancelled = await call(desk.client, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1003',
      action: 'CANCEL_BY_STAFF',
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', partnerMessage: 'ISO 18626 Cancel' });
    expect(cancelled.message).toBe(
      'Cancel: B-1003 is now "Cancelled". ISO 18626 Cancel queued for University at Albany, SUNY.',
    );
  });

  it('refuses in plain words: wrong status, not in the profile, a scan-screen action, no such action', async () => {
    desk = await openBorrowingDesk();
    const before = desk.count('request_events');
    const wrong = await refusal(desk.client, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1001',
      action: 'LOAN_TO_PATRON',
    });
    expect(wrong).toEqual({
      code: 'WRONG_STATUS',
      message:
        'B-1001: Loan to patron is not possible while the request is "Shipped physically"; it needs one of: Physically received by library.',
    });

    // Albany's lending profile is the seed's, which leaves Will Supply out.
    await importJson(
      desk.desk.context.gate,
      {
        lendingRequests: [
          {
            requestId: 'L-2003',
            externalId: 'ALB-7',
            partner: 'SUNYALB',
            title: 'Flatland',
            status: 'CREATED',
          },
        ],
      },
      { source: 'albany.json' },
    );
    const imported = desk.count('request_events');
    const lending = await refusal(desk.client, 'requests.act', {
      kind: 'lending',
      requestId: 'L-2003',
      action: 'WILL_SUPPLY',
    });
    expect(lending.code).toBe('NOT_IN_PROFILE');
    expect(lending.message).toMatch(/Peer to Peer Lending.*Will Supply is not included/);

    const needsReason = await refusal(desk.client, 'requests.act', {
      kind: 'lending',
      requestId: 'L-2003',
      action: 'REJECT',
    });
    expect(needsReason.code).toBe('INVALID_INPUT');
    expect(needsReason.message).toMatch(
      /Reject needs a reason: choose Reject from the request's Actions/,
    );

    const screen = await refusal(desk.client, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1001',
      action: 'RECEIVE',
    });
    expect(screen.message).toBe(
      'Receive is done on Receiving Items, where the item is scanned and its slip prints; open Receiving Items and scan it there.',
    );

    const unknown = await refusal(desk.client, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1001',
      action: 'FLY_AWAY',
    });
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.message).toMatch(
      /^There is no action "FLY_AWAY" for borrowing requests; the actions are Receive, /,
    );
    // The import's own event and Locate's: no Flatland on the shelves, so Locate failed.
    expect(imported).toBe(before + 2);
    expect(desk.count('request_events')).toBe(imported);
    expect(desk.count('desk_actions')).toBe(0);
  });
});

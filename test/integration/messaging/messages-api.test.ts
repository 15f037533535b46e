import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { deskStaff } from '../../helpers/task-operators.ts';

/**
 * The Partner Messages API on messages desk steps queued (the sender is off here, so each stays
 * as the step stored it): the list by state and request in keyset pages, the counts, withdrawal
 * for Managers only, and refusals that say what is wrong.
 */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');

/** B-1001 received (Received to SUNYALB, the patron's letter) and returned (ShippedReturn). */
async function deskWithMessages(): Promise<BorrowingDesk> {
  desk = await openBorrowingDesk({ start: START, printer: 'none' });
  await call(desk.client, 'receiving.receive', { requestId: 'B-1001', tempBarcode: 'T-1' });
  await call(desk.client, 'returning.return', { requestId: 'B-1001' });
  return desk;
}

describe('messages.list', () => {
  it("lists a request's messages newest first, page by page, with counts by state", async () => {
    const d = await deskWithMessages();
    const first = await call(d.client, 'messages.list', { requestId: 'b-1001', limit: 2 });
    expect(first.rows.map((m) => [m.kind, m.correspondent, m.waitsFor])).toEqual([
      ['ShippedReturn', 'University at Albany, SUNY', 1],
      ['On Hold Shelf Letter', 'Patron Ada Lovelace', null],
    ]);
    expect(first.counts).toEqual({ PENDING: 3, FAILED: 0, SENT: 0, WITHDRAWN: 0, RECEIVED: 0 });
    expect(first.nextAfter).not.toBeNull();

    const second = await call(d.client, 'messages.list', {
      requestId: 'B-1001',
      limit: 2,
      after: first.nextAfter ?? 0,
    });
    expect(second.rows.map((m) => [m.id, m.kind, m.channel])).toEqual([
      [1, 'Received', 'iso18626'],
    ]);
    expect(second.nextAfter).toBeNull();
    const sent = await call(d.client, 'messages.list', { state: 'SENT' });
    expect(sent.rows).toEqual([]);
  });

  it('says when there is no such request', async () => {
    const d = await deskWithMessages();
    expect(
      await refusal(d.client, 'messages.list', { requestKind: 'lending', requestId: 'B-1001' }),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no lending request B-1001; check the request ID.',
    });
  });
});

describe('messages.withdraw', () => {
  it('is for Managers: an Operator is refused in plain words, a Manager withdraws', async () => {
    const d = await deskWithMessages();
    const { ada, grace } = await deskStaff(d);
    const refused = await refusal(ada, 'messages.withdraw', { id: 1 });
    expect(refused).toEqual({
      code: 'FORBIDDEN',
      message:
        'Withdrawing a partner message needs a Fulfillment Services Manager; ask a manager to withdraw it, or to sign in at this desk.',
    });
    // An Operator may still try it now.
    expect((await call(ada, 'messages.retry', { id: 1 })).state).toBe('PENDING');

    const withdrawn = await call(grace, 'messages.withdraw', { id: 1 });
    expect(withdrawn).toMatchObject({ id: 1, kind: 'Received', state: 'WITHDRAWN' });
    // ShippedReturn no longer waits for it.
    const [newest] = (await call(grace, 'messages.list', { requestId: 'B-1001' })).rows;
    expect(newest).toMatchObject({ kind: 'ShippedReturn', waitsFor: null });

    expect(await refusal(grace, 'messages.withdraw', { id: 1 })).toEqual({
      code: 'ALREADY_DONE',
      message:
        'Message 1 (ISO 18626 Received to University at Albany, SUNY) was withdrawn, so there is nothing to withdraw.',
    });
    expect((await refusal(grace, 'messages.retry', { id: 99 })).code).toBe('NOT_FOUND');
  });

  it('counts what waits in the status bar', async () => {
    const d = await deskWithMessages();
    expect(await call(d.client, 'messages.status', {})).toEqual({ pending: 3, failed: 0 });
  });
});

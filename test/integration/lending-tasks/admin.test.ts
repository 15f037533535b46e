import { afterEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { addLendingRequest, addMainStacksRequest } from '../../helpers/lending-desk.ts';
import { deskStaff } from '../../helpers/task-operators.ts';

/**
 * Change Status, Remove Requests, Remove Alerts and Reactivate Request on the Lending Requests task
 * list, through the API on a real database with a loopback printer (good.json: L-2001 Created for
 * item 31234000123456 at SUNYBUF, L-2002 Locate failed at VTECH).
 */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');
const ITEM = '31234000123456';

function status(d: BorrowingDesk, requestId: string): string | undefined {
  return d.rows<{ status: string }>(
    'SELECT status FROM lending_requests WHERE request_id = ?',
    requestId,
  )[0]?.status;
}

function events(d: BorrowingDesk, requestId: string) {
  return d.rows<{
    action: string;
    from_status: string | null;
    to_status: string | null;
    note: string | null;
  }>(
    `SELECT e.action, e.from_status, e.to_status, e.note FROM request_events e
       JOIN lending_requests r ON r.id = e.lending_request_id
      WHERE r.request_id = ? ORDER BY e.id`,
    requestId,
  );
}

/** Ships L-2001 and scans it back in: Request completed, by way of Shipped physically. */
async function lendAndReturn(client: DeskClient): Promise<void> {
  await call(client, 'shipping.ship', {
    requestId: 'L-2001',
    itemBarcode: ITEM,
    dueDate: '2027-01-18',
  });
  await call(client, 'scanIn.checkIn', { value: ITEM });
}

describe('lending.changeStatus', () => {
  it('sets the status as a staff override, skips requests already in it, and tells no partner', async () => {
    desk = await openBorrowingDesk({ start: START });
    const messages = desk.count('partner_messages');

    const outcome = await call(desk.client, 'lending.changeStatus', {
      selection: { requestIds: ['L-2001', 'L-2002'] },
      status: 'locate FAILED',
      note: 'Wrong edition on the shelf',
    });

    expect(outcome).toEqual({
      done: 1,
      skipped: [{ requestId: 'L-2002', reason: 'L-2002 is already "Locate failed".' }],
      message:
        'Changed the status of 1 request to "Locate failed". L-2002 is already "Locate failed".',
    });
    expect(status(desk, 'L-2001')).toBe('LOCATE_FAILED');
    expect(events(desk, 'L-2001').at(-1)).toEqual({
      action: 'CHANGE_STATUS',
      from_status: 'CREATED',
      to_status: 'LOCATE_FAILED',
      note: 'Wrong edition on the shelf',
    });
    expect(desk.count('partner_messages')).toBe(messages);
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'lending',
      requestId: 'L-2001',
    });
    expect(detail.history.at(-1)).toMatchObject({
      actionLabel: 'Status changed',
      fromLabel: 'Created lending request',
      toLabel: 'Locate failed',
    });
  });

  it('works through the whole current filter', async () => {
    desk = await openBorrowingDesk({ start: START });
    await addMainStacksRequest(desk);
    const outcome = await call(desk.client, 'lending.changeStatus', {
      selection: { filter: { status: ['CREATED'] } },
      status: 'WILL_SUPPLY',
    });
    expect(outcome.done).toBe(2);
    expect([status(desk, 'L-2001'), status(desk, 'L-2002'), status(desk, 'L-2003')]).toEqual([
      'WILL_SUPPLY',
      'LOCATE_FAILED',
      'WILL_SUPPLY',
    ]);

    const none = await call(desk.client, 'lending.changeStatus', {
      selection: { filter: { status: ['EXPIRED'] } },
      status: 'CANCELLED',
    });
    expect(none).toEqual({
      done: 0,
      skipped: [],
      message:
        'The filter lists no lending requests, so nothing was done; change the filter or the Find box and try again.',
    });
  });

  it('refuses a status that does not exist, naming the ones that do, and changes nothing', async () => {
    desk = await openBorrowingDesk({ start: START });
    const error = await refusal(desk.client, 'lending.changeStatus', {
      selection: { requestIds: ['L-2001'] },
      status: 'Loaned item to patron',
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(
      /^There is no lending status "Loaned item to patron"; choose one of Created lending request, Locate failed, .*, Request completed\.$/,
    );
    expect(status(desk, 'L-2001')).toBe('CREATED');
  });

  it("skips an Operator's change to someone else's task", async () => {
    desk = await openBorrowingDesk({ start: START });
    const { ada, ben } = await deskStaff(desk);
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });
    const outcome = await call(ben, 'lending.changeStatus', {
      selection: { requestIds: ['L-2001', 'L-2002'] },
      status: 'CANCELLED',
    });
    expect(outcome.skipped).toEqual([
      {
        requestId: 'L-2001',
        reason:
          "L-2001 is assigned to Ada Lovelace; only a Fulfillment Services Manager can change the status of other people's tasks.",
      },
    ]);
    expect([status(desk, 'L-2001'), status(desk, 'L-2002')]).toEqual(['CREATED', 'CANCELLED']);
  });
});

describe('lending.remove', () => {
  it('removes closed requests only; they leave the task list and the scan screens, their history stays', async () => {
    desk = await openBorrowingDesk({ start: START });
    const { grace } = await deskStaff(desk);
    await lendAndReturn(grace);
    expect(status(desk, 'L-2001')).toBe('COMPLETED');
    const history = events(desk, 'L-2001').length;

    const outcome = await call(grace, 'lending.remove', {
      selection: { requestIds: ['L-2001', 'L-2002'] },
    });

    expect(outcome).toEqual({
      done: 1,
      skipped: [
        {
          requestId: 'L-2002',
          reason:
            'L-2002 is "Locate failed"; only closed requests (Request completed, Shipped digitally, Rejected the borrower request, Cancelled, Expired) can be removed.',
        },
      ],
      message:
        'Removed 1 request from the task list and the scan screens; its history stays. L-2002 is "Locate failed"; only closed requests (Request completed, Shipped digitally, Rejected the borrower request, Cancelled, Expired) can be removed.',
    });
    expect(events(desk, 'L-2001')).toHaveLength(history + 1);
    expect(events(desk, 'L-2001').at(-1)?.action).toBe('REMOVE');

    const listed = await call(grace, 'lending.list', { activity: 'ALL', find: 'L-2001' });
    expect(listed.rows).toEqual([]);
    const shipping = await call(grace, 'shipping.lookup', { value: 'L-2001' });
    expect(shipping.request).toBeNull();
    expect((await refusal(grace, 'scanIn.checkIn', { value: 'L-2001' })).code).toBe('NOT_FOUND');
    const scan = await call(grace, 'scans.submit', {
      source: 'manual',
      raw: '33100042',
      screen: 'Scan In Items',
    });
    expect(scan.matches.filter((m) => m.kind.startsWith('LENDING'))).toEqual([]);
    // Removed requests cannot be chosen again.
    expect(
      (await refusal(grace, 'lending.remove', { selection: { requestIds: ['L-2001'] } })).code,
    ).toBe('NOT_FOUND');
  });

  it('is for a Manager only', async () => {
    desk = await openBorrowingDesk({ start: START });
    const { ada } = await deskStaff(desk);
    await call(ada, 'lending.changeStatus', {
      selection: { requestIds: ['L-2002'] },
      status: 'CANCELLED',
    });
    const error = await refusal(ada, 'lending.remove', { selection: { requestIds: ['L-2002'] } });
    expect(error.code).toBe('FORBIDDEN');
    expect(
      desk.rows('SELECT removed_at FROM lending_requests WHERE removed_at IS NOT NULL'),
    ).toEqual([]);
  });
});

describe('lending.removeAlerts', () => {
  it("clears the chosen requests' alerts and says which had none", async () => {
    desk = await openBorrowingDesk({ start: START });
    // Imported as Created with no item the desk holds: Locate fails and raises an alert.
    await addLendingRequest(desk, {
      requestId: 'L-2010',
      externalId: 'BUF-10',
      partner: 'SUNYBUF',
      title: 'A Book Nobody Holds',
      status: 'CREATED',
    });
    const alerts = () =>
      desk?.rows('SELECT id FROM request_alerts WHERE removed_at IS NULL').length ?? -1;
    expect(alerts()).toBe(1);

    const outcome = await call(desk.client, 'lending.removeAlerts', {
      selection: { requestIds: ['L-2010', 'L-2001'] },
    });

    expect(outcome).toEqual({
      done: 1,
      skipped: [{ requestId: 'L-2001', reason: 'L-2001 has no alerts.' }],
      message: 'Removed the alerts of 1 request. L-2001 has no alerts.',
    });
    expect(alerts()).toBe(0);
    expect(events(desk, 'L-2010').at(-1)).toMatchObject({
      action: 'REMOVE_ALERTS',
      note: 'Removed 1 alert',
    });
    const detail = await call(desk.client, 'lending.taskDetail', { requestId: 'L-2010' });
    expect(detail.alerts).toEqual([]);
  });
});

describe('lending.reactivate', () => {
  it('returns a completed loan to the status it had before it closed', async () => {
    desk = await openBorrowingDesk({ start: START });
    const { grace } = await deskStaff(desk);
    await lendAndReturn(grace);

    const answer = await call(grace, 'lending.reactivate', {
      requestId: 'L-2001',
      note: 'Scanned in by mistake',
    });

    expect(answer).toEqual({
      requestId: 'L-2001',
      status: 'SHIPPED_PHYSICALLY',
      statusLabel: 'Shipped physically',
      message: 'Reactivated L-2001: it is "Shipped physically" again.',
    });
    expect(events(desk, 'L-2001').at(-1)).toEqual({
      action: 'REACTIVATE',
      from_status: 'COMPLETED',
      to_status: 'SHIPPED_PHYSICALLY',
      note: 'Scanned in by mistake',
    });
  });

  it('brings a removed request back to the task list, past a chain of closed statuses', async () => {
    desk = await openBorrowingDesk({ start: START });
    const { grace } = await deskStaff(desk);
    for (const to of ['REJECTED', 'COMPLETED']) {
      await call(grace, 'lending.changeStatus', {
        selection: { requestIds: ['L-2001'] },
        status: to,
      });
    }
    await call(grace, 'lending.remove', { selection: { requestIds: ['L-2001'] } });

    const answer = await call(grace, 'lending.reactivate', { requestId: 'L-2001' });

    expect(answer.status).toBe('CREATED');
    const listed = await call(grace, 'lending.list', { find: 'L-2001' });
    expect(listed.rows.map((r) => [r.requestId, r.status])).toEqual([['L-2001', 'CREATED']]);
  });

  it('refuses an open request, one closed since import, and one whose item is out again', async () => {
    desk = await openBorrowingDesk({ start: START });
    const { grace } = await deskStaff(desk);
    await addLendingRequest(desk, {
      requestId: 'L-2020',
      externalId: 'BUF-20',
      partner: 'SUNYBUF',
      title: 'Introduction to Algorithms',
      status: 'COMPLETED',
      itemBarcode: ITEM,
    });
    expect(await refusal(grace, 'lending.reactivate', { requestId: 'L-2001' })).toEqual({
      code: 'WRONG_STATUS',
      message:
        'L-2001 is "Created lending request", which is not closed; only a closed request (Request completed, Shipped digitally, Rejected the borrower request, Cancelled, Expired) can be reactivated.',
    });
    expect(await refusal(grace, 'lending.reactivate', { requestId: 'L-2020' })).toEqual({
      code: 'CONFLICT',
      message:
        'L-2020 has been "Request completed" since it came into the desk, so there is no earlier status to return to; use Change Status to set the one it should have.',
    });

    // L-2001 lent and returned; then the same item is out on L-2020 (set to Shipped physically).
    await lendAndReturn(grace);
    await call(grace, 'lending.changeStatus', {
      selection: { requestIds: ['L-2020'] },
      status: 'SHIPPED_PHYSICALLY',
    });
    const history = events(desk, 'L-2001').length;
    expect(await refusal(grace, 'lending.reactivate', { requestId: 'L-2001' })).toEqual({
      code: 'CONFLICT',
      message: `L-2001 cannot be reactivated: its item ${ITEM} is out on L-2020 ("Shipped physically"). Scan that one in first.`,
    });
    expect(status(desk, 'L-2001')).toBe('COMPLETED');
    expect(events(desk, 'L-2001')).toHaveLength(history);
  });

  it('is for a Manager only', async () => {
    desk = await openBorrowingDesk({ start: START });
    const { ada } = await deskStaff(desk);
    await lendAndReturn(ada);
    expect((await refusal(ada, 'lending.reactivate', { requestId: 'L-2001' })).code).toBe(
      'FORBIDDEN',
    );
    expect(status(desk, 'L-2001')).toBe('COMPLETED');
  });
});

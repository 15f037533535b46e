import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { addOperator, deskStaff, windowAs } from '../../helpers/task-operators.ts';

/**
 * Assign to me, Reassign and Release on the Lending Requests task list, through the API on a real
 * database (good.json: L-2001 Created, L-2002 Locate failed), with the seed's roles: an Operator
 * works on unassigned tasks and their own, a Manager on anyone's.
 */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');

function assignee(d: BorrowingDesk, requestId: string): string | null {
  const [row] = d.rows<{ name: string | null }>(
    `SELECT o.name FROM lending_requests r LEFT JOIN operators o ON o.id = r.assigned_to
      WHERE r.request_id = ?`,
    requestId,
  );
  return row?.name ?? null;
}

interface Event {
  action: string;
  operator: string | null;
  note: string | null;
  from_status: string | null;
  to_status: string | null;
}

function events(d: BorrowingDesk, requestId: string): Event[] {
  return d.rows<Event>(
    `SELECT e.action, o.name AS operator, e.note, e.from_status, e.to_status
       FROM request_events e JOIN lending_requests r ON r.id = e.lending_request_id
       LEFT JOIN operators o ON o.id = e.operator_id
      WHERE r.request_id = ? ORDER BY e.id`,
    requestId,
  );
}

describe('lending.assign by an Operator', () => {
  it('assigns an unassigned task to them, with a history event saying so', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const { ada } = await deskStaff(desk);

    const outcome = await call(ada, 'lending.assign', { requestIds: ['l-2001'], assignee: 'ME' });

    expect(outcome).toEqual({ done: 1, skipped: [], message: 'Assigned L-2001 to Ada Lovelace.' });
    expect(assignee(desk, 'L-2001')).toBe('Ada Lovelace');
    expect(events(desk, 'L-2001').at(-1)).toEqual({
      action: 'ASSIGN',
      operator: 'Ada Lovelace',
      note: 'Assigned to Ada Lovelace',
      from_status: null,
      to_status: null,
    });
    const detail = await call(ada, 'requests.detail', { kind: 'lending', requestId: 'L-2001' });
    expect(detail.history.at(-1)).toMatchObject({
      actionLabel: 'Assigned',
      operator: 'Ada Lovelace',
    });
  });

  it("refuses someone else's task (Assign to me, Reassign, Release) and changes nothing", async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const { ada, ben, graceId } = await deskStaff(desk);
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });
    const before = events(desk, 'L-2001').length;

    expect(
      await refusal(ben, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' }),
    ).toEqual({
      code: 'FORBIDDEN',
      message:
        "L-2001 is assigned to Ada Lovelace; only a Fulfillment Services Manager can reassign other people's tasks.",
    });
    expect(
      (await refusal(ben, 'lending.assign', { requestIds: ['L-2001'], assignee: graceId })).code,
    ).toBe('FORBIDDEN');
    expect(
      await refusal(ben, 'lending.assign', { requestIds: ['L-2001'], assignee: null }),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message:
        "L-2001 is assigned to Ada Lovelace; only a Fulfillment Services Manager can release other people's tasks.",
    });

    expect(assignee(desk, 'L-2001')).toBe('Ada Lovelace');
    expect(events(desk, 'L-2001')).toHaveLength(before);
  });

  it('lets them reassign their own task to a colleague with a note, and release their own', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const { ada, ben, benId } = await deskStaff(desk);
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });

    const reassigned = await call(ada, 'lending.assign', {
      requestIds: ['L-2001'],
      assignee: benId,
      note: 'Ben knows this partner',
    });
    expect(reassigned.message).toBe('Assigned L-2001 to Ben Franklin.');
    expect(assignee(desk, 'L-2001')).toBe('Ben Franklin');
    expect(events(desk, 'L-2001').at(-1)).toMatchObject({
      action: 'ASSIGN',
      operator: 'Ada Lovelace',
      note: 'Reassigned from Ada Lovelace to Ben Franklin \u2014 Ben knows this partner',
    });

    const released = await call(ben, 'lending.assign', { requestIds: ['L-2001'], assignee: null });
    expect(released.message).toBe('Released L-2001: it is unassigned now.');
    expect(assignee(desk, 'L-2001')).toBeNull();
    expect(events(desk, 'L-2001').at(-1)).toMatchObject({
      action: 'RELEASE',
      operator: 'Ben Franklin',
      note: 'Released (was assigned to Ben Franklin)',
    });
  });

  it('assigns what it may in a bulk call and skips the rest, each with why', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const { ada, ben } = await deskStaff(desk);
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });

    const outcome = await call(ben, 'lending.assign', {
      requestIds: ['L-2001', 'L-2002', 'L-9999'],
      assignee: 'ME',
    });

    expect(outcome.done).toBe(1);
    expect(outcome.skipped).toEqual([
      {
        requestId: 'L-2001',
        reason:
          "L-2001 is assigned to Ada Lovelace; only a Fulfillment Services Manager can reassign other people's tasks.",
      },
      {
        requestId: 'L-9999',
        reason:
          'No lending request has the ID L-9999. Search for it in Lending Requests and try again.',
      },
    ]);
    expect(outcome.message).toBe(
      'Assigned L-2002 to Ben Franklin. 2 requests were left as they were; see why beside each.',
    );
    expect(assignee(desk, 'L-2001')).toBe('Ada Lovelace');
    expect(assignee(desk, 'L-2002')).toBe('Ben Franklin');
  });

  it('says a task is already theirs, and that a closed request is not assigned', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const { ada, grace } = await deskStaff(desk);
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });
    expect(
      await refusal(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' }),
    ).toEqual({ code: 'ALREADY_DONE', message: 'L-2001 is already assigned to you.' });

    await call(grace, 'lending.changeStatus', {
      selection: { requestIds: ['L-2002'] },
      status: 'Cancelled',
    });
    expect(
      await refusal(ada, 'lending.assign', { requestIds: ['L-2002'], assignee: 'ME' }),
    ).toEqual({
      code: 'WRONG_STATUS',
      message:
        'L-2002 is closed ("Cancelled"), so it cannot be assigned; a manager can reactivate it first.',
    });
  });
});

describe('lending.assign by a Manager', () => {
  it("reassigns and releases other people's tasks", async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const { ada, grace, benId } = await deskStaff(desk);
    await call(ada, 'lending.assign', { requestIds: ['L-2001', 'L-2002'], assignee: 'ME' });

    const moved = await call(grace, 'lending.assign', {
      requestIds: ['L-2001', 'L-2002'],
      assignee: benId,
    });
    expect(moved).toEqual({ done: 2, skipped: [], message: 'Assigned 2 tasks to Ben Franklin.' });
    expect(events(desk, 'L-2002').at(-1)).toMatchObject({
      operator: 'Grace Hopper',
      note: 'Reassigned from Ada Lovelace to Ben Franklin',
    });

    const released = await call(grace, 'lending.assign', {
      requestIds: ['L-2001'],
      assignee: null,
    });
    expect(released.done).toBe(1);
    expect(assignee(desk, 'L-2001')).toBeNull();
    expect(assignee(desk, 'L-2002')).toBe('Ben Franklin');
  });

  it('refuses an operator who is not active, or does not exist, and writes nothing', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const { grace } = await deskStaff(desk);
    const goneId = await addOperator(desk, 'Charles Babbage', 'OPERATOR', false);
    const before = desk.count('request_events');

    for (const id of [goneId, 9999]) {
      expect(
        await refusal(grace, 'lending.assign', { requestIds: ['L-2001'], assignee: id }),
      ).toEqual({
        code: 'NOT_FOUND',
        message: `There is no active operator with the id ${id} to assign to; choose someone from the list of operators (Settings \u2192 Operators shows who is active).`,
      });
    }
    expect(assignee(desk, 'L-2001')).toBeNull();
    expect(desk.count('request_events')).toBe(before);
  });
});

describe('lending.assign in setup mode (no operators yet)', () => {
  it('says there is nobody to assign to and where to add operators', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const nobody = windowAs(desk, null);
    const expected = {
      code: 'INVALID_INPUT',
      message:
        'There is nobody to assign tasks to yet: add the desk\u2019s operators in Settings \u2192 Operators first.',
    };
    expect(
      await refusal(nobody, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' }),
    ).toEqual(expected);
    expect(
      await refusal(nobody, 'lending.assign', { requestIds: ['L-2001'], assignee: 1 }),
    ).toEqual(expected);
  });

  it('still releases a task left assigned to an operator who was since deactivated', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const adaId = await addOperator(desk, 'Ada Lovelace', 'MANAGER');
    await call(windowAs(desk, adaId), 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });
    desk.rows('UPDATE operators SET active = 0 RETURNING id');

    const released = await call(windowAs(desk, null), 'lending.assign', {
      requestIds: ['L-2001'],
      assignee: null,
    });
    expect(released.done).toBe(1);
    expect(assignee(desk, 'L-2001')).toBeNull();
  });
});

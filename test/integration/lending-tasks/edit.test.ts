import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { addLendingRequest } from '../../helpers/lending-desk.ts';
import { deskStaff } from '../../helpers/task-operators.ts';

/**
 * Edit and Duplicate on the Lending Requests task list, through the API on a real database
 * (good.json: L-2001 Created for Introduction to Algorithms at SUNYBUF, L-2002 Locate failed).
 */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');

interface Lending {
  request_id: string;
  external_id: string;
  partner: string;
  title: string;
  author: string | null;
  isbn: string | null;
  status: string;
  requested_format: string;
  level_of_service: string | null;
  needed_by: string | null;
  note: string | null;
  item: string | null;
}

function lending(d: BorrowingDesk, requestId: string): Lending | undefined {
  return d.rows<Lending>(
    `SELECT r.request_id, r.external_id, p.code AS partner, r.title, r.author, r.isbn, r.status,
            r.requested_format, r.level_of_service, r.needed_by, r.note, i.barcode AS item
       FROM lending_requests r JOIN partners p ON p.id = r.partner_id
       LEFT JOIN items i ON i.id = r.item_id
      WHERE r.request_id = ?`,
    requestId,
  )[0];
}

function lastEvent(d: BorrowingDesk, requestId: string) {
  return d.rows<{
    action: string;
    note: string | null;
    from_status: string | null;
    to_status: string | null;
  }>(
    `SELECT e.action, e.note, e.from_status, e.to_status FROM request_events e
       JOIN lending_requests r ON r.id = e.lending_request_id
      WHERE r.request_id = ? ORDER BY e.id DESC LIMIT 1`,
    requestId,
  )[0];
}

describe('lending.edit', () => {
  it('changes only the fields given, and the history lists them', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const before = lending(desk, 'L-2001');

    const answer = await call(desk.client, 'lending.edit', {
      requestId: 'L-2001',
      title: 'Introduction to Algorithms, Fourth Edition',
      isbn: null,
      neededBy: '2027-01-15',
      levelOfService: 'Standard', // as it was: not a change
    });

    expect(answer).toEqual({
      requestId: 'L-2001',
      status: 'CREATED',
      statusLabel: 'Created lending request',
      message: 'Saved L-2001: Title, ISBN and Needed by changed.',
    });
    expect(lending(desk, 'L-2001')).toEqual({
      ...before,
      title: 'Introduction to Algorithms, Fourth Edition',
      isbn: null,
      needed_by: '2027-01-15',
    });
    expect(lastEvent(desk, 'L-2001')).toEqual({
      action: 'EDIT',
      note: 'Changed Title, ISBN and Needed by',
      from_status: null,
      to_status: null,
    });
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'lending',
      requestId: 'L-2001',
    });
    expect(detail.history.at(-1)?.actionLabel).toBe('Edited');
  });

  it('says so when nothing differs, and writes no history', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const events = desk.count('request_events');
    const answer = await call(desk.client, 'lending.edit', {
      requestId: 'L-2001',
      title: 'Introduction to Algorithms',
    });
    expect(answer.message).toBe('Nothing to save: L-2001 already has these values.');
    expect(desk.count('request_events')).toBe(events);
  });

  it('refuses a closed request and changes nothing', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    await call(desk.client, 'lending.changeStatus', {
      selection: { requestIds: ['L-2001'] },
      status: 'Request completed',
    });
    const before = lending(desk, 'L-2001');
    const events = desk.count('request_events');

    expect(
      await refusal(desk.client, 'lending.edit', { requestId: 'L-2001', title: 'Something else' }),
    ).toEqual({
      code: 'WRONG_STATUS',
      message:
        'L-2001 is closed ("Request completed"), so it cannot be edited; a manager can reactivate it first.',
    });
    expect(lending(desk, 'L-2001')).toEqual(before);
    expect(desk.count('request_events')).toBe(events);
  });

  it("refuses an Operator's edit of someone else's task; their own and a Manager's go through", async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const { ada, ben, grace } = await deskStaff(desk);
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });

    expect(await refusal(ben, 'lending.edit', { requestId: 'L-2001', note: 'Mine now' })).toEqual({
      code: 'FORBIDDEN',
      message:
        "L-2001 is assigned to Ada Lovelace; only a Fulfillment Services Manager can edit other people's tasks.",
    });
    expect(lending(desk, 'L-2001')?.note).toBeNull();

    await call(ada, 'lending.edit', { requestId: 'L-2001', note: 'Check the binding' });
    await call(grace, 'lending.edit', { requestId: 'L-2001', levelOfService: 'Rush' });
    expect(lending(desk, 'L-2001')).toMatchObject({
      note: 'Check the binding',
      level_of_service: 'Rush',
    });
  });
});

describe('lending.duplicate', () => {
  it('copies the request as L-2001-2 with its External Identifier suffixed alike, and locates it', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const source = lending(desk, 'L-2001');

    const answer = await call(desk.client, 'lending.duplicate', { requestId: 'L-2001' });

    expect(answer).toEqual({
      requestId: 'L-2001-2',
      status: 'CREATED',
      statusLabel: 'Created lending request',
      message:
        'Duplicated L-2001 as L-2001-2. L-2001-2 is located: item 31234000123456 (Science Library, QA76.6 .C662 2022).',
    });
    expect(lending(desk, 'L-2001-2')).toEqual({
      ...source,
      request_id: 'L-2001-2',
      external_id: '33100042-2',
    });
    const copyHistory = await call(desk.client, 'requests.detail', {
      kind: 'lending',
      requestId: 'L-2001-2',
    });
    expect(copyHistory.history.map((e) => [e.actionLabel, e.toStatus, e.note])).toEqual([
      ['Duplicated', 'CREATED', 'Duplicated from L-2001'],
      ['Located', null, 'Located item 31234000123456 by ISBN'],
    ]);
    expect(lastEvent(desk, 'L-2001')).toMatchObject({
      action: 'DUPLICATE',
      note: 'Duplicated as L-2001-2',
    });
    // The copy is a task of its own: the Find box finds it.
    const listed = await call(desk.client, 'lending.list', { find: 'L-2001-2' });
    expect(listed.rows.map((r) => r.requestId)).toEqual(['L-2001-2']);
  });

  it('takes the first free number, counting a copy of a copy from the original', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    // Another request at the same partner already holds the External Identifier 33100042-3.
    await addLendingRequest(desk, {
      requestId: 'L-5000',
      externalId: '33100042-3',
      partner: 'SUNYBUF',
      title: 'Unrelated',
      status: 'CREATED',
      itemBarcode: '31234000123464',
    });

    const second = await call(desk.client, 'lending.duplicate', { requestId: 'L-2001' });
    const third = await call(desk.client, 'lending.duplicate', { requestId: 'L-2001-2' });

    expect([second.requestId, third.requestId]).toEqual(['L-2001-2', 'L-2001-4']);
    expect(lending(desk, 'L-2001-4')?.external_id).toBe('33100042-4');
  });

  it('leaves a copy of an unlocated request Locate failed, with its alert', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const answer = await call(desk.client, 'lending.duplicate', { requestId: 'L-2002' });
    expect(answer).toMatchObject({ requestId: 'L-2002-2', status: 'LOCATE_FAILED' });
    expect(lending(desk, 'L-2002-2')).toMatchObject({
      external_id: '000412-2',
      partner: 'VTECH',
      requested_format: 'PHYSICAL_NON_RETURNABLE',
    });
    const detail = await call(desk.client, 'lending.taskDetail', { requestId: 'L-2002-2' });
    expect(detail.alerts.map((a) => a.code)).toEqual(['LOCATE_FAILED']);
  });

  it('refuses a request that does not exist', async () => {
    desk = await openBorrowingDesk({ start: START, printer: 'none' });
    const before = desk.count('lending_requests');
    expect(await refusal(desk.client, 'lending.duplicate', { requestId: 'L-9999' })).toEqual({
      code: 'NOT_FOUND',
      message:
        'No lending request has the ID L-9999. Search for it in Lending Requests and try again.',
    });
    expect(desk.count('lending_requests')).toBe(before);
  });
});

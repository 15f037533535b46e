import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { deskStaff } from '../../helpers/task-operators.ts';

/** Requests typed in at the desk: a lending request located like an imported one, a borrowing request sent. */

let desk: BorrowingDesk;
let ada: DeskClient;

beforeEach(async () => {
  desk = await openBorrowingDesk({ printer: 'none', start: new Date('2026-11-23T15:00:00Z') });
  ({ ada } = await deskStaff(desk));
});
afterEach(() => desk.dispose());

describe('a lending request typed in', () => {
  it('is created, located by its ISBN, and says so in its history', async () => {
    const created = await call(ada, 'lending.create', {
      externalId: 'ILL-77',
      partner: 'sunyalb',
      title: 'Introduction to Algorithms',
      isbn: '9780262046305',
      neededBy: '2026-12-20',
    });
    expect(created.requestId).toBe('L-20261123-1');
    expect(created.status).toBe('CREATED');
    expect(created.message).toContain('L-20261123-1 is located');
    const detail = await call(ada, 'requests.detail', {
      kind: 'lending',
      requestId: created.requestId,
    });
    expect(detail.item?.barcode).toBe('31234000123456');
    expect(detail.partner.code).toBe('SUNYALB');
    expect(detail.history.map((e) => e.actionLabel)).toEqual(['Created at the desk', 'Located']);
    const again = await call(ada, 'lending.create', {
      externalId: 'ILL-78',
      partner: 'SUNYALB',
      title: 'No such book anywhere',
    });
    expect(again.requestId).toBe('L-20261123-2');
    expect(again.status).toBe('LOCATE_FAILED');
    expect(again.message).toContain('Locate found no item');
  });

  it('refuses an External Identifier the partner already used, and an unknown partner', async () => {
    const twice = await refusal(ada, 'lending.create', {
      externalId: '33100042',
      partner: 'SUNYBUF',
      title: 'Introduction to Algorithms',
    });
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toContain(
      'already has a lending request with the External Identifier 33100042',
    );
    const nobody = await refusal(ada, 'lending.create', {
      externalId: 'X1',
      partner: 'NOPE',
      title: 'Anything',
    });
    expect(nobody.message).toContain('No partner has the code NOPE');
    const badDate = await refusal(ada, 'lending.create', {
      externalId: 'X1',
      partner: 'SUNYALB',
      title: 'Anything',
      neededBy: '20/12/2026',
    });
    expect(badDate.message).toContain('YYYY-MM-DD');
    expect(desk.count('lending_requests')).toBe(2);
  });
});

describe('a borrowing request typed in', () => {
  it('finds the patron by barcode and is sent to an ISO partner through the outbox', async () => {
    const created = await call(ada, 'borrowing.create', {
      partner: 'SUNYALB',
      patron: '21234000012352',
      title: 'Flatland',
      author: 'Abbott, Edwin A.',
    });
    expect(created).toMatchObject({ requestId: 'B-20261123-1', status: 'CREATED' });
    expect(created.message).toContain('for José Núñez from University at Albany, SUNY');
    const sent = await call(ada, 'requests.act', {
      kind: 'borrowing',
      requestId: created.requestId,
      action: 'SEND',
    });
    expect(sent.status).toBe('SENT');
    expect(sent.partnerMessage).not.toBeNull();
    const queued = desk.rows<{ channel: string; direction: string; body: string }>(
      `SELECT m.channel, m.direction, m.body FROM partner_messages m
       JOIN borrowing_requests r ON r.id = m.borrowing_request_id WHERE r.request_id = ?`,
      created.requestId,
    );
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ channel: 'iso18626', direction: 'OUT' });
    expect(queued[0]?.body).toContain('Flatland');
  });

  it('refuses a patron nobody is, and an inactive partner', async () => {
    const nobody = await refusal(ada, 'borrowing.create', {
      partner: 'SUNYALB',
      patron: 'P999',
      title: 'Flatland',
    });
    expect(nobody.message).toContain('No patron has the ID or barcode P999');
    desk.rows("UPDATE partners SET active = 0 WHERE code = 'VTECH' RETURNING id");
    const inactive = await refusal(ada, 'borrowing.create', {
      partner: 'VTECH',
      patron: 'P100',
      title: 'Flatland',
    });
    expect(inactive.message).toContain('Virginia Tech is inactive');
    expect(desk.count('borrowing_requests')).toBe(3);
  });
});

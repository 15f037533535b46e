import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingMessageBody } from '../../../electron/services/desk-messages.ts';
import { call } from '../../helpers/borrowing-desk.ts';
import { openLettersDesk, type LettersDesk } from '../../helpers/letters-desk.ts';

/**
 * The daily jobs with the desk's clock fixed: Expired Resource Sharing Requests and Send Overdue
 * Message to Resource Sharing Borrowing Partner. Times are the desk machine's local time.
 */

let desk: LettersDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

/** A local date and time on the desk machine: `local('2026-11-24', '07:00')`. */
function local(day: string, time = '12:00'): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
}

const statusOf = (d: LettersDesk, kind: 'lending' | 'borrowing', requestId: string) =>
  call(d.client, 'requests.detail', { kind, requestId }).then((r) => r.status);

/** A lending request at SUNYALB (ISO, 5 expiry days) that arrived at `arrived`. */
async function arrivedAt(d: LettersDesk, requestId: string, arrived: Date, partner = 'SUNYALB') {
  await d.addLending({ requestId, externalId: `X-${requestId}`, title: 'Flatland', partner });
  d.run(
    'UPDATE lending_requests SET created_at = ?, status = ? WHERE request_id = ?',
    arrived.toISOString(),
    'CREATED',
    requestId,
  );
}

describe('Expired Resource Sharing Requests', () => {
  it("expires a lending request only after the partner's expiry days, counted in working days", async () => {
    desk = await openLettersDesk({ start: local('2026-11-16') });
    // Mon 16 Nov + 5 working days (Sat and Sun closed) = Mon 23 Nov, the last day to answer.
    await arrivedAt(desk, 'L-3101', local('2026-11-16', '10:00'));
    await arrivedAt(desk, 'L-3102', local('2026-11-16', '10:00'), 'VTECH'); // no expiry days
    await arrivedAt(desk, 'L-3103', local('2026-11-02', '10:00'));
    desk.run("UPDATE lending_requests SET status = 'BEING_PROCESSED' WHERE request_id = 'L-3103'");

    desk.setClock(local('2026-11-23', '07:00'));
    await desk.desk.jobs.runDue();
    // Five calendar days would have ended on Sat 21 Nov; five working days have not.
    expect(await statusOf(desk, 'lending', 'L-3101')).toBe('CREATED');

    desk.setClock(local('2026-11-24', '07:00'));
    const before = desk.messages().length;
    const runs = await desk.desk.jobs.runDue();
    expect(runs.find((r) => r.job === 'EXPIRED_REQUESTS')).toMatchObject({
      day: '2026-11-24',
      changed: ['L-3101'],
      failed: [],
    });
    // The borrower stops waiting: an ISO partner hears Unfilled.
    expect(
      desk
        .messages()
        .slice(before)
        .map((m) => [m.channel, m.kind]),
    ).toEqual([['iso18626', 'Unfilled']]);
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'lending',
      requestId: 'L-3101',
    });
    expect(detail.statusLabel).toBe('Expired');
    expect(detail.history.at(-1)).toMatchObject({
      action: 'EXPIRE',
      fromStatus: 'CREATED',
      toStatus: 'EXPIRED',
      operator: null,
      note: 'Expired Resource Sharing Requests: Not supplied within 5 working days of Mon 16 Nov 2026 (the last day was Mon 23 Nov 2026).',
    });
    expect(await statusOf(desk, 'lending', 'L-3102')).toBe('CREATED');
    expect(await statusOf(desk, 'lending', 'L-3103')).toBe('BEING_PROCESSED');
  });

  it("counts the desk's own closed weekdays", async () => {
    desk = await openLettersDesk({ start: local('2026-11-16') });
    await desk.setSetting('closedWeekdays', [0]); // open on Saturdays: Sat 21 Nov is the last day
    await arrivedAt(desk, 'L-3101', local('2026-11-16', '10:00'));
    desk.setClock(local('2026-11-23', '07:00'));
    await desk.desk.jobs.runDue();
    expect(await statusOf(desk, 'lending', 'L-3101')).toBe('EXPIRED');
  });

  it('expires a borrowing request counted from when it was last sent to the partner', async () => {
    desk = await openLettersDesk({ start: local('2026-11-16') });
    // B-1003 waits on SUNYALB (5 expiry days); created long ago, sent again on Mon 16 Nov.
    const row = desk.rows<{ id: number }>(
      "SELECT id FROM borrowing_requests WHERE request_id = 'B-1003'",
    )[0];
    desk.run(
      'UPDATE borrowing_requests SET created_at = ? WHERE id = ?',
      local('2026-10-01').toISOString(),
      row?.id,
    );
    desk.run(
      "INSERT INTO request_events (borrowing_request_id, at, action, from_status, to_status) VALUES (?, ?, 'SEND', 'REJECTED', 'SENT')",
      row?.id,
      local('2026-11-16', '09:00').toISOString(),
    );
    desk.setClock(local('2026-11-23', '07:00'));
    await desk.desk.jobs.runDue();
    expect(await statusOf(desk, 'borrowing', 'B-1003')).toBe('SENT');
    desk.setClock(local('2026-11-24', '07:00'));
    const before = desk.messages().length;
    await desk.desk.jobs.runDue();
    expect(await statusOf(desk, 'borrowing', 'B-1003')).toBe('EXPIRED');
    // The lender stops looking: an ISO partner hears Cancel.
    expect(
      desk
        .messages()
        .slice(before)
        .map((m) => [m.channel, m.kind]),
    ).toEqual([['iso18626', 'Cancel']]);
  });

  it('runs once a day at its time, not again after a restart, and catches up a day it missed', async () => {
    desk = await openLettersDesk({ start: local('2026-11-24', '05:00') });
    await desk.setSetting('jobs', { expiryTime: '06:00', overdueTime: '06:00' });
    await arrivedAt(desk, 'L-3201', local('2026-11-02'));
    // Yesterday's run went at start-up (the desk was not open then); today's is not due before 06:00.
    expect(await desk.desk.jobs.runDue()).toEqual([]);
    expect(await statusOf(desk, 'lending', 'L-3201')).toBe('CREATED');

    desk.setClock(local('2026-11-24', '06:00'));
    const runs = await desk.desk.jobs.runDue();
    expect(runs.map((r) => [r.job, r.day])).toEqual([
      ['EXPIRED_REQUESTS', '2026-11-24'],
      ['OVERDUE_MESSAGES', '2026-11-24'],
    ]);
    expect(await statusOf(desk, 'lending', 'L-3201')).toBe('EXPIRED');

    await arrivedAt(desk, 'L-3202', local('2026-11-02'));
    desk.setClock(local('2026-11-24', '09:00'));
    expect(await desk.desk.jobs.runDue()).toEqual([]);
    await desk.temp.reopen();
    expect(await statusOf(desk, 'lending', 'L-3202')).toBe('CREATED');

    // The desk is closed all Wed 25 Nov and opens on Thu 26 Nov before 06:00: Wednesday's run goes now.
    desk.setClock(local('2026-11-26', '05:30'));
    await desk.temp.reopen();
    expect(await statusOf(desk, 'lending', 'L-3202')).toBe('EXPIRED');

    // A later time in Settings moves the run.
    await desk.setSetting('jobs', { expiryTime: '08:00', overdueTime: '06:00' });
    await arrivedAt(desk, 'L-3203', local('2026-11-02'));
    desk.setClock(local('2026-11-26', '07:00'));
    expect((await desk.desk.jobs.runDue()).map((r) => r.job)).toEqual(['OVERDUE_MESSAGES']);
    expect(await statusOf(desk, 'lending', 'L-3203')).toBe('CREATED');
    desk.setClock(local('2026-11-26', '08:00'));
    expect((await desk.desk.jobs.runDue()).map((r) => r.job)).toEqual(['EXPIRED_REQUESTS']);
    expect(await statusOf(desk, 'lending', 'L-3203')).toBe('EXPIRED');
  });
});

describe('Send Overdue Message to Resource Sharing Borrowing Partner', () => {
  it('marks loans past their due date Overdue and queues the ISO Overdue or the Borrower Overdue letter, once', async () => {
    desk = await openLettersDesk({ start: local('2026-11-23') });
    await desk.addLending(
      { requestId: 'L-3301', externalId: 'VT-301', title: 'Flatland', itemBarcode: '39990301' },
      { requestId: 'L-3302', externalId: 'VT-302', title: 'Sphereland', itemBarcode: '39990302' },
    );
    const ship = (requestId: string, itemBarcode: string, dueDate: string) =>
      call(desk!.client, 'shipping.ship', { requestId, itemBarcode, dueDate });
    await ship('L-2001', '31234000123456', '2026-11-25'); // SUNYBUF, an ISO 18626 partner
    await ship('L-3301', '39990301', '2026-11-25'); // Virginia Tech, an email partner
    await ship('L-3302', '39990302', '2026-11-26'); // due on the day of the run: not overdue yet
    const before = desk.messages().length;

    desk.setClock(local('2026-11-26', '07:00'));
    const runs = await desk.desk.jobs.runDue();
    expect(runs.find((r) => r.job === 'OVERDUE_MESSAGES')).toMatchObject({
      changed: ['L-2001', 'L-3301'],
      messages: 2,
    });
    expect(await statusOf(desk, 'lending', 'L-2001')).toBe('OVERDUE');
    expect(await statusOf(desk, 'lending', 'L-3301')).toBe('OVERDUE');
    expect(await statusOf(desk, 'lending', 'L-3302')).toBe('SHIPPED_PHYSICALLY');
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'lending',
      requestId: 'L-3301',
    });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'MARK_OVERDUE',
      toStatus: 'OVERDUE',
      operator: null,
      note: 'Send Overdue Message to Resource Sharing Borrowing Partner: it was due back on Wed 25 Nov 2026.',
    });

    const queued = desk.messages().slice(before);
    expect(queued.map((m) => [m.channel, m.kind, m.state])).toEqual([
      ['iso18626', 'Overdue', 'PENDING'],
      ['email', 'Borrower Overdue', 'PENDING'],
    ]);
    const body = JSON.parse(queued[1]?.body ?? '{}') as OutgoingMessageBody;
    expect(body).toMatchObject({
      requestId: 'L-3301',
      externalId: 'VT-301',
      action: 'MARK_OVERDUE',
      toStatus: 'OVERDUE',
      to: { email: 'ill@vt.example.edu' },
      details: { dueDate: '2026-11-25', itemBarcode: '39990301' },
    });

    // The next day's run tells nobody again about a loan already Overdue.
    desk.setClock(local('2026-11-27', '07:00'));
    const next = await desk.desk.jobs.runDue();
    expect(next.find((r) => r.job === 'OVERDUE_MESSAGES')).toMatchObject({
      changed: ['L-3302'],
      messages: 1,
    });
    expect(
      desk
        .messages()
        .slice(before)
        .map((m) => m.kind),
    ).toEqual(['Overdue', 'Borrower Overdue', 'Borrower Overdue']);
  });
});

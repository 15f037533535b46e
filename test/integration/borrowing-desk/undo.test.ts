import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  refusal,
  until,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';

/** Undo of a window's last desk action: status back, unsent slips and messages withdrawn. */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const TEN_AM = new Date(2026, 10, 27, 10, 0);
const MINUTE = 60_000;

const TABLES = ['request_events', 'partner_messages', 'print_jobs', 'desk_actions'];

function counts(d: BorrowingDesk): number[] {
  return TABLES.map((t) => d.count(t));
}

async function receive(d: BorrowingDesk, notifyPatron = true) {
  return call(d.client, 'receiving.receive', {
    requestId: 'B-1001',
    tempBarcode: '39000000012345',
    notifyPatron,
  });
}

describe('desk.undo', () => {
  it('undoes a receive whose slip has not printed: status back, slip and messages withdrawn', async () => {
    desk = await openBorrowingDesk({ start: TEN_AM, printer: 'off', retryMs: 60_000 });
    const received = await receive(desk);
    const jobId = received.outcome === 'RECEIVED' ? received.slip?.id : undefined;
    // The printer refused the first try; the next is a minute away, so the slip sits in the queue.
    await until(
      () => desk!.rows<{ attempts: number }>('SELECT attempts FROM print_jobs WHERE id = ?', jobId),
      ([job]) => (job?.attempts ?? 0) >= 1,
      'a failed first attempt',
    );
    expect(await call(desk.client, 'desk.lastAction', {})).toEqual({
      actionId: received.outcome === 'RECEIVED' ? received.actionId : -1,
      description: 'Received B-1001',
      undoUntil: new Date(TEN_AM.getTime() + 5 * MINUTE).toISOString(),
    });

    desk.advance(2 * MINUTE);
    const undone = await call(desk.client, 'desk.undo', {});
    expect(undone).toEqual({
      requestId: 'B-1001',
      statusLabel: 'Shipped physically',
      message:
        "Undid the receipt of B-1001: it is Shipped physically again. The receive slip was withdrawn before printing; the partner message was withdrawn before sending; the patron's letter was withdrawn before sending.",
    });
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'borrowing',
      requestId: 'B-1001',
    });
    expect(detail).toMatchObject({
      status: 'SHIPPED_PHYSICALLY',
      tempBarcode: null,
      holdUntil: null,
      receivedAt: null,
    });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'UNDO',
      actionLabel: 'Undo',
      fromStatus: 'RECEIVED',
      toStatus: 'SHIPPED_PHYSICALLY',
      note: 'Undid Received',
    });
    expect(desk.rows('SELECT state FROM print_jobs')).toEqual([{ state: 'WITHDRAWN' }]);
    expect(desk.rows('SELECT state FROM partner_messages')).toEqual([
      { state: 'WITHDRAWN' },
      { state: 'WITHDRAWN' },
    ]);
    expect(await call(desk.client, 'desk.lastAction', {})).toBeNull();

    await desk.printer.accept();
    await call(desk.client, 'printing.retry', { jobId: jobId ?? 0 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(desk.printer.jobs()).toEqual([]);

    const twice = await refusal(desk.client, 'desk.undo', {});
    expect(twice).toEqual({
      code: 'ALREADY_DONE',
      message: 'Received B-1001 has already been undone.',
    });
    // The barcode is free again: the right book can now be received.
    const again = await receive(desk, false);
    expect(again.outcome).toBe('RECEIVED');
  });

  it('says when the slip had already printed and a message had gone, and withdraws the rest', async () => {
    desk = await openBorrowingDesk();
    await receive(desk, false);
    await until(
      () => desk!.rows<{ state: string }>('SELECT state FROM print_jobs'),
      ([job]) => job?.state === 'DONE',
      'the receive slip to print',
    );
    const undone = await call(desk.client, 'desk.undo', {});
    expect(undone.message).toBe(
      'Undid the receipt of B-1001: it is Shipped physically again. The receive slip had already printed; the partner message was withdrawn before sending.',
    );

    await receive(desk, true);
    desk.desk.context.db.sqlite.exec(
      "UPDATE partner_messages SET state = 'SENT' WHERE partner_id IS NOT NULL AND state = 'PENDING'",
    );
    const sent = await call(desk.client, 'desk.undo', {});
    expect(sent.message).toMatch(
      /; the partner message had already been sent; the patron's letter was withdrawn before sending\.$/,
    );
  });

  it('warns that a slip being printed as Undo is pressed may still come out, whichever desk prints it', async () => {
    desk = await openBorrowingDesk({ start: TEN_AM });
    // A jammed printer: the slip's job is claimed and its bytes are on their way.
    desk.printer.stallAfter(1);
    await receive(desk, false);
    await until(
      () => desk!.rows<{ lease: string | null }>('SELECT lease_owner AS lease FROM print_jobs'),
      ([job]) => (job?.lease ?? null) !== null,
      'the receive slip to be claimed for printing',
    );
    const undone = await call(desk.client, 'desk.undo', {});
    expect(undone.message).toContain(
      'The receive slip was printing as you pressed Undo; throw it away if it comes out',
    );
    expect(desk.rows('SELECT state FROM print_jobs')).toEqual([{ state: 'WITHDRAWN' }]);
  });

  it('counts a slip another desk on the same data directory is printing as printing', async () => {
    desk = await openBorrowingDesk({ start: TEN_AM, printer: 'off', retryMs: 60_000 });
    await receive(desk, false);
    await until(
      () => desk!.rows<{ attempts: number }>('SELECT attempts FROM print_jobs'),
      ([job]) => (job?.attempts ?? 0) >= 1,
      'a failed first attempt',
    );
    // Between this desk's retries, a desk on another machine claims the waiting slip.
    desk.desk.context.db.sqlite.exec("UPDATE print_jobs SET lease_owner = 'other-desk:4242:0'");
    const undone = await call(desk.client, 'desk.undo', {});
    expect(undone.message).toContain('The receive slip was printing as you pressed Undo');

    await receive(desk, false);
    const withdrawn = await call(desk.client, 'desk.undo', {});
    expect(withdrawn.message).toContain('The receive slip was withdrawn before printing');
  });

  it('refuses after five minutes, and shows nothing to undo then', async () => {
    desk = await openBorrowingDesk({ start: TEN_AM });
    await receive(desk);
    desk.advance(5 * MINUTE + 1_000);
    expect(await call(desk.client, 'desk.lastAction', {})).toBeNull();
    const before = counts(desk);
    const late = await refusal(desk.client, 'desk.undo', {});
    expect(late).toEqual({
      code: 'CONFLICT',
      message:
        'Undo works for 5 minutes after an action, and Received B-1001 was at 10:00. Change the request from Borrowing Requests instead.',
    });
    expect(counts(desk)).toEqual(before);
    const detail = await call(desk.client, 'requests.detail', {
      kind: 'borrowing',
      requestId: 'B-1001',
    });
    expect(detail.status).toBe('RECEIVED');
  });

  it("keeps each window's Undo to itself", async () => {
    desk = await openBorrowingDesk();
    const received = await receive(desk);
    const other = desk.window('window-2');
    expect(await call(other, 'desk.lastAction', {})).toBeNull();
    const before = counts(desk);
    expect(await refusal(other, 'desk.undo', {})).toEqual({
      code: 'NOT_FOUND',
      message: 'There is nothing to undo: this window has made no desk action yet.',
    });
    const actionId = received.outcome === 'RECEIVED' ? received.actionId : 0;
    expect(await refusal(other, 'desk.undo', { actionId })).toEqual({
      code: 'NOT_FOUND',
      message: `This window has no desk action ${actionId} to undo: Undo works only in the window that made the action.`,
    });
    expect(counts(desk)).toEqual(before);
  });

  it('refuses once the request has moved on since, and undoes a row action', async () => {
    desk = await openBorrowingDesk();
    await receive(desk, false);
    const other = desk.window('window-2');
    await call(other, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1001',
      action: 'LOAN_TO_PATRON',
    });
    const before = counts(desk);
    expect(await refusal(desk.client, 'desk.undo', {})).toEqual({
      code: 'CONFLICT',
      message:
        'B-1001 has changed since Received B-1001 (it is now "Loaned item to patron"), so that can no longer be undone. Change the request from Borrowing Requests instead.',
    });
    expect(counts(desk)).toEqual(before);
    expect(await call(desk.client, 'desk.lastAction', {})).toBeNull();

    expect(await call(other, 'desk.lastAction', {})).toMatchObject({
      description: 'Loan to patron B-1001',
    });
    const undone = await call(other, 'desk.undo', {});
    expect(undone).toEqual({
      requestId: 'B-1001',
      statusLabel: 'Physically received by library',
      message: 'Undid "Loan to patron" on B-1001: it is Physically received by library again.',
    });
  });

  it('undoes a return: the request is received again and the unprinted return slip withdrawn', async () => {
    desk = await openBorrowingDesk({ printer: 'off', retryMs: 60_000 });
    await receive(desk, false);
    await call(desk.client, 'returning.return', { requestId: 'B-1001' });
    const undone = await call(desk.client, 'desk.undo', {});
    expect(undone.statusLabel).toBe('Physically received by library');
    expect(undone.message).toMatch(
      /^Undid the return of B-1001: .*The return slip was withdrawn before printing; the partner message was withdrawn before sending\.$/,
    );
    const found = await call(desk.client, 'returning.lookup', { value: '39000000012345' });
    expect(found.request?.blocked).toBeNull();
  });
});

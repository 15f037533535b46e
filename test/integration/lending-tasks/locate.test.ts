import { afterEach, describe, expect, it } from 'vitest';
import { importJson } from '../../../electron/import/import-file.ts';
import { loadDemo } from '../../../electron/demo/load-demo.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

/**
 * Locate (issue "5 · Lending desk", part 3) on a real database: an import runs it for each Created
 * lending request without an item, by ISBN then by title and author; none or several found leave
 * the request Locate failed with its candidates and an alert, and the Locate row action searches
 * again or takes the item staff choose.
 */

let desk: BorrowingDesk | undefined;
let temp: TempDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  await temp?.dispose();
  desk = undefined;
  temp = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');
const GEB = '39000000000011';
const THINKING = ['39000000000021', '39000000000022'];
const ALGORITHMS = '31234000123456';
const KUHN = '31234000123464';

const request = (requestId: string, fields: Record<string, string>) => ({
  requestId,
  externalId: `EXT-${requestId}`,
  partner: 'SUNYBUF',
  status: 'CREATED',
  requestedFormat: 'PHYSICAL',
  ...fields,
});

/** good.json, plus a book whose ISBN-10 is on file, a book held twice, and requests naming them. */
async function openLocateDesk(): Promise<BorrowingDesk> {
  const d = await openBorrowingDesk({ start: START, printer: 'none' });
  const thinking = {
    title: 'Thinking, Fast and Slow',
    author: 'Kahneman, Daniel',
    isbn: '9780374533557',
    location: 'Main Stacks',
  };
  await importJson(
    d.desk.context.gate,
    {
      items: [
        {
          barcode: GEB,
          title: 'Gödel, Escher, Bach : an eternal golden braid',
          author: 'Hofstadter, Douglas R.',
          isbn: '0465026567',
          callNumber: 'QA9.8 .H63 1979',
          location: 'Main Stacks',
        },
        { ...thinking, barcode: THINKING[0], callNumber: 'BF441 .K238 2013' },
        { ...thinking, barcode: THINKING[1], callNumber: 'BF441 .K238 2013 c.2' },
      ],
      lendingRequests: [
        request('L-3001', { title: 'Godel, Escher, Bach', isbn: '978-0-465-02656-2' }),
        request('L-3002', {
          title: 'Introduction to algorithms : third edition',
          author: 'Thomas H. Cormen',
        }),
        request('L-3003', { title: 'Thinking fast and slow', isbn: '0-374-53355-5' }),
        request('L-3004', {
          title: 'The Structure of Scientific Revolutions',
          author: 'Popper, Karl',
        }),
        request('L-3005', { title: 'Anything at all', itemBarcode: KUHN }),
      ],
    },
    { source: 'locate.json' },
  );
  return d;
}

function lending(d: BorrowingDesk, requestId: string) {
  return d.rows<{ status: string; item: string | null; candidates: string | null }>(
    `SELECT r.status, i.barcode AS item, r.locate_candidates AS candidates
       FROM lending_requests r LEFT JOIN items i ON i.id = r.item_id WHERE r.request_id = ?`,
    requestId,
  )[0];
}

function activeAlerts(d: BorrowingDesk, requestId: string) {
  return d.rows<{ code: string; message: string }>(
    `SELECT a.code, a.message FROM request_alerts a
       JOIN lending_requests r ON r.id = a.lending_request_id
      WHERE r.request_id = ? AND a.removed_at IS NULL ORDER BY a.id`,
    requestId,
  );
}

async function history(d: BorrowingDesk, requestId: string) {
  const detail = await call(d.client, 'requests.detail', { kind: 'lending', requestId });
  return detail.history.map(({ action, actionLabel, fromStatus, toStatus, note }) => ({
    action,
    actionLabel,
    fromStatus,
    toStatus,
    note,
  }));
}

const FOUND_NONE =
  'Locate found no item by ISBN or by title and author: check the ISBN, title and author (Edit), then use Locate again, or reject the request.';

describe('Locate when lending requests are imported', () => {
  it('links the one item found by ISBN, an ISBN-13 request finding an item filed under its ISBN-10', async () => {
    desk = await openLocateDesk();
    expect(lending(desk, 'L-3001')).toMatchObject({ status: 'CREATED', item: GEB });
    expect(await history(desk, 'L-3001')).toEqual([
      {
        action: 'IMPORT',
        actionLabel: 'Imported',
        fromStatus: null,
        toStatus: 'CREATED',
        note: 'Imported from locate.json',
      },
      {
        action: 'LOCATED',
        actionLabel: 'Located',
        fromStatus: null,
        toStatus: null,
        note: `Located item ${GEB} by ISBN`,
      },
    ]);
    // Linked means the scan screens know it: Shipping Items finds the request by the item.
    const lookup = await call(desk.client, 'shipping.lookup', { value: GEB });
    expect(lookup.request?.requestId).toBe('L-3001');
  });

  it('falls back to title and author: subtitle, case and "Given Surname" do not matter', async () => {
    desk = await openLocateDesk();
    expect(lending(desk, 'L-3002')).toMatchObject({ status: 'CREATED', item: ALGORITHMS });
    expect((await history(desk, 'L-3002')).at(-1)?.note).toBe(
      `Located item ${ALGORITHMS} by title and author`,
    );
  });

  it('leaves a request Locate failed, with both copies as candidates and an alert, when it finds two', async () => {
    desk = await openLocateDesk();
    const ids = desk
      .rows<{ id: number }>('SELECT id FROM items WHERE barcode IN (?, ?) ORDER BY id', ...THINKING)
      .map((r) => r.id);
    expect(lending(desk, 'L-3003')).toEqual({
      status: 'LOCATE_FAILED',
      item: null,
      candidates: JSON.stringify(ids),
    });
    const note = 'Locate found 2 items by ISBN: choose the one to lend with Locate.';
    expect(activeAlerts(desk, 'L-3003')).toEqual([{ code: 'LOCATE_FAILED', message: note }]);
    expect((await history(desk, 'L-3003')).at(-1)).toEqual({
      action: 'LOCATE_FAILED',
      actionLabel: 'Locate failed',
      fromStatus: 'CREATED',
      toStatus: 'LOCATE_FAILED',
      note,
    });
    const detail = await call(desk.client, 'lending.taskDetail', { requestId: 'L-3003' });
    expect(detail.candidates.map((c) => c.barcode)).toEqual(THINKING);
    expect(detail.alerts.map((a) => a.message)).toEqual([note]);
  });

  it('finds nothing when the title matches but the author does not, and says what to do', async () => {
    desk = await openLocateDesk();
    expect(lending(desk, 'L-3004')).toEqual({
      status: 'LOCATE_FAILED',
      item: null,
      candidates: '[]',
    });
    expect(activeAlerts(desk, 'L-3004')).toEqual([{ code: 'LOCATE_FAILED', message: FOUND_NONE }]);
  });

  it('does not search for a request that names its item', async () => {
    desk = await openLocateDesk();
    expect(lending(desk, 'L-3005')).toMatchObject({ status: 'CREATED', item: KUHN });
    expect((await history(desk, 'L-3005')).map((e) => e.action)).toEqual(['IMPORT']);
    // good.json's L-2002 arrived as Locate failed; an import does not search for it either.
    expect(activeAlerts(desk, 'L-2002')).toEqual([]);
  });

  it('gives the demo desk a few Locate failed requests with two candidates and an alert each', async () => {
    temp = await openTempDesk();
    await loadDemo(temp.desk.context.gate, { today: '2026-03-02' });
    const failed = temp.desk.context.db.sqlite
      .prepare(
        `SELECT r.locate_candidates AS candidates,
                (SELECT count(*) FROM request_alerts a
                  WHERE a.lending_request_id = r.id AND a.removed_at IS NULL) AS alerts
           FROM lending_requests r WHERE r.status = 'LOCATE_FAILED'`,
      )
      .all() as { candidates: string; alerts: number }[];
    const withTwo = failed.filter((r) => (JSON.parse(r.candidates) as number[]).length === 2);
    expect(withTwo.length).toBeGreaterThanOrEqual(3);
    expect(failed.every((r) => r.alerts === 1)).toBe(true);
  });
});

describe('lending.locate', () => {
  it('takes the candidate staff choose: Created, linked, candidates and alert cleared', async () => {
    desk = await openLocateDesk();
    const chosen = THINKING[1] ?? '';
    const answer = await call(desk.client, 'lending.locate', {
      requestId: 'L-3003',
      itemBarcode: chosen,
    });
    expect(answer).toMatchObject({
      requestId: 'L-3003',
      status: 'CREATED',
      statusLabel: 'Created lending request',
      located: { barcode: chosen, callNumber: 'BF441 .K238 2013 c.2', location: 'Main Stacks' },
      candidates: [],
      message: `L-3003 is located: item ${chosen} (Main Stacks, BF441 .K238 2013 c.2).`,
    });
    expect(lending(desk, 'L-3003')).toEqual({ status: 'CREATED', item: chosen, candidates: null });
    expect(activeAlerts(desk, 'L-3003')).toEqual([]);
    expect((await history(desk, 'L-3003')).at(-1)).toEqual({
      action: 'LOCATED',
      actionLabel: 'Located',
      fromStatus: 'LOCATE_FAILED',
      toStatus: 'CREATED',
      note: `Item ${chosen} chosen`,
    });
  });

  it('refuses a barcode no item has, and changes nothing', async () => {
    desk = await openLocateDesk();
    const events = desk.count('request_events');
    expect(
      await refusal(desk.client, 'lending.locate', {
        requestId: 'L-3003',
        itemBarcode: '39999999999999',
      }),
    ).toEqual({
      code: 'NOT_FOUND',
      message:
        'No item has the barcode 39999999999999; check it, or choose one of the items Locate found.',
    });
    expect(lending(desk, 'L-3003')?.status).toBe('LOCATE_FAILED');
    expect(activeAlerts(desk, 'L-3003')).toHaveLength(1);
    expect(desk.count('request_events')).toBe(events);
  });

  it('searches again after Edit, and finds the item once the author is right', async () => {
    desk = await openLocateDesk();
    const again = await call(desk.client, 'lending.locate', { requestId: 'L-3004' });
    expect(again).toMatchObject({ status: 'LOCATE_FAILED', located: null, candidates: [] });
    expect(again.message).toBe(
      'Locate found no item for L-3004: check its ISBN, title and author (Edit), then use Locate again, or reject the request.',
    );
    // Searching again replaces the alert rather than piling them up.
    expect(activeAlerts(desk, 'L-3004')).toHaveLength(1);

    await call(desk.client, 'lending.edit', { requestId: 'L-3004', author: 'Kuhn, Thomas S.' });
    const found = await call(desk.client, 'lending.locate', { requestId: 'L-3004' });
    expect(found).toMatchObject({ status: 'CREATED', located: { barcode: KUHN } });
    expect(activeAlerts(desk, 'L-3004')).toEqual([]);
  });

  it('is only for Created and Locate failed requests', async () => {
    desk = await openLocateDesk();
    await call(desk.client, 'lending.changeStatus', {
      selection: { requestIds: ['L-3001'] },
      status: 'WILL_SUPPLY',
    });
    expect(await refusal(desk.client, 'lending.locate', { requestId: 'L-3001' })).toEqual({
      code: 'WRONG_STATUS',
      message:
        'L-3001 is "Will supply"; Locate is for requests that are "Created lending request" or "Locate failed".',
    });
    expect(lending(desk, 'L-3001')).toMatchObject({ status: 'WILL_SUPPLY', item: GEB });
  });
});

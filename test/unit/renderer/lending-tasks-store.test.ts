import { describe, expect, it } from 'vitest';
import { SELECTION_LIMIT } from '../../../shared/api/contract-lending-tasks.ts';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import { NEEDS_FIND_TEXT } from '../../../renderer/features/lending/lending-tasks-slice.ts';
import { FakeDeskClient } from './fake-desk-client.ts';
import { lendingPage } from './lending-tasks-fixtures.ts';

const FIRST = { tab: 'ALL', activity: 'ACTIVE', limit: 50 };
const REPORT = {
  fileName: 'lending-requests.xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  content: 'UEsDBA==',
  rows: 2,
  message: '2 requests in the report.',
};

/** A desk on Lending Requests whose list answers 120 requests in pages of 50. */
function lendingDesk() {
  const client = new FakeDeskClient().answer('lending.list', (input) => {
    if (input.after === 50) return { ok: true, value: lendingPage(51, 50, 100) };
    if (input.after === 100) return { ok: true, value: lendingPage(101, 20, null) };
    return { ok: true, value: lendingPage(1, Math.min(input.limit ?? 50, 120), 50) };
  });
  const store = createDeskStore(client, { mode: 'browser', initialScreen: 'lending' });
  return { client, store, list: () => store.getState().lending };
}

const bulkDone = (message: string) => ({
  ok: true as const,
  value: { done: 2, skipped: [{ requestId: 'L-2003', reason: 'It is not closed.' }], message },
});

describe('lending task list slice', () => {
  it('opens on All tasks and Active, and keeps the tab counts, facets and total', async () => {
    const { client, store, list } = lendingDesk();
    await list().ensureLoaded();
    await list().ensureLoaded();

    expect(client.callsOf('lending.list')).toEqual([FIRST]);
    expect(list().rows).toHaveLength(50);
    expect(list().total).toBe(120);
    expect(list().tabs).toEqual({
      all: 120,
      assignedToMe: null,
      unassigned: 120,
      assignedToOthers: 0,
    });
    expect(list().facets.levelOfService).toEqual([
      { value: 'Standard', label: 'Standard', count: 120 },
    ]);
    expect(store.getState().announcement).toBe('120 lending requests');
  });

  it('sends the tab, Activity Status, Find text and every facet filter together', async () => {
    const { client, list } = lendingDesk();
    await list().showTab('UNASSIGNED');
    await list().showActivity('COMPLETED');
    await list().find('  Cormen ');
    await list().toggleFilter('status', { value: 'COMPLETED', label: 'Request completed' });
    await list().toggleFilter('createdDate', { value: 'TODAY', label: 'Today', count: 3 });
    await list().toggleFilter('printed', { value: 'NO', label: 'No' });
    await list().toggleFilter('partner', { value: 'SUNYBUF', label: 'Buffalo' });
    await list().toggleFilter('partner', { value: 'VTECH', label: 'Virginia Tech' });

    expect(client.callsOf('lending.list').at(-1)).toEqual({
      tab: 'UNASSIGNED',
      activity: 'COMPLETED',
      find: 'Cormen',
      status: ['COMPLETED'],
      partner: ['SUNYBUF', 'VTECH'],
      createdDate: ['TODAY'],
      printed: ['NO'],
      limit: 50,
    });
  });

  it('takes a facet value off when pressed again; Clear keeps the tab and Activity Status', async () => {
    const { client, list } = lendingDesk();
    const today = { value: 'TODAY', label: 'Today' };
    await list().showTab('UNASSIGNED');
    await list().find('Cormen');
    await list().toggleFilter('dueDate', today);
    await list().toggleFilter('dueDate', today);
    expect(client.callsOf('lending.list').at(-1)).toEqual({
      ...FIRST,
      tab: 'UNASSIGNED',
      find: 'Cormen',
    });

    await list().toggleFilter('alerts', { value: 'NONE', label: 'No alerts' });
    await list().clearFilters();
    expect(client.callsOf('lending.list').at(-1)).toEqual({ ...FIRST, tab: 'UNASSIGNED' });
  });

  it('says to type in the Find box when Completed lists nothing until a search', async () => {
    const client = new FakeDeskClient().answer('lending.list', () => ({
      ok: true,
      value: lendingPage(1, 0, null, 0, { needsFind: true }),
    }));
    const store = createDeskStore(client, { mode: 'browser', initialScreen: 'lending' });
    await store.getState().lending.showActivity('COMPLETED');
    expect(store.getState().lending.needsFind).toBe(true);
    expect(store.getState().announcement).toBe(NEEDS_FIND_TEXT);
  });

  it('appends keyset pages, each asked for after the previous nextAfter', async () => {
    const { client, store, list } = lendingDesk();
    await list().reload();
    await list().loadMore();
    await list().loadMore();
    await list().loadMore(); // nothing more to ask for

    const calls = client.callsOf('lending.list');
    expect(calls).toEqual([FIRST, { ...FIRST, after: 50 }, { ...FIRST, after: 100 }]);
    expect(list().rows).toHaveLength(120);
    expect(new Set(list().rows.map((row) => row.requestId)).size).toBe(120);
    expect(store.getState().announcement).toBe('Showing 120 of 120 lending requests');
  });

  it('ignores a slow answer to an older search once a newer one has arrived', async () => {
    let releaseOld: () => void = () => {};
    const client = new FakeDeskClient().answer('lending.list', (input) =>
      input.find === 'old'
        ? new Promise((resolve) => {
            releaseOld = () => resolve({ ok: true, value: lendingPage(900, 1, null, 1) });
          })
        : { ok: true, value: lendingPage(1, 2, null, 2) },
    );
    const store = createDeskStore(client, { mode: 'browser', initialScreen: 'lending' });
    const old = store.getState().lending.find('old');
    await store.getState().lending.find('new');
    releaseOld();
    await old;

    expect(store.getState().lending.filters.find).toBe('new');
    expect(store.getState().lending.rows.map((row) => row.requestId)).toEqual(['L-2001', 'L-2002']);
  });

  it('chooses rows one by one or all matching, and a new filter clears the choice', async () => {
    const { list } = lendingDesk();
    await list().reload();
    list().toggleChosen('L-2001');
    list().toggleChosen('L-2002');
    list().toggleChosen('L-2001');
    expect(list().chosen).toEqual({ mode: 'rows', ids: ['L-2002'] });

    list().chooseAllMatching();
    expect(list().chosen).toEqual({ mode: 'matching' });
    // Unchecking one row of "all matching" keeps the other rows on show.
    list().toggleChosen('L-2003');
    const chosen = list().chosen;
    expect(chosen.mode === 'rows' && chosen.ids.length).toBe(49);

    await list().find('Cormen');
    expect(list().chosen).toEqual({ mode: 'rows', ids: [] });
  });

  it('reads the rows on show again in place when the desk says a lending request changed', async () => {
    const { client, list } = lendingDesk();
    await list().reload();
    await list().loadMore();
    list().toggleChosen('L-2001');
    const stop = list().follow();
    await Promise.resolve();
    const before = client.callsOf('lending.list').length;

    client.emit('requests.changed', { kind: 'borrowing', requestId: 'B-1001' });
    client.emit('requests.changed', { kind: 'lending', requestId: 'L-2001' });
    await new Promise((resolve) => setImmediate(resolve));

    const calls = client.callsOf('lending.list');
    // follow() itself read them again, then the lending change once more; borrowing is not ours.
    expect(calls.slice(before - 1)).toEqual([
      { ...FIRST, limit: 100 },
      { ...FIRST, limit: 100 },
    ]);
    expect(list().rows).toHaveLength(100);
    expect(list().chosen).toEqual({ mode: 'rows', ids: ['L-2001'] });

    stop();
    client.emit('requests.changed', { kind: 'lending', requestId: 'L-2002' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.callsOf('lending.list')).toHaveLength(calls.length);
  });

  it('folds a burst of changes into one more read, not one per change', async () => {
    const { client, list } = lendingDesk();
    await list().reload();
    const stop = list().follow();
    for (let i = 0; i < 20; i += 1) {
      client.emit('requests.changed', { kind: 'lending', requestId: `L-${2000 + i}` });
    }
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    // The first page, follow()'s read, and one more for the whole burst.
    expect(client.callsOf('lending.list')).toHaveLength(3);
  });

  it('reads the list again when it next opens after a change elsewhere marked it stale', async () => {
    const { client, list } = lendingDesk();
    await list().reload();
    list().markStale();
    await list().ensureLoaded();
    expect(client.callsOf('lending.list')).toHaveLength(2);
  });
});

describe('lending bulk actions', () => {
  it('prints pull slips for the chosen rows, reads the list again, then says what was printed', async () => {
    const { client, store, list } = lendingDesk();
    client
      .answer('lending.printPullSlips', () => ({
        ok: true,
        value: { job: null, printed: 2, moved: 2, message: 'Printed 2 pull slips.' },
      }))
      .answer('printing.status', () => ({ ok: false, error: { code: 'INTERNAL', message: 'x' } }));
    await list().reload();
    list().toggleChosen('L-2002');
    list().toggleChosen('L-2001');

    expect(await store.getState().lendingBulk.printPullSlips()).toBe(true);
    expect(client.callsOf('lending.printPullSlips')).toEqual([
      { requestIds: ['L-2002', 'L-2001'] },
    ]);
    expect(client.callsOf('lending.list')).toHaveLength(2);
    expect(client.callsOf('printing.status')).toHaveLength(1);
    expect(store.getState().announcement).toBe('Printed 2 pull slips.');
    expect(list().chosen).toEqual({ mode: 'rows', ids: [] });
  });

  it('sends the whole current filter when all matching are chosen', async () => {
    const { client, store, list } = lendingDesk();
    client.answer('lending.removeAlerts', () => bulkDone('Alerts removed from 2 requests.'));
    await list().showTab('UNASSIGNED');
    await list().toggleFilter('alerts', { value: 'MISSING_ITEM', label: 'Missing item' });
    list().chooseAllMatching();

    expect(await store.getState().lendingBulk.removeAlerts()).toBe(true);
    expect(client.callsOf('lending.removeAlerts')).toEqual([
      {
        selection: { filter: { tab: 'UNASSIGNED', activity: 'ACTIVE', alerts: ['MISSING_ITEM'] } },
      },
    ]);
  });

  it('changes the status with a note and keeps the requests it left as they were, with why', async () => {
    const { client, store, list } = lendingDesk();
    client.answer('lending.changeStatus', () =>
      bulkDone('2 requests changed to Request completed.'),
    );
    await list().reload();
    list().toggleChosen('L-2001');

    expect(await store.getState().lendingBulk.changeStatus('', '')).toBe(false);
    expect(store.getState().announcement).toBe('Choose the new status first, then Change Status.');
    expect(client.callsOf('lending.changeStatus')).toEqual([]);

    expect(
      await store.getState().lendingBulk.changeStatus('COMPLETED', ' Found on the cart '),
    ).toBe(true);
    expect(client.callsOf('lending.changeStatus')).toEqual([
      { selection: { requestIds: ['L-2001'] }, status: 'COMPLETED', note: 'Found on the cart' },
    ]);
    expect(store.getState().lendingBulk.outcome).toEqual({
      message: '2 requests changed to Request completed.',
      skipped: [{ requestId: 'L-2003', reason: 'It is not closed.' }],
    });
    expect(store.getState().announcement).toBe('2 requests changed to Request completed.');
  });

  it('hands back the report file, and says why when there is none', async () => {
    const { client, store, list } = lendingDesk();
    let fail = false;
    client.answer('lending.report', () =>
      fail
        ? { ok: false, error: { code: 'CONFLICT', message: 'The report could not be written.' } }
        : { ok: true, value: REPORT },
    );
    await list().reload();
    list().toggleChosen('L-2001');

    expect(await store.getState().lendingBulk.report('xlsx')).toEqual(REPORT);
    expect(client.callsOf('lending.report')).toEqual([
      { selection: { requestIds: ['L-2001'] }, format: 'xlsx' },
    ]);
    expect(store.getState().announcement).toBe('2 requests in the report.');

    fail = true;
    list().toggleChosen('L-2002');
    expect(await store.getState().lendingBulk.report('xml')).toBeNull();
    expect(store.getState().announcement).toBe('Report not made: The report could not be written.');
    expect(store.getState().lendingBulk.busy).toBeNull();
  });

  it('does nothing with nothing chosen, and says how to choose', async () => {
    const { client, store, list } = lendingDesk();
    await list().reload();
    expect(await store.getState().lendingBulk.remove()).toBe(false);
    expect(client.callsOf('lending.remove')).toEqual([]);
    expect(store.getState().announcement).toBe(
      'Choose requests with their check boxes first, or all matching.',
    );
  });

  it('refuses all matching when the filter matches more than a bulk action takes', async () => {
    const many = SELECTION_LIMIT + 1;
    const client = new FakeDeskClient().answer('lending.list', () => ({
      ok: true,
      value: lendingPage(1, 50, 50, many),
    }));
    const store = createDeskStore(client, { mode: 'browser', initialScreen: 'lending' });
    await store.getState().lending.reload();
    store.getState().lending.chooseAllMatching();

    expect(await store.getState().lendingBulk.remove()).toBe(false);
    expect(client.callsOf('lending.remove')).toEqual([]);
    expect(store.getState().announcement).toContain(`matches ${many} requests`);
  });

  it('removes the chosen requests and reports a refusal in plain words', async () => {
    const { client, store, list } = lendingDesk();
    client.answer('lending.remove', () => ({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Removing requests needs a Fulfillment Services Manager.',
      },
    }));
    await list().reload();
    list().toggleChosen('L-2001');
    expect(await store.getState().lendingBulk.remove()).toBe(false);
    expect(client.callsOf('lending.remove')).toEqual([{ selection: { requestIds: ['L-2001'] } }]);
    expect(store.getState().announcement).toBe(
      'Not removed: Removing requests needs a Fulfillment Services Manager.',
    );
    // Nothing changed, so the choice stays for another try.
    expect(list().chosen).toEqual({ mode: 'rows', ids: ['L-2001'] });
  });
});

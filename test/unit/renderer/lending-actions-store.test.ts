import { describe, expect, it } from 'vitest';
import type {
  LendingTaskDetail,
  LendingTaskRow,
  LocatedItem,
} from '../../../shared/api/contract-lending-tasks.ts';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import { conditionalInput } from '../../../renderer/features/lending-actions/lending-action-forms.ts';
import { scanOf } from './borrowing-desk-fixtures.ts';
import { FakeDeskClient } from './fake-desk-client.ts';
import { lookupAnswer } from './lending-desk-fixtures.ts';
import { lendingPage, lendingTaskRow } from './lending-tasks-fixtures.ts';

const EFFECTS = { slip: null, partnerMessage: 'ISO 18626 ExpectToSupply', actionId: 9 };

/** L-2001 as the list shows it: a new request, its item located, with a Created request's actions. */
function row(overrides: Partial<LendingTaskRow> = {}): LendingTaskRow {
  return lendingTaskRow(1, {
    title: 'Introduction to Algorithms',
    author: 'Cormen, Thomas H.',
    itemBarcode: '31234000123456',
    callNumber: 'QA76.6 .C662 2022',
    location: 'Science Library',
    actions: ['EDIT', 'WILL_SUPPLY', 'CONDITIONAL', 'REJECT', 'SHIP', 'MORE_DETAILS'],
    ...overrides,
  });
}

function item(barcode: string): LocatedItem {
  return {
    barcode,
    title: 'Flatland',
    author: 'Abbott, Edwin A.',
    isbn: '9780486272634',
    callNumber: 'QA699 .A13',
    location: 'Main Stacks',
    library: 'MAIN',
  };
}

function taskDetail(overrides: Partial<LendingTaskDetail> = {}): LendingTaskDetail {
  return {
    requestId: 'L-2004',
    assignedTo: null,
    requestedFormat: 'PHYSICAL',
    suppliedFormat: null,
    levelOfService: null,
    shippingCost: null,
    conditionReason: null,
    replyBy: null,
    rejectReason: null,
    printed: false,
    reported: false,
    alerts: [],
    candidates: [item('31234000200001'), item('31234000200002')],
    actions: ['LOCATE', 'MORE_DETAILS'],
    ...overrides,
  };
}

function desk() {
  const client = new FakeDeskClient()
    .answer('desk.lastAction', () => ({ ok: true, value: null }))
    .answer('scans.recent', () => ({ ok: true, value: [] }));
  const store = createDeskStore(client, { mode: 'browser', initialScreen: 'lending' });
  return { client, store };
}

describe('row actions done straight from the menu', () => {
  it('Will Supply moves the request and the desk says so in its message line', async () => {
    const { client, store } = desk();
    client.answer('requests.act', (input) => ({
      ok: true,
      value: {
        requestId: input.requestId,
        status: 'WILL_SUPPLY',
        statusLabel: 'Will supply',
        message: 'L-2001 is now Will supply; University at Buffalo, SUNY is told.',
        ...EFFECTS,
      },
    }));
    const done = store.getState().chooseLendingAction(row(), 'WILL_SUPPLY');
    expect(store.getState().lendingActions.running).toEqual({
      requestId: 'L-2001',
      action: 'WILL_SUPPLY',
    });
    await done;
    expect(client.callsOf('requests.act')).toEqual([
      { kind: 'lending', requestId: 'L-2001', action: 'WILL_SUPPLY' },
    ]);
    expect(store.getState().announcement).toBe(
      'L-2001 is now Will supply; University at Buffalo, SUNY is told.',
    );
    expect(store.getState().lendingActions).toMatchObject({ running: null, refused: null });
    expect(store.getState().lendingActions.dialog).toBeNull();
  });

  it("keeps a refusal for the request's row and announces nothing", async () => {
    const { client, store } = desk();
    client.answer('lending.assign', () => ({
      ok: true,
      value: {
        done: 0,
        skipped: [{ requestId: 'L-2001', reason: 'L-2001 is assigned to Ada Lovelace.' }],
        message: 'Nothing was assigned.',
      },
    }));
    await store.getState().chooseLendingAction(row({ actions: ['ASSIGN_TO_ME'] }), 'ASSIGN_TO_ME');
    expect(client.callsOf('lending.assign')).toEqual([{ requestIds: ['L-2001'], assignee: 'ME' }]);
    expect(store.getState().lendingActions.refused).toEqual({
      requestId: 'L-2001',
      message: 'Nothing was assigned. L-2001 is assigned to Ada Lovelace.',
    });
    expect(store.getState().announcement).toBe('');
  });

  it('Ship item opens Shipping Items with the request looked up as if typed in', async () => {
    const { client, store } = desk();
    client
      .answer('scans.submit', (input) => ({
        ok: true,
        value: scanOf({ value: input.raw, matches: [] }),
      }))
      .answer('shipping.lookup', () => ({ ok: true, value: lookupAnswer() }));
    await store.getState().chooseLendingAction(row(), 'SHIP');
    expect(store.getState().screen).toBe('shipping');
    expect(client.callsOf('scans.submit')).toEqual([
      { source: 'manual', raw: 'L-2001', screen: 'Shipping Items' },
    ]);
    expect(client.callsOf('shipping.lookup')).toEqual([{ value: 'L-2001' }]);
    expect(store.getState().shipping.pending).toMatchObject({ missing: 'ITEM' });
  });
});

describe('Lending Requests after a row action', () => {
  it('reads the rows on show again in place: they never blank, and the chosen rows stay chosen', async () => {
    const { client, store } = desk();
    client
      .answer('lending.list', (input) => ({
        ok: true,
        value:
          input.after === 50
            ? lendingPage(51, 50, null, 100)
            : lendingPage(1, input.limit ?? 50, input.limit === 50 ? 50 : null, 100),
      }))
      .answer('requests.act', (input) => ({
        ok: true,
        value: {
          requestId: input.requestId,
          status: 'WILL_SUPPLY',
          statusLabel: 'Will supply',
          message: 'L-2001 is now Will supply.',
          ...EFFECTS,
        },
      }));
    const list = () => store.getState().lending;
    await list().reload();
    await list().loadMore();
    list().toggleChosen('L-2003');
    const shown: number[] = [];
    const stop = store.subscribe((state) => shown.push(state.lending.rows.length));

    await store.getState().chooseLendingAction(row(), 'WILL_SUPPLY');
    stop();

    expect(client.callsOf('lending.list').at(-1)).toEqual({
      tab: 'ALL',
      activity: 'ACTIVE',
      limit: 100,
    });
    expect(Math.min(...shown)).toBe(100);
    expect(list().chosen).toEqual({ mode: 'rows', ids: ['L-2003'] });
    expect(store.getState().announcement).toBe('L-2001 is now Will supply.');
  });
});

describe('row action dialogs', () => {
  it('Conditional says what is wrong beside the field, stays open, and closes once done', async () => {
    const { client, store } = desk();
    const form = (reason: string, replyBy = '') =>
      conditionalInput('L-2001', { reason, replyBy, note: '' });
    await store.getState().chooseLendingAction(row(), 'CONDITIONAL');
    expect(store.getState().lendingActions.dialog).toMatchObject({
      action: 'CONDITIONAL',
      loading: false,
    });
    expect(client.calls.map((c) => c.method)).toEqual([]);

    // Found wrong here: the desk is not asked.
    await store.getState().submitLendingForm('lending.conditional', form('  '));
    expect(client.calls.map((c) => c.method)).toEqual([]);
    expect(store.getState().lendingActions.dialog?.error?.fields).toEqual({
      reason: 'Enter the condition: the borrower is asked to accept it.',
    });

    client.answer('lending.conditional', () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'The date for reply is in the past: choose today or later.',
        issues: [{ path: 'replyBy', message: 'Choose today or a later day.' }],
      },
    }));
    await store
      .getState()
      .submitLendingForm('lending.conditional', form('In library use only', '2020-01-01'));
    expect(store.getState().lendingActions.dialog).toMatchObject({
      saving: false,
      error: {
        message: 'The date for reply is in the past: choose today or later.',
        fields: { replyBy: 'Choose today or a later day.' },
      },
    });

    client.answer('lending.conditional', (input) => ({
      ok: true,
      value: {
        requestId: input.requestId,
        status: 'CONDITIONAL',
        statusLabel: 'Conditional',
        message: 'L-2001 is Conditional; the borrower is asked to accept it.',
        ...EFFECTS,
      },
    }));
    await store.getState().submitLendingForm('lending.conditional', form('In library use only'));
    expect(store.getState().lendingActions.dialog).toBeNull();
    expect(store.getState().announcement).toBe(
      'L-2001 is Conditional; the borrower is asked to accept it.',
    );
  });

  it('Edit reads the request first; an answer for a dialog already closed is dropped', async () => {
    const { client, store } = desk();
    let release: () => void = () => undefined;
    client.answer(
      'requests.detail',
      () =>
        new Promise((resolve) => {
          release = () => resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } });
        }),
    );
    const opening = store.getState().chooseLendingAction(row(), 'EDIT');
    expect(store.getState().lendingActions.dialog).toMatchObject({ action: 'EDIT', loading: true });
    expect(client.callsOf('requests.detail')).toEqual([{ kind: 'lending', requestId: 'L-2001' }]);
    store.getState().closeLendingAction();
    release();
    await opening;
    expect(store.getState().lendingActions.dialog).toBeNull();
  });

  it('Locate keeps the dialog open while it still needs a choice, and closes once one is taken', async () => {
    const { client, store } = desk();
    const target = row({
      requestId: 'L-2004',
      status: 'LOCATE_FAILED',
      statusLabel: 'Locate failed',
      itemBarcode: null,
      actions: ['LOCATE', 'MORE_DETAILS'],
    });
    client.answer('lending.taskDetail', () => ({ ok: true, value: taskDetail() }));
    await store.getState().chooseLendingAction(target, 'LOCATE');
    expect(store.getState().lendingActions.dialog?.candidates.map((c) => c.barcode)).toEqual([
      '31234000200001',
      '31234000200002',
    ]);

    const answer = {
      requestId: 'L-2004',
      status: 'LOCATE_FAILED',
      statusLabel: 'Locate failed',
    };
    client.answer('lending.locate', (input) =>
      input.itemBarcode
        ? {
            ok: true,
            value: {
              ...answer,
              status: 'CREATED',
              statusLabel: 'Created lending request',
              message: `L-2004 is linked to item ${input.itemBarcode}.`,
              located: item(input.itemBarcode),
              candidates: [],
            },
          }
        : {
            ok: true,
            value: {
              ...answer,
              message: 'Locate found 3 items: choose one.',
              located: null,
              candidates: [item('1'), item('2'), item('3')],
            },
          },
    );
    await store.getState().locateLending();
    expect(store.getState().lendingActions.dialog).toMatchObject({
      notice: 'Locate found 3 items: choose one.',
      saving: false,
    });
    expect(store.getState().lendingActions.dialog?.candidates).toHaveLength(3);

    await store.getState().locateLending('31234000200002');
    expect(client.callsOf('lending.locate')).toEqual([
      { requestId: 'L-2004' },
      { requestId: 'L-2004', itemBarcode: '31234000200002' },
    ]);
    expect(store.getState().lendingActions.dialog).toBeNull();
    expect(store.getState().announcement).toBe('L-2004 is linked to item 31234000200002.');
  });

  it('Remove sends the one request as a selection', async () => {
    const { client, store } = desk();
    client.answer('lending.remove', () => ({
      ok: true,
      value: { done: 1, skipped: [], message: 'Removed 1 request from the task list.' },
    }));
    await store
      .getState()
      .chooseLendingAction(row({ status: 'COMPLETED', actions: ['REMOVE'] }), 'REMOVE');
    await store
      .getState()
      .submitLendingAction('lending.remove', { selection: { requestIds: ['L-2001'] } });
    expect(client.callsOf('lending.remove')).toEqual([{ selection: { requestIds: ['L-2001'] } }]);
    expect(store.getState().announcement).toBe('Removed 1 request from the task list.');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import type { FeedbackTone } from '../../../renderer/features/scan-desk/scan-slice.ts';
import { registerScanTarget } from '../../../renderer/features/scan-desk/scan-targets.ts';
import { EMPTY_RECEIVE_FORM } from '../../../renderer/features/receiving/receive-form.ts';
import type { ScreenId } from '../../../renderer/features/navigation/screens.ts';
import { RECEIVED_B1002, candidate, lookupOf, scanOf } from './borrowing-desk-fixtures.ts';
import { FakeDeskClient } from './fake-desk-client.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const EFFECTS = { slip: null, partnerMessage: 'ISO 18626 Received', actionId: 41 };
const LAST_ACTION = {
  actionId: 41,
  description: 'Received B-1001',
  undoUntil: '2026-11-20T10:05:00.000Z',
};

/** A store over a fake desk, on `screen`, with the tones it played. */
function deskOn(screen: ScreenId = 'receiving') {
  const played: FeedbackTone[] = [];
  const client = new FakeDeskClient()
    .answer('scans.recent', () => ({ ok: true, value: [] }))
    .answer('scans.submit', () => ({ ok: true, value: scanOf() }))
    .answer('desk.lastAction', () => ({ ok: true, value: null }));
  const store = createDeskStore(client, {
    mode: 'browser',
    initialScreen: screen,
    feedback: { play: (tone) => played.push(tone) },
  });
  return { client, store, played };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('Receiving Items after a scan', () => {
  it('opens the Temporary barcode dialog for the one receivable request, with one tone', async () => {
    const { client, store, played } = deskOn();
    client.answer('receiving.lookup', () => ({
      ok: true,
      value: lookupOf([candidate()]),
    }));
    await store.getState().submitScan('Receiving Items', '78239000001', 'wedge');
    expect(client.callsOf('receiving.lookup')).toEqual([{ value: '78239000001' }]);
    expect(store.getState().receiving.dialog).toMatchObject({
      kind: 'barcode',
      candidate: { requestId: 'B-1001' },
    });
    expect(played).toEqual(['success']);
  });

  it('asks which request when two can be received, then opens the dialog for the chosen one', async () => {
    const { client, store } = deskOn();
    const other = candidate({ requestId: 'B-1002', partnerCode: 'SUNYBUF' });
    client.answer('receiving.lookup', () => ({ ok: true, value: lookupOf([candidate(), other]) }));
    await store.getState().submitScan('Receiving Items', '78239000001', 'manual');
    expect(store.getState().receiving.dialog).toMatchObject({ kind: 'choose' });
    store.getState().chooseReceivingRequest('B-1002');
    expect(store.getState().receiving.dialog).toMatchObject({
      kind: 'barcode',
      candidate: { requestId: 'B-1002' },
    });
  });

  it('says when a request was received already and offers its slip again, without a dialog', async () => {
    const { client, store, played } = deskOn();
    client.answer('receiving.lookup', () => ({ ok: true, value: lookupOf([RECEIVED_B1002]) }));
    await store.getState().submitScan('Receiving Items', '78239000001', 'wedge');
    expect(store.getState().receiving.dialog).toBeNull();
    expect(store.getState().scanning.outcome).toMatchObject({
      outcome: 'WARNING',
      title: 'Already received',
      receivedAt: RECEIVED_B1002.receivedAt,
      reprint: { kind: 'RECEIVE_SLIP', requestId: 'B-1002' },
    });
    expect(played).toEqual(['warning']);
  });

  it('lists the nearest identifiers when nothing matches', async () => {
    const { client, store, played } = deskOn();
    client.answer('scans.submit', () => ({
      ok: true,
      value: scanOf({ value: '41771', outcome: 'ERROR', code: 'NOT_FOUND', matches: [] }),
    }));
    client.answer('receiving.lookup', () => ({
      ok: true,
      value: lookupOf([], [candidate({ requestId: 'B-1003', externalId: '00041771' })]),
    }));
    await store.getState().submitScan('Receiving Items', '41771', 'manual');
    const outcome = store.getState().scanning.outcome;
    expect(outcome).toMatchObject({ outcome: 'ERROR', title: 'Not found' });
    expect(outcome?.list?.items[0]).toContain('00041771 · B-1003');
    expect(played).toEqual(['error']);
  });

  it('keeps the wrong-kind message of the scan and asks nothing more', async () => {
    const { client, store } = deskOn();
    client.answer('scans.submit', () => ({
      ok: true,
      value: scanOf({
        outcome: 'ERROR',
        code: 'WRONG_KIND',
        message: 'You scanned the request ID.',
      }),
    }));
    await store.getState().submitScan('Receiving Items', 'B-1001', 'manual');
    expect(client.callsOf('receiving.lookup')).toEqual([]);
    expect(store.getState().scanning.last?.message).toBe('You scanned the request ID.');
    expect(store.getState().scanning.outcome).toBeNull();
  });
});

describe('the Temporary barcode dialog', () => {
  async function withDialog() {
    const desk = deskOn();
    desk.client.answer('receiving.lookup', () => ({ ok: true, value: lookupOf([candidate()]) }));
    await desk.store.getState().submitScan('Receiving Items', '78239000001', 'wedge');
    return desk;
  }

  it('saves the receive, closes, and shows the hold date and what was queued', async () => {
    const { client, store } = await withDialog();
    client
      .answer('receiving.receive', () => ({
        ok: true,
        value: {
          outcome: 'RECEIVED',
          requestId: 'B-1001',
          statusLabel: 'Physically received by library',
          holdUntil: '2026-12-04',
          tempBarcode: '31234000123453',
          message: 'B-1001 received: put it on the hold shelf for Ada Lovelace.',
          ...EFFECTS,
        },
      }))
      .answer('desk.lastAction', () => ({ ok: true, value: LAST_ACTION }));
    await store
      .getState()
      .saveReceive({ ...EMPTY_RECEIVE_FORM, tempBarcode: '31234000123453', internalNote: ' ' });
    // The scan of the External Identifier that found B-1001 is the receive's idempotency key.
    expect(client.callsOf('receiving.receive')).toEqual([
      {
        requestId: 'B-1001',
        tempBarcode: '31234000123453',
        pieces: 1,
        notifyPatron: true,
        scanId: 7,
      },
    ]);
    // Recent scans is read again after the scan and after the receive, which applied it.
    expect(client.callsOf('scans.recent')).toHaveLength(2);
    expect(store.getState().receiving.dialog).toBeNull();
    expect(store.getState().scanning.outcome).toMatchObject({
      title: 'Received',
      holdUntil: '2026-12-04',
      notes: ['Temporary barcode: 31234000123453.', 'Partner message queued: ISO 18626 Received.'],
    });
    expect(store.getState().undo.last).toEqual(LAST_ACTION);
  });

  it('stays open on a barcode clash, with the suggested barcode', async () => {
    const { client, store } = await withDialog();
    client.answer('receiving.receive', () => ({
      ok: true,
      value: {
        outcome: 'BARCODE_IN_USE',
        message: 'Barcode 31234000123453 is on B-1003 already.',
        clashRequestId: 'B-1003',
        suggestion: '31234000123453-2',
      },
    }));
    await store.getState().saveReceive({ ...EMPTY_RECEIVE_FORM, tempBarcode: '31234000123453' });
    expect(store.getState().receiving.dialog).toMatchObject({
      kind: 'barcode',
      saving: false,
      clash: { suggestion: '31234000123453-2' },
    });
  });

  it('does not call the desk without a barcode, and says which field is wrong', async () => {
    const { client, store } = await withDialog();
    await store.getState().saveReceive(EMPTY_RECEIVE_FORM);
    expect(client.callsOf('receiving.receive')).toEqual([]);
    expect(store.getState().receiving.dialog).toMatchObject({ error: { field: 'tempBarcode' } });
  });

  it("hands a HID scan to the open dialog, after taking it from the journal as the dialog's", async () => {
    const { client, store } = await withDialog();
    const screen: string[] = [];
    const dialog: string[] = [];
    cleanups.push(registerScanTarget('Receiving Items', (value) => screen.push(value)));
    cleanups.push(registerScanTarget('Temporary barcode', (value) => dialog.push(value)));
    client.answer('scans.submit', () => ({
      ok: true,
      value: scanOf({ value: '31234000123453', outcome: 'ERROR', code: 'NOT_FOUND', matches: [] }),
    }));
    const before = store.getState().scanning;
    cleanups.push(store.getState().followHidScans('Receiving Items'));
    client.emit('scan.hid', { scanId: 9, value: '31234000123453', symbology: null, device: 'T' });
    await settle();
    await settle();
    expect(client.callsOf('scans.submit').at(-1)).toEqual({
      source: 'hid',
      raw: '31234000123453',
      screen: 'Receiving Items',
      scanId: 9,
      dialog: 'Temporary barcode',
    });
    expect(dialog).toEqual(['31234000123453']);
    expect(screen).toEqual([]);
    expect(store.getState().scanning.last).toBe(before.last);
    expect(client.callsOf('receiving.lookup')).toHaveLength(1);
  });
});

describe('Return Items after a scan', () => {
  const REQUEST = {
    requestId: 'B-1002',
    externalId: '78239000001',
    title: 'Cien años de soledad',
    patronName: 'José Núñez',
    status: 'RECEIVED',
    statusLabel: 'Physically received by library',
    blocked: null,
    partnerCode: 'SUNYBUF',
    partnerName: 'University at Buffalo, SUNY',
    partnerAddress: ['Lockwood Memorial Library', 'Buffalo, NY 14260'],
  };
  const TEMP = scanOf({
    scanId: 12,
    value: '31234000999999',
    matches: [{ kind: 'TEMP_BARCODE', requestId: 'B-1002', partnerCode: null, label: 'x' }],
  });

  it('shows the Transit Destination for a temporary barcode, and OK returns the item', async () => {
    const { client, store } = deskOn('return');
    client
      .answer('scans.submit', () => ({ ok: true, value: TEMP }))
      .answer('returning.lookup', () => ({ ok: true, value: { request: REQUEST, message: '' } }))
      .answer('returning.return', () => ({
        ok: true,
        value: {
          requestId: 'B-1002',
          statusLabel: 'Returned item to partner',
          message: 'Sent back.',
          ...EFFECTS,
        },
      }));
    await store.getState().submitScan('Return Items', '31234000999999', 'wedge');
    expect(store.getState().returning.dialog?.request.partnerName).toBe(
      'University at Buffalo, SUNY',
    );
    await store.getState().scanDuringTransit('31234000999999', ' ');
    // The barcode scan that opened the Transit Destination is the return's idempotency key.
    expect(client.callsOf('returning.return')).toEqual([{ requestId: 'B-1002', scanId: 12 }]);
    expect(store.getState().returning.dialog).toBeNull();
    expect(store.getState().scanning.outcome).toMatchObject({
      title: 'Returned',
      message: 'Sent back.',
    });
  });

  it('does not use another barcode scanned while the dialog is open', async () => {
    const { client, store } = deskOn('return');
    client
      .answer('scans.submit', () => ({ ok: true, value: TEMP }))
      .answer('returning.lookup', () => ({ ok: true, value: { request: REQUEST, message: '' } }));
    await store.getState().submitScan('Return Items', '31234000999999', 'wedge');
    await store.getState().scanDuringTransit('39999999999999', '');
    expect(client.callsOf('returning.return')).toEqual([]);
    expect(store.getState().returning.dialog?.hint).toContain('39999999999999 was not used');
  });

  it('refuses an External Identifier with the scan message and looks nothing up', async () => {
    const { client, store } = deskOn('return');
    client.answer('scans.submit', () => ({
      ok: true,
      value: scanOf({ outcome: 'ERROR', code: 'WRONG_KIND' }),
    }));
    await store.getState().submitScan('Return Items', '78239000001', 'wedge');
    expect(client.callsOf('returning.lookup')).toEqual([]);
  });
});

describe('Undo and row actions', () => {
  it('undoes the last action and says so in the banner of the scan screen', async () => {
    const { client, store } = deskOn();
    client
      .answer('desk.lastAction', () => ({ ok: true, value: LAST_ACTION }))
      .answer('desk.undo', () => ({
        ok: true,
        value: {
          requestId: 'B-1001',
          statusLabel: 'Shipped physically',
          message: 'Receive of B-1001 undone.',
        },
      }));
    await store.getState().loadLastAction();
    client.answer('desk.lastAction', () => ({ ok: true, value: null }));
    await store.getState().undoLastAction();
    expect(client.callsOf('desk.undo')).toEqual([{ actionId: 41 }]);
    expect(store.getState().scanning.outcome).toMatchObject({
      screen: 'Receiving Items',
      title: 'Undone',
      message: 'Receive of B-1001 undone.',
    });
    expect(store.getState().undo.last).toBeNull();
  });

  it('announces a row action after the list was read again, so its message is heard last', async () => {
    const { client, store } = deskOn('borrowing');
    client
      .answer('borrowing.list', () => ({
        ok: true,
        value: { rows: [], nextAfter: null, total: 0, facets: { status: [], partner: [] } },
      }))
      .answer('requests.act', () => ({
        ok: true,
        value: {
          requestId: 'B-1002',
          status: 'LOANED',
          statusLabel: 'Loaned item to patron',
          message: 'B-1002 loaned to José Núñez.',
          ...EFFECTS,
        },
      }));
    await store.getState().borrowing.ensureLoaded();
    expect(await store.getState().actOnRequest('borrowing', 'B-1002', 'LOAN_TO_PATRON')).toBe(true);
    expect(client.callsOf('borrowing.list')).toHaveLength(2);
    expect(store.getState().announcement).toBe('B-1002 loaned to José Núñez.');
  });
});

import { describe, expect, it } from 'vitest';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import type { ScreenId } from '../../../renderer/features/navigation/screens.ts';
import type { FeedbackTone } from '../../../renderer/features/scan-desk/scan-slice.ts';
import { scanOf } from './borrowing-desk-fixtures.ts';
import { FakeDeskClient } from './fake-desk-client.ts';
import { lookupAnswer } from './lending-desk-fixtures.ts';

const EFFECTS = { slip: null, partnerMessage: 'ISO 18626 Loaned', actionId: 52 };
const FORM = { dueDate: '2027-01-18', shippingCost: '3', note: '' };

/** A store over a fake desk whose journal numbers scans from 101. */
function deskOn(screen: ScreenId) {
  const played: FeedbackTone[] = [];
  let scanId = 100;
  const client = new FakeDeskClient()
    .answer('scans.recent', () => ({ ok: true, value: [] }))
    .answer('scans.submit', (input) => ({
      ok: true,
      value: scanOf({ scanId: ++scanId, value: input.raw, matches: [] }),
    }))
    .answer('desk.lastAction', () => ({ ok: true, value: null }));
  const store = createDeskStore(client, {
    mode: 'browser',
    initialScreen: screen,
    feedback: { play: (tone) => played.push(tone) },
  });
  return { client, store, played };
}

describe('Shipping Items', () => {
  it('ships by two scans: the request, the item, then Save', async () => {
    const { client, store, played } = deskOn('shipping');
    client.answer('shipping.lookup', ({ value }) => ({
      ok: true,
      value: lookupAnswer({ scanned: value === 'L-2001' ? 'REQUEST' : 'ITEM' }),
    }));
    client.answer('shipping.ship', (input) => ({
      ok: true,
      value: {
        requestId: input.requestId,
        statusLabel: 'Shipped physically',
        dueDate: input.dueDate ?? null,
        message: 'L-2001 shipped to University at Buffalo, SUNY.',
        ...EFFECTS,
      },
    }));
    await store.getState().submitScan('Shipping Items', 'L-2001', 'wedge');
    expect(store.getState().shipping.pending).toMatchObject({ missing: 'ITEM' });
    await store.getState().submitScan('Shipping Items', '31234000123456', 'wedge');
    expect(store.getState().shipping.pending).toMatchObject({ missing: null });

    await store.getState().saveShipment(FORM);
    // The second scan, which opened the Ship item dialog, is the shipment's idempotency key.
    expect(client.callsOf('shipping.ship')).toEqual([
      {
        requestId: 'L-2001',
        itemBarcode: '31234000123456',
        dueDate: '2027-01-18',
        shippingCost: 3,
        scanId: 102,
      },
    ]);
    expect(store.getState().shipping.pending).toBeNull();
    expect(store.getState().scanning.outcome).toMatchObject({
      title: 'Shipped',
      message: 'L-2001 shipped to University at Buffalo, SUNY.',
      notes: ['Due 2027-01-18.', 'Partner message queued: ISO 18626 Loaned.'],
    });
    expect(played).toEqual(['success', 'success', 'success']);
  });

  it('refuses a wrong item and keeps the request; a CONFLICT on Save stays in the dialog', async () => {
    const { client, store } = deskOn('shipping');
    client.answer('shipping.lookup', ({ value }) => ({
      ok: true,
      value:
        value === 'L-2001'
          ? lookupAnswer()
          : lookupAnswer({ request: null, scanned: 'ITEM', message: 'No request.' }),
    }));
    await store.getState().submitScan('Shipping Items', 'L-2001', 'wedge');
    await store.getState().submitScan('Shipping Items', '31234000123464', 'wedge');
    expect(store.getState().scanning.outcome).toMatchObject({ title: 'Wrong item' });
    expect(store.getState().shipping.pending).toMatchObject({ missing: 'ITEM' });

    await store.getState().submitScan('Shipping Items', '31234000123456', 'wedge');
    client.answer('shipping.ship', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'That item is not the request’s.' },
    }));
    await store.getState().saveShipment(FORM);
    expect(store.getState().shipping).toMatchObject({
      saving: false,
      error: { field: null, message: 'That item is not the request’s.' },
      pending: { missing: null },
    });
    store.getState().clearShipment();
    expect(store.getState().shipping.pending).toBeNull();
  });

  it('a scan of the same item in the dialog saves; another one is not used', async () => {
    const { client, store } = deskOn('shipping');
    client.answer('shipping.lookup', () => ({
      ok: true,
      value: lookupAnswer({ readyToShip: true, scanned: 'ITEM' }),
    }));
    await store.getState().submitScan('Shipping Items', '31234000123456', 'wedge');
    await store.getState().scanDuringShip('L-2002', FORM);
    expect(store.getState().shipping.hint).toContain('was not used');
    expect(client.callsOf('shipping.ship')).toEqual([]);
  });
});

describe('Scan In Items', () => {
  it('says Request completed with where the item goes back', async () => {
    const { client, store } = deskOn('scan-in');
    client.answer('scanIn.checkIn', () => ({
      ok: true,
      value: {
        requestId: 'L-2001',
        statusLabel: 'Request completed',
        title: 'Introduction to Algorithms',
        partnerName: 'University at Buffalo, SUNY',
        location: 'Science Library',
        callNumber: 'QA76.6 .C662 2022',
        message: 'L-2001 is complete.',
        ...EFFECTS,
      },
    }));
    await store.getState().submitScan('Scan In Items', '31234000123456', 'wedge');
    expect(client.callsOf('scanIn.checkIn')).toEqual([{ value: '31234000123456', scanId: 101 }]);
    expect(store.getState().scanning.outcome).toMatchObject({
      title: 'Request completed',
      value: 'L-2001',
      shelving: { location: 'Science Library', callNumber: 'QA76.6 .C662 2022' },
    });
  });

  it('shows the refusal of an item that is not on loan', async () => {
    const { client, store } = deskOn('scan-in');
    client.answer('scanIn.checkIn', () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No lending request has item 999.' },
    }));
    await store.getState().submitScan('Scan In Items', '999', 'wedge');
    expect(store.getState().scanning.outcome).toMatchObject({
      outcome: 'ERROR',
      message: 'No lending request has item 999.',
    });
  });
});

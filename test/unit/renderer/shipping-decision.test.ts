import { describe, expect, it } from 'vitest';
import {
  needsShippingLookup,
  shipInput,
  shippingStep,
  stillNeeded,
  type PendingShipment,
} from '../../../renderer/features/shipping/shipping-decision.ts';
import { scanOf } from './borrowing-desk-fixtures.ts';
import { lookupAnswer, shippingRequest } from './lending-desk-fixtures.ts';

const waitingForItem: PendingShipment = {
  request: shippingRequest(),
  itemBarcode: null,
  missing: 'ITEM',
};

describe('shippingStep', () => {
  it('waits for the item after the request, saying which barcode it expects', () => {
    const step = shippingStep(null, 'L-2001', lookupAnswer());
    expect(step).toEqual({ kind: 'waiting', pending: waitingForItem });
    expect(stillNeeded(waitingForItem)).toBe('Scan the item barcode (31234000123456).');
  });

  it("is ready when the request's own item follows (case and spaces aside)", () => {
    const answer = lookupAnswer({ scanned: 'ITEM' });
    expect(shippingStep(waitingForItem, ' 31234000123456 ', answer)).toEqual({
      kind: 'ready',
      pending: { ...waitingForItem, itemBarcode: '31234000123456', missing: null },
    });
  });

  it('refuses another item and keeps the pending request (nothing changed)', () => {
    const answer = lookupAnswer({ request: null, scanned: 'ITEM' });
    const step = shippingStep(waitingForItem, '31234000123464', answer);
    expect(step.kind === 'mismatch' && step.message).toContain('not the item of L-2001');
  });

  it('takes any item when the request names none (the server checks it on Save)', () => {
    const pending = { ...waitingForItem, request: shippingRequest({ itemBarcode: null }) };
    const step = shippingStep(pending, '39999', lookupAnswer({ request: null, scanned: null }));
    expect(step).toMatchObject({ kind: 'ready', pending: { itemBarcode: '39999' } });
  });

  it('after an item first, waits for its request and refuses another one', () => {
    const first = shippingStep(null, '31234000123456', lookupAnswer({ scanned: 'ITEM' }));
    expect(first).toMatchObject({
      kind: 'waiting',
      pending: { missing: 'REQUEST', itemBarcode: '31234000123456' },
    });
    if (first.kind !== 'waiting') return;
    expect(shippingStep(first.pending, 'L-2001', lookupAnswer()).kind).toBe('ready');
    const other = lookupAnswer({ request: shippingRequest({ requestId: 'L-2009' }) });
    const step = shippingStep(first.pending, 'L-2009', other);
    expect(step.kind === 'mismatch' && step.message).toContain('belongs to L-2001, not L-2009');
  });

  it('a new request while waiting for an item starts again with it', () => {
    const other = lookupAnswer({ request: shippingRequest({ requestId: 'L-2003' }) });
    expect(shippingStep(waitingForItem, 'L-2003', other)).toMatchObject({
      kind: 'waiting',
      pending: { request: { requestId: 'L-2003' }, missing: 'ITEM' },
    });
  });

  it('one scan is enough when the desk says so, using the located item', () => {
    expect(shippingStep(null, 'L-2001', lookupAnswer({ readyToShip: true }))).toMatchObject({
      kind: 'ready',
      pending: { itemBarcode: '31234000123456', missing: null },
    });
  });

  it('says not found and blocked in the desk words', () => {
    expect(
      shippingStep(null, 'X', lookupAnswer({ request: null, scanned: null, message: 'No such' })),
    ).toEqual({ kind: 'not-found', message: 'No such' });
    const shipped = lookupAnswer({ request: shippingRequest({ blocked: 'ALREADY_SHIPPED' }) });
    expect(shippingStep(null, 'L-2001', shipped).kind).toBe('blocked');
  });

  it('leaves a scan of another kind to the scan message', () => {
    expect(needsShippingLookup(scanOf({ outcome: 'ERROR', code: 'WRONG_KIND' }))).toBe(false);
    expect(needsShippingLookup(scanOf({ outcome: 'ERROR', code: 'NOT_FOUND' }))).toBe(true);
  });
});

describe('shipInput', () => {
  const form = { dueDate: '2027-01-18', shippingCost: '', note: '  ' };
  it('leaves out an empty cost and note', () => {
    expect(shipInput('L-2001', '312', form)).toEqual({
      ok: true,
      value: { requestId: 'L-2001', itemBarcode: '312', dueDate: '2027-01-18' },
    });
    expect(shipInput('L-2001', '312', { ...form, shippingCost: '4.50', note: 'Box' })).toEqual({
      ok: true,
      value: {
        requestId: 'L-2001',
        itemBarcode: '312',
        dueDate: '2027-01-18',
        shippingCost: 4.5,
        note: 'Box',
      },
    });
  });
  it('names the field that is wrong', () => {
    expect(shipInput('L-2001', '312', { ...form, dueDate: '' })).toMatchObject({
      ok: false,
      field: 'dueDate',
    });
    expect(shipInput('L-2001', '312', { ...form, shippingCost: '-1' })).toMatchObject({
      ok: false,
      field: 'shippingCost',
    });
  });
});

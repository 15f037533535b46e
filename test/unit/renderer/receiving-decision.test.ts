import { describe, expect, it } from 'vitest';
import {
  candidateLine,
  needsReceivingLookup,
  receivingStep,
} from '../../../renderer/features/receiving/receiving-decision.ts';
import {
  EMPTY_RECEIVE_FORM,
  receiveInput,
} from '../../../renderer/features/receiving/receive-form.ts';
import { needsReturnLookup } from '../../../renderer/features/returning/returning-slice.ts';
import { RECEIVED_B1002, candidate, lookupOf, scanOf } from './borrowing-desk-fixtures.ts';

describe('which scans lead to a lookup', () => {
  it('asks Receiving Items for an External Identifier, and for a value that matched nothing', () => {
    expect(needsReceivingLookup(scanOf())).toBe(true);
    expect(needsReceivingLookup(scanOf({ outcome: 'ERROR', code: 'NOT_FOUND', matches: [] }))).toBe(
      true,
    );
  });

  it('keeps the message of a scan of the wrong kind instead of asking', () => {
    const requestId = scanOf({
      outcome: 'ERROR',
      code: 'WRONG_KIND',
      matches: [
        { kind: 'BORROWING_REQUEST_ID', requestId: 'B-1001', partnerCode: null, label: 'x' },
      ],
    });
    expect(needsReceivingLookup(requestId)).toBe(false);
  });

  it('asks Return Items only for a temporary barcode, never for an External Identifier', () => {
    const temp = scanOf({
      matches: [{ kind: 'TEMP_BARCODE', requestId: 'B-1001', partnerCode: null, label: 'x' }],
    });
    expect(needsReturnLookup(temp)).toBe(true);
    expect(needsReturnLookup(scanOf({ outcome: 'ERROR', code: 'WRONG_KIND' }))).toBe(false);
  });
});

describe('what Receiving Items does with the lookup', () => {
  it('opens the Temporary barcode dialog at once for the one request that can be received', () => {
    expect(receivingStep(lookupOf([candidate()]))).toEqual({
      kind: 'barcode',
      candidate: candidate(),
    });
  });

  it('still asks which request when the namesake at another partner was received already', () => {
    // A second scan of B-1002's book must not start receiving B-1001.
    expect(receivingStep(lookupOf([candidate(), RECEIVED_B1002]))).toEqual({
      kind: 'choose',
      candidates: [candidate(), RECEIVED_B1002],
    });
  });

  it('asks which request when the identifier can be received at two partners', () => {
    const other = candidate({ requestId: 'B-1002', partnerCode: 'SUNYBUF' });
    expect(receivingStep(lookupOf([candidate(), other]))).toEqual({
      kind: 'choose',
      candidates: [candidate(), other],
    });
  });

  it('says a request was received already rather than receiving it twice', () => {
    expect(receivingStep(lookupOf([RECEIVED_B1002]))).toEqual({
      kind: 'already-received',
      candidate: RECEIVED_B1002,
    });
  });

  it('refuses a request in a status Receiving Items does not take', () => {
    const loaned = candidate({ status: 'LOANED', blocked: 'WRONG_STATUS' });
    expect(receivingStep(lookupOf([loaned]))).toEqual({ kind: 'wrong-status', candidate: loaned });
  });

  it('gives the nearest candidates when nothing matches', () => {
    const near = candidate({ externalId: '41771' });
    expect(receivingStep(lookupOf([], [near]))).toEqual({ kind: 'not-found', nearest: [near] });
  });

  it('names a candidate by identifier, request, title, patron, partner and status', () => {
    expect(candidateLine(candidate())).toBe(
      '78239000001 · B-1001 · Notes on the Analytical Engine · Ada Lovelace · University at Albany, SUNY · Shipped physically',
    );
  });
});

describe('the Temporary barcode form', () => {
  it('needs a barcode before it saves', () => {
    expect(receiveInput('B-1001', EMPTY_RECEIVE_FORM)).toMatchObject({
      ok: false,
      field: 'tempBarcode',
    });
  });

  it('refuses a number of pieces that is not 1 to 99', () => {
    for (const pieces of ['0', '100', '1.5', 'two', '']) {
      const form = { ...EMPTY_RECEIVE_FORM, tempBarcode: '31234000123453', pieces };
      expect(receiveInput('B-1001', form)).toMatchObject({ ok: false, field: 'pieces' });
    }
  });

  it('sends the barcode trimmed and leaves empty notes out', () => {
    const form = {
      ...EMPTY_RECEIVE_FORM,
      tempBarcode: ' 31234000123453 ',
      pieces: '2',
      notifyPatron: false,
      noteToPartner: '  Arrived with a torn cover. ',
    };
    expect(receiveInput('B-1001', form)).toEqual({
      ok: true,
      input: {
        requestId: 'B-1001',
        tempBarcode: '31234000123453',
        pieces: 2,
        notifyPatron: false,
        noteToPartner: 'Arrived with a torn cover.',
      },
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  actionErrorOf,
  conditionalInput,
  editInput,
  nonReturnableInput,
  reassignInput,
  rejectInput,
  renewInput,
  type EditForm,
} from '../../../renderer/features/lending-actions/lending-action-forms.ts';
import { outcomeOf } from '../../../renderer/features/lending-actions/lending-action-outcome.ts';
import { menuMove } from '../../../renderer/features/lending-actions/menu-keys.ts';

const BEFORE: EditForm = {
  title: 'Introduction to Algorithms',
  author: 'Cormen, Thomas H.',
  isbn: '9780262046305',
  requestedFormat: 'PHYSICAL',
  levelOfService: 'Standard',
  neededBy: '2026-12-20',
  note: '',
};

describe('Edit', () => {
  it('sends only the fields staff changed, and clears an emptied one', () => {
    const checked = editInput('L-2001', BEFORE, {
      ...BEFORE,
      title: '  Introduction to Algorithms, 4th ed. ',
      isbn: '',
      requestedFormat: 'DIGITAL',
    });
    expect(checked).toEqual({
      ok: true,
      input: {
        requestId: 'L-2001',
        title: 'Introduction to Algorithms, 4th ed.',
        isbn: null,
        requestedFormat: 'DIGITAL',
      },
    });
  });

  it('refuses an empty title beside the field, and says when nothing was changed', () => {
    const empty = editInput('L-2001', BEFORE, { ...BEFORE, title: '   ' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.fields.title).toMatch(/Enter the title/);

    const same = editInput('L-2001', BEFORE, { ...BEFORE, author: 'Cormen, Thomas H. ' });
    expect(same.ok).toBe(false);
    if (!same.ok) {
      expect(same.error.message).toMatch(/Nothing was changed: edit a field/);
      expect(same.error.fields).toEqual({});
    }
  });
});

describe('the decisions sent to the partner', () => {
  it('Conditional needs a reason; the date for reply and note are left out when empty', () => {
    const missing = conditionalInput('L-2001', { reason: ' ', replyBy: '', note: '' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(Object.keys(missing.error.fields)).toEqual(['reason']);

    expect(
      conditionalInput('L-2001', { reason: 'In library use only', replyBy: '', note: ' ' }),
    ).toEqual({ ok: true, input: { requestId: 'L-2001', reason: 'In library use only' } });
    expect(
      conditionalInput('L-2001', { reason: 'Fee $10', replyBy: '2026-12-01', note: 'Thanks' }),
    ).toEqual({
      ok: true,
      input: { requestId: 'L-2001', reason: 'Fee $10', replyBy: '2026-12-01', note: 'Thanks' },
    });
  });

  it('Reject takes only a reason the desk knows', () => {
    const none = rejectInput('L-2001', { reason: '', internalNote: '', noteToPartner: '' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.fields.reason).toMatch(/Choose the reason/);
    expect(
      rejectInput('L-2001', { reason: 'toString', internalNote: '', noteToPartner: '' }).ok,
    ).toBe(false);
    expect(
      rejectInput('L-2001', { reason: 'NotOnShelf', internalNote: 'Missing', noteToPartner: '' }),
    ).toEqual({
      ok: true,
      input: { requestId: 'L-2001', reason: 'NotOnShelf', internalNote: 'Missing' },
    });
  });

  it('Renew needs a full new due date', () => {
    const bad = renewInput('L-2001', { dueDate: '2027-02', internalNote: '', noteToPartner: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields.dueDate).toMatch(/new due date/);
    expect(
      renewInput('L-2001', { dueDate: '2027-03-01', internalNote: '', noteToPartner: 'Enjoy' }),
    ).toEqual({
      ok: true,
      input: { requestId: 'L-2001', dueDate: '2027-03-01', noteToPartner: 'Enjoy' },
    });
  });

  it('Reassign needs an operator chosen', () => {
    expect(reassignInput('L-2001', { operatorId: '', note: '' }).ok).toBe(false);
    expect(reassignInput('L-2001', { operatorId: '3', note: 'Yours now' })).toEqual({
      ok: true,
      input: { requestIds: ['L-2001'], assignee: 3, note: 'Yours now' },
    });
  });

  it('Ship non-returnable needs the copy and a sensible cost, and sends no due date', () => {
    const bad = nonReturnableInput('L-2002', { itemBarcode: ' ', shippingCost: '-1', note: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(Object.keys(bad.error.fields).sort()).toEqual(['itemBarcode', 'shippingCost']);
    expect(
      nonReturnableInput('L-2002', { itemBarcode: ' 39000 ', shippingCost: '2.5', note: '' }),
    ).toEqual({
      ok: true,
      input: { requestId: 'L-2002', itemBarcode: '39000', nonReturnable: true, shippingCost: 2.5 },
    });
  });
});

describe("the desk's answer", () => {
  it('puts each issue beside its field and keeps the message for the dialog', () => {
    expect(
      actionErrorOf({
        code: 'INVALID_INPUT',
        message: 'Invalid input for lending.conditional: replyBy: a date as YYYY-MM-DD.',
        issues: [
          { path: 'replyBy', message: 'a date as YYYY-MM-DD' },
          { path: 'replyBy', message: 'a second complaint' },
          { path: 'selection.requestIds[0]', message: 'too long' },
        ],
      }),
    ).toEqual({
      message: 'Invalid input for lending.conditional: replyBy: a date as YYYY-MM-DD.',
      fields: { replyBy: 'a date as YYYY-MM-DD', selection: 'too long' },
    });
  });

  it('treats a bulk answer that skipped the one request as a refusal, with its reason', () => {
    const skipped = outcomeOf({
      ok: true,
      value: {
        done: 0,
        skipped: [{ requestId: 'L-2001', reason: 'L-2001 is assigned to Ada.' }],
        message: 'Nothing was assigned.',
      },
    });
    expect(skipped).toEqual({
      ok: false,
      error: { message: 'Nothing was assigned. L-2001 is assigned to Ada.', fields: {} },
    });
    expect(
      outcomeOf({ ok: true, value: { done: 1, skipped: [], message: 'L-2001 is yours.' } }),
    ).toEqual({ ok: true, message: 'L-2001 is yours.' });
  });
});

describe('keys in the Actions menu', () => {
  it('moves with the arrows, wrapping, and jumps with Home and End', () => {
    expect(menuMove('ArrowDown', 4, 5)).toEqual({ kind: 'focus', index: 0 });
    expect(menuMove('ArrowUp', 0, 5)).toEqual({ kind: 'focus', index: 4 });
    expect(menuMove('End', 1, 5)).toEqual({ kind: 'focus', index: 4 });
    expect(menuMove('Home', 3, 5)).toEqual({ kind: 'focus', index: 0 });
  });

  it('chooses with Enter or Space, closes with Escape (back to the button) or Tab', () => {
    expect(menuMove('Enter', 2, 5)).toEqual({ kind: 'choose' });
    expect(menuMove(' ', 2, 5)).toEqual({ kind: 'choose' });
    expect(menuMove('Escape', 2, 5)).toEqual({ kind: 'close', backToButton: true });
    expect(menuMove('Tab', 2, 5)).toEqual({ kind: 'close', backToButton: false });
  });

  it('leaves letters alone: they belong to the scanner listener', () => {
    expect(menuMove('m', 0, 5)).toBeNull();
  });
});

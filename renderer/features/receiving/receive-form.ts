import type { Input } from '../../../shared/api/contract.ts';

/** The Temporary barcode dialog's fields, as typed. */
export interface ReceiveForm {
  readonly tempBarcode: string;
  readonly pieces: string;
  readonly notifyPatron: boolean;
  readonly internalNote: string;
  readonly noteToPartner: string;
}

export const EMPTY_RECEIVE_FORM: ReceiveForm = {
  tempBarcode: '',
  pieces: '1',
  notifyPatron: true,
  internalNote: '',
  noteToPartner: '',
};

export type ReceiveFormCheck =
  | { readonly ok: true; readonly input: Input<'receiving.receive'> }
  | { readonly ok: false; readonly field: 'tempBarcode' | 'pieces'; readonly message: string };

/** The `receiving.receive` input for the form, or which field is wrong and what to do. */
export function receiveInput(requestId: string, form: ReceiveForm): ReceiveFormCheck {
  const tempBarcode = form.tempBarcode.trim();
  if (tempBarcode === '') {
    return {
      ok: false,
      field: 'tempBarcode',
      message: "Scan the item's own barcode first: it becomes the temporary barcode.",
    };
  }
  const pieces = Number(form.pieces.trim());
  if (!/^\d+$/.test(form.pieces.trim()) || pieces < 1 || pieces > 99) {
    return {
      ok: false,
      field: 'pieces',
      message: 'The number of pieces is a whole number from 1 to 99.',
    };
  }
  const internalNote = form.internalNote.trim();
  const noteToPartner = form.noteToPartner.trim();
  return {
    ok: true,
    input: {
      requestId,
      tempBarcode,
      pieces,
      notifyPatron: form.notifyPatron,
      ...(internalNote ? { internalNote } : {}),
      ...(noteToPartner ? { noteToPartner } : {}),
    },
  };
}

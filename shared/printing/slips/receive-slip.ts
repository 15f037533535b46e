/**
 * The receive slip, cut lengthwise into a hold strap and taped round the book (WRLC seed Part I
 * step 6), so the patron's name and Hold Until date must read at a glance from the shelf. The
 * patron's barcode is left off: the strap faces the public side of the hold shelf.
 */
import type { ReceiveSlipData, SlipOrigin } from '../slip-data.ts';
import type { SlipBlock, SlipDocument } from '../slip-document.ts';
import {
  optionalBarcode,
  optionalDate,
  optionalField,
  present,
  slipFooter,
  slipHeader,
  titleBlocks,
} from './slip-text.ts';

export function buildReceiveSlip(data: ReceiveSlipData, origin: SlipOrigin): SlipDocument {
  const blocks: SlipBlock[] = [
    ...slipHeader(origin, 'HOLD FOR PATRON'),
    // Size 3 is the largest a slip uses: only these two lines may have it.
    { type: 'text', text: present(data.patronName) ?? 'Patron not recorded', size: 3, bold: true },
    ...optionalDate('Hold until', data.holdUntil, { size: 3, bold: true }),
    ...optionalField('Pick up at', data.pickupLocation, { size: 2, bold: true }),
    { type: 'rule' },
    ...titleBlocks(data.title, data.author),
    { type: 'field', label: 'Lender', value: lenderText(data) },
    ...optionalDate('Due', data.dueDate, { bold: true }),
    // A multi-piece loan must go back whole; staff check the count at checkout and return.
    ...optionalField('Pieces', data.pieces > 1 ? String(data.pieces) : null, {
      size: 2,
      bold: true,
    }),
    { type: 'rule' },
    { type: 'barcode', value: data.requestId, caption: 'Request ID' },
    ...optionalBarcode('Item barcode', present(data.tempBarcode) ?? data.lenderItemBarcode),
    // Text, not a barcode: Return Items must scan the item barcode, never the External Identifier.
    ...optionalField('External ID', data.externalId),
    ...slipFooter(origin),
  ];
  return { kind: 'RECEIVE_SLIP', title: `Receive slip ${data.requestId}`, blocks };
}

function lenderText(data: ReceiveSlipData): string {
  const name = present(data.lenderName);
  const code = present(data.lenderCode);
  if (name !== null && code !== null) return `${name} (${code})`;
  return name ?? code ?? 'Not recorded';
}

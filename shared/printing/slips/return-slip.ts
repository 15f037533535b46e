/**
 * The return slip: goes in the book back to the lender (WRLC seed Part II step 4), so the
 * address leads and the lender's own reference, the External Identifier, is scannable.
 */
import type { ReturnSlipData, SlipOrigin } from '../slip-data.ts';
import type { SlipBlock, SlipDocument } from '../slip-document.ts';
import {
  addressLines,
  optionalBarcode,
  optionalDate,
  optionalField,
  present,
  slipFooter,
  slipHeader,
  titleBlocks,
} from './slip-text.ts';

export function buildReturnSlip(data: ReturnSlipData, origin: SlipOrigin): SlipDocument {
  const blocks: SlipBlock[] = [
    ...slipHeader(origin, 'RETURN SLIP'),
    { type: 'text', text: 'Return to:', bold: true },
    { type: 'text', text: present(data.partnerName) ?? 'Lender not recorded', size: 2, bold: true },
    ...addressLines(data.partnerAddress).map((line): SlipBlock => ({
      type: 'text',
      text: line,
      size: 2,
    })),
    { type: 'rule' },
    ...titleBlocks(data.title, data.author),
    ...optionalBarcode('External Identifier', data.externalId),
    ...optionalDate('Due', data.dueDate),
    ...optionalField('Note to partner', data.noteToPartner),
    ...optionalField('Item barcode', data.tempBarcode),
    { type: 'field', label: 'Request ID', value: data.requestId },
    ...slipFooter(origin),
  ];
  return { kind: 'RETURN_SLIP', title: `Return slip ${data.requestId}`, blocks };
}

/**
 * The shipping slip that travels with a lent item (Alma's Resource Sharing Shipping Slip Letter).
 * The borrower's reference is a barcode so their Receiving Items screen can scan it.
 */
import type { ShippingSlipData, SlipOrigin } from '../slip-data.ts';
import type { SlipBlock, SlipDocument } from '../slip-document.ts';
import {
  addressLines,
  formatLabel,
  optionalBarcode,
  optionalDate,
  optionalField,
  present,
  slipFooter,
  slipHeader,
  titleBlocks,
} from './slip-text.ts';

const NON_RETURNABLE_BANNER: readonly SlipBlock[] = [
  { type: 'text', text: 'Non-returnable: do not return', size: 2, bold: true, align: 'center' },
  { type: 'rule' },
];

export function buildShippingSlip(data: ShippingSlipData, origin: SlipOrigin): SlipDocument {
  const nonReturnable = data.format.trim().toUpperCase() === 'PHYSICAL_NON_RETURNABLE';
  const recipient = [present(data.partnerSymbol), present(data.partnerName)].filter(
    (line): line is string => line !== null,
  );
  const blocks: SlipBlock[] = [
    ...slipHeader(origin, 'SHIPPING SLIP'),
    { type: 'text', text: 'Supplied to:', bold: true },
    ...recipient.map((text): SlipBlock => ({ type: 'text', text, size: 2, bold: true })),
    ...addressLines(data.partnerAddress).map((line): SlipBlock => ({
      type: 'text',
      text: line,
      size: 2,
    })),
    { type: 'rule' },
    // Near the top so the borrower sees it before filing the item for return.
    ...(nonReturnable ? NON_RETURNABLE_BANNER : []),
    ...optionalBarcode('Borrower reference (External Identifier)', data.externalId),
    ...optionalBarcode('Item barcode', data.itemBarcode),
    ...titleBlocks(data.title, data.author),
    ...optionalField('Call number', data.callNumber),
    // A non-returnable copy has no due date; printing one would invite a return.
    ...optionalDate('Due', nonReturnable ? null : data.dueDate, { bold: true }),
    ...optionalField('Format', formatLabel(data.format)),
    { type: 'field', label: 'Request ID', value: data.requestId },
    ...slipFooter(origin),
  ];
  return { kind: 'SHIPPING_SLIP', title: `Shipping slip ${data.requestId}`, blocks };
}

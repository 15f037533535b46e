import type { PartnerSummary, RequestDetail } from '../../../shared/api/contract.ts';
import { FORMATS } from '../../../shared/domain/statuses.ts';

/** One line of the detail view's definition list. `date` values are shown as calendar dates. */
export interface DetailField {
  readonly term: string;
  readonly value: string | null;
  readonly kind?: 'date' | 'instant' | 'lines';
}

/** "Main St 1\nAlbany, NY 12222\nUS"; null when the partner has no address on file. */
export function addressLines(address: PartnerSummary['address']): string | null {
  const place = [address.locality, [address.region, address.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const lines = [address.line1, address.line2, place, address.country].filter(
    (line): line is string => !!line,
  );
  return lines.length ? lines.join('\n') : null;
}

export function partnerText(partner: PartnerSummary): string {
  const symbol = partner.symbol ? `, symbol ${partner.symbol}` : '';
  return `${partner.name} (${partner.code}${symbol})`;
}

function formatText(format: string): string {
  return (FORMATS as Record<string, string>)[format] ?? format;
}

/** The request's fields in the order staff read them; side-specific ones only where they apply. */
export function detailFields(request: RequestDetail): DetailField[] {
  const fields: DetailField[] = [
    { term: 'Request ID', value: request.requestId },
    { term: 'External Identifier', value: request.externalId },
    { term: 'Status', value: request.statusLabel },
    { term: 'Author', value: request.author },
    { term: 'ISBN', value: request.isbn },
    { term: 'Format', value: formatText(request.format) },
    {
      term: request.kind === 'borrowing' ? 'Lending partner' : 'Borrowing partner',
      value: partnerText(request.partner),
    },
    { term: 'Partner address', value: addressLines(request.partner.address), kind: 'lines' },
  ];
  if (request.patron) {
    const { name, barcode, pickupLocation } = request.patron;
    fields.push(
      { term: 'Patron', value: barcode ? `${name} (${barcode})` : name },
      { term: 'Pickup location', value: pickupLocation },
    );
  }
  if (request.item) {
    fields.push(
      { term: 'Item barcode', value: request.item.barcode },
      {
        term: 'Location',
        value: [request.item.library, request.item.location].filter(Boolean).join(' – ') || null,
      },
      { term: 'Call number', value: request.item.callNumber },
    );
  }
  if (request.kind === 'borrowing') {
    fields.push(
      { term: 'Temporary barcode', value: request.tempBarcode },
      { term: 'Received', value: request.receivedAt, kind: 'instant' },
      { term: 'Hold until', value: request.holdUntil, kind: 'date' },
    );
  } else {
    fields.push({ term: 'Level of service', value: request.levelOfService });
  }
  fields.push(
    { term: 'Due date', value: request.dueDate, kind: 'date' },
    { term: 'Needed by', value: request.neededBy, kind: 'date' },
    { term: 'Note', value: request.note },
    { term: 'Created', value: request.createdAt, kind: 'instant' },
    { term: 'Last changed', value: request.updatedAt, kind: 'instant' },
  );
  return fields;
}

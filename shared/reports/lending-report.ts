/**
 * The Print Slip Report of the Lending Requests task list (Alma's "Lending Requests Report Slip
 * Letter"): the chosen requests with what staff need to pull and track them — title, author,
 * location and so on — as a spreadsheet's columns or as an XML document. Pure: the service turns
 * the columns into an Excel workbook and hands the XML over as it is.
 */

/** One request as the report lists it; dates are ISO (YYYY-MM-DD), absent values null. */
export interface LendingReportRow {
  readonly requestId: string;
  readonly externalId: string;
  readonly partnerCode: string;
  readonly partnerName: string;
  readonly title: string;
  readonly author: string | null;
  readonly isbn: string | null;
  readonly location: string | null;
  readonly callNumber: string | null;
  readonly itemBarcode: string | null;
  readonly status: string;
  readonly statusLabel: string;
  readonly neededBy: string | null;
  readonly dueDate: string | null;
  readonly levelOfService: string | null;
}

export interface ReportColumn {
  /** The spreadsheet's header cell. */
  readonly header: string;
  /** The XML element holding the value. */
  readonly element: string;
  /** Column width in characters, wide enough for typical values. */
  readonly width: number;
  /** Dates become date cells, so a spreadsheet sorts and filters them as dates. */
  readonly type: 'text' | 'date';
  readonly value: (row: LendingReportRow) => string | null;
  /** A code carried beside the shown value (XML attribute `code`): partner and status. */
  readonly code?: (row: LendingReportRow) => string;
}

/** Each column shows one field of the row; every field is text or an ISO date. */
type ReportField = keyof LendingReportRow;

/** A column of text; `code`, when given, is carried beside the value shown (XML attribute). */
function textColumn(
  header: string,
  element: string,
  width: number,
  field: ReportField,
  code?: ReportColumn['code'],
): ReportColumn {
  return {
    header,
    element,
    width,
    type: 'text',
    value: (row) => row[field],
    ...(code ? { code } : {}),
  };
}

/** A column of ISO dates (date cells in the workbook). */
function dateColumn(
  header: string,
  element: string,
  width: number,
  field: ReportField,
): ReportColumn {
  return { header, element, width, type: 'date', value: (row) => row[field] };
}

/** The report's columns, in the order the sheet shows them: header, XML element, width, field. */
export const LENDING_REPORT_COLUMNS: readonly ReportColumn[] = [
  textColumn('Request ID', 'requestId', 14, 'requestId'),
  textColumn('External Identifier', 'externalIdentifier', 20, 'externalId'),
  textColumn('Partner', 'partner', 32, 'partnerName', (row) => row.partnerCode),
  textColumn('Title', 'title', 48, 'title'),
  textColumn('Author', 'author', 28, 'author'),
  textColumn('ISBN', 'isbn', 16, 'isbn'),
  textColumn('Location', 'location', 22, 'location'),
  textColumn('Call Number', 'callNumber', 22, 'callNumber'),
  textColumn('Item Barcode', 'itemBarcode', 18, 'itemBarcode'),
  textColumn('Status', 'status', 28, 'statusLabel', (row) => row.status),
  dateColumn('Needed By', 'neededBy', 12, 'neededBy'),
  dateColumn('Due Date', 'dueDate', 12, 'dueDate'),
  textColumn('Level of Service', 'levelOfService', 18, 'levelOfService'),
];

/** Shelf order, as the pull slips go: location, then call number, then request ID; unshelved last. */
export function inShelfOrder(rows: readonly LendingReportRow[]): LendingReportRow[] {
  const text = (a: string | null, b: string | null): number => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return a.localeCompare(b, 'en', { numeric: true });
  };
  return [...rows].sort(
    (a, b) =>
      text(a.location, b.location) ||
      text(a.callNumber, b.callNumber) ||
      text(a.requestId, b.requestId),
  );
}

export type ReportFormat = 'xlsx' | 'xml';

export const REPORT_MIME_TYPES: Readonly<Record<ReportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml',
};

/** "lending-requests-2026-11-23.xlsx" */
export function reportFileName(format: ReportFormat, today: string): string {
  return `lending-requests-${today}.${format}`;
}

// XML 1.0 allows tab, newline and carriage return among the control characters, and no others;
// an imported title carrying one would otherwise make the whole document unreadable.
// eslint-disable-next-line no-control-regex -- matching those characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe inside an XML element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function xmlField(column: ReportColumn, row: LendingReportRow): string {
  const code = column.code ? ` code="${escapeXml(column.code(row))}"` : '';
  const value = column.value(row);
  return value === null || value === ''
    ? `    <${column.element}${code}/>`
    : `    <${column.element}${code}>${escapeXml(value)}</${column.element}>`;
}

/**
 * The report as an XML document: a `lendingRequestsReport` root with one `request` element per
 * request, each holding one element per column (empty when the request has no value). Partner and
 * status carry their codes as attributes beside the names staff read.
 */
export function lendingReportXml(rows: readonly LendingReportRow[], generatedAt: string): string {
  const requests = rows.map((row) =>
    ['  <request>', ...LENDING_REPORT_COLUMNS.map((c) => xmlField(c, row)), '  </request>'].join(
      '\n',
    ),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<lendingRequestsReport generatedAt="${escapeXml(generatedAt)}" count="${rows.length}">`,
    ...requests,
    '</lendingRequestsReport>',
    '',
  ].join('\n');
}

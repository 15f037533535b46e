import type { Cell, SheetData } from 'write-excel-file/node';
import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import {
  inShelfOrder,
  LENDING_REPORT_COLUMNS,
  lendingReportXml,
  REPORT_MIME_TYPES,
  reportFileName,
  type LendingReportRow,
  type ReportColumn,
} from '../../shared/reports/lending-report.ts';
import {
  lendingReportRows,
  markReported,
} from '../../db/repositories/lending-report-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { deskDate } from './desk-time.ts';
import { resolveLendingSelection } from './lending-selection.ts';
import { plural } from './lending-task-rules.ts';
import { viewerOf } from './session-viewer.ts';

/**
 * Print Slip Report (issue "5 · Lending desk"): the chosen rows, or everything the current filter
 * matches, as an Excel workbook or an XML document for the browser to download, each request
 * marked Request Reported — one transaction, so a report that could not be built marks nothing.
 */

type ReportOutput = Output<'lending.report'>;

function cellOf(column: ReportColumn, row: LendingReportRow): Cell {
  const value = column.value(row);
  if (value === null || value === '') return null;
  // Midnight UTC: the workbook stores a calendar day, and the writer converts in UTC.
  return column.type === 'date'
    ? { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' }
    : { value, type: String };
}

/** The workbook: one sheet, a bold header row that stays in view, a row per request. */
async function workbook(rows: readonly LendingReportRow[]): Promise<Buffer> {
  const data: SheetData = [
    LENDING_REPORT_COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
    ...rows.map((row) => LENDING_REPORT_COLUMNS.map((c) => cellOf(c, row))),
  ];
  // Loaded when a report is asked for, not with the desk: most desk days make none.
  const { default: writeExcelFile } = await import('write-excel-file/node');
  return writeExcelFile(data, {
    sheet: 'Lending requests',
    columns: LENDING_REPORT_COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}

export async function lendingReport(
  ctx: DeskContext,
  input: ParsedInput<'lending.report'>,
  session: Session,
): Promise<ReportOutput> {
  const done = await ctx.gate.transaction(async (tx) => {
    const now = ctx.now();
    const today = deskDate(now);
    const viewer = await viewerOf(tx, session);
    const chosen = await resolveLendingSelection(tx, input.selection, viewer, today);
    if (chosen.length === 0) {
      throw new DeskError(
        'NOT_FOUND',
        'The filter lists no lending requests, so there is nothing to report; change the filter or tick the rows to report.',
      );
    }
    const ids = chosen.map((c) => c.id);
    const rows = inShelfOrder(await lendingReportRows(tx, ids));
    const file =
      input.format === 'xlsx'
        ? await workbook(rows)
        : Buffer.from(lendingReportXml(rows, now.toISOString()), 'utf8');
    await markReported(tx, ids);
    const kind = input.format === 'xlsx' ? 'Excel workbook' : 'XML file';
    const fileName = reportFileName(input.format, today);
    const output: ReportOutput = {
      fileName,
      mimeType: REPORT_MIME_TYPES[input.format],
      content: file.toString('base64'),
      rows: rows.length,
      message: `Report of ${plural(rows.length, 'request', 'requests')} ready as ${kind} ${fileName}, in shelf order (location, then call number); each is marked Request Reported.`,
    };
    return { output, requestIds: rows.map((r) => r.requestId) };
  });
  for (const requestId of done.requestIds) {
    ctx.events.emit('requests.changed', { kind: 'lending', requestId });
  }
  return done.output;
}

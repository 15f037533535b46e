import type { PrintJob } from '../../shared/api/contract-printing.ts';
import { DeskError } from '../../shared/api/result.ts';
import { printerLabel, type ChosenPrinter } from '../../shared/printing/printer-choice.ts';
import { formatOf, parsePrinterUri } from '../../shared/printing/printer-uri.ts';
import type { SlipOrigin } from '../../shared/printing/slip-data.ts';
import type { SlipDocument } from '../../shared/printing/slip-document.ts';
import type { Orm } from '../../db/database.ts';
import {
  getPrintJob,
  insertPrintJob,
  type PrintJobRow,
} from '../../db/repositories/print-jobs-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import { renderForPrinter } from '../printing/slip-rendering.ts';

/**
 * Storing a slip as a print job inside a use case's transaction, shared by the print use cases and
 * the desk steps that quick-print (receive, return, ship, pull slips).
 */

export const NO_PRINTER =
  'No printer is set up. Add one in Settings → Printers, or start the desk with --printer URI.';

/** Who prints a slip and when: every slip names the desk it came from. */
export async function originOf(db: Orm, at: Date = new Date()): Promise<SlipOrigin> {
  return {
    institution: await getSetting(db, 'institution'),
    deskName: await getSetting(db, 'deskName'),
    printedAt: at.toISOString(),
  };
}

export function toPrintJob(row: PrintJobRow, requestId: string | null): PrintJob {
  return {
    id: row.id,
    slipKind: row.slipKind as PrintJob['slipKind'],
    title: row.title,
    requestId,
    printer: row.printerName ?? row.printerUri,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    doneAt: row.doneAt,
  };
}

export interface QueueSlipOptions {
  readonly doc: SlipDocument;
  readonly printer: ChosenPrinter;
  readonly copies: number;
  readonly borrowingRequestId?: number | null;
  readonly lendingRequestId?: number | null;
}

/**
 * Renders a slip for its printer and stores the job, inside the caller's transaction: the slip of a
 * desk step is stored with the step or not at all. The caller wakes the queue after commit.
 */
export async function queueSlip(tx: Orm, options: QueueSlipOptions): Promise<PrintJobRow> {
  const parsed = parsePrinterUri(options.printer.uri);
  if (!parsed.ok) {
    throw new DeskError(
      'INVALID_INPUT',
      `${printerLabel(options.printer)} cannot print: ${parsed.message}`,
    );
  }
  const payload = await renderForPrinter(
    options.doc,
    options.printer,
    formatOf(parsed.value),
    options.copies,
  );
  const id = await insertPrintJob(tx, {
    slipKind: options.doc.kind,
    title: options.doc.title,
    document: JSON.stringify(options.doc),
    printerName: options.printer.name,
    printerUri: options.printer.uri,
    payload,
    copies: options.copies,
    borrowingRequestId: options.borrowingRequestId ?? null,
    lendingRequestId: options.lendingRequestId ?? null,
  });
  const row = await getPrintJob(tx, id);
  if (!row) throw new Error(`Print job ${id} vanished inside its own transaction.`);
  return row;
}

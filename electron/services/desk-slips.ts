import type { PrintJob } from '../../shared/api/contract-printing.ts';
import { choosePrinter, printerLabel } from '../../shared/printing/printer-choice.ts';
import { buildSlip } from '../../shared/printing/slips/build-slip.ts';
import type { Orm } from '../../db/database.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import {
  borrowingSlipSource,
  lendingSlipSource,
} from '../../db/repositories/slip-data-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { originOf, queueSlip, toPrintJob } from './slip-jobs.ts';

/** The slip a desk step quick-printed, or why it printed none. */
export type DeskSlip =
  | { readonly job: PrintJob; readonly printer: string }
  | { readonly job: null; readonly reason: 'QUICK_PRINT_OFF' | 'NO_PRINTER' };

type BorrowingSlipKind = 'RECEIVE_SLIP' | 'RETURN_SLIP';
type DeskSlipKind = BorrowingSlipKind | 'SHIPPING_SLIP';

const SLIP_NAMES: Record<DeskSlipKind, string> = {
  RECEIVE_SLIP: 'Receive slip',
  RETURN_SLIP: 'Return slip',
  SHIPPING_SLIP: 'Shipping slip',
};

/**
 * Queues a borrowing request's slip inside the desk step's transaction when quick printing is on
 * for its kind (Alma's Quick Printing, WRLC seed Parts I.5 and II.4), built from the request as the
 * step left it. With no printer at all the step still succeeds: the slip can be printed later.
 */
export async function quickPrintBorrowingSlip(
  ctx: DeskContext,
  tx: Orm,
  kind: BorrowingSlipKind,
  requestId: string,
  noteToPartner: string | null = null,
): Promise<DeskSlip> {
  const settings = await getSetting(tx, 'printing');
  if (!settings.slips[kind].quickPrint) return { job: null, reason: 'QUICK_PRINT_OFF' };
  const printer = choosePrinter(settings, kind, ctx.printing.runPrinterUri);
  if (!printer) return { job: null, reason: 'NO_PRINTER' };
  const source = await borrowingSlipSource(tx, requestId);
  if (!source) throw new Error(`Borrowing request ${requestId} vanished inside its own step.`);
  const origin = await originOf(tx, ctx.now());
  const doc =
    kind === 'RECEIVE_SLIP'
      ? buildSlip({ kind, data: source.receive }, origin)
      : buildSlip({ kind, data: { ...source.return, noteToPartner } }, origin);
  const row = await queueSlip(tx, {
    doc,
    printer,
    copies: settings.slips[kind].copies,
    borrowingRequestId: source.id,
  });
  return { job: toPrintJob(row, source.receive.requestId), printer: printerLabel(printer) };
}

/** The shipping slip of Shipping Items, as quickPrintBorrowingSlip does for the borrowing slips. */
export async function quickPrintShippingSlip(
  ctx: DeskContext,
  tx: Orm,
  requestId: string,
): Promise<DeskSlip> {
  const kind = 'SHIPPING_SLIP';
  const settings = await getSetting(tx, 'printing');
  if (!settings.slips[kind].quickPrint) return { job: null, reason: 'QUICK_PRINT_OFF' };
  const printer = choosePrinter(settings, kind, ctx.printing.runPrinterUri);
  if (!printer) return { job: null, reason: 'NO_PRINTER' };
  const source = await lendingSlipSource(tx, requestId);
  if (!source) throw new Error(`Lending request ${requestId} vanished inside its own step.`);
  const doc = buildSlip({ kind, data: source.shipping }, await originOf(tx, ctx.now()));
  const row = await queueSlip(tx, {
    doc,
    printer,
    copies: settings.slips[kind].copies,
    lendingRequestId: source.id,
  });
  return { job: toPrintJob(row, source.shipping.requestId), printer: printerLabel(printer) };
}

/** What the desk's message line says about the slip ("Receive slip sent to Front desk."). */
export function slipSentence(kind: DeskSlipKind, slip: DeskSlip): string {
  const name = SLIP_NAMES[kind];
  if (slip.job) return `${name} sent to ${slip.printer}.`;
  return slip.reason === 'NO_PRINTER'
    ? 'No printer is set up, so no slip printed; add one in Settings → Printers.'
    : `Quick printing is off for ${name.toLowerCase()}s, so none printed.`;
}

/**
 * After the step committed: the queue sends the new slip and the status bar counts it — once the
 * step's answer is on its way to the window, since both read the database and the scan path need
 * not wait for them (the slip is stored already, so nothing is lost if the desk closes first).
 */
export function afterSlip(ctx: DeskContext, slip: DeskSlip): void {
  if (!slip.job) return;
  setImmediate(() => {
    ctx.printing.queue.wake();
    ctx.printing.publish();
  });
}

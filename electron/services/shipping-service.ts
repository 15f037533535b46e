import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { isIsoDate } from '../../shared/domain/dates.ts';
import { formatLabel } from '../../shared/domain/lending-tasks.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import { formatSlipDate } from '../../shared/printing/slips/slip-text.ts';
import type { Orm } from '../../db/database.ts';
import { updateLending } from '../../db/repositories/desk-requests-repository.ts';
import {
  itemBarcodeOf,
  itemByBarcode,
  lendingByRequestId,
  type DeskLendingRow,
} from '../../db/repositories/lending-desk-repository.ts';
import { requireTransition } from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { afterSlip, quickPrintShippingSlip, slipSentence } from './desk-slips.ts';
import { deskDate } from './desk-time.ts';
import { recordLendingStep } from './lending-step.ts';
import { markApplied, requireUnappliedScan } from './scan-application.ts';
import { alreadyShippedMessage, shipBlock, wrongStatusMessage } from './shipping-lookup-service.ts';

/**
 * Save on Shipping Items (issue 6 part 5) and the task list's Ship non-returnable: Shipped
 * physically with its due date (none for a non-returnable copy), the history event, the partner
 * message (ISO Loaned or the Lender Ship letter), the shipping slip and the record for Undo, in one
 * transaction, which also marks the scan that led to it applied. The wrong book is refused before
 * anything is written.
 */

type ShipOutput = Output<'shipping.ship'>;

const NON_RETURNABLE = 'PHYSICAL_NON_RETURNABLE';

/** The request or the refusal, before anything is written. */
async function shippableRequest(tx: Orm, requestId: string): Promise<DeskLendingRow> {
  const row = await lendingByRequestId(tx, requestId);
  if (!row) {
    throw new DeskError(
      'NOT_FOUND',
      `No lending request has the ID ${requestId}. Scan the request ID from the pull slip again.`,
    );
  }
  const block = shipBlock(row);
  if (block === 'ALREADY_SHIPPED') throw new DeskError('ALREADY_DONE', alreadyShippedMessage(row));
  requireTransition('lending', row.status, 'SHIP', row.profile, () => wrongStatusMessage(row));
  return row;
}

/** The book in hand must be the request's; a request that names none takes the scanned one. */
function checkItem(row: DeskLendingRow, scanned: string): void {
  const expected = itemBarcodeOf(row);
  if (expected !== null && expected.toLowerCase() !== scanned.toLowerCase()) {
    throw new DeskError(
      'CONFLICT',
      `${scanned} is not the item of ${row.requestId} (it expects ${expected}); nothing was changed — check the book against the pull slip.`,
    );
  }
}

function checkDueDate(dueDate: string, today: string): void {
  // The contract's pattern admits 2026-02-31; a loan must also not be due before it leaves.
  if (!isIsoDate(dueDate)) {
    throw new DeskError('INVALID_INPUT', `${dueDate} is not a date; enter the due date again.`);
  }
  if (dueDate < today) {
    throw new DeskError(
      'INVALID_INPUT',
      `The due date ${formatSlipDate(dueDate)} is before today; choose a later due date.`,
    );
  }
}

/**
 * The due date the shipment carries: a loan needs one; a non-returnable copy has none, and may be
 * shipped so only when the partner asked for a Physical non-returnable copy. A due date given with
 * a non-returnable copy is refused, not dropped: staff who typed one expect the book back.
 */
function shipmentDueDate(
  row: DeskLendingRow,
  input: ParsedInput<'shipping.ship'>,
  today: string,
): string | null {
  if (input.nonReturnable) {
    if (row.requestedFormat !== NON_RETURNABLE) {
      throw new DeskError(
        'CONFLICT',
        `${row.requestId} asks for a ${formatLabel(row.requestedFormat)} copy, so it cannot be shipped non-returnable; ship it as a loan with a due date.`,
      );
    }
    if (input.dueDate !== undefined) {
      throw new DeskError(
        'INVALID_INPUT',
        `A non-returnable copy has no due date, but ${formatSlipDate(input.dueDate)} was given; leave the due date empty, or ship it as a loan if it must come back.`,
      );
    }
    return null;
  }
  if (input.dueDate === undefined) {
    throw new DeskError(
      'INVALID_INPUT',
      `Enter a due date: ${row.requestId} is lent and must come back.`,
    );
  }
  checkDueDate(input.dueDate, today);
  return input.dueDate;
}

export async function shipItem(
  ctx: DeskContext,
  input: ParsedInput<'shipping.ship'>,
  session: Session,
): Promise<ShipOutput> {
  const done = await ctx.gate.transaction(async (tx) => {
    await requireUnappliedScan(ctx, input.scanId);
    const row = await shippableRequest(tx, input.requestId);
    checkItem(row, input.itemBarcode);
    const now = ctx.now();
    const dueDate = shipmentDueDate(row, input, deskDate(now));
    const format = input.nonReturnable ? NON_RETURNABLE : 'PHYSICAL';
    const at = now.toISOString();
    const note = input.note || null;

    // A request that named no item now names the one that went out, so Scan In finds it later.
    const namesItem = itemBarcodeOf(row) !== null;
    const item = namesItem ? undefined : await itemByBarcode(tx, input.itemBarcode);
    await updateLending(tx, row.id, {
      ...(namesItem
        ? {}
        : { itemBarcode: item?.barcode ?? input.itemBarcode, itemId: item?.id ?? null }),
      dueDate,
      suppliedFormat: format,
      ...(input.shippingCost !== undefined ? { shippingCost: input.shippingCost } : {}),
      ...(note ? { note } : {}),
    });
    const itemBarcode = itemBarcodeOf(row) ?? item?.barcode ?? input.itemBarcode;
    // The slip shows the columns written above (the status plays no part on it).
    const slip = await quickPrintShippingSlip(ctx, tx, row.requestId);
    const step = await recordLendingStep(tx, session, row, {
      action: 'SHIP',
      to: 'SHIPPED_PHYSICALLY',
      at,
      eventNote: note,
      noteToPartner: note,
      details: { itemBarcode, dueDate, format, shippingCost: input.shippingCost ?? null },
      before: {
        itemId: row.itemId,
        itemBarcode: row.itemBarcode,
        dueDate: row.dueDate,
        suppliedFormat: row.suppliedFormat,
        shippingCost: row.shippingCost,
        note: row.note,
      },
      printJobIds: slip.job ? [slip.job.id] : [],
    });
    await markApplied(ctx, input.scanId, step.actionId, at);
    const packIt = slip.job ? ' Put it in the book and mail the book.' : '';
    const terms = dueDate
      ? `due ${formatSlipDate(dueDate)}`
      : 'as a non-returnable copy (no due date)';
    const output: ShipOutput = {
      requestId: row.requestId,
      statusLabel: statusLabel('lending', 'SHIPPED_PHYSICALLY'),
      dueDate,
      slip: slip.job,
      partnerMessage: step.partnerMessage,
      message: `Shipped ${row.requestId} (${itemBarcode}) to ${row.partner.name}, ${terms}. ${slipSentence('SHIPPING_SLIP', slip)}${packIt}`,
      actionId: step.actionId,
    };
    return { output, slip };
  });
  ctx.events.emit('requests.changed', { kind: 'lending', requestId: done.output.requestId });
  afterSlip(ctx, done.slip);
  return done.output;
}

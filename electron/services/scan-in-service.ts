import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import { LENDING_ACTIONS } from '../../shared/domain/transitions.ts';
import { profileIncludes, stepLabel } from '../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../../db/database.ts';
import {
  itemBarcodeOf,
  itemByBarcode,
  lendingByExternalId,
  lendingByItemBarcode,
  lendingByRequestId,
  newest,
  type DeskLendingRow,
} from '../../db/repositories/lending-desk-repository.ts';
import { requireTransition } from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { listedLending, recordLendingStep } from './lending-step.ts';
import { markApplied, requireUnappliedScan } from './scan-application.ts';

/**
 * Scan In Items (issue 6 part 6) and the task list's Checked In: a lent book that came home →
 * Request completed, the partner told when its profile says so, and the shelf it goes back to —
 * one transaction, undoable. Both paths share one check-in; only how they find the request differs.
 */

type CheckInOutput = Output<'scanIn.checkIn'>;

const isOut = (row: DeskLendingRow): boolean =>
  (LENDING_ACTIONS.SCAN_IN.from as readonly string[]).includes(row.status);

/** "Reshelve at Science Library, QA76.6 .C662 2022." */
function shelfSentence(row: DeskLendingRow): string {
  const where = [row.item?.location, row.item?.callNumber].filter(Boolean).join(', ');
  return where
    ? `Reshelve it at ${where}.`
    : 'No shelving location is recorded for it; look it up in the catalogue before reshelving.';
}

/** The lending request a scan names: by item barcode first (what staff scan), then by ID. */
async function scannedRequest(tx: Orm, value: string): Promise<DeskLendingRow | undefined> {
  const byItem = await lendingByItemBarcode(tx, value);
  const found = byItem.find(isOut) ?? newest(byItem) ?? (await lendingByRequestId(tx, value));
  if (found) return found;
  const byExternal = await lendingByExternalId(tx, value);
  return byExternal.find(isOut) ?? newest(byExternal);
}

async function notFound(tx: Orm, value: string): Promise<DeskError> {
  const item = await itemByBarcode(tx, value);
  const message = item
    ? `${item.barcode} is our copy of "${item.title}", but it is not on a lending request, so there is nothing to check in. Reshelve it as usual.`
    : `${value} is not on a lending request: no lent item, request ID or External Identifier matches. If it is a borrowed book going back to its lender, use Return Items.`;
  return new DeskError('NOT_FOUND', message);
}

/** Refuses a request that is already checked in or was never lent out; nothing is written. */
function requireOut(row: DeskLendingRow): void {
  if (row.status === 'COMPLETED') {
    throw new DeskError(
      'ALREADY_DONE',
      `${row.requestId} (${row.title}) from ${row.partner.name} is already checked in ("Request completed"). ${shelfSentence(row)}`,
    );
  }
  requireTransition(
    'lending',
    row.status,
    'SCAN_IN',
    row.profile,
    (reason) =>
      `${row.requestId} (${row.title}) has not been lent out, so it cannot be checked in. ${reason}`,
  );
}

/** Scan In Items: the request a scanned item barcode, request ID or External Identifier names. */
async function scannedToCheckIn(tx: Orm, value: string): Promise<DeskLendingRow> {
  const row = await scannedRequest(tx, value);
  if (!row) throw await notFound(tx, value);
  requireOut(row);
  return row;
}

/**
 * Checked In on the task list: the request by its ID. The row action is offered only when the
 * partner's lending profile has the Lender check in step, and the service holds to that.
 */
async function listedToCheckIn(tx: Orm, requestId: string): Promise<DeskLendingRow> {
  const row = await listedLending(tx, requestId);
  requireOut(row);
  if (row.profile && !profileIncludes(row.profile, 'LENDER_CHECK_IN')) {
    throw new DeskError(
      'NOT_IN_PROFILE',
      `Checked In is not a step of ${row.partner.name}'s workflow profile "${row.profile.name}" (${stepLabel('LENDING', 'LENDER_CHECK_IN')} is not included). When the item comes back, scan it on Scan In Items.`,
    );
  }
  return row;
}

/**
 * The check-in both paths share: Request completed with its history event, the partner message
 * the profile and protocol imply, and the record for Undo — one transaction, `find` refusing
 * before anything is written. `scanId`, the scan that led to it, is marked applied in it too.
 */
async function checkIn(
  ctx: DeskContext,
  session: Session,
  find: (tx: Orm) => Promise<DeskLendingRow>,
  scanId?: number,
): Promise<CheckInOutput> {
  const output = await ctx.gate.transaction(async (tx) => {
    await requireUnappliedScan(ctx, scanId);
    const row = await find(tx);
    const at = ctx.now().toISOString();
    // ISO partners hear LoanCompleted only when their profile has the Checked In Message step.
    const done = await recordLendingStep(tx, session, row, {
      action: 'SCAN_IN',
      to: 'COMPLETED',
      at,
      eventNote: null,
      noteToPartner: null,
      details: { itemBarcode: itemBarcodeOf(row), checkedInAt: at, dueDate: row.dueDate },
    });
    await markApplied(ctx, scanId, done.actionId, at);
    const result: CheckInOutput = {
      requestId: row.requestId,
      statusLabel: statusLabel('lending', 'COMPLETED'),
      title: row.title,
      partnerName: row.partner.name,
      location: row.item?.location ?? null,
      callNumber: row.item?.callNumber ?? null,
      slip: null,
      partnerMessage: done.partnerMessage,
      message: `Checked in ${row.requestId} (${row.title}) from ${row.partner.name}: request completed.${done.told} ${shelfSentence(row)}`,
      actionId: done.actionId,
    };
    return result;
  });
  ctx.events.emit('requests.changed', { kind: 'lending', requestId: output.requestId });
  return output;
}

/** Scan In Items: the item in hand (or its request ID or External Identifier). */
export async function checkInItem(
  ctx: DeskContext,
  input: ParsedInput<'scanIn.checkIn'>,
  session: Session,
): Promise<CheckInOutput> {
  return checkIn(ctx, session, (tx) => scannedToCheckIn(tx, input.value), input.scanId);
}

/** Checked In from the Lending Requests task list, by request ID. */
export async function checkInListedRequest(
  ctx: DeskContext,
  input: ParsedInput<'lending.checkIn'>,
  session: Session,
): Promise<Output<'lending.checkIn'>> {
  const done = await checkIn(ctx, session, (tx) => listedToCheckIn(tx, input.requestId));
  return {
    requestId: done.requestId,
    status: 'COMPLETED',
    statusLabel: done.statusLabel,
    location: done.location,
    callNumber: done.callNumber,
    slip: done.slip,
    partnerMessage: done.partnerMessage,
    message: done.message,
    actionId: done.actionId,
  };
}

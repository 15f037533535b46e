import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { addOpenDays, type Weekday } from '../../shared/domain/dates.ts';
import {
  describeMessage,
  GENERAL_MESSAGE,
  impliedPartnerMessage,
  ON_HOLD_SHELF_LETTER,
  type ImpliedMessage,
} from '../../shared/domain/partner-message-kinds.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import { formatSlipDate } from '../../shared/printing/slips/slip-text.ts';
import type { Orm } from '../../db/database.ts';
import {
  activeBarcodeHolder,
  borrowingByRequestId,
  type DeskBorrowingRow,
} from '../../db/repositories/borrowing-desk-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import {
  changeStatus,
  recordDeskAction,
  requireTransition,
  type StatusChange,
} from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { queuePartnerMessage, queuePatronLetter } from './desk-messages.ts';
import { afterSlip, quickPrintBorrowingSlip, slipSentence } from './desk-slips.ts';
import { deskDate } from './desk-time.ts';
import { markApplied, requireUnappliedScan } from './scan-application.ts';
import {
  alreadyReceivedMessage,
  receiveBlock,
  wrongStatusMessage,
} from './receiving-lookup-service.ts';

type ReceiveOutput = Output<'receiving.receive'>;
type BarcodeInUse = Extract<ReceiveOutput, { outcome: 'BARCODE_IN_USE' }>;

/** The request or the refusal, before anything is written. */
export async function receivableRequest(tx: Orm, requestId: string): Promise<DeskBorrowingRow> {
  const row = await borrowingByRequestId(tx, requestId);
  if (!row) {
    throw new DeskError(
      'NOT_FOUND',
      `No borrowing request has the ID ${requestId}. Scan the External Identifier from the paperwork again.`,
    );
  }
  const block = receiveBlock(row);
  if (block === 'ALREADY_RECEIVED')
    throw new DeskError('ALREADY_DONE', alreadyReceivedMessage(row));
  requireTransition('borrowing', row.status, 'RECEIVE', row.profile, () => wrongStatusMessage(row));
  return row;
}

/** The scanned barcode with the first free suffix ("31234000123453-2"). */
async function freeBarcode(tx: Orm, barcode: string, requestRowId: number): Promise<string> {
  for (let n = 2; ; n++) {
    const candidate = `${barcode}-${n}`;
    if (!(await activeBarcodeHolder(tx, candidate, requestRowId))) return candidate;
  }
}

async function barcodeClash(
  tx: Orm,
  row: DeskBorrowingRow,
  barcode: string,
): Promise<BarcodeInUse | null> {
  const holder = await activeBarcodeHolder(tx, barcode, row.id);
  if (!holder) return null;
  const suggestion = await freeBarcode(tx, barcode, row.id);
  return {
    outcome: 'BARCODE_IN_USE',
    clashRequestId: holder.requestId,
    suggestion,
    message: `${barcode} is already the item barcode of ${holder.requestId}, which is still active, and Return Items must tell the two books apart. Check that you scanned this book's own barcode; if you did, save it as ${suggestion}.`,
  };
}

/**
 * Saves the Temporary barcode dialog (WRLC seed Part I.4–5): Physically received by library, the
 * Hold Until date, the history event, the partner message, the patron's letter, the receive slip
 * and the record for Undo, in one transaction, which also marks the scan that led to it applied
 * (the scan is the call's idempotency key). A barcode clash writes nothing.
 */
export async function receiveItem(
  ctx: DeskContext,
  input: ParsedInput<'receiving.receive'>,
  session: Session,
): Promise<ReceiveOutput> {
  const done = await ctx.gate.transaction(async (tx) => {
    await requireUnappliedScan(ctx, input.scanId);
    const row = await receivableRequest(tx, input.requestId);
    const clash = await barcodeClash(tx, row, input.tempBarcode);
    if (clash) return { output: clash, slip: null };

    const now = ctx.now();
    const at = now.toISOString();
    const holdUntil = addOpenDays(
      deskDate(now),
      await getSetting(tx, 'holdShelfDays'),
      (await getSetting(tx, 'closedWeekdays')) as Weekday[],
    );
    const change: StatusChange = {
      kind: 'borrowing',
      rowId: row.id,
      action: 'RECEIVE',
      from: row.status,
      to: 'RECEIVED',
      changes: { receivedAt: at, holdUntil, tempBarcode: input.tempBarcode, pieces: input.pieces },
      at,
      operatorId: session.operatorId,
      note: input.internalNote || null,
    };
    const eventId = await changeStatus(tx, change);
    const request = { kind: 'borrowing' as const, ...row };
    const common = { request, action: 'RECEIVE', from: row.status, to: 'RECEIVED', at };
    const messageIds: number[] = [];

    const implied = impliedPartnerMessage('borrowing', 'RECEIVE', row.status, row.partner.protocol);
    // The seed's email partners get no "received" letter; a note typed for one still goes.
    const partnerMessage: ImpliedMessage | null =
      implied ?? (input.noteToPartner ? { channel: 'email', kind: GENERAL_MESSAGE } : null);
    if (partnerMessage) {
      messageIds.push(
        await queuePartnerMessage(tx, {
          ...common,
          partner: row.partner,
          message: partnerMessage,
          note: input.noteToPartner || null,
          details: { pieces: input.pieces, receivedAt: at, dueDate: row.dueDate },
        }),
      );
    }
    const patronEmail = row.patron.email;
    if (input.notifyPatron && patronEmail) {
      messageIds.push(
        await queuePatronLetter(tx, {
          ...common,
          patron: { ...row.patron, email: patronEmail },
          letter: ON_HOLD_SHELF_LETTER,
          details: {
            holdUntil,
            pickupLocation: row.patron.pickupLocation,
            dueDate: row.dueDate,
            pieces: input.pieces,
          },
        }),
      );
    }

    const slip = await quickPrintBorrowingSlip(ctx, tx, 'RECEIVE_SLIP', row.requestId);
    const actionId = await recordDeskAction(tx, {
      session,
      change,
      requestId: row.requestId,
      before: {
        status: row.status,
        receivedAt: row.receivedAt,
        holdUntil: row.holdUntil,
        tempBarcode: row.tempBarcode,
        pieces: row.pieces,
      },
      eventId,
      printJobIds: slip.job ? [slip.job.id] : [],
      messageIds,
    });
    await markApplied(ctx, input.scanId, actionId, at);
    const noLetter =
      input.notifyPatron && !patronEmail
        ? ` ${row.patron.name} has no email address, so no hold-shelf letter was sent.`
        : '';
    const output: ReceiveOutput = {
      outcome: 'RECEIVED',
      requestId: row.requestId,
      statusLabel: statusLabel('borrowing', 'RECEIVED'),
      holdUntil,
      tempBarcode: input.tempBarcode,
      slip: slip.job,
      partnerMessage: partnerMessage ? describeMessage(partnerMessage) : null,
      message: `Received ${row.requestId} for ${row.patron.name}: on the hold shelf until ${formatSlipDate(holdUntil)}. ${slipSentence('RECEIVE_SLIP', slip)}${noLetter}`,
      actionId,
    };
    return { output, slip };
  });
  if (done.output.outcome === 'RECEIVED') {
    ctx.events.emit('requests.changed', { kind: 'borrowing', requestId: done.output.requestId });
  }
  if (done.slip) afterSlip(ctx, done.slip);
  return done.output;
}

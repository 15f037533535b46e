import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { describeMessage } from '../../shared/domain/partner-message-kinds.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import { BORROWING_ACTIONS, transition } from '../../shared/domain/transitions.ts';
import { judgeScan } from '../../shared/scanning/scan-kinds.ts';
import { addressLines } from '../../shared/printing/slips/slip-text.ts';
import type { Orm } from '../../db/database.ts';
import {
  borrowingByItemBarcode,
  borrowingByRequestId,
  type DeskBorrowingRow,
} from '../../db/repositories/borrowing-desk-repository.ts';
import { lastEventAt } from '../../db/repositories/request-events-repository.ts';
import {
  changeStatus,
  recordDeskAction,
  requireTransition,
  type StatusChange,
} from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { queueImpliedMessage } from './desk-messages.ts';
import { afterSlip, quickPrintBorrowingSlip, slipSentence } from './desk-slips.ts';
import { formatWhen } from './desk-time.ts';
import { listOfLabels, receiveBlock } from './receiving-lookup-service.ts';
import { markApplied, requireUnappliedScan } from './scan-application.ts';
import { classifyScan } from './scan-service.ts';

/**
 * Return Items (WRLC seed Part II): the item barcode finds the borrowing request, the Transit
 * Destination names the lending partner, and OK sends the book home with its return slip.
 */

/** Why Return Items cannot take a request now, or null when it can. */
function returnBlock(row: DeskBorrowingRow): 'ALREADY_RETURNED' | 'WRONG_STATUS' | null {
  if (transition('borrowing', row.status, 'RETURN_TO_PARTNER', row.profile).ok) return null;
  const returned =
    row.status === 'RETURNED_TO_PARTNER' || (row.status === 'COMPLETED' && row.receivedAt !== null);
  return returned ? 'ALREADY_RETURNED' : 'WRONG_STATUS';
}

async function alreadyReturnedMessage(db: Orm, row: DeskBorrowingRow): Promise<string> {
  const at = await lastEventAt(db, 'borrowing', row.id, 'RETURN_TO_PARTNER');
  const when = at ? ` on ${formatWhen(at)}` : '';
  return `${row.requestId} was already returned to ${row.partner.name}${when}; it needs nothing more. Reprint its return slip if the one in the book is lost.`;
}

function wrongStatusMessage(row: DeskBorrowingRow): string {
  const notYet =
    receiveBlock(row) === null
      ? ' It has not been received yet: receive it on Receiving Items first.'
      : ' Change the request from Borrowing Requests if the book really is going back.';
  return `${row.requestId} cannot go back to the partner while it is "${statusLabel('borrowing', row.status)}": Return Items takes items that are ${listOfLabels(BORROWING_ACTIONS.RETURN_TO_PARTNER.from)}.${notYet}`;
}

/** Of the requests a barcode belongs to, the one Return Items means: returnable, else the newest. */
function chooseRequest(rows: readonly DeskBorrowingRow[]): DeskBorrowingRow | undefined {
  return rows.find((r) => returnBlock(r) === null) ?? rows.at(-1);
}

export async function lookupReturning(
  ctx: DeskContext,
  input: ParsedInput<'returning.lookup'>,
): Promise<Output<'returning.lookup'>> {
  const value = input.value;
  return ctx.gate.read(async (db) => {
    const row = chooseRequest(await borrowingByItemBarcode(db, value));
    if (!row) {
      // An External Identifier or any other known value is named, with the seed's advice.
      const verdict = judgeScan('Return Items', value, await classifyScan(ctx, value));
      return {
        request: null,
        message:
          verdict.outcome === 'ERROR' && verdict.code === 'WRONG_KIND'
            ? verdict.message
            : `No borrowed item has the barcode ${value}. Scan the item barcode (the one given at Receiving Items), not the External Identifier.`,
      };
    }
    const blocked = returnBlock(row);
    const message =
      blocked === 'ALREADY_RETURNED'
        ? await alreadyReturnedMessage(db, row)
        : blocked === 'WRONG_STATUS'
          ? wrongStatusMessage(row)
          : `${row.requestId} (${row.title}) goes back to ${row.partner.name}. Confirm the Transit Destination.`;
    return {
      request: {
        requestId: row.requestId,
        externalId: row.externalId,
        title: row.title,
        patronName: row.patron.name,
        status: row.status,
        statusLabel: statusLabel('borrowing', row.status),
        blocked,
        partnerCode: row.partner.code,
        partnerName: row.partner.name,
        partnerAddress: addressLines(row.partner.address),
      },
      message,
    };
  });
}

async function returnableRequest(tx: Orm, requestId: string): Promise<DeskBorrowingRow> {
  const row = await borrowingByRequestId(tx, requestId);
  if (!row) {
    throw new DeskError(
      'NOT_FOUND',
      `No borrowing request has the ID ${requestId}. Scan the item barcode again.`,
    );
  }
  const blocked = returnBlock(row);
  if (blocked === 'ALREADY_RETURNED') {
    throw new DeskError('ALREADY_DONE', await alreadyReturnedMessage(tx, row));
  }
  requireTransition('borrowing', row.status, 'RETURN_TO_PARTNER', row.profile, () =>
    wrongStatusMessage(row),
  );
  return row;
}

/**
 * OK on the Transit Destination dialog: Returned item to partner, the history event, the partner
 * message (ISO ShippedReturn or the General Message letter), the return slip and the record for
 * Undo, in one transaction, which also marks the scan that led to it applied.
 */
export async function returnItem(
  ctx: DeskContext,
  input: ParsedInput<'returning.return'>,
  session: Session,
): Promise<Output<'returning.return'>> {
  const note = input.noteToPartner || null;
  const done = await ctx.gate.transaction(async (tx) => {
    await requireUnappliedScan(ctx, input.scanId);
    const row = await returnableRequest(tx, input.requestId);
    const at = ctx.now().toISOString();
    const change: StatusChange = {
      kind: 'borrowing',
      rowId: row.id,
      action: 'RETURN_TO_PARTNER',
      from: row.status,
      to: 'RETURNED_TO_PARTNER',
      at,
      operatorId: session.operatorId,
      note: note && `Note to partner: ${note}`,
    };
    const eventId = await changeStatus(tx, change);
    const { message, messageIds } = await queueImpliedMessage(tx, {
      request: { kind: 'borrowing', ...row },
      partner: row.partner,
      profile: row.profile,
      action: 'RETURN_TO_PARTNER',
      from: row.status,
      to: 'RETURNED_TO_PARTNER',
      at,
      note,
      details: { pieces: row.pieces, dueDate: row.dueDate, itemBarcode: row.tempBarcode },
    });
    const slip = await quickPrintBorrowingSlip(ctx, tx, 'RETURN_SLIP', row.requestId, note);
    const actionId = await recordDeskAction(tx, {
      session,
      change,
      requestId: row.requestId,
      before: { status: row.status },
      eventId,
      printJobIds: slip.job ? [slip.job.id] : [],
      messageIds,
    });
    await markApplied(ctx, input.scanId, actionId, at);
    const packIt = slip.job ? ' Put it in the book and mail the book back.' : '';
    return {
      slip,
      output: {
        requestId: row.requestId,
        statusLabel: statusLabel('borrowing', 'RETURNED_TO_PARTNER'),
        slip: slip.job,
        partnerMessage: message ? describeMessage(message) : null,
        message: `Returned ${row.requestId} to ${row.partner.name}. ${slipSentence('RETURN_SLIP', slip)}${packIt}`,
        actionId,
      },
    };
  });
  ctx.events.emit('requests.changed', { kind: 'borrowing', requestId: done.output.requestId });
  afterSlip(ctx, done.slip);
  return done.output;
}

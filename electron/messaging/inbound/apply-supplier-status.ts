import { deskDateOf, type IsoStatus, type IsoSupplyingAgencyMessage } from '../iso18626/index.ts';
import { transition, type BORROWING_ACTIONS } from '../../../shared/domain/transitions.ts';
import type { Orm } from '../../../db/database.ts';
import {
  activeBarcodeHolder,
  borrowingByRequestId,
  type DeskBorrowingRow,
} from '../../../db/repositories/borrowing-desk-repository.ts';
import {
  borrowingExternalIdTaken,
  recordLoanedColumns,
  type InboundPartner,
  type LoanedColumns,
} from '../../../db/repositories/inbound-repository.ts';
import { addAlert } from '../../../db/repositories/request-alerts-repository.ts';
import { nextInRota, sendToNextInRota } from '../../services/rota-step.ts';
import { InboundRefusal } from './inbound-refusal.ts';
import {
  fromPartner,
  movePerPartner,
  noteFromPartner,
  notification,
  repeats,
  statusWords,
  type Applied,
} from './inbound-steps.ts';

/**
 * A lender's supplying agency message → our borrowing request (we are the requester): the status
 * it reports moves the request (WillSupply → Will supply, ExpectToSupply → Conditional, Loaned →
 * Shipped physically keeping the lender's item barcode, due date and request ID, Unfilled →
 * Rejected, LoanCompleted → Request completed, Overdue, Recalled, Cancelled); answers to our
 * Renew and Cancel say yes or no; a Notification is a note.
 */

/** The borrowing action each supplier status is. */
const MOVES: Partial<Record<IsoStatus, keyof typeof BORROWING_ACTIONS>> = {
  WillSupply: 'PARTNER_WILL_SUPPLY',
  ExpectToSupply: 'PARTNER_CONDITIONAL',
  Loaned: 'PARTNER_SHIPPED',
  Unfilled: 'PARTNER_REJECTED',
  LoanCompleted: 'LENDER_CHECKED_IN',
  Overdue: 'MARK_OVERDUE',
  Recalled: 'PARTNER_RECALLED',
  Cancelled: 'CANCELLED_BY_PARTNER',
};

/** Alert codes this side raises. */
export const REJECTED_BY_PARTNER_ALERT = 'REJECTED_BY_PARTNER';
export const PARTNER_SAID_NO_ALERT = 'PARTNER_SAID_NO';

/** The borrowing request a message is about: ours by its requestingAgencyRequestId, this partner's. */
async function borrowingRequestOf(
  tx: Orm,
  partner: InboundPartner,
  message: IsoSupplyingAgencyMessage,
): Promise<DeskBorrowingRow> {
  const ours = message.header.requestingAgencyRequestId;
  const row = await borrowingByRequestId(tx, ours);
  if (row?.partner.id === partner.id) return row;
  throw new InboundRefusal(
    'UnrecognisedDataValue',
    `This library sent you no request ${ours}; check the requestingAgencyRequestId.`,
    `${partner.code} sent ${message.statusInfo.status} for ${ours}, which is no borrowing request sent to them.`,
  );
}

/** The words a lender added: its note, why it cannot supply, on what condition. */
function saidWith(message: IsoSupplyingAgencyMessage): string | undefined {
  const parts = [
    message.messageInfo.note,
    message.messageInfo.reasonUnfilled && `reason: ${message.messageInfo.reasonUnfilled}`,
    message.messageInfo.reasonRetry && `reason: ${message.messageInfo.reasonRetry}`,
    message.retryInfo?.loanCondition && `condition: ${message.retryInfo.loanCondition}`,
  ].filter((part): part is string => Boolean(part?.trim()));
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** An External Identifier no lender issued: empty, or our own request ID standing in for it. */
const isPlaceholder = (row: DeskBorrowingRow) =>
  row.externalId.trim() === '' || row.externalId.toUpperCase() === row.requestId.toUpperCase();

/**
 * Loaned: the lender's item barcode (Receiving Items and Return Items find the request by it), the
 * due date, and the lender's request ID as External Identifier when we had only a placeholder.
 * Returns what it kept, for the history note.
 */
async function keepLoanDetails(
  tx: Orm,
  row: DeskBorrowingRow,
  partner: InboundPartner,
  message: IsoSupplyingAgencyMessage,
  at: string,
): Promise<string[]> {
  const columns: LoanedColumns = { updatedAt: at };
  const kept: string[] = [];
  const itemId = message.deliveryInfo?.itemId?.trim();
  if (itemId) {
    const holder = await activeBarcodeHolder(tx, itemId, row.id);
    if (holder) kept.push(`item ${itemId} (not kept: ${holder.requestId} already has it)`);
    else {
      columns.lenderItemBarcode = itemId;
      kept.push(`item ${itemId}`);
    }
  }
  const due = message.statusInfo.dueDate && deskDateOf(message.statusInfo.dueDate);
  if (due) {
    columns.dueDate = due;
    kept.push(`due ${due}`);
  }
  const theirs = message.header.supplyingAgencyRequestId?.trim();
  if (
    theirs &&
    isPlaceholder(row) &&
    !(await borrowingExternalIdTaken(tx, theirs, partner.id, row.id))
  ) {
    columns.externalId = theirs;
    kept.push(`their request ${theirs}`);
  }
  await recordLoanedColumns(tx, row.id, columns);
  return kept;
}

/** RenewResponse and CancelResponse: a yes moves the request, a no is an alert for staff. */
async function applyAnswer(
  tx: Orm,
  row: DeskBorrowingRow,
  partner: InboundPartner,
  message: IsoSupplyingAgencyMessage,
  at: string,
): Promise<void> {
  const reason = message.messageInfo.reasonForMessage;
  const what = reason === 'RenewResponse' ? 'renewal' : 'cancellation';
  const note = fromPartner(partner, reason, saidWith(message));
  if (message.messageInfo.answerYesNo !== 'Y') {
    await noteFromPartner(tx, 'borrowing', row, 'PARTNER_SAID_NO', `${note} (no)`, at);
    await addAlert(tx, {
      kind: 'borrowing',
      requestRowId: row.id,
      code: PARTNER_SAID_NO_ALERT,
      message: `${partner.name} refused the ${what} of ${row.requestId}${saidWith(message) ? ` (${saidWith(message)})` : ''}.`,
      at,
    });
    return;
  }
  if (reason === 'CancelResponse' && row.status === 'CANCELLED') {
    // We cancelled already when we asked; the yes only confirms it.
    await noteFromPartner(tx, 'borrowing', row, 'PARTNER_CONFIRMED', `${note} (yes)`, at);
    return;
  }
  const action = reason === 'RenewResponse' ? 'PARTNER_RENEWED' : 'CANCELLED_BY_PARTNER';
  await movePerPartner(tx, {
    kind: 'borrowing',
    target: row,
    partner,
    action,
    at,
    note: `${note} (yes)`,
    refusedAs: 'UnrecognisedDataValue',
  });
  const due = message.statusInfo.dueDate && deskDateOf(message.statusInfo.dueDate);
  if (reason === 'RenewResponse' && due) {
    await recordLoanedColumns(tx, row.id, { dueDate: due, updatedAt: at });
  }
}

export async function applySupplierStatus(
  tx: Orm,
  partner: InboundPartner,
  message: IsoSupplyingAgencyMessage,
  at: string,
): Promise<Applied> {
  const row = await borrowingRequestOf(tx, partner, message);
  const { status } = message.statusInfo;
  const reason = message.messageInfo.reasonForMessage;
  const applied: Applied = {
    kind: 'borrowing',
    rowId: row.id,
    requestId: row.requestId,
    journalKind: reason === 'StatusChange' || reason === 'RequestResponse' ? status : reason,
  };
  const said = saidWith(message);

  if (reason === 'RenewResponse' || reason === 'CancelResponse') {
    await applyAnswer(tx, row, partner, message, at);
    return applied;
  }
  if (reason === 'Notification' || status === 'RequestReceived') {
    const history = fromPartner(partner, reason === 'Notification' ? reason : status, said);
    await notification(tx, 'borrowing', row, partner, history, message.messageInfo.note, at);
    return applied;
  }
  const action = MOVES[status];
  if (action === undefined) {
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      `This library does not act on the status ${status}; tell it by email instead.`,
      `${partner.code} sent status ${status} for ${row.requestId}, which the desk does not handle.`,
    );
  }
  if (repeats('borrowing', row, action)) {
    // A status repeated (a resend, a status request's answer) changes nothing.
    await noteFromPartner(
      tx,
      'borrowing',
      row,
      'PARTNER_REPEATED',
      `${fromPartner(partner, status, said)}; ${statusWords('borrowing', row)} already`,
      at,
    );
    return applied;
  }
  if (
    reason === 'StatusRequestResponse' &&
    !transition('borrowing', row.status, action, row.profile).ok
  ) {
    // The answer to our StatusRequest reports where the lender is; only news moves the request.
    await noteFromPartner(
      tx,
      'borrowing',
      row,
      'PARTNER_STATUS',
      `${fromPartner(partner, reason, said)}: ${status}; ${statusWords('borrowing', row)}`,
      at,
    );
    return applied;
  }
  const rejected = action === 'PARTNER_REJECTED';
  const next = rejected ? await nextInRota(tx, row.id) : null;
  const kept =
    action === 'PARTNER_SHIPPED' ? await keepLoanDetails(tx, row, partner, message, at) : [];
  const note = [
    fromPartner(partner, status, said),
    ...(kept.length > 0 ? [kept.join(', ')] : []),
    ...(rejected
      ? [next ? `Next partner in the rota: ${next.partner.name}` : 'No next partner in the rota']
      : []),
  ].join('. ');
  await movePerPartner(tx, {
    kind: 'borrowing',
    target: row,
    partner,
    action,
    at,
    note,
    refusedAs: 'UnrecognisedDataValue',
  });
  // With a next lender the request goes on to it; at the end of the rota staff decide.
  const moved = next ? await sendToNextInRota(tx, row.requestId, at, null) : null;
  if (rejected && !moved) {
    await addAlert(tx, {
      kind: 'borrowing',
      requestRowId: row.id,
      code: REJECTED_BY_PARTNER_ALERT,
      message: `${partner.name} cannot supply ${row.requestId}${said ? ` (${said})` : ''}. No next partner in the rota: send it to another partner, or cancel it.`,
      at,
    });
  }
  return applied;
}

import type { ReceivingCandidate } from '../../shared/api/contract-borrowing-desk.ts';
import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import { BORROWING_ACTIONS, transition } from '../../shared/domain/transitions.ts';
import { judgeScan } from '../../shared/scanning/scan-kinds.ts';
import {
  borrowingByExternalId,
  nearestByExternalId,
  type DeskBorrowingRow,
} from '../../db/repositories/borrowing-desk-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { formatWhen } from './desk-time.ts';
import { classifyScan } from './scan-service.ts';

/**
 * Receiving Items, first step (WRLC seed Part I.3): which borrowing request the External
 * Identifier on the paperwork belongs to, and when none does, the nearest ones and what to do.
 */

/** Statuses only a received book reaches: a request in one of them was received already. */
const AFTER_RECEIPT: readonly string[] = [
  'RECEIVED',
  'LOANED',
  'RETURNED_BY_PATRON',
  'RETURNED_TO_PARTNER',
  'RENEWED',
  'RECALLED',
  'OVERDUE',
];

/** Why Receiving Items cannot take a request now, or null when it can. */
export function receiveBlock(row: DeskBorrowingRow): 'ALREADY_RECEIVED' | 'WRONG_STATUS' | null {
  if (transition('borrowing', row.status, 'RECEIVE', row.profile).ok) return null;
  return AFTER_RECEIPT.includes(row.status) || row.receivedAt !== null
    ? 'ALREADY_RECEIVED'
    : 'WRONG_STATUS';
}

/** "Request sent to partner, Will supply or Shipped physically" */
export function listOfLabels(codes: readonly string[]): string {
  const labels = codes.map((c) => statusLabel('borrowing', c));
  return labels.length > 1
    ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1) ?? ''}`
    : (labels[0] ?? '');
}

export function alreadyReceivedMessage(row: DeskBorrowingRow): string {
  const when = row.receivedAt
    ? `${row.requestId} was already received on ${formatWhen(row.receivedAt)}`
    : `${row.requestId} has already been received`;
  return row.status === 'RECEIVED'
    ? `${when}; it needs nothing more. Reprint its receive slip if the strap is lost.`
    : `${when} and is now "${statusLabel('borrowing', row.status)}"; it needs nothing more here.`;
}

export function wrongStatusMessage(row: DeskBorrowingRow): string {
  return `${row.requestId} cannot be received while it is "${statusLabel('borrowing', row.status)}": Receiving Items takes requests that are ${listOfLabels(BORROWING_ACTIONS.RECEIVE.from)}. Check the paperwork, or change the request from Borrowing Requests.`;
}

export function toCandidate(row: DeskBorrowingRow): ReceivingCandidate {
  return {
    requestId: row.requestId,
    externalId: row.externalId,
    partnerCode: row.partner.code,
    partnerName: row.partner.name,
    title: row.title,
    author: row.author,
    patronName: row.patron.name,
    status: row.status,
    statusLabel: statusLabel('borrowing', row.status),
    blocked: receiveBlock(row),
    receivedAt: row.receivedAt,
    holdUntil: row.holdUntil,
    tempBarcode: row.tempBarcode,
  };
}

const COUNT_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];

function foundMessage(value: string, rows: readonly DeskBorrowingRow[]): string {
  const [row] = rows;
  if (rows.length > 1 || !row) {
    const count = COUNT_WORDS[rows.length] ?? String(rows.length);
    return `${count} partners issued External Identifier ${value}: choose the request this book belongs to.`;
  }
  switch (receiveBlock(row)) {
    case 'ALREADY_RECEIVED':
      return alreadyReceivedMessage(row);
    case 'WRONG_STATUS':
      return wrongStatusMessage(row);
    case null:
      return `Found ${row.requestId} for ${row.patron.name}: ${row.title}, from ${row.partner.name}. Scan the item's own barcode as its temporary barcode.`;
  }
}

function nearestMessage(value: string, nearest: readonly DeskBorrowingRow[]): string {
  const list = nearest.map((r) => `${r.externalId} (${r.requestId}, ${r.title})`).join('; ');
  return `No borrowing request has External Identifier ${value}. The nearest: ${list}. Check the paperwork and scan again.`;
}

export async function lookupReceiving(
  ctx: DeskContext,
  input: ParsedInput<'receiving.lookup'>,
): Promise<Output<'receiving.lookup'>> {
  const value = input.value;
  return ctx.gate.read(async (db) => {
    const rows = await borrowingByExternalId(db, value);
    if (rows.length > 0) {
      return { candidates: rows.map(toCandidate), nearest: [], message: foundMessage(value, rows) };
    }
    // A value of another kind (an item barcode, a request ID) is named before guessing at misreads.
    const verdict = judgeScan('Receiving Items', value, await classifyScan(ctx, value));
    if (verdict.outcome === 'ERROR' && verdict.code === 'WRONG_KIND') {
      return { candidates: [], nearest: [], message: verdict.message };
    }
    const nearest = await nearestByExternalId(db, value);
    return {
      candidates: [],
      nearest: nearest.map(toCandidate),
      message:
        nearest.length > 0
          ? nearestMessage(value, nearest)
          : `No borrowing request has External Identifier ${value}, and none is close to it. Check the paperwork and scan again, or type the identifier and press Enter.`,
    };
  });
}

import type { Orm } from '../../db/database.ts';
import { borrowingByRequestId } from '../../db/repositories/borrowing-desk-repository.ts';
import { borrowingCitation } from '../../db/repositories/request-citation-repository.ts';
import { insertRequestEvent } from '../../db/repositories/request-events-repository.ts';
import {
  borrowingRota,
  moveBorrowingRota,
  switchLender,
  type RotaPartner,
} from '../../db/repositories/rotas-repository.ts';
import type { ImpliedMessage } from '../../shared/domain/partner-message-kinds.ts';
import { transition } from '../../shared/domain/transitions.ts';
import { changeStatus } from './desk-action-recorder.ts';
import { queueImpliedMessage } from './desk-messages.ts';

/**
 * The rota at work (issue "9 · Configuration", part 3): when a lender cannot supply a borrowing
 * request (ISO 18626 Unfilled, or staff recording Partner rejected), the request goes to the next
 * active lender in its rota, the standard way: its partner changes, then Send to partner moves it
 * from Rejected back to Sent and queues the ISO Request (or the email letter) to the new lender
 * through the outbox. Both happen in the caller's transaction, with the rejection.
 */

export interface NextLender {
  readonly partner: RotaPartner;
  readonly position: number;
}

/** The next active lender in a request's rota after the one it is with now; null at the end. */
export async function nextInRota(tx: Orm, borrowingRowId: number): Promise<NextLender | null> {
  const rota = await borrowingRota(tx, borrowingRowId);
  if (!rota) return null;
  for (let position = rota.position + 1; position < rota.partners.length; position++) {
    const partner = rota.partners[position];
    if (partner?.active) return { partner, position };
  }
  return null;
}

export interface RotaMove {
  readonly partnerName: string;
  readonly status: string;
  readonly message: ImpliedMessage | null;
  readonly messageIds: number[];
}

/**
 * Sends a just-rejected borrowing request to the next lender in its rota; null when the rota has
 * none (or the request has no rota), leaving it Rejected for staff.
 */
export async function sendToNextInRota(
  tx: Orm,
  requestId: string,
  at: string,
  operatorId: number | null,
): Promise<RotaMove | null> {
  const before = await borrowingByRequestId(tx, requestId);
  if (!before) return null;
  const next = await nextInRota(tx, before.id);
  if (!next) return null;
  await switchLender(tx, before, next.partner.id, at);
  await moveBorrowingRota(tx, before.id, next.position);
  await insertRequestEvent(tx, {
    kind: 'borrowing',
    requestRowId: before.id,
    at,
    operatorId,
    action: 'ROTA_NEXT',
    fromStatus: null,
    toStatus: null,
    note: `${before.partner.name} could not supply; next in the rota: ${next.partner.name}`,
  });
  const moved = await borrowingByRequestId(tx, requestId);
  if (!moved) return null;
  const step = transition('borrowing', moved.status, 'SEND', moved.profile);
  if (!step.ok) {
    // The new lender's profile or the status leaves sending to staff; the partner changed anyway.
    return { partnerName: next.partner.name, status: moved.status, message: null, messageIds: [] };
  }
  await changeStatus(tx, {
    kind: 'borrowing',
    rowId: moved.id,
    action: 'SEND',
    from: moved.status,
    to: step.to,
    at,
    operatorId,
    note: `Sent to ${next.partner.name}, next in the rota`,
  });
  const { message, messageIds } = await queueImpliedMessage(tx, {
    request: { ...moved, kind: 'borrowing' },
    partner: moved.partner,
    profile: moved.profile,
    action: 'SEND',
    from: moved.status,
    to: step.to,
    at,
    note: null,
    details: { dueDate: moved.dueDate, ...(await borrowingCitation(tx, moved.id)) },
  });
  return { partnerName: next.partner.name, status: step.to, message, messageIds };
}

import type { IsoAction, IsoRequestingAgencyMessage } from '../iso18626/index.ts';
import { profileIncludes } from '../../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../../../db/database.ts';
import type { InboundPartner } from '../../../db/repositories/inbound-repository.ts';
import {
  itemBarcodeOf,
  lendingByExternalId,
  lendingByRequestId,
  type DeskLendingRow,
} from '../../../db/repositories/lending-desk-repository.ts';
import { queuePartnerMessage } from '../../services/desk-messages.ts';
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
 * A borrower's requesting agency message → our lending request (we are the supplier): Received →
 * Received by partner, ShippedReturn → Returned by partner, Renew → Renew requested, Cancel →
 * Cancelled (with a CancelResponse when the lending profile has the Cancel reply step),
 * StatusRequest → answered with a StatusRequestResponse in the outbox, Notification → a note.
 */

/** The lending action each requester action is, where it moves the request. */
const MOVES: Partial<Record<IsoAction, string>> = {
  Received: 'RECEIVED_BY_PARTNER',
  ShippedReturn: 'RETURNED_BY_PARTNER',
  Renew: 'RENEW_REQUESTED',
  Lost: 'MARK_LOST',
};

/**
 * The lending request a message is about: by our request ID (its supplyingAgencyRequestId), else
 * by the borrower's (its requestingAgencyRequestId, our External Identifier) — this partner's only.
 */
async function lendingRequestOf(
  tx: Orm,
  partner: InboundPartner,
  message: IsoRequestingAgencyMessage,
): Promise<DeskLendingRow> {
  const { supplyingAgencyRequestId: ours, requestingAgencyRequestId: theirs } = message.header;
  const byOurs = ours === undefined ? undefined : await lendingByRequestId(tx, ours);
  if (byOurs?.partner.id === partner.id) return byOurs;
  const byTheirs = (await lendingByExternalId(tx, theirs)).filter(
    (row) => row.partner.id === partner.id,
  );
  const found = byTheirs.at(-1);
  if (found) return found;
  const named = ours === undefined ? theirs : `${theirs} (supplyingAgencyRequestId ${ours})`;
  throw new InboundRefusal(
    'UnrecognisedDataValue',
    `This library has no lending request for your request ${named}.`,
    `${partner.code} sent ${message.action} for ${named}, which is no lending request of theirs here.`,
  );
}

export async function applyRequesterAction(
  tx: Orm,
  partner: InboundPartner,
  message: IsoRequestingAgencyMessage,
  at: string,
): Promise<Applied> {
  const row = await lendingRequestOf(tx, partner, message);
  const target = { ...row, profile: row.profile };
  const applied: Applied = {
    kind: 'lending',
    rowId: row.id,
    requestId: row.requestId,
    journalKind: message.action,
  };
  const note = fromPartner(partner, message.action, message.note);

  if (message.action === 'StatusRequest') {
    // The answer is a supplying agency message of its own, sent through the outbox.
    await queuePartnerMessage(tx, {
      request: { kind: 'lending', ...row },
      partner,
      message: { channel: 'iso18626', kind: 'StatusRequestResponse' },
      action: 'STATUS_REQUEST',
      from: row.status,
      to: row.status,
      at,
      note: null,
      details: { dueDate: row.dueDate, itemBarcode: itemBarcodeOf(row) },
    });
    await noteFromPartner(
      tx,
      'lending',
      target,
      'PARTNER_STATUS_REQUEST',
      `${note}; answered that ${statusWords('lending', target)}`,
      at,
    );
    return applied;
  }
  if (message.action === 'Notification') {
    await notification(tx, 'lending', target, partner, note, message.note, at);
    return applied;
  }
  const action =
    message.action === 'Cancel'
      ? // The CancelResponse goes only when the lending profile has the Cancel reply step.
        row.profile && !profileIncludes(row.profile, 'CANCEL_REPLY')
        ? 'CANCELLED_BY_PARTNER'
        : 'CANCEL'
      : MOVES[message.action];
  if (action === undefined) {
    throw new InboundRefusal(
      'UnsupportedActionType',
      `This library does not act on ${message.action} messages; tell it by email instead.`,
      `${partner.code} sent ${message.action} for ${row.requestId}, which the desk does not handle.`,
    );
  }
  if (repeats('lending', target, action)) {
    await noteFromPartner(
      tx,
      'lending',
      target,
      'PARTNER_REPEATED',
      `${note}; ${statusWords('lending', target)} already`,
      at,
    );
    return applied;
  }
  await movePerPartner(tx, {
    kind: 'lending',
    target,
    partner,
    action,
    at,
    note,
    refusedAs: 'UnsupportedActionType',
    details: { answerYesNo: 'Y', dueDate: row.dueDate },
  });
  return applied;
}

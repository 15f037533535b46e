import type { OutgoingMessageBody } from '../../services/desk-messages.ts';
import { buildIsoMessage } from './build-message.ts';
import type { IsoAgencyMessage, IsoVersion } from './iso-model.ts';
import { outgoingContext, type IsoPartner, type OurAgency } from './outgoing-context.ts';
import { requestingAgencyMessageOf, requestOf, REQUESTER_KINDS } from './outgoing-requester.ts';
import { SUPPLIER_KINDS, supplyingAgencyMessageOf } from './outgoing-supplier.ts';
import { UnbuildableMessageError } from './unbuildable-message-error.ts';

export type { IsoPartner, OurAgency } from './outgoing-context.ts';

/**
 * From a queued outbox message (partner_messages.body) to the ISO 18626 message it stands for.
 * The desk step stored what the message must say (electron/services/desk-messages.ts); this reads
 * it at send time, with the partner record as it is then, so a symbol corrected after queueing is
 * used on the next try.
 */

/**
 * The model of the message `body` stands for, for `version` (the partner's, unless given).
 * Throws UnbuildableMessageError when it cannot be written: a patron letter, an unknown kind, no
 * partner symbol, no agency id of our own, a lending request without the borrower's ID.
 */
export function outgoingIsoMessage(
  body: OutgoingMessageBody,
  partner: IsoPartner,
  ourAgency: OurAgency,
  version: IsoVersion = partner.isoVersion,
): IsoAgencyMessage {
  const ctx = outgoingContext(body, partner, ourAgency, version);
  const message =
    body.requestKind === 'borrowing'
      ? body.messageKind === 'Request'
        ? requestOf(ctx)
        : requestingAgencyMessageOf(ctx)
      : supplyingAgencyMessageOf(ctx);
  if (message) return message;
  const known = body.requestKind === 'borrowing' ? REQUESTER_KINDS : SUPPLIER_KINDS;
  throw new UnbuildableMessageError(
    `"${body.messageKind}" is not an ISO 18626 message RS Desk sends as the ${body.requestKind === 'borrowing' ? 'borrower' : 'lender'} (it sends ${known.join(', ')}).`,
  );
}

export interface OutgoingIso {
  readonly message: IsoAgencyMessage;
  readonly version: IsoVersion;
  /** The document to POST (Content-Type application/xml). */
  readonly xml: string;
}

/** The message and its XML in the partner's version: what the outbox sends and shows. */
export function buildOutgoingIso(
  body: OutgoingMessageBody,
  partner: IsoPartner,
  ourAgency: OurAgency,
): OutgoingIso {
  const version = partner.isoVersion;
  const message = outgoingIsoMessage(body, partner, ourAgency, version);
  return { message, version, xml: buildIsoMessage(message, version) };
}

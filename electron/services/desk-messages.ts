import {
  impliedPartnerMessage,
  type ImpliedMessage,
} from '../../shared/domain/partner-message-kinds.ts';
import type { RequestKind } from '../../shared/domain/statuses.ts';
import type { WorkflowProfile } from '../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../../db/database.ts';
import { insertOutgoingMessage } from '../../db/repositories/partner-messages-repository.ts';

/**
 * The outbox side of a desk step: the step stores what the message must say, and the messaging
 * sender (partner messaging) builds the ISO 18626 XML or the email letter from it and sends it
 * later, with retries, so a partner being down never blocks the desk (DESIGN.md §9).
 */

/** The stored body of an outgoing message (JSON in partner_messages.body). */
export interface OutgoingMessageBody {
  readonly requestKind: RequestKind;
  readonly requestId: string;
  /** The partner's own reference for the request (ISO 18626 requestingAgencyRequestId for ours). */
  readonly externalId: string;
  readonly title: string;
  /** The desk action that caused it (RECEIVE, RETURN_TO_PARTNER, …). */
  readonly action: string;
  /** ISO 18626 action or status, or the letter's name. */
  readonly messageKind: string;
  readonly fromStatus: string;
  readonly toStatus: string;
  /** When the step happened (ISO timestamp). */
  readonly at: string;
  /** Who it goes to: the partner (by code and symbol, email for letters) or the patron. */
  readonly to:
    | {
        readonly partnerCode: string;
        readonly partnerSymbol: string | null;
        readonly name: string;
        readonly email: string | null;
      }
    | { readonly patronId: string; readonly name: string; readonly email: string };
  readonly note: string | null;
  /** What this kind of message carries besides: pieces, due date, Hold Until, pickup location. */
  readonly details: Readonly<Record<string, string | number | null>>;
}

export interface MessageRequest {
  readonly kind: RequestKind;
  readonly id: number;
  readonly requestId: string;
  readonly externalId: string;
  readonly title: string;
}

export interface MessagePartner {
  readonly id: number;
  readonly code: string;
  readonly symbol: string | null;
  readonly name: string;
  readonly email: string | null;
}

const requestRef = (r: MessageRequest) =>
  r.kind === 'borrowing' ? { borrowingRequestId: r.id } : { lendingRequestId: r.id };

/** Queues the partner message a step implies; returns its id. */
export async function queuePartnerMessage(
  tx: Orm,
  args: {
    readonly request: MessageRequest;
    readonly partner: MessagePartner;
    readonly message: ImpliedMessage;
    readonly action: string;
    readonly from: string;
    readonly to: string;
    readonly at: string;
    readonly note: string | null;
    readonly details?: Record<string, string | number | null>;
  },
): Promise<number> {
  const { request, partner, message } = args;
  const body: OutgoingMessageBody = {
    requestKind: request.kind,
    requestId: request.requestId,
    externalId: request.externalId,
    title: request.title,
    action: args.action,
    messageKind: message.kind,
    fromStatus: args.from,
    toStatus: args.to,
    at: args.at,
    to: {
      partnerCode: partner.code,
      partnerSymbol: partner.symbol,
      name: partner.name,
      email: partner.email,
    },
    note: args.note,
    details: args.details ?? {},
  };
  return insertOutgoingMessage(tx, {
    partnerId: partner.id,
    ...requestRef(request),
    channel: message.channel,
    kind: message.kind,
    body: JSON.stringify(body),
    createdAt: args.at,
  });
}

/**
 * Queues the partner message a status change implies for this partner and profile, if any
 * (shared/domain/partner-message-kinds.ts decides which); returns it with the ids queued.
 */
export async function queueImpliedMessage(
  tx: Orm,
  step: {
    readonly request: MessageRequest;
    readonly partner: MessagePartner & { readonly protocol: 'iso18626' | 'email' };
    readonly profile?: WorkflowProfile | undefined;
    readonly action: string;
    readonly from: string;
    readonly to: string;
    readonly at: string;
    readonly note: string | null;
    readonly details?: Record<string, string | number | null>;
  },
): Promise<{ message: ImpliedMessage | null; messageIds: number[] }> {
  const message = impliedPartnerMessage(
    step.request.kind,
    step.action,
    step.from,
    step.partner.protocol,
    step.profile,
  );
  const messageIds = message ? [await queuePartnerMessage(tx, { ...step, message })] : [];
  return { message, messageIds };
}

/** Queues a letter to the patron (channel email, no partner); returns its id. */
export async function queuePatronLetter(
  tx: Orm,
  args: {
    readonly request: MessageRequest;
    readonly patron: { readonly patronId: string; readonly name: string; readonly email: string };
    readonly letter: string;
    readonly action: string;
    readonly from: string;
    readonly to: string;
    readonly at: string;
    readonly details: Record<string, string | number | null>;
  },
): Promise<number> {
  const { request, patron } = args;
  const body: OutgoingMessageBody = {
    requestKind: request.kind,
    requestId: request.requestId,
    externalId: request.externalId,
    title: request.title,
    action: args.action,
    messageKind: args.letter,
    fromStatus: args.from,
    toStatus: args.to,
    at: args.at,
    to: { patronId: patron.patronId, name: patron.name, email: patron.email },
    note: null,
    details: args.details,
  };
  return insertOutgoingMessage(tx, {
    partnerId: null,
    ...requestRef(request),
    channel: 'email',
    kind: args.letter,
    body: JSON.stringify(body),
    createdAt: args.at,
  });
}

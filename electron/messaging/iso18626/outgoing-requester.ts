import type {
  IsoAction,
  IsoRequest,
  IsoRequestingAgencyMessage,
  ServiceType,
} from './iso-model.ts';
import {
  detailDateTime,
  detailText,
  headerOf,
  noteOf,
  sentences,
  type OutgoingContext,
} from './outgoing-context.ts';

/**
 * Our side as the borrower: the Request that starts a loan (Send to partner) and the actions that
 * follow it (Received, ShippedReturn, Cancel, Renew, StatusRequest, and Lost as a Notification).
 */

/** The details a Request reads, when the desk step stored them. */
export const REQUEST_DETAILS = ['author', 'isbn', 'format', 'neededBy', 'patronId'] as const;

/** DIGITAL asks for a copy; PHYSICAL (the default) and PHYSICAL_NON_RETURNABLE for a loan. */
function serviceTypeOf(format: string | undefined): ServiceType {
  return format?.toUpperCase() === 'DIGITAL' ? 'Copy' : 'Loan';
}

export function requestOf(ctx: OutgoingContext): IsoRequest {
  const { body } = ctx;
  // A request is new to this lender: a lender ID kept from an earlier partner in the rota is not its.
  const { supplyingAgencyRequestId: _earlierLender, ...header } = headerOf(ctx, true);
  const author = detailText(body, 'author');
  const isbn = detailText(body, 'isbn');
  const format = detailText(body, 'format');
  const needBeforeDate = detailDateTime(body, 'neededBy');
  const note = noteOf(body);
  const patronId = detailText(body, 'patronId');
  return {
    kind: 'request',
    header,
    bibliographicInfo: {
      title: body.title,
      ...(author !== undefined ? { author } : {}),
      ...(isbn !== undefined ? { bibliographicItemId: [{ code: 'ISBN', identifier: isbn }] } : {}),
    },
    serviceInfo: {
      requestType: 'New',
      serviceType: serviceTypeOf(format),
      ...(needBeforeDate !== undefined ? { needBeforeDate } : {}),
      ...(note !== undefined ? { note } : {}),
    },
    ...(ctx.ourName !== undefined ? { requestingAgencyInfo: { name: ctx.ourName } } : {}),
    ...(patronId !== undefined ? { patronInfo: { patronId } } : {}),
  };
}

const ACTIONS: Readonly<Record<string, IsoAction>> = {
  Received: 'Received',
  ShippedReturn: 'ShippedReturn',
  Cancel: 'Cancel',
  Renew: 'Renew',
  StatusRequest: 'StatusRequest',
  Notification: 'Notification',
  Lost: 'Lost',
};

export const REQUESTER_KINDS = ['Request', ...Object.keys(ACTIONS)] as const;

/**
 * A requesting agency message. Lost is 2021's own action; a 1.2 partner, whose schema lacks it, is
 * told with a Notification whose note says the item is lost.
 */
export function requestingAgencyMessageOf(ctx: OutgoingContext): IsoRequestingAgencyMessage | null {
  const { body } = ctx;
  const action = ACTIONS[body.messageKind];
  if (action === undefined) return null;
  const lost = action === 'Lost' || (action === 'Notification' && body.action === 'MARK_LOST');
  const note = noteOf(body);
  if (lost) {
    return ctx.version === '2021'
      ? message(ctx, 'Lost', note)
      : message(ctx, 'Notification', sentences(`Lost: ${body.title} is lost.`, note));
  }
  return message(ctx, action, note);
}

function message(
  ctx: OutgoingContext,
  action: IsoAction,
  note: string | undefined,
): IsoRequestingAgencyMessage {
  return {
    kind: 'requestingAgencyMessage',
    header: headerOf(ctx, true),
    action,
    ...(note !== undefined ? { note } : {}),
  };
}

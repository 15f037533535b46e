import { formatSlipDate } from '../../../shared/printing/slips/slip-text.ts';
import type {
  DeliveryInfo,
  IsoStatus,
  IsoSupplyingAgencyMessage,
  MessageInfo,
  ReasonForMessage,
  RetryInfo,
  StatusInfo,
} from './iso-model.ts';
import { xsDateTime } from './iso-dates.ts';
import { isoStatusOfLending } from './lending-iso-status.ts';
import {
  defined,
  detailDateTime,
  detailText,
  headerOf,
  noteOf,
  sentences,
  type OutgoingContext,
} from './outgoing-context.ts';

/**
 * Our side as the lender: each lending step as a supplying agency message — the status, why we
 * write (reasonForMessage), and what the status needs besides (due date, item barcode, reason).
 */

/**
 * Lending statuses in which the borrower has had no answer yet: the first status we send from one
 * of these answers the request (RequestResponse); anything later is a StatusChange.
 */
const UNANSWERED = ['CREATED', 'LOCATE_FAILED', 'BEING_PROCESSED'];

interface Parts {
  readonly status: IsoStatus;
  readonly reasonForMessage?: ReasonForMessage;
  readonly messageInfo?: Omit<MessageInfo, 'reasonForMessage'>;
  readonly statusInfo?: Omit<StatusInfo, 'status' | 'lastChange'>;
  readonly retryInfo?: RetryInfo;
  readonly deliveryInfo?: DeliveryInfo;
}

function dueDateOf(ctx: OutgoingContext): Omit<StatusInfo, 'status' | 'lastChange'> {
  return defined({ dueDate: detailDateTime(ctx.body, 'dueDate') });
}

/** Conditional: the conditions and the date for reply in words, the date also as retryBefore. */
function conditional(ctx: OutgoingContext): Parts {
  const { body } = ctx;
  const reason = detailText(body, 'conditionReason');
  const replyBy = detailText(body, 'replyBy');
  const retryBefore = detailDateTime(body, 'replyBy');
  return {
    status: 'ExpectToSupply',
    messageInfo: defined({
      note: sentences(
        reason !== undefined ? `Conditions: ${reason.replace(/\.$/, '')}.` : undefined,
        replyBy !== undefined ? `Please reply by ${formatSlipDate(replyBy)}.` : undefined,
        noteOf(body),
      ),
    }),
    ...(retryBefore !== undefined ? { retryInfo: { retryBefore } } : {}),
  };
}

/** Loaned: the item's barcode (the borrower keeps it for receiving) and the due date. */
function loaned(ctx: OutgoingContext): Parts {
  const { body } = ctx;
  const nonReturnable = detailText(body, 'format')?.toUpperCase() === 'PHYSICAL_NON_RETURNABLE';
  return {
    status: 'Loaned',
    messageInfo: defined({
      note: sentences(
        nonReturnable ? 'Non-returnable: keep the item; it need not come back.' : undefined,
        noteOf(body),
      ),
    }),
    statusInfo: dueDateOf(ctx),
    deliveryInfo: defined({
      dateSent: xsDateTime(body.at),
      itemId: detailText(body, 'itemBarcode'),
    }),
  };
}

function copyCompleted(ctx: OutgoingContext): Parts {
  const { body } = ctx;
  const url = ctx.version === '2021' ? detailText(body, 'url') : undefined;
  return {
    status: 'CopyCompleted',
    messageInfo: defined({ note: noteOf(body) }),
    deliveryInfo: defined({ dateSent: xsDateTime(body.at), url }),
  };
}

/**
 * A renewal the borrower asked for (Renew requested) is answered yes with the new due date; one
 * the lender made unasked is a status change carrying it.
 */
function renewed(ctx: OutgoingContext): Parts {
  const asked = ctx.body.fromStatus === 'RENEW_REQUESTED';
  return {
    status: 'Loaned',
    ...(asked ? { reasonForMessage: 'RenewResponse' } : {}),
    messageInfo: defined({
      answerYesNo: asked ? ('Y' as const) : undefined,
      note: noteOf(ctx.body),
    }),
    statusInfo: dueDateOf(ctx),
  };
}

const withNote =
  (status: IsoStatus, withDueDate: boolean) =>
  (ctx: OutgoingContext): Parts => ({
    status,
    messageInfo: defined({ note: noteOf(ctx.body) }),
    ...(withDueDate ? { statusInfo: dueDateOf(ctx) } : {}),
  });

/** The answer to the borrower's StatusRequest: where the request stands now, with its due date. */
function statusRequestResponse(ctx: OutgoingContext): Parts {
  return {
    status: isoStatusOfLending(ctx.body.toStatus),
    reasonForMessage: 'StatusRequestResponse',
    messageInfo: defined({ note: noteOf(ctx.body) }),
    statusInfo: dueDateOf(ctx),
  };
}

const BUILDERS: Readonly<Record<string, (ctx: OutgoingContext) => Parts>> = {
  StatusRequestResponse: statusRequestResponse,
  WillSupply: withNote('WillSupply', false),
  ExpectToSupply: conditional,
  Unfilled: (ctx) => ({
    status: 'Unfilled',
    messageInfo: defined({
      note: noteOf(ctx.body),
      reasonUnfilled: detailText(ctx.body, 'reasonUnfilled'),
    }),
  }),
  Loaned: loaned,
  CopyCompleted: copyCompleted,
  LoanCompleted: withNote('LoanCompleted', false),
  Recalled: withNote('Recalled', true),
  Overdue: withNote('Overdue', true),
  RenewResponse: renewed,
  CancelResponse: (ctx) => ({
    status: 'Cancelled',
    reasonForMessage: 'CancelResponse',
    messageInfo: defined({ answerYesNo: 'Y' as const, note: noteOf(ctx.body) }),
  }),
};

export const SUPPLIER_KINDS = Object.keys(BUILDERS);

export function supplyingAgencyMessageOf(ctx: OutgoingContext): IsoSupplyingAgencyMessage | null {
  const build = BUILDERS[ctx.body.messageKind];
  if (build === undefined) return null;
  const parts = build(ctx);
  const reasonForMessage =
    parts.reasonForMessage ??
    (UNANSWERED.includes(ctx.body.fromStatus) ? 'RequestResponse' : 'StatusChange');
  // 2021 has no authentication on a supplying agency message; 1.2 carries it on every header.
  const header = headerOf(ctx, ctx.version === '1.2');
  return {
    kind: 'supplyingAgencyMessage',
    header,
    messageInfo: { reasonForMessage, ...parts.messageInfo },
    statusInfo: { status: parts.status, ...parts.statusInfo, lastChange: xsDateTime(ctx.body.at) },
    ...(parts.retryInfo ? { retryInfo: parts.retryInfo } : {}),
    ...(parts.deliveryInfo ? { deliveryInfo: parts.deliveryInfo } : {}),
  };
}

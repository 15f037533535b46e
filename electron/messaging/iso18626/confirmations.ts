import {
  CONFIRMATION_OF,
  type ConfirmationHeader,
  type ErrorData,
  type IsoAgencyMessage,
  type IsoConfirmation,
  type RefusedMessageEcho,
} from './iso-model.ts';
import { xsDateTime } from './iso-dates.ts';

/**
 * The confirmation that answers a message: OK when `error` is null, ERROR with its errorData
 * otherwise. It echoes the agencies, the requester's request ID, and the action or reason for
 * message, so the sender can match it to what it sent; for a message refused before it could be
 * read, whatever the parser could still read (RefusedMessageEcho) is echoed instead.
 */

export interface ConfirmationTimes {
  /** Now: when the confirmation is written. */
  readonly timestamp: string | Date;
  /** When the message being confirmed arrived. */
  readonly timestampReceived: string | Date;
}

type Answered = IsoAgencyMessage | RefusedMessageEcho;

const isMessage = (answered: Answered): answered is IsoAgencyMessage => 'header' in answered;

function confirmationKind(answered: Answered): IsoConfirmation['kind'] {
  const kind = answered.kind;
  // Something that was not an agency message at all gets the plainest confirmation.
  return kind !== null && kind in CONFIRMATION_OF
    ? CONFIRMATION_OF[kind as keyof typeof CONFIRMATION_OF]
    : 'requestConfirmation';
}

export function confirmationFor(
  answered: Answered,
  error: ErrorData | null,
  times: ConfirmationTimes,
): IsoConfirmation {
  const source = isMessage(answered) ? answered.header : answered;
  const multipleItemRequestId = isMessage(answered)
    ? answered.header.multipleItemRequestId
    : undefined;
  const confirmationHeader: ConfirmationHeader = {
    ...(source.supplyingAgencyId ? { supplyingAgencyId: source.supplyingAgencyId } : {}),
    ...(source.requestingAgencyId ? { requestingAgencyId: source.requestingAgencyId } : {}),
    timestamp: xsDateTime(times.timestamp),
    ...(source.requestingAgencyRequestId !== undefined
      ? { requestingAgencyRequestId: source.requestingAgencyRequestId }
      : {}),
    ...(multipleItemRequestId !== undefined ? { multipleItemRequestId } : {}),
    timestampReceived: xsDateTime(times.timestampReceived),
    messageStatus: error ? 'ERROR' : 'OK',
  };
  // Only the two fields: a parse failure (which has both) may be passed as the error itself.
  const errorData = error
    ? {
        errorData: {
          errorType: error.errorType,
          ...(error.errorValue !== undefined ? { errorValue: error.errorValue } : {}),
        },
      }
    : {};
  const kind = confirmationKind(answered);
  switch (kind) {
    case 'requestConfirmation':
      return { kind, confirmationHeader, ...errorData };
    case 'supplyingAgencyMessageConfirmation': {
      const reason = isMessage(answered)
        ? answered.kind === 'supplyingAgencyMessage'
          ? answered.messageInfo.reasonForMessage
          : undefined
        : answered.reasonForMessage;
      return {
        kind,
        confirmationHeader,
        ...(reason ? { reasonForMessage: reason } : {}),
        ...errorData,
      };
    }
    case 'requestingAgencyMessageConfirmation': {
      const action = isMessage(answered)
        ? answered.kind === 'requestingAgencyMessage'
          ? answered.action
          : undefined
        : answered.action;
      return { kind, confirmationHeader, ...(action ? { action } : {}), ...errorData };
    }
  }
}

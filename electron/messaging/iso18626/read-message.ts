import {
  ERROR_TYPES,
  ISO_ACTIONS,
  ISO_STATUSES,
  MESSAGE_STATUSES,
  REASONS_FOR_MESSAGE,
  type ConfirmationHeader,
  type ErrorData,
  type IsoConfirmation,
  type IsoHeader,
  type IsoMessage,
  type IsoMessageKind,
} from './iso-model.ts';
import {
  agencyId,
  compact,
  dateTime,
  oneOf,
  physicalAddress,
  readHeader,
  requiredOneOf,
  yesNo,
} from './read-parts.ts';
import { readRequest } from './read-request.ts';
import {
  child,
  IsoReadProblem,
  optionalText,
  requiredChild,
  requiredText,
  type XmlNode,
} from './xml-node.ts';

/**
 * From the parsed tree to the model, one reader per part. Strict where the standard is — required
 * elements, the closed code lists, dates — and tolerant where it allows: unknown elements are
 * skipped, open code lists (reasonUnfilled, loanCondition, …) are taken as they come, and where
 * 2021 repeats an element that 1.2 has once (itemId, volume, errorData) the first one is kept.
 */

function sentToPatron(node: unknown): boolean | undefined {
  const text = optionalText(node, 'sentToPatron');
  if (text === undefined) return undefined;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new IsoReadProblem(
    'UnrecognisedDataValue',
    `sentToPatron "${text}" is neither true nor false.`,
  );
}

function readSupplyingAgencyMessage(node: unknown): IsoMessage {
  const kind = 'supplyingAgencyMessage';
  const info = requiredChild(node, 'messageInfo', kind);
  const status = requiredChild(node, 'statusInfo', kind);
  const retry = child(node, 'retryInfo');
  const delivery = child(node, 'deliveryInfo');
  const returnInfo = child(node, 'returnInfo');
  // 1.2 keeps the retry dates in messageInfo, 2021 in retryInfo.
  const retryFrom = retry ?? info;
  const retryFields = {
    loanCondition: optionalText(retry, 'loanCondition'),
    retryBefore: dateTime(retryFrom, 'retryBefore', kind),
    retryAfter: dateTime(retryFrom, 'retryAfter', kind),
  };
  const hasRetry = Object.values(retryFields).some((v) => v !== undefined);
  return compact<IsoMessage & { kind: typeof kind }>({
    kind,
    header: readHeader(node, kind) as IsoHeader,
    messageInfo: compact({
      reasonForMessage: requiredOneOf(
        REASONS_FOR_MESSAGE,
        info,
        'reasonForMessage',
        `${kind}/messageInfo`,
        'UnsupportedReasonForMessageType',
      ),
      answerYesNo: yesNo(info, 'answerYesNo'),
      note: optionalText(info, 'note'),
      reasonUnfilled: optionalText(info, 'reasonUnfilled'),
      reasonRetry: optionalText(info, 'reasonRetry'),
    }),
    statusInfo: compact({
      status: requiredOneOf(ISO_STATUSES, status, 'status', `${kind}/statusInfo`),
      expectedDeliveryDate: dateTime(status, 'expectedDeliveryDate', kind),
      dueDate: dateTime(status, 'dueDate', kind),
      lastChange: dateTime(status, 'lastChange', `${kind}/statusInfo`, true),
    }),
    retryInfo: hasRetry ? compact(retryFields) : undefined,
    deliveryInfo:
      delivery === undefined
        ? undefined
        : compact({
            dateSent: dateTime(delivery, 'dateSent', `${kind}/deliveryInfo`, true),
            itemId: optionalText(delivery, 'itemId'),
            url: optionalText(delivery, 'URL'),
            deliveryMethod:
              optionalText(delivery, 'deliveryMethod') ?? optionalText(delivery, 'sentVia'),
            sentToPatron: sentToPatron(delivery),
            loanCondition: optionalText(delivery, 'loanCondition'),
            itemFormat:
              optionalText(delivery, 'itemFormat') ?? optionalText(delivery, 'deliveredFormat'),
            deliveryCosts: costs(child(delivery, 'deliveryCosts')),
          }),
    returnInfo:
      returnInfo === undefined
        ? undefined
        : compact({
            returnAgencyId: agencyId(
              child(returnInfo, 'returnAgencyId'),
              'returnInfo/returnAgencyId',
            ),
            name: optionalText(returnInfo, 'name'),
            physicalAddress: physicalAddress(child(returnInfo, 'physicalAddress')),
          }),
  });
}

function costs(node: XmlNode | undefined) {
  if (node === undefined) return undefined;
  const monetaryValue = requiredText(node, 'monetaryValue', 'deliveryCosts');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(monetaryValue)) {
    throw new IsoReadProblem(
      'UnrecognisedDataValue',
      `monetaryValue "${monetaryValue}" is not a number.`,
    );
  }
  return { currencyCode: requiredText(node, 'currencyCode', 'deliveryCosts'), monetaryValue };
}

function readRequestingAgencyMessage(node: unknown): IsoMessage {
  const kind = 'requestingAgencyMessage';
  return compact<IsoMessage & { kind: typeof kind }>({
    kind,
    header: readHeader(node, kind) as IsoHeader,
    action: requiredOneOf(ISO_ACTIONS, node, 'action', kind, 'UnsupportedActionType'),
    note: optionalText(node, 'note'),
  });
}

function readConfirmationHeader(node: unknown, kind: IsoMessageKind): ConfirmationHeader {
  const where = `${kind}/confirmationHeader`;
  const head = requiredChild(node, 'confirmationHeader', kind);
  return compact<ConfirmationHeader>({
    supplyingAgencyId: agencyId(child(head, 'supplyingAgencyId'), `${where}/supplyingAgencyId`),
    requestingAgencyId: agencyId(child(head, 'requestingAgencyId'), `${where}/requestingAgencyId`),
    timestamp: dateTime(head, 'timestamp', where, true),
    requestingAgencyRequestId: optionalText(head, 'requestingAgencyRequestId'),
    multipleItemRequestId: optionalText(head, 'multipleItemRequestId'),
    timestampReceived: dateTime(head, 'timestampReceived', where, true),
    messageStatus: requiredOneOf(MESSAGE_STATUSES, head, 'messageStatus', where),
  });
}

function readErrorData(node: unknown): ErrorData | undefined {
  const data = child(node, 'errorData');
  if (data === undefined) return undefined;
  return compact<ErrorData>({
    errorType: requiredOneOf(ERROR_TYPES, data, 'errorType', 'errorData'),
    errorValue: optionalText(data, 'errorValue'),
  });
}

function readConfirmation(node: unknown, kind: IsoConfirmation['kind']): IsoConfirmation {
  const confirmationHeader = readConfirmationHeader(node, kind);
  const errorData = readErrorData(node);
  switch (kind) {
    case 'requestConfirmation':
      return compact<IsoConfirmation>({ kind, confirmationHeader, errorData });
    case 'supplyingAgencyMessageConfirmation':
      return compact<IsoConfirmation>({
        kind,
        confirmationHeader,
        reasonForMessage: oneOf(
          REASONS_FOR_MESSAGE,
          optionalText(node, 'reasonForMessage'),
          'reasonForMessage',
          'UnsupportedReasonForMessageType',
        ),
        errorData,
      });
    case 'requestingAgencyMessageConfirmation':
      return compact<IsoConfirmation>({
        kind,
        confirmationHeader,
        action: oneOf(ISO_ACTIONS, optionalText(node, 'action'), 'action', 'UnsupportedActionType'),
        errorData,
      });
  }
}

/** The model of the message element `node` of kind `kind`; throws IsoReadProblem. */
export function readMessage(node: unknown, kind: IsoMessageKind): IsoMessage {
  switch (kind) {
    case 'request':
      return readRequest(node);
    case 'supplyingAgencyMessage':
      return readSupplyingAgencyMessage(node);
    case 'requestingAgencyMessage':
      return readRequestingAgencyMessage(node);
    default:
      return readConfirmation(node, kind);
  }
}

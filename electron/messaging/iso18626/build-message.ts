import {
  ACTIONS_2021_ONLY,
  ISO18626_NAMESPACE,
  STATUSES_2021_ONLY,
  VERSION_ATTRIBUTE,
  type ConfirmationHeader,
  type ErrorData,
  type IsoConfirmation,
  type IsoMessage,
  type IsoRequestingAgencyMessage,
  type IsoSupplyingAgencyMessage,
  type IsoVersion,
} from './iso-model.ts';
import { agencyId, costs, dateTime, header, physicalAddress } from './build-parts.ts';
import { requestXml } from './build-request.ts';
import { UnbuildableMessageError } from './unbuildable-message-error.ts';
import { el, leaf, writeXmlDocument, type XmlElement } from './xml-writer.ts';

/**
 * Writes a model message as the XML its version's XSD accepts: wrapped in ISO18626Message with the
 * version, elements in the schemas' sequence order. Where the versions differ the model has one
 * name and this picks the element (1.2 sentVia / 2021 deliveryMethod, 1.2 messageInfo/retryAfter /
 * 2021 retryInfo/retryAfter, the order inside bibliographicItemId, …); what a version cannot carry
 * is left out (2021 has no authentication on a supplying agency message, 1.2 no loanCondition
 * before shipping, no URL). Codes a version lacks (2021's Lost, HoldReturn) are refused rather
 * than sent to a partner that would answer with an ERROR.
 */

/** The schemas make attributes namespace-qualified, so `version` needs a prefix of its own. */
const PREFIX = 'ill';

function supplyingAgencyMessageXml(
  message: IsoSupplyingAgencyMessage,
  version: IsoVersion,
): XmlElement {
  const {
    messageInfo: info,
    statusInfo: status,
    retryInfo: retry,
    deliveryInfo: delivery,
  } = message;
  if (version === '1.2' && STATUSES_2021_ONLY.includes(status.status)) {
    throw new UnbuildableMessageError(
      `Status ${status.status} exists only in ISO 18626:2021; this partner is set to 1.2.`,
    );
  }
  const returnInfo = message.returnInfo;
  return el(
    'supplyingAgencyMessage',
    header('supplyingAgencyMessage', message.header, version),
    el(
      'messageInfo',
      leaf('reasonForMessage', info.reasonForMessage),
      leaf('answerYesNo', info.answerYesNo),
      leaf('note', info.note),
      leaf('reasonUnfilled', info.reasonUnfilled),
      leaf('reasonRetry', info.reasonRetry),
      version === '1.2'
        ? [dateTime('retryAfter', retry?.retryAfter), dateTime('retryBefore', retry?.retryBefore)]
        : null,
    ),
    el(
      'statusInfo',
      leaf('status', status.status),
      dateTime('expectedDeliveryDate', status.expectedDeliveryDate),
      dateTime('dueDate', status.dueDate),
      dateTime('lastChange', status.lastChange),
    ),
    version === '2021' && retry
      ? el(
          'retryInfo',
          leaf('loanCondition', retry.loanCondition),
          dateTime('retryBefore', retry.retryBefore),
          dateTime('retryAfter', retry.retryAfter),
        )
      : null,
    delivery
      ? el(
          'deliveryInfo',
          dateTime('dateSent', delivery.dateSent),
          leaf('itemId', delivery.itemId),
          version === '2021' ? leaf('URL', delivery.url) : null,
          leaf(version === '1.2' ? 'sentVia' : 'deliveryMethod', delivery.deliveryMethod),
          leaf('sentToPatron', delivery.sentToPatron),
          leaf('loanCondition', delivery.loanCondition),
          leaf(version === '1.2' ? 'deliveredFormat' : 'itemFormat', delivery.itemFormat),
          costs('deliveryCosts', delivery.deliveryCosts),
        )
      : null,
    returnInfo
      ? el(
          'returnInfo',
          agencyId('returnAgencyId', returnInfo.returnAgencyId),
          leaf('name', returnInfo.name),
          physicalAddress(returnInfo.physicalAddress),
        )
      : null,
  );
}

function requestingAgencyMessageXml(
  message: IsoRequestingAgencyMessage,
  version: IsoVersion,
): XmlElement {
  if (version === '1.2' && ACTIONS_2021_ONLY.includes(message.action)) {
    throw new UnbuildableMessageError(
      `Action ${message.action} exists only in ISO 18626:2021; this partner is set to 1.2.`,
    );
  }
  return el(
    'requestingAgencyMessage',
    header('requestingAgencyMessage', message.header, version),
    leaf('action', message.action),
    leaf('note', message.note),
  );
}

function confirmationHeader(h: ConfirmationHeader, version: IsoVersion): XmlElement {
  return el(
    'confirmationHeader',
    agencyId('supplyingAgencyId', h.supplyingAgencyId),
    agencyId('requestingAgencyId', h.requestingAgencyId),
    dateTime('timestamp', h.timestamp),
    leaf('requestingAgencyRequestId', h.requestingAgencyRequestId),
    version === '1.2' ? leaf('multipleItemRequestId', h.multipleItemRequestId) : null,
    dateTime('timestampReceived', h.timestampReceived),
    leaf('messageStatus', h.messageStatus),
  );
}

function errorData(data: ErrorData | undefined): XmlElement | null {
  return data
    ? el('errorData', leaf('errorType', data.errorType), leaf('errorValue', data.errorValue))
    : null;
}

function confirmationXml(confirmation: IsoConfirmation, version: IsoVersion): XmlElement {
  const head = confirmationHeader(confirmation.confirmationHeader, version);
  switch (confirmation.kind) {
    case 'requestConfirmation':
      return el(confirmation.kind, head, errorData(confirmation.errorData));
    case 'supplyingAgencyMessageConfirmation':
      return el(
        confirmation.kind,
        head,
        leaf('reasonForMessage', confirmation.reasonForMessage),
        errorData(confirmation.errorData),
      );
    case 'requestingAgencyMessageConfirmation': {
      // A 1.2 partner cannot read a 2021-only action back; the confirmation may leave it out.
      const action = confirmation.action;
      const echoed =
        version === '1.2' && action && ACTIONS_2021_ONLY.includes(action) ? undefined : action;
      return el(confirmation.kind, head, leaf('action', echoed), errorData(confirmation.errorData));
    }
  }
}

function messageXml(message: IsoMessage, version: IsoVersion): XmlElement {
  switch (message.kind) {
    case 'request':
      return requestXml(message, version);
    case 'supplyingAgencyMessage':
      return supplyingAgencyMessageXml(message, version);
    case 'requestingAgencyMessage':
      return requestingAgencyMessageXml(message, version);
    default:
      return confirmationXml(message, version);
  }
}

/**
 * The message as an XML document for `version`, wrapped in ISO18626Message. Throws
 * UnbuildableMessageError when the model lacks what the version requires or holds a date the
 * schema would refuse.
 */
export function buildIsoMessage(message: IsoMessage, version: IsoVersion): string {
  return writeXmlDocument({
    name: 'ISO18626Message',
    attributes: {
      xmlns: ISO18626_NAMESPACE,
      [`xmlns:${PREFIX}`]: ISO18626_NAMESPACE,
      [`${PREFIX}:version`]: VERSION_ATTRIBUTE[version],
    },
    children: [messageXml(message, version)],
  });
}

/** A confirmation (OK, or ERROR with its errorData) as an XML document for `version`. */
export function buildConfirmation(confirmation: IsoConfirmation, version: IsoVersion): string {
  return buildIsoMessage(confirmation, version);
}

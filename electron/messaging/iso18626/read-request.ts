import {
  REQUEST_SUB_TYPES,
  REQUEST_TYPES,
  SERVICE_TYPES,
  type IdentifierWithCode,
  type IsoRequest,
} from './iso-model.ts';
import {
  address,
  compact,
  dateTime,
  oneOf,
  readHeader,
  requiredOneOf,
  yesNo,
} from './read-parts.ts';
import {
  child,
  children,
  IsoReadProblem,
  optionalText,
  requiredChild,
  requiredText,
  textOf,
} from './xml-node.ts';

/** A partner's request: what is wanted, how, by when, for whom. */

function identifiers(
  node: unknown,
  element: string,
  code: string,
  id: string,
): IdentifierWithCode[] | undefined {
  const found = children(node, element).map((n) => ({
    code: requiredText(n, code, element),
    identifier: requiredText(n, id, element),
  }));
  return found.length > 0 ? found : undefined;
}

function sortOrder(node: unknown): number | undefined {
  const text = optionalText(node, 'sortOrder');
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new IsoReadProblem('UnrecognisedDataValue', `sortOrder "${text}" is not a whole number.`);
  }
  return Number(text);
}

export function readRequest(node: unknown): IsoRequest {
  const bib = requiredChild(node, 'bibliographicInfo', 'request');
  const publication = child(node, 'publicationInfo');
  const service = child(node, 'serviceInfo');
  const agencyInfo = child(node, 'requestingAgencyInfo');
  const patron = child(node, 'patronInfo');
  const delivery = children(node, 'requestedDeliveryInfo').map((n) =>
    compact({ sortOrder: sortOrder(n), address: address(child(n, 'address')) }),
  );
  const subTypes = children(service, 'requestSubType').map(
    (n) =>
      oneOf(REQUEST_SUB_TYPES, textOf(n), 'requestSubType') as (typeof REQUEST_SUB_TYPES)[number],
  );
  const agencyAddresses = children(agencyInfo, 'address')
    .map(address)
    .filter((a) => a !== undefined);
  return compact<IsoRequest>({
    kind: 'request',
    header: readHeader(node, 'request'),
    bibliographicInfo: compact({
      supplierUniqueRecordId: optionalText(bib, 'supplierUniqueRecordId'),
      title: optionalText(bib, 'title'),
      author: optionalText(bib, 'author'),
      subtitle: optionalText(bib, 'subtitle'),
      seriesTitle: optionalText(bib, 'seriesTitle'),
      edition: optionalText(bib, 'edition'),
      titleOfComponent: optionalText(bib, 'titleOfComponent'),
      authorOfComponent: optionalText(bib, 'authorOfComponent'),
      volume: optionalText(bib, 'volume'),
      issue: optionalText(bib, 'issue'),
      pagesRequested: optionalText(bib, 'pagesRequested'),
      estimatedNoPages: optionalText(bib, 'estimatedNoPages'),
      bibliographicItemId: identifiers(
        bib,
        'bibliographicItemId',
        'bibliographicItemIdentifierCode',
        'bibliographicItemIdentifier',
      ),
      bibliographicRecordId: identifiers(
        bib,
        'bibliographicRecordId',
        'bibliographicRecordIdentifierCode',
        'bibliographicRecordIdentifier',
      ),
    }),
    publicationInfo:
      publication === undefined
        ? undefined
        : compact({
            publisher: optionalText(publication, 'publisher'),
            publicationType: optionalText(publication, 'publicationType'),
            publicationDate: optionalText(publication, 'publicationDate'),
            placeOfPublication: optionalText(publication, 'placeOfPublication'),
          }),
    serviceInfo:
      service === undefined
        ? undefined
        : compact({
            requestType: oneOf(REQUEST_TYPES, optionalText(service, 'requestType'), 'requestType'),
            requestSubType: subTypes.length > 0 ? subTypes : undefined,
            requestingAgencyPreviousRequestId: optionalText(
              service,
              'requestingAgencyPreviousRequestId',
            ),
            serviceType: requiredOneOf(
              SERVICE_TYPES,
              service,
              'serviceType',
              'request/serviceInfo',
            ),
            serviceLevel: optionalText(service, 'serviceLevel'),
            itemFormat:
              optionalText(service, 'itemFormat') ?? optionalText(service, 'preferredFormat'),
            needBeforeDate: dateTime(service, 'needBeforeDate', 'request/serviceInfo'),
            copyrightCompliance: optionalText(service, 'copyrightCompliance'),
            anyEdition: yesNo(service, 'anyEdition'),
            note: optionalText(service, 'note'),
          }),
    requestedDeliveryInfo: delivery.length > 0 ? delivery : undefined,
    requestingAgencyInfo:
      agencyInfo === undefined
        ? undefined
        : compact({
            name: optionalText(agencyInfo, 'name'),
            contactName: optionalText(agencyInfo, 'contactName'),
            address: agencyAddresses.length > 0 ? agencyAddresses : undefined,
          }),
    patronInfo:
      patron === undefined
        ? undefined
        : compact({
            patronId: optionalText(patron, 'patronId'),
            surname: optionalText(patron, 'surname'),
            givenName: optionalText(patron, 'givenName'),
            patronType: optionalText(patron, 'patronType'),
            sendToPatron: yesNo(patron, 'sendToPatron'),
          }),
  });
}

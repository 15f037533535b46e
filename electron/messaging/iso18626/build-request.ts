import type { IdentifierWithCode, IsoRequest, IsoVersion } from './iso-model.ts';
import { address, dateTime, header } from './build-parts.ts';
import { UnbuildableMessageError } from './unbuildable-message-error.ts';
import { el, leaf, type XmlElement } from './xml-writer.ts';

/** The request element, in the XSD sequence of each version. */

/** 1.2 writes identifier then code inside bibliographicItemId; 2021 code then identifier. */
function itemIds(
  ids: readonly IdentifierWithCode[] | undefined,
  version: IsoVersion,
): XmlElement[] {
  return (ids ?? []).map(({ code, identifier }) =>
    version === '1.2'
      ? el(
          'bibliographicItemId',
          leaf('bibliographicItemIdentifier', identifier),
          leaf('bibliographicItemIdentifierCode', code),
        )
      : el(
          'bibliographicItemId',
          leaf('bibliographicItemIdentifierCode', code),
          leaf('bibliographicItemIdentifier', identifier),
        ),
  );
}

export function requestXml(message: IsoRequest, version: IsoVersion): XmlElement {
  const bib = message.bibliographicInfo;
  const service = message.serviceInfo;
  if (version === '2021' && !service) {
    throw new UnbuildableMessageError(
      'A 2021 request must say whether a loan or a copy is wanted (serviceInfo).',
    );
  }
  const publication = message.publicationInfo;
  const agencyInfo = message.requestingAgencyInfo;
  const patron = message.patronInfo;
  return el(
    'request',
    header('request', message.header, version),
    el(
      'bibliographicInfo',
      leaf('supplierUniqueRecordId', bib.supplierUniqueRecordId),
      leaf('title', bib.title),
      leaf('author', bib.author),
      leaf('subtitle', bib.subtitle),
      leaf('seriesTitle', bib.seriesTitle),
      leaf('edition', bib.edition),
      leaf('titleOfComponent', bib.titleOfComponent),
      leaf('authorOfComponent', bib.authorOfComponent),
      leaf('volume', bib.volume),
      leaf('issue', bib.issue),
      leaf('pagesRequested', bib.pagesRequested),
      leaf('estimatedNoPages', bib.estimatedNoPages),
      itemIds(bib.bibliographicItemId, version),
      (bib.bibliographicRecordId ?? []).map(({ code, identifier }) =>
        el(
          'bibliographicRecordId',
          leaf('bibliographicRecordIdentifierCode', code),
          leaf('bibliographicRecordIdentifier', identifier),
        ),
      ),
    ),
    publication
      ? el(
          'publicationInfo',
          leaf('publisher', publication.publisher),
          leaf('publicationType', publication.publicationType),
          leaf('publicationDate', publication.publicationDate),
          leaf('placeOfPublication', publication.placeOfPublication),
        )
      : null,
    service
      ? el(
          'serviceInfo',
          leaf('requestType', service.requestType),
          // 1.2 allows at most three; there are only five kinds, and a request has one or two.
          (service.requestSubType ?? [])
            .slice(0, version === '1.2' ? 3 : undefined)
            .map((s) => leaf('requestSubType', s)),
          leaf('requestingAgencyPreviousRequestId', service.requestingAgencyPreviousRequestId),
          leaf('serviceType', service.serviceType),
          leaf('serviceLevel', service.serviceLevel),
          leaf(version === '1.2' ? 'preferredFormat' : 'itemFormat', service.itemFormat),
          dateTime('needBeforeDate', service.needBeforeDate),
          leaf('copyrightCompliance', service.copyrightCompliance),
          leaf('anyEdition', service.anyEdition),
          leaf('note', service.note),
        )
      : null,
    (message.requestedDeliveryInfo ?? []).map((info) =>
      el('requestedDeliveryInfo', leaf('sortOrder', info.sortOrder), address(info.address)),
    ),
    agencyInfo
      ? el(
          'requestingAgencyInfo',
          leaf('name', agencyInfo.name),
          leaf('contactName', agencyInfo.contactName),
          (agencyInfo.address ?? []).map(address),
        )
      : null,
    patron
      ? el(
          'patronInfo',
          leaf('patronId', patron.patronId),
          leaf('surname', patron.surname),
          leaf('givenName', patron.givenName),
          leaf('patronType', patron.patronType),
          leaf('sendToPatron', patron.sendToPatron),
        )
      : null,
  );
}

import type {
  AgencyId,
  Costs,
  IsoAddress,
  IsoHeader,
  IsoMessage,
  IsoRequestHeader,
  IsoVersion,
  PhysicalAddress,
} from './iso-model.ts';
import { isXsDateTime } from './iso-dates.ts';
import { UnbuildableMessageError } from './unbuildable-message-error.ts';
import { el, leaf, type XmlElement } from './xml-writer.ts';

/**
 * The parts several messages share, as each version writes them: agency ids, checked dates, the
 * headers (one shape in 1.2; in 2021 one per message, the supplying agency's without
 * authentication), addresses and costs.
 */

export function agencyId(name: string, id: AgencyId | undefined): XmlElement | null {
  return id
    ? el(name, leaf('agencyIdType', id.agencyIdType), leaf('agencyIdValue', id.agencyIdValue))
    : null;
}

/** Checks a dateTime before it goes out: a wrong one would make the partner refuse the message. */
export function dateTime(name: string, value: string | undefined): XmlElement | null {
  if (value === undefined) return null;
  if (!isXsDateTime(value)) {
    throw new UnbuildableMessageError(
      `${name} "${value}" is not a date and time ISO 18626 accepts (e.g. 2026-03-01T23:59:59Z).`,
    );
  }
  return leaf(name, value);
}

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new UnbuildableMessageError(`The message has no ${what}, which it must have.`);
  return value;
}

function authentication(header: IsoRequestHeader): XmlElement | null {
  const auth = header.requestingAgencyAuthentication;
  return auth
    ? el(
        'requestingAgencyAuthentication',
        leaf('accountId', auth.accountId),
        leaf('securityCode', auth.securityCode),
      )
    : null;
}

/** The 1.2 header, one shape for every message: multipleItemRequestId is required (empty if unused). */
function header12(header: IsoRequestHeader): XmlElement {
  return el(
    'header',
    agencyId(
      'supplyingAgencyId',
      required(header.supplyingAgencyId, 'supplying agency (the lender)'),
    ),
    agencyId('requestingAgencyId', header.requestingAgencyId),
    leaf('multipleItemRequestId', header.multipleItemRequestId ?? ''),
    dateTime('timestamp', header.timestamp),
    leaf('requestingAgencyRequestId', header.requestingAgencyRequestId),
    leaf('supplyingAgencyRequestId', header.supplyingAgencyRequestId),
    authentication(header),
  );
}

/** The 2021 headers differ per message (type_requestHeader, …MessageHeader). */
function header2021(kind: IsoMessage['kind'], header: IsoRequestHeader): XmlElement {
  const common = [
    agencyId('supplyingAgencyId', header.supplyingAgencyId),
    agencyId('requestingAgencyId', header.requestingAgencyId),
  ];
  switch (kind) {
    case 'request':
      return el(
        'header',
        common,
        leaf('multipleItemRequestId', header.multipleItemRequestId),
        dateTime('timestamp', header.timestamp),
        leaf('requestingAgencyRequestId', header.requestingAgencyRequestId),
        authentication(header),
      );
    case 'supplyingAgencyMessage':
      required(header.supplyingAgencyId, 'supplying agency (the lender)');
      return el(
        'header',
        common,
        dateTime('timestamp', header.timestamp),
        leaf('requestingAgencyRequestId', header.requestingAgencyRequestId),
        leaf('supplyingAgencyRequestId', header.supplyingAgencyRequestId),
      );
    default:
      required(header.supplyingAgencyId, 'supplying agency (the lender)');
      return el(
        'header',
        common,
        dateTime('timestamp', header.timestamp),
        leaf('requestingAgencyRequestId', header.requestingAgencyRequestId),
        leaf('supplyingAgencyRequestId', header.supplyingAgencyRequestId),
        authentication(header),
      );
  }
}

export function header(
  kind: IsoMessage['kind'],
  h: IsoRequestHeader | IsoHeader,
  version: IsoVersion,
): XmlElement {
  return version === '1.2' ? header12(h) : header2021(kind, h);
}

export function physicalAddress(address: PhysicalAddress | undefined): XmlElement | null {
  return address
    ? el(
        'physicalAddress',
        leaf('line1', address.line1),
        leaf('line2', address.line2),
        leaf('locality', address.locality),
        leaf('postalCode', address.postalCode),
        leaf('region', address.region),
        leaf('country', address.country),
      )
    : null;
}

export function address(value: IsoAddress | undefined): XmlElement | null {
  if (!value) return null;
  if ('electronicAddress' in value) {
    const { electronicAddressType, electronicAddressData } = value.electronicAddress;
    return el(
      'address',
      el(
        'electronicAddress',
        leaf('electronicAddressType', electronicAddressType),
        leaf('electronicAddressData', electronicAddressData),
      ),
    );
  }
  return el('address', physicalAddress(value.physicalAddress));
}

export function costs(name: string, value: Costs | undefined): XmlElement | null {
  return value
    ? el(name, leaf('currencyCode', value.currencyCode), leaf('monetaryValue', value.monetaryValue))
    : null;
}

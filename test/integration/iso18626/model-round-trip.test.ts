import { describe, expect, it } from 'vitest';
import {
  buildIsoMessage,
  parseIsoMessage,
  type IsoHeader,
  type IsoMessage,
  type IsoRequest,
  type IsoRequestingAgencyMessage,
  type IsoSupplyingAgencyMessage,
  type IsoVersion,
} from '../../../electron/messaging/iso18626/index.ts';
import { validateAgainstXsd } from '../../helpers/iso18626-schemas.ts';

/**
 * Every field of the model through the XML and back, in both versions: what a version can carry
 * comes back as it went; what it cannot is left out, as stated here.
 */

const HEADER: IsoHeader = {
  supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NBUU' },
  requestingAgencyId: { agencyIdType: 'OCLC', agencyIdValue: 'NAM' },
  multipleItemRequestId: 'MULTI-7',
  timestamp: '2026-11-23T12:00:00.5+01:00',
  requestingAgencyRequestId: 'B-1001',
  supplyingAgencyRequestId: 'L-7731',
  requestingAgencyAuthentication: { accountId: 'albany', securityCode: 'p&ss<word>' },
};

const REQUEST: IsoRequest = {
  kind: 'request',
  header: HEADER,
  bibliographicInfo: {
    supplierUniqueRecordId: '991000123',
    title: 'Journal of Documentation',
    author: 'Buckland, Michael',
    subtitle: 'A quarterly review',
    seriesTitle: 'Emerald journals',
    edition: '2nd',
    titleOfComponent: 'Information as thing',
    authorOfComponent: 'Michael K. Buckland',
    volume: '42',
    issue: '5',
    pagesRequested: '351-360',
    estimatedNoPages: '10',
    bibliographicItemId: [
      { code: 'ISSN', identifier: '0022-0418' },
      { code: 'DOI', identifier: '10.1002/(SICI)1097-4571' },
    ],
    bibliographicRecordId: [{ code: 'OCLC', identifier: '1754553' }],
  },
  publicationInfo: {
    publisher: 'Emerald',
    publicationType: 'Journal',
    publicationDate: '1991',
    placeOfPublication: 'Bingley',
  },
  serviceInfo: {
    requestType: 'Retry',
    requestSubType: ['PatronRequest'],
    requestingAgencyPreviousRequestId: 'B-0999',
    serviceType: 'CopyOrLoan',
    serviceLevel: 'Rush',
    itemFormat: 'PDF',
    needBeforeDate: '2026-12-18T23:59:59Z',
    copyrightCompliance: 'US-CCG',
    anyEdition: 'N',
    note: 'Scan at 300 dpi, please.',
  },
  requestedDeliveryInfo: [
    {
      sortOrder: 1,
      address: {
        physicalAddress: {
          line1: 'University Library, Interlibrary Loan',
          line2: '1400 Washington Avenue',
          locality: 'Albany',
          postalCode: '12222',
          region: 'NY',
          country: 'US',
        },
      },
    },
    {
      sortOrder: 2,
      address: {
        electronicAddress: {
          electronicAddressType: 'Email',
          electronicAddressData: 'ill@albany.example.edu',
        },
      },
    },
  ],
  requestingAgencyInfo: {
    name: 'University at Albany, SUNY',
    contactName: 'ILL office',
    address: [
      {
        electronicAddress: {
          electronicAddressType: 'Email',
          electronicAddressData: 'ill@albany.example.edu',
        },
      },
    ],
  },
  patronInfo: {
    patronId: 'P100',
    surname: 'Lovelace',
    givenName: 'Ada',
    patronType: 'Faculty',
    sendToPatron: 'N',
  },
};

const SUPPLYING: IsoSupplyingAgencyMessage = {
  kind: 'supplyingAgencyMessage',
  header: HEADER,
  messageInfo: {
    reasonForMessage: 'Notification',
    answerYesNo: 'N',
    note: 'Line one.\nLine two.',
    reasonUnfilled: 'NotHeld',
    reasonRetry: 'OnLoan',
  },
  statusInfo: {
    status: 'Loaned',
    expectedDeliveryDate: '2026-11-27T12:00:00Z',
    dueDate: '2027-01-18T23:59:59Z',
    lastChange: '2026-11-23T12:00:00Z',
  },
  retryInfo: {
    loanCondition: 'LibraryUseOnly',
    retryBefore: '2026-11-30T23:59:59Z',
    retryAfter: '2026-11-24T00:00:00Z',
  },
  deliveryInfo: {
    dateSent: '2026-11-23T12:00:00Z',
    itemId: '31234000123456',
    url: 'https://files.example.edu/ill/L-7731.pdf',
    deliveryMethod: 'Courier',
    sentToPatron: false,
    loanCondition: 'NoReproduction',
    itemFormat: 'Printed',
    deliveryCosts: { currencyCode: 'USD', monetaryValue: '12.50' },
  },
  returnInfo: {
    returnAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NBUU' },
    name: 'Lockwood Memorial Library',
    physicalAddress: {
      line1: 'Lockwood Memorial Library',
      locality: 'Buffalo',
      postalCode: '14260',
      country: 'US',
    },
  },
};

const REQUESTING: IsoRequestingAgencyMessage = {
  kind: 'requestingAgencyMessage',
  header: HEADER,
  action: 'ShippedReturn',
  note: 'Returned by courier.',
};

const { supplyingAgencyRequestId: _lenderId, ...REQUEST_HEADER_2021 } = HEADER;
const { multipleItemRequestId: _multi, ...HEADER_2021 } = HEADER;
const { requestingAgencyAuthentication: _auth, ...SUPPLYING_HEADER_2021 } = HEADER_2021;
const { loanCondition: _condition, ...RETRY_12 } = SUPPLYING.retryInfo!;
const { url: _url, ...DELIVERY_12 } = SUPPLYING.deliveryInfo!;

const cases: readonly { name: string; version: IsoVersion; sent: IsoMessage; back: IsoMessage }[] =
  [
    { name: 'request, 1.2: all of it', version: '1.2', sent: REQUEST, back: REQUEST },
    {
      name: 'request, 2021: all but the supplyingAgencyRequestId a new request cannot have',
      version: '2021',
      sent: REQUEST,
      back: { ...REQUEST, header: REQUEST_HEADER_2021 },
    },
    {
      name: 'supplying agency message, 1.2: all but retryInfo/loanCondition and deliveryInfo/URL',
      version: '1.2',
      sent: SUPPLYING,
      back: { ...SUPPLYING, retryInfo: RETRY_12, deliveryInfo: DELIVERY_12 },
    },
    {
      name: 'supplying agency message, 2021: all but the header’s multipleItemRequestId and authentication',
      version: '2021',
      sent: SUPPLYING,
      back: { ...SUPPLYING, header: SUPPLYING_HEADER_2021 },
    },
    {
      name: 'requesting agency message, 1.2: all of it',
      version: '1.2',
      sent: REQUESTING,
      back: REQUESTING,
    },
    {
      name: 'requesting agency message, 2021: all but multipleItemRequestId',
      version: '2021',
      sent: REQUESTING,
      back: { ...REQUESTING, header: HEADER_2021 },
    },
  ];

describe('the whole model through XML and back', () => {
  it.each(cases.map((c, i) => ({ ...c, label: `${i + 1} of ${cases.length}: ${c.name}` })))(
    '$label',
    ({ version, sent, back }) => {
      const xml = buildIsoMessage(sent, version);
      expect(validateAgainstXsd(xml, version).report).toBe('- validates');
      expect(parseIsoMessage(xml)).toEqual({ ok: true, message: back, version });
    },
  );

  it('writes 1.2 and 2021 element names and orders where the schemas differ', () => {
    const v12 = buildIsoMessage(SUPPLYING, '1.2');
    const v2021 = buildIsoMessage(SUPPLYING, '2021');
    expect(v12).toContain('<sentVia>Courier</sentVia>');
    expect(v2021).toContain('<deliveryMethod>Courier</deliveryMethod>');
    expect(v12).toContain('<deliveredFormat>Printed</deliveredFormat>');
    expect(v2021).toContain('<itemFormat>Printed</itemFormat>');
    const request12 = buildIsoMessage(REQUEST, '1.2');
    expect(request12).toMatch(
      /<bibliographicItemIdentifier>0022-0418<\/bibliographicItemIdentifier>\s*<bibliographicItemIdentifierCode>ISSN/,
    );
    expect(buildIsoMessage(REQUEST, '2021')).toMatch(
      /<bibliographicItemIdentifierCode>ISSN<\/bibliographicItemIdentifierCode>\s*<bibliographicItemIdentifier>0022-0418/,
    );
    expect(request12).toContain('<preferredFormat>PDF</preferredFormat>');
  });

  it('is really checked: the schema refuses the version attribute without its namespace prefix', () => {
    const unqualified = buildIsoMessage(REQUESTING, '1.2').replace('ill:version=', 'version=');
    const check = validateAgainstXsd(unqualified, '1.2');
    expect(check.valid).toBe(false);
    expect(check.report).toContain("attribute 'version': The attribute 'version' is not allowed");
  });
});

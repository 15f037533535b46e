import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ISO18626_NAMESPACE,
  parseConfirmation,
  parseIsoMessage,
  sniffMessageKind,
  type IsoParseFailure,
  type IsoParseResult,
  type IsoMessage,
} from '../../../electron/messaging/iso18626/index.ts';
import { SAMPLES_DIR } from '../../helpers/iso18626-schemas.ts';

/** Reading partners' ISO 18626 XML: tolerant where the standard allows, strict and safe elsewhere. */

const NS = ISO18626_NAMESPACE;

/** A requesting agency message as a partner might send it; `inner` replaces its action and note. */
function requesterMessage(
  inner = '<action>Received</action><note>Arrived safely.</note>',
  header = '',
) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ISO18626Message xmlns="${NS}" xmlns:ill="${NS}" ill:version="2021">
  <requestingAgencyMessage>
    <header>
      <supplyingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-NALBU</agencyIdValue></supplyingAgencyId>
      <requestingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-NBUU</agencyIdValue></requestingAgencyId>
      <timestamp>2026-11-23T12:00:00Z</timestamp>
      <requestingAgencyRequestId>B-5512</requestingAgencyRequestId>
      <supplyingAgencyRequestId>L-2001</supplyingAgencyRequestId>
      ${header}
    </header>
    ${inner}
  </requestingAgencyMessage>
</ISO18626Message>`;
}

function refused<M extends IsoMessage>(result: IsoParseResult<M>): IsoParseFailure {
  if (result.ok) throw new Error(`expected a refusal, got ${result.message.kind}`);
  return result;
}

describe('the six sample messages', () => {
  const samples = [
    ['request.xml', 'request'],
    ['requestConfirmation.xml', 'requestConfirmation'],
    ['requestingAgencyMessage.xml', 'requestingAgencyMessage'],
    ['requestingAgencyMessageConfirmation.xml', 'requestingAgencyMessageConfirmation'],
    ['supplyingAgencyMessage.xml', 'supplyingAgencyMessage'],
    ['supplyingAgencyMessageConfirmation.xml', 'supplyingAgencyMessageConfirmation'],
  ] as const;

  it.each(samples.map(([file, kind], i) => ({ file, kind, label: `${i + 1} of 6: ${file}` })))(
    'reads sample $label as a $kind',
    ({ file, kind }) => {
      const xml = readFileSync(join(SAMPLES_DIR(), file), 'utf8');
      const result = kind.endsWith('Confirmation') ? parseConfirmation(xml) : parseIsoMessage(xml);
      expect(result).toMatchObject({ ok: true, version: null, message: { kind } });
    },
  );

  it('reads the request sample field by field, 1.2 names (preferredFormat) into the model', () => {
    const xml = readFileSync(join(SAMPLES_DIR(), 'request.xml'), 'utf8');
    const result = parseIsoMessage(xml);
    expect(result).toMatchObject({
      ok: true,
      message: {
        header: {
          requestingAgencyId: { agencyIdType: 'agencyIdType2', agencyIdValue: 'agencyIdValue1' },
          requestingAgencyRequestId: 'requestingAgencyRequestId1',
          requestingAgencyAuthentication: {
            accountId: 'accountId1',
            securityCode: 'securityCode1',
          },
        },
        bibliographicInfo: {
          title: 'title1',
          author: 'author1',
          supplierUniqueRecordId: 'supplierUniqueRecordId1',
          bibliographicItemId: [
            {
              code: 'bibliographicItemIdentifierCode1',
              identifier: 'bibliographicItemIdentifier1',
            },
            {
              code: 'bibliographicItemIdentifierCode2',
              identifier: 'bibliographicItemIdentifier2',
            },
            {
              code: 'bibliographicItemIdentifierCode3',
              identifier: 'bibliographicItemIdentifier3',
            },
          ],
        },
        serviceInfo: {
          serviceType: 'Copy',
          itemFormat: 'preferredFormat1',
          needBeforeDate: '1900-01-02T23:59:59+0000',
        },
        patronInfo: { patronId: 'patronId1', surname: 'surname1', sendToPatron: 'Y' },
      },
    });
  });

  it('reads the supplying agency message sample: status, due date, item, 1.2 sentVia and retry dates', () => {
    const xml = readFileSync(join(SAMPLES_DIR(), 'supplyingAgencyMessage.xml'), 'utf8');
    expect(parseIsoMessage(xml)).toMatchObject({
      ok: true,
      message: {
        messageInfo: { reasonForMessage: 'RequestResponse', reasonUnfilled: 'reasonUnfilled1' },
        statusInfo: { status: 'RequestReceived', dueDate: '1900-01-01T01:01:01+0000' },
        retryInfo: { retryAfter: '1900-01-01T01:01:01+0000' },
        deliveryInfo: { itemId: 'itemId1', deliveryMethod: 'sentVia1', sentToPatron: true },
      },
    });
  });

  it('reads an ERROR confirmation: its error type and value', () => {
    const xml = readFileSync(join(SAMPLES_DIR(), 'requestConfirmation.xml'), 'utf8').replace(
      '<messageStatus>OK</messageStatus>',
      '<messageStatus>ERROR</messageStatus>',
    );
    expect(parseConfirmation(xml)).toMatchObject({
      ok: true,
      message: {
        confirmationHeader: { messageStatus: 'ERROR' },
        errorData: { errorType: 'UnsupportedActionType', errorValue: 'errorValue1' },
      },
    });
  });
});

describe('tolerant where the standard allows', () => {
  const expected = {
    kind: 'requestingAgencyMessage',
    action: 'Received',
    note: 'Arrived safely.',
    header: {
      supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NALBU' },
      requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NBUU' },
      timestamp: '2026-11-23T12:00:00Z',
      requestingAgencyRequestId: 'B-5512',
      supplyingAgencyRequestId: 'L-2001',
    },
  };

  it('reads a wrapped message and its version', () => {
    expect(parseIsoMessage(requesterMessage())).toEqual({
      ok: true,
      message: expected,
      version: '2021',
    });
  });

  it('reads the same message with every element prefixed, and an unqualified version', () => {
    const prefixed = requesterMessage()
      .replace(/<(\/?)(?!\?)([A-Za-z])/g, '<$1iso:$2')
      .replace(
        `xmlns="${NS}" xmlns:ill="${NS}" ill:version="2021"`,
        `xmlns:iso="${NS}" version="1.2"`,
      );
    expect(prefixed).toContain('<iso:requestingAgencyRequestId>');
    expect(parseIsoMessage(prefixed)).toEqual({ ok: true, message: expected, version: '1.2' });
  });

  it('reads a bare message, and one with no namespace at all', () => {
    const bare = `<requestingAgencyMessage xmlns="${NS}">${requesterMessage().split('<requestingAgencyMessage>')[1]!.split('</ISO18626Message>')[0]}`;
    expect(parseIsoMessage(bare)).toEqual({ ok: true, message: expected, version: null });
    expect(parseIsoMessage(bare.replace(` xmlns="${NS}"`, ''))).toMatchObject({ ok: true });
  });

  it('skips elements the schema does not know, in its namespace or another, and CDATA reads as text', () => {
    const xml = requesterMessage(
      `<action>Received</action><note><![CDATA[Arrived safely.]]></note><rsx:pieces xmlns:rsx="urn:example:ext">2</rsx:pieces><futureElement><x>1</x></futureElement>`,
      '<consortialId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-SUNY</agencyIdValue></consortialId>',
    );
    expect(parseIsoMessage(xml)).toEqual({ ok: true, message: expected, version: '2021' });
  });

  it('decodes character references and the XML entities exactly once', () => {
    const xml = requesterMessage(
      '<action>Received</action><note>Caf&#233; &#xE9;tude: &lt;b&gt; &amp;amp; &quot;q&quot;</note>',
    );
    expect(parseIsoMessage(xml)).toMatchObject({
      ok: true,
      message: { note: 'Café étude: <b> &amp; "q"' },
    });
  });

  it('keeps the first of the elements 2021 repeats (itemId) and of several errorData', () => {
    const xml = `<supplyingAgencyMessage xmlns="${NS}"><header>
      <supplyingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-NBUU</agencyIdValue></supplyingAgencyId>
      <requestingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-NALBU</agencyIdValue></requestingAgencyId>
      <timestamp>2026-11-23T12:00:00Z</timestamp><requestingAgencyRequestId>B-1001</requestingAgencyRequestId>
      </header><messageInfo><reasonForMessage>StatusChange</reasonForMessage></messageInfo>
      <statusInfo><status>Loaned</status><dueDate>2027-01-18T23:59:59Z</dueDate><lastChange>2026-11-23T12:00:00Z</lastChange></statusInfo>
      <deliveryInfo><dateSent>2026-11-23T12:00:00Z</dateSent><itemId>31234000123456</itemId><itemId>31234000123457</itemId></deliveryInfo>
      </supplyingAgencyMessage>`;
    expect(parseIsoMessage(xml)).toMatchObject({
      ok: true,
      message: {
        deliveryInfo: { itemId: '31234000123456' },
        header: { requestingAgencyRequestId: 'B-1001' },
      },
    });
  });
});

describe('strict where the standard is: the errorType a confirmation should carry', () => {
  it('refuses an action ISO 18626 does not have as UnsupportedActionType, echoing the request', () => {
    const failure = refused(parseIsoMessage(requesterMessage('<action>Pause</action>')));
    expect(failure).toEqual({
      ok: false,
      errorType: 'UnsupportedActionType',
      errorValue: 'action "Pause" is not one ISO 18626 knows.',
      echo: {
        kind: 'requestingAgencyMessage',
        supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NALBU' },
        requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NBUU' },
        requestingAgencyRequestId: 'B-5512',
      },
    });
  });

  it('refuses an unknown reasonForMessage as UnsupportedReasonForMessageType, an unknown status as UnrecognisedDataValue', () => {
    const message = (
      reason: string,
      status: string,
    ) => `<supplyingAgencyMessage xmlns="${NS}"><header>
      <supplyingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-NBUU</agencyIdValue></supplyingAgencyId>
      <requestingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-NALBU</agencyIdValue></requestingAgencyId>
      <timestamp>2026-11-23T12:00:00Z</timestamp><requestingAgencyRequestId>B-1001</requestingAgencyRequestId>
      </header><messageInfo><reasonForMessage>${reason}</reasonForMessage></messageInfo>
      <statusInfo><status>${status}</status><lastChange>2026-11-23T12:00:00Z</lastChange></statusInfo></supplyingAgencyMessage>`;
    expect(parseIsoMessage(message('Gossip', 'Loaned'))).toMatchObject({
      ok: false,
      errorType: 'UnsupportedReasonForMessageType',
      errorValue: 'reasonForMessage "Gossip" is not one ISO 18626 knows.',
    });
    expect(parseIsoMessage(message('StatusChange', 'Shipped'))).toMatchObject({
      ok: false,
      errorType: 'UnrecognisedDataValue',
      errorValue: 'status "Shipped" is not one ISO 18626 knows.',
      echo: {
        kind: 'supplyingAgencyMessage',
        reasonForMessage: 'StatusChange',
        requestingAgencyRequestId: 'B-1001',
      },
    });
    expect(parseIsoMessage(message('StatusChange', 'Loaned'))).toMatchObject({ ok: true });
  });

  it('refuses a message missing a required element as BadlyFormedMessage, naming it', () => {
    const xml = requesterMessage().replace(
      /<requestingAgencyRequestId>B-5512<\/requestingAgencyRequestId>/,
      '',
    );
    expect(parseIsoMessage(xml)).toMatchObject({
      ok: false,
      errorType: 'BadlyFormedMessage',
      errorValue:
        'requestingAgencyMessage/header/requestingAgencyRequestId is missing; ISO 18626 requires it in this message.',
    });
  });

  it('refuses a timestamp that is not a date as UnrecognisedDataValue', () => {
    const xml = requesterMessage().replace('2026-11-23T12:00:00Z', 'yesterday');
    expect(parseIsoMessage(xml)).toMatchObject({
      ok: false,
      errorType: 'UnrecognisedDataValue',
      errorValue: 'timestamp "yesterday" is not a date and time.',
    });
  });

  it('refuses a root element that is no ISO message as UnrecognisedDataElement', () => {
    expect(
      parseIsoMessage(`<loanRequest xmlns="${NS}"><title>x</title></loanRequest>`),
    ).toMatchObject({
      ok: false,
      errorType: 'UnrecognisedDataElement',
      errorValue: '<loanRequest> is not an ISO 18626 message.',
      echo: { kind: null },
    });
  });

  it('refuses a confirmation sent as a message, and a message returned as a confirmation', () => {
    const confirmation = readFileSync(join(SAMPLES_DIR(), 'requestConfirmation.xml'), 'utf8');
    expect(parseIsoMessage(confirmation)).toMatchObject({
      ok: false,
      errorType: 'UnrecognisedDataElement',
      echo: {
        kind: 'requestConfirmation',
        requestingAgencyRequestId: 'requestingAgencyRequestId1',
      },
    });
    expect(parseConfirmation(requesterMessage())).toMatchObject({
      ok: false,
      errorType: 'UnrecognisedDataElement',
      errorValue:
        '<requestingAgencyMessage> is a message, not the confirmation expected in answer to one.',
    });
  });

  it('refuses a message larger than the limit it is given', () => {
    const xml = requesterMessage(`<action>Received</action><note>${'x'.repeat(5000)}</note>`);
    expect(parseIsoMessage(xml, { maxBytes: 4096 })).toMatchObject({
      ok: false,
      errorType: 'BadlyFormedMessage',
      errorValue: 'The message is larger than the 4096 bytes this desk accepts.',
      echo: { kind: 'requestingAgencyMessage' },
    });
    expect(parseIsoMessage(xml)).toMatchObject({ ok: true });
  });
});

describe('hostile inputs are refused before they can do harm', () => {
  const hostile = [
    {
      what: 'a DOCTYPE with an external entity (XXE)',
      xml: `<?xml version="1.0"?><!DOCTYPE requestingAgencyMessage [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${requesterMessage('<action>Received</action><note>&xxe;</note>')}`,
      errorValue: /DOCTYPE or entity declaration/,
    },
    {
      what: 'billion laughs (nested entity expansion)',
      xml: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ).join('')}]>${requesterMessage('<action>Received</action><note>&lol9;</note>')}`,
      errorValue: /DOCTYPE or entity declaration/,
    },
    {
      what: 'a 10 MB body',
      xml: requesterMessage(
        `<action>Received</action><note>${'A'.repeat(10 * 1024 * 1024)}</note>`,
      ),
      errorValue: /larger than the 1000000 bytes/,
    },
    {
      what: 'the wrong namespace',
      xml: requesterMessage().replace(`xmlns="${NS}"`, 'xmlns="http://example.org/not-iso18626"'),
      errorValue: /namespace http:\/\/example.org\/not-iso18626; ISO 18626 messages use/,
    },
    {
      what: 'text that is not XML',
      xml: '{"action": "Received", "requestId": "B-5512"}',
      errorValue: /not well-formed XML/,
    },
    {
      what: 'XML that is not well-formed (mismatched tags)',
      xml: requesterMessage('<action>Received</note>'),
      errorValue: /not well-formed XML/,
    },
    {
      what: 'elements nested 5000 deep',
      xml: requesterMessage(
        `<action>Received</action><note>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</note>`,
      ),
      errorValue: /could not be read as XML/,
    },
    {
      what: 'an element named __proto__ (prototype pollution)',
      xml: requesterMessage(
        '<action>Received</action><__proto__><polluted>yes</polluted></__proto__>',
      ),
      errorValue: /could not be read as XML: .*prototype pollution/,
    },
  ];

  it.each(hostile.map((h, i) => ({ ...h, label: `${i + 1} of ${hostile.length}: ${h.what}` })))(
    'refuses hostile input $label as BadlyFormedMessage',
    ({ xml, errorValue }) => {
      const failure = refused(parseIsoMessage(xml));
      expect(failure.errorType).toBe('BadlyFormedMessage');
      expect(failure.errorValue).toMatch(errorValue);
      expect(JSON.stringify(failure)).not.toMatch(/root:|lollol/);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it('names the message kind of a body it could not parse, from its head', () => {
    expect(
      sniffMessageKind('<?xml version="1.0"?><ill:ISO18626Message><ill:supplyingAgencyMessage>'),
    ).toBe('supplyingAgencyMessage');
    expect(sniffMessageKind('<request xmlns="x">')).toBe('request');
    expect(sniffMessageKind('<requestConfirmation>')).toBe('requestConfirmation');
    expect(sniffMessageKind('not xml')).toBeNull();
  });
});

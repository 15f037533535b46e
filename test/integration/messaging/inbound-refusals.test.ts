import { afterEach, describe, expect, it } from 'vitest';
import {
  OTHER,
  openInboundDesk,
  outcomeOf,
  requesterMessage,
  supplierMessage,
  type InboundDesk,
} from '../../helpers/iso-inbound.ts';

/**
 * What the ISO 18626 listener refuses, over real HTTP: messages it cannot apply (unknown or
 * another partner's request, a status the request is past), partners that do not authenticate,
 * and hostile or broken bodies. Each gets an ERROR confirmation, a line in the server log, and
 * leaves nothing written.
 */

let desk: InboundDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

async function open(): Promise<InboundDesk> {
  desk = await openInboundDesk();
  return desk;
}

describe('messages that cannot be applied change nothing', () => {
  const cases: [
    string,
    () => ReturnType<typeof requesterMessage> | ReturnType<typeof supplierMessage>,
    RegExp,
  ][] = [
    [
      'a request this desk does not have',
      () => requesterMessage('Received', { theirs: 'PB-999' }),
      /^ERROR UnrecognisedDataValue: This library has no lending request for your request PB-999\.$/,
    ],
    [
      "another partner's lending request",
      () =>
        requesterMessage('Received', {
          theirs: 'PB-10',
          ours: 'L-10',
          from: OTHER,
          auth: { accountId: 'other-account', securityCode: 'other-secret' },
        }),
      /^ERROR UnrecognisedDataValue: This library has no lending request for your request PB-10/,
    ],
    [
      'a borrowing request sent to another partner',
      () => supplierMessage('Loaned', { ours: 'B-6' }),
      /^ERROR UnrecognisedDataValue: This library sent you no request B-6/,
    ],
    [
      'a status the request is past',
      () => supplierMessage('Loaned', { ours: 'B-4' }),
      /^ERROR UnrecognisedDataValue: B-4 \(your PEER-4\) cannot change as your message says: Partner shipped is not possible while the request is "Physically received by library"/,
    ],
    [
      'an action before its time',
      () => requesterMessage('ShippedReturn', { theirs: 'PB-11' }),
      /^ERROR UnsupportedActionType: L-11 \(your PB-11\) cannot change as your message says: Returned by partner is not possible while the request is "Created lending request"/,
    ],
    [
      'an action the desk does not handle',
      () => requesterMessage('ShippedForward', { theirs: 'PB-10' }),
      /^ERROR UnsupportedActionType: This library does not act on ShippedForward messages/,
    ],
    [
      'a message addressed to another library',
      () =>
        requesterMessage('Received', {
          theirs: 'PB-10',
          to: { agencyIdType: 'ISIL', agencyIdValue: 'US-ELSE' },
        }),
      /^ERROR UnrecognisedDataValue: This message is addressed to ISIL:US-ELSE, but this library is ISIL:US-HOME/,
    ],
  ];
  for (const [what, message, error] of cases) {
    it(`refuses ${what}`, async () => {
      const d = await open();
      const before = d.footprint();
      const statuses = d.rows(
        `SELECT request_id, status FROM lending_requests UNION ALL SELECT request_id, status FROM borrowing_requests`,
      );
      const posted = await d.send(message());
      expect(posted.status).toBe(200);
      expect(outcomeOf(posted)).toMatch(error);
      expect(d.footprint()).toEqual(before);
      expect(
        d.rows(
          `SELECT request_id, status FROM lending_requests UNION ALL SELECT request_id, status FROM borrowing_requests`,
        ),
      ).toEqual(statuses);
      expect(d.logs.at(-1)).toMatch(/^ISO 18626: refused /);
    });
  }
});

describe('partners must authenticate', () => {
  const cases: [string, () => ReturnType<typeof requesterMessage>, RegExp, RegExp][] = [
    [
      'no credentials',
      () => requesterMessage('Received', { theirs: 'PB-10', auth: null }),
      /^ERROR UnrecognisedDataValue: The message carries no credentials/,
      /carried no credentials/,
    ],
    [
      'a wrong security code',
      () =>
        requesterMessage('Received', {
          theirs: 'PB-10',
          auth: { accountId: 'peer-account', securityCode: 'guess' },
        }),
      /^ERROR UnrecognisedDataValue: The accountId or securityCode is not the one this library has for you/,
      /PEER \(Peer University\) had the wrong accountId or securityCode/,
    ],
    [
      'a wrong account',
      () =>
        requesterMessage('Received', {
          theirs: 'PB-10',
          auth: { accountId: 'someone', securityCode: 'peer-secret' },
        }),
      /^ERROR UnrecognisedDataValue: The accountId or securityCode is not the one this library has for you/,
      /wrong accountId or securityCode/,
    ],
    [
      'a partner with no security code set',
      () =>
        requesterMessage('Received', {
          theirs: 'PB-10',
          from: { agencyIdType: 'ISIL', agencyIdValue: 'US-OPEN' },
          auth: { accountId: 'any', securityCode: 'any' },
        }),
      /^ERROR UnrecognisedDataValue: This library has set no security code for you/,
      /partner OPEN \(Open College\) has no security code set, so its messages are refused/,
    ],
    [
      'an agency that is no partner',
      () =>
        requesterMessage('Received', {
          theirs: 'PB-10',
          from: { agencyIdType: 'ISIL', agencyIdValue: 'US-NOBODY' },
        }),
      /^ERROR UnrecognisedDataValue: This library has no partner with the agency id ISIL:US-NOBODY/,
      /no partner has the symbol US-NOBODY/,
    ],
    [
      'an inactive partner',
      () =>
        requesterMessage('Received', {
          theirs: 'PB-10',
          from: { agencyIdType: 'ISIL', agencyIdValue: 'US-GONE' },
          auth: { securityCode: 'gone-secret' },
        }),
      /^ERROR UnrecognisedDataValue: Your partner record at this library is inactive/,
      /partner GONE is inactive/,
    ],
  ];
  for (const [what, message, error, logged] of cases) {
    it(`refuses ${what}, saying so in the confirmation and the server log`, async () => {
      const d = await open();
      const before = d.footprint();
      const posted = await d.send(message());
      expect(posted.status).toBe(200);
      expect(outcomeOf(posted)).toMatch(error);
      expect(d.status('lending', 'L-10')).toBe('SHIPPED_PHYSICALLY');
      expect(d.footprint()).toEqual(before);
      expect(d.logs.at(-1)).toMatch(logged);
    });
  }
});

describe('hostile or broken bodies are refused with a confirmation', () => {
  const received = () =>
    `<ISO18626Message xmlns="http://illtransactions.org/2013/iso18626" version="1.2"><requestingAgencyMessage><header><supplyingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-HOME</agencyIdValue></supplyingAgencyId><requestingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-PEER</agencyIdValue></requestingAgencyId><timestamp>2026-11-23T12:00:00Z</timestamp><requestingAgencyRequestId>PB-10</requestingAgencyRequestId><requestingAgencyAuthentication><accountId>peer-account</accountId><securityCode>peer-secret</securityCode></requestingAgencyAuthentication></header><action>Received</action></requestingAgencyMessage></ISO18626Message>`;
  const cases: [string, () => string, number, RegExp][] = [
    [
      'a DOCTYPE with an external entity',
      () =>
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${received().replace('PB-10', '&xxe;')}`,
      400,
      /^ERROR BadlyFormedMessage: The message has a DOCTYPE or entity declaration/,
    ],
    [
      'entity expansion (billion laughs)',
      () =>
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${received().replace('PB-10', '&lol2;')}`,
      400,
      /^ERROR BadlyFormedMessage: The message has a DOCTYPE or entity declaration/,
    ],
    [
      'the wrong namespace',
      () => received().replace('http://illtransactions.org/2013/iso18626', 'urn:not-iso'),
      400,
      /^ERROR BadlyFormedMessage: .*urn:not-iso/,
    ],
    ['text that is not XML', () => 'Received PB-10, thanks!', 400, /^ERROR BadlyFormedMessage: /],
    [
      'a body over the size limit',
      () => received().replace('<action>', `<padding>${'x'.repeat(1_100_000)}</padding><action>`),
      413,
      /^ERROR BadlyFormedMessage: The message is larger than the 1000000 bytes this library accepts\.$/,
    ],
  ];
  for (const [what, body, status, error] of cases) {
    it(`refuses ${what}, writing nothing`, async () => {
      const d = await open();
      const before = d.footprint();
      const posted = await d.post(body());
      expect(posted.status).toBe(status);
      expect(outcomeOf(posted)).toMatch(error);
      expect(d.status('lending', 'L-10')).toBe('SHIPPED_PHYSICALLY');
      expect(d.footprint()).toEqual(before);
    });
  }

  it('the same message, well-formed, is applied (the cases above fail for their fault alone)', async () => {
    const d = await open();
    expect(outcomeOf(await d.post(received()))).toBe('OK');
    expect(d.status('lending', 'L-10')).toBe('RECEIVED_BY_PARTNER');
  });

  it('ignores elements the schema does not know', async () => {
    const d = await open();
    const extended = received()
      .replace('<action>', '<x:shelfMark xmlns:x="urn:example:local">QA 76</x:shelfMark><action>')
      .replace('</header>', '<consortialNote>Courier run 4</consortialNote></header>');
    expect(outcomeOf(await d.post(extended))).toBe('OK');
    expect(d.status('lending', 'L-10')).toBe('RECEIVED_BY_PARTNER');
  });

  it('wants XML by its content type, POST, and the /iso18626 path', async () => {
    const d = await open();
    const before = d.footprint();
    const asJson = await d.post(received(), { contentType: 'application/json' });
    expect(asJson.status).toBe(415);
    expect(outcomeOf(asJson)).toBe(
      'ERROR BadlyFormedMessage: Send ISO 18626 messages as XML (Content-Type: application/xml).',
    );
    const get = await d.post('', { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.text).toContain('POST');
    const elsewhere = await d.post(received(), { path: '/api/desk.info' });
    expect(elsewhere.status).toBe(404);
    expect(d.footprint()).toEqual(before);
  });
});

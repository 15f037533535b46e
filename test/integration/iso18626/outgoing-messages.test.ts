import { describe, expect, it } from 'vitest';
import {
  buildIsoMessage,
  buildOutgoingIso,
  outgoingIsoMessage,
  parseIsoMessage,
  UnbuildableMessageError,
  VERSION_ATTRIBUTE,
  ISO_VERSIONS,
  type IsoRequest,
  type IsoRequestingAgencyMessage,
  type IsoSupplyingAgencyMessage,
  type IsoVersion,
} from '../../../electron/messaging/iso18626/index.ts';
import {
  borrowingBody,
  BUFFALO,
  lendingBody,
  OUR_AGENCY,
  OUTGOING_CASES,
  outgoingCase,
} from '../../helpers/iso18626-bodies.ts';
import { validateAgainstXsd } from '../../helpers/iso18626-schemas.ts';

/** Every message a desk step queues, written for both schema versions (issue 7, part 1). */

const partnerOn = (version: IsoVersion) => ({ ...BUFFALO, isoVersion: version });
const TOTAL = OUTGOING_CASES.length * ISO_VERSIONS.length;

const runs = ISO_VERSIONS.flatMap((version, v) =>
  OUTGOING_CASES.map((c, i) => ({
    ...c,
    version,
    label: `${v * OUTGOING_CASES.length + i + 1} of ${TOTAL}: ${c.name}, ${version}`,
  })),
);

function built(body: Parameters<typeof outgoingIsoMessage>[0], version: IsoVersion) {
  return outgoingIsoMessage(body, partnerOn(version), OUR_AGENCY);
}

function supplying(body: Parameters<typeof outgoingIsoMessage>[0], version: IsoVersion = '2021') {
  const message = built(body, version);
  if (message.kind !== 'supplyingAgencyMessage') throw new Error(`got ${message.kind}`);
  return message;
}

function requesting(body: Parameters<typeof outgoingIsoMessage>[0], version: IsoVersion = '2021') {
  const message = built(body, version);
  if (message.kind !== 'requestingAgencyMessage') throw new Error(`got ${message.kind}`);
  return message;
}

describe('every outgoing message kind in both versions', () => {
  it.each(runs)('$label validates against its XSD and reads back as built', (run) => {
    const out = buildOutgoingIso(run.body, partnerOn(run.version), OUR_AGENCY);
    expect(out.version).toBe(run.version);
    const check = validateAgainstXsd(out.xml, run.version);
    expect(check.report).toBe('- validates');
    expect(check.valid).toBe(true);

    const back = parseIsoMessage(out.xml);
    expect(back).toEqual({
      ok: true,
      message: out.message,
      version: VERSION_ATTRIBUTE[run.version],
    });
  });

  it(`covers all ${OUTGOING_CASES.length} kinds the desk steps queue for ISO partners`, () => {
    const kinds = OUTGOING_CASES.map((c) => c.body.messageKind).sort();
    expect(kinds).toEqual(
      [
        'Request',
        'Received',
        'ShippedReturn',
        'Cancel',
        'Renew',
        'StatusRequest',
        'Notification',
        'WillSupply',
        'ExpectToSupply',
        'Loaned',
        'Unfilled',
        'LoanCompleted',
        'Recalled',
        'Overdue',
        'RenewResponse',
        'CancelResponse',
        'CopyCompleted',
        'StatusRequestResponse',
      ].sort(),
    );
  });
});

describe('request IDs and agencies (the Alma P2P convention)', () => {
  it('sends our borrowing request B-1001 as requestingAgencyRequestId, with the lender ID once known', () => {
    const received = requesting(outgoingCase('Received'));
    expect(received.header).toMatchObject({
      requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NALBU' },
      supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NBUU' },
      requestingAgencyRequestId: 'B-1001',
      supplyingAgencyRequestId: 'L-7731',
    });
  });

  it('sends a Request without any lender ID, even one kept from an earlier partner in the rota', () => {
    const resend = borrowingBody({
      messageKind: 'Request',
      action: 'SEND',
      fromStatus: 'REJECTED',
      toStatus: 'SENT',
      externalId: 'L-0042',
    });
    for (const version of ISO_VERSIONS) {
      const request = built(resend, version) as IsoRequest;
      expect(request.header.requestingAgencyRequestId).toBe('B-1001');
      expect(request.header).not.toHaveProperty('supplyingAgencyRequestId');
      expect(buildIsoMessage(request, version)).not.toContain('L-0042');
    }
  });

  it("answers as the lender with the borrower's ID B-5512 and our lending request L-2001", () => {
    const willSupply = supplying(outgoingCase('WillSupply'));
    expect(willSupply.header).toMatchObject({
      supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NALBU' },
      requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NBUU' },
      requestingAgencyRequestId: 'B-5512',
      supplyingAgencyRequestId: 'L-2001',
    });
  });

  it("takes a bare partner symbol to share our agency id type, and a schemed one's own", () => {
    const bare = outgoingIsoMessage(
      outgoingCase('Received'),
      { ...BUFFALO, symbol: 'BUF' },
      OUR_AGENCY,
    );
    const oclc = outgoingIsoMessage(
      outgoingCase('Received'),
      { ...BUFFALO, symbol: 'OCLC:BUF' },
      OUR_AGENCY,
    );
    expect(bare.header.supplyingAgencyId).toEqual({ agencyIdType: 'ISIL', agencyIdValue: 'BUF' });
    expect(oclc.header.supplyingAgencyId).toEqual({ agencyIdType: 'OCLC', agencyIdValue: 'BUF' });
  });

  it("carries the partner's accountId and securityCode, except on 2021 supplying agency messages", () => {
    const auth = { accountId: 'albany-desk', securityCode: 'k7&Q<9' };
    expect(
      requesting(outgoingCase('Received'), '2021').header.requestingAgencyAuthentication,
    ).toEqual(auth);
    expect(supplying(outgoingCase('Loaned'), '1.2').header.requestingAgencyAuthentication).toEqual(
      auth,
    );
    expect(supplying(outgoingCase('Loaned'), '2021').header).not.toHaveProperty(
      'requestingAgencyAuthentication',
    );
    const noCredentials = outgoingIsoMessage(
      outgoingCase('Received'),
      { ...BUFFALO, accountId: null, securityCode: '  ' },
      OUR_AGENCY,
    );
    expect(noCredentials.header).not.toHaveProperty('requestingAgencyAuthentication');
  });
});

describe('what each message says', () => {
  it('asks for a loan of the title by author and ISBN, needed by the end of 18 Dec 2026', () => {
    const request = built(outgoingCase('Request'), '2021') as IsoRequest;
    expect(request.bibliographicInfo).toEqual({
      title: 'The Structure of Scientific Revolutions',
      author: 'Thomas S. Kuhn',
      bibliographicItemId: [{ code: 'ISBN', identifier: '9780226458120' }],
    });
    expect(request.serviceInfo).toEqual({
      requestType: 'New',
      serviceType: 'Loan',
      needBeforeDate: '2026-12-18T23:59:59Z',
      note: 'Patron needs it for a thesis defence.',
    });
    expect(request.requestingAgencyInfo).toEqual({ name: 'University at Albany, SUNY' });
  });

  it('asks for a copy when the request is for a digital copy', () => {
    const digital = borrowingBody({
      messageKind: 'Request',
      action: 'SEND',
      fromStatus: 'CREATED',
      toStatus: 'SENT',
      details: { format: 'DIGITAL' },
    });
    expect((built(digital, '1.2') as IsoRequest).serviceInfo?.serviceType).toBe('Copy');
  });

  it("ships with the lender's item barcode and the due date, as a status change after Will Supply", () => {
    const loaned = supplying(outgoingCase('Loaned'));
    expect(loaned.messageInfo).toEqual({
      reasonForMessage: 'StatusChange',
      note: 'Please keep it in its box.',
    });
    expect(loaned.statusInfo).toEqual({
      status: 'Loaned',
      dueDate: '2027-01-18T23:59:59Z',
      lastChange: '2026-11-23T12:00:00Z',
    });
    expect(loaned.deliveryInfo).toEqual({
      dateSent: '2026-11-23T12:00:00Z',
      itemId: '31234000123456',
    });
  });

  it('ships a non-returnable copy with no due date and says it need not come back', () => {
    const body = lendingBody({
      messageKind: 'Loaned',
      action: 'SHIP',
      fromStatus: 'CREATED',
      toStatus: 'SHIPPED_PHYSICALLY',
      details: { itemBarcode: '31234000999999', dueDate: null, format: 'PHYSICAL_NON_RETURNABLE' },
    });
    const loaned = supplying(body, '1.2');
    expect(loaned.messageInfo).toEqual({
      reasonForMessage: 'RequestResponse',
      note: 'Non-returnable: keep the item; it need not come back.',
    });
    expect(loaned.statusInfo).not.toHaveProperty('dueDate');
  });

  it('rejects with the ISO reasonUnfilled and the note to the partner, answering the request', () => {
    const unfilled = supplying(outgoingCase('Unfilled'));
    expect(unfilled.messageInfo).toEqual({
      reasonForMessage: 'RequestResponse',
      reasonUnfilled: 'NotOnShelf',
      note: 'Try the Science Library copy at Binghamton.',
    });
    expect(unfilled.statusInfo.status).toBe('Unfilled');
  });

  it('sends Conditional as ExpectToSupply: conditions and date for reply in the note, the date as retryBefore', () => {
    for (const version of ISO_VERSIONS) {
      const conditional = supplying(outgoingCase('ExpectToSupply'), version);
      expect(conditional.statusInfo.status).toBe('ExpectToSupply');
      expect(conditional.messageInfo).toEqual({
        reasonForMessage: 'RequestResponse',
        note: 'Conditions: Library use only. Please reply by Mon 30 Nov 2026. We can lend it for two weeks only.',
      });
      expect(conditional.retryInfo).toEqual({ retryBefore: '2026-11-30T23:59:59Z' });
    }
    const xml12 = buildIsoMessage(supplying(outgoingCase('ExpectToSupply'), '1.2'), '1.2');
    expect(xml12).toMatch(
      /<messageInfo>[\s\S]*<retryBefore>2026-11-30T23:59:59Z<\/retryBefore>[\s\S]*<\/messageInfo>/,
    );
    const xml2021 = buildIsoMessage(supplying(outgoingCase('ExpectToSupply'), '2021'), '2021');
    expect(xml2021).toMatch(
      /<retryInfo>\s*<retryBefore>2026-11-30T23:59:59Z<\/retryBefore>\s*<\/retryInfo>/,
    );
  });

  it('answers a Renew requested with RenewResponse Y and the new due date', () => {
    const renew = supplying(outgoingCase('RenewResponse'));
    expect(renew.messageInfo).toMatchObject({
      reasonForMessage: 'RenewResponse',
      answerYesNo: 'Y',
    });
    expect(renew.statusInfo).toMatchObject({ status: 'Loaned', dueDate: '2027-02-15T23:59:59Z' });
  });

  it('tells of a renewal nobody asked for as a status change with the new due date', () => {
    const unasked = lendingBody({
      messageKind: 'RenewResponse',
      action: 'RENEW',
      fromStatus: 'RECEIVED_BY_PARTNER',
      toStatus: 'RECEIVED_BY_PARTNER',
      details: { dueDate: '2027-02-15' },
    });
    const renew = supplying(unasked);
    expect(renew.messageInfo).toEqual({ reasonForMessage: 'StatusChange' });
    expect(renew.statusInfo).toMatchObject({ status: 'Loaned', dueDate: '2027-02-15T23:59:59Z' });
  });

  it('answers a cancel with CancelResponse Y and the status Cancelled', () => {
    const cancel = supplying(outgoingCase('CancelResponse'));
    expect(cancel.messageInfo).toEqual({ reasonForMessage: 'CancelResponse', answerYesNo: 'Y' });
    expect(cancel.statusInfo.status).toBe('Cancelled');
  });

  it("reports a lost item with 2021's Lost action, and to a 1.2 partner as a Notification saying so", () => {
    const lost = outgoingCase('Notification');
    expect(requesting(lost, '2021')).toMatchObject({
      action: 'Lost',
      note: 'The patron reports it stolen.',
    });
    expect(requesting(lost, '1.2')).toMatchObject({
      action: 'Notification',
      note: 'Lost: The Structure of Scientific Revolutions is lost. The patron reports it stolen.',
    });
  });

  it('escapes markup and line ends in notes, drops characters XML cannot carry, and reads them back', () => {
    const note = 'Box "A" & <fragile> — don\'t stack;\r\n½ price &#233;\u0007';
    const body = borrowingBody({
      messageKind: 'Received',
      action: 'RECEIVE',
      fromStatus: 'SHIPPED_PHYSICALLY',
      toStatus: 'RECEIVED',
      note,
    });
    const out = buildOutgoingIso(body, BUFFALO, OUR_AGENCY);
    expect(out.xml).toContain(
      '<note>Box "A" &amp; &lt;fragile&gt; — don\'t stack;&#13;\n½ price &amp;#233;</note>',
    );
    expect(validateAgainstXsd(out.xml, '2021').valid).toBe(true);
    const back = parseIsoMessage(out.xml);
    expect(back.ok && (back.message as IsoRequestingAgencyMessage).note).toBe(
      'Box "A" & <fragile> — don\'t stack;\r\n½ price &#233;',
    );
  });
});

describe('messages that cannot be written say why and what to do', () => {
  const received = outgoingCase('Received');

  it('refuses a partner without a symbol, naming where to set it', () => {
    const noSymbol = { ...received, to: { ...received.to, partnerSymbol: null } };
    expect(() => outgoingIsoMessage(noSymbol, { ...BUFFALO, symbol: ' ' }, OUR_AGENCY)).toThrow(
      new UnbuildableMessageError(
        "University at Buffalo, SUNY has no symbol, so an ISO 18626 message cannot say whom it is for. Set the partner's symbol (its agency id, e.g. ISIL:US-DLC) under Partners, then retry the message.",
      ),
    );
  });

  it('refuses while this desk has no agency id of its own', () => {
    expect(() =>
      outgoingIsoMessage(received, BUFFALO, { agencyIdType: 'ISIL', agencyIdValue: '' }),
    ).toThrow(/This desk has no ISO 18626 agency id yet.*Settings → ISO 18626/);
  });

  it("refuses a lending message without the borrower's request ID", () => {
    const body = { ...outgoingCase('WillSupply'), externalId: '' };
    expect(() => outgoingIsoMessage(body, BUFFALO, OUR_AGENCY)).toThrow(
      /Lending request L-2001 has no External Identifier/,
    );
  });

  it('refuses a patron letter and a kind ISO 18626 has no message for', () => {
    const letter = {
      ...received,
      to: { patronId: 'P100', name: 'Ada Lovelace', email: 'ada@example.edu' },
    };
    expect(() => outgoingIsoMessage(letter, BUFFALO, OUR_AGENCY)).toThrow(/addressed to a patron/);
    const general = { ...received, messageKind: 'General Message' };
    expect(() => outgoingIsoMessage(general, BUFFALO, OUR_AGENCY)).toThrow(
      /"General Message" is not an ISO 18626 message RS Desk sends as the borrower/,
    );
  });

  it('refuses a stored date that is not a date rather than sending one the partner would refuse', () => {
    const body = { ...outgoingCase('Loaned'), details: { dueDate: 'next Tuesday' } };
    expect(() => outgoingIsoMessage(body, BUFFALO, OUR_AGENCY)).toThrow(
      /The dueDate "next Tuesday" stored with Loaned for L-2001 is not a date/,
    );
  });

  it('refuses 2021-only codes for a 1.2 partner instead of sending XML its schema rejects', () => {
    const lost = requesting(outgoingCase('Notification'), '2021');
    expect(() => buildIsoMessage(lost, '1.2')).toThrow(/Action Lost exists only in ISO 18626:2021/);
    const hold: IsoSupplyingAgencyMessage = {
      ...supplying(outgoingCase('WillSupply'), '1.2'),
      statusInfo: { status: 'HoldReturn', lastChange: '2026-11-23T12:00:00Z' },
    };
    expect(() => buildIsoMessage(hold, '1.2')).toThrow(UnbuildableMessageError);
    expect(validateAgainstXsd(buildIsoMessage(hold, '2021'), '2021').valid).toBe(true);
  });
});

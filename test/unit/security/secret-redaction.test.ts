import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildIsoMessage,
  parseIsoMessage,
  type IsoRequestingAgencyMessage,
  type IsoVersion,
} from '../../../electron/messaging/iso18626/index.ts';
import {
  HIDDEN,
  hideSecurityCodes,
  redactSecrets,
} from '../../../electron/messaging/secret-redaction.ts';

const CODE = 'Sekr3t-Code-7Q9';

/** A borrower's Received, signed with `securityCode` in its header (both versions carry it). */
function received(securityCode: string): IsoRequestingAgencyMessage {
  return {
    kind: 'requestingAgencyMessage',
    header: {
      supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-HOME' },
      requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-PEER' },
      timestamp: '2026-11-23T12:00:00Z',
      requestingAgencyRequestId: 'B-1',
      supplyingAgencyRequestId: 'L-1',
      requestingAgencyAuthentication: { accountId: 'peer-account', securityCode },
    },
    action: 'Received',
  };
}

describe('hideSecurityCodes', () => {
  it.each<IsoVersion>(['1.2', '2021'])(
    'masks the security code of an ISO %s message and keeps the accountId',
    (version) => {
      const xml = buildIsoMessage(received(CODE), version);
      expect(xml).toContain(CODE);
      const shown = hideSecurityCodes(xml);
      expect(shown).not.toContain(CODE);
      expect(shown).toContain(`<securityCode>${HIDDEN}</securityCode>`);
      expect(shown).toContain('<accountId>peer-account</accountId>');
      expect(shown).toMatch(/<!-- RS Desk hides the security code[^>]*-->/);
    },
  );

  it('leaves the rest of the message as it was: it still reads as the same message', () => {
    const xml = buildIsoMessage(received(CODE), '1.2');
    const parsed = parseIsoMessage(hideSecurityCodes(xml));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.message.header.requestingAgencyAuthentication).toEqual({
      accountId: 'peer-account',
      securityCode: HIDDEN,
    });
    expect(parsed.message.kind).toBe('requestingAgencyMessage');
  });

  it('masks a prefixed element, one spread over lines, and one in XML that does not parse', () => {
    const prefixed =
      '<ill:securityCode xml:space="preserve">\n  abc&amp;def\n</ill:securityCode><ill:note>x</ill:note>';
    expect(hideSecurityCodes(prefixed)).toMatch(
      new RegExp(
        `^<ill:securityCode xml:space="preserve">${HIDDEN}</ill:securityCode><!--.*--><ill:note>x</ill:note>$`,
      ),
    );
    const broken = '<header><securityCode>abc</securityCode><unclosed>';
    expect(hideSecurityCodes(broken)).not.toContain('abc');
  });

  it('does not claim to hide a code that is not there', () => {
    expect(hideSecurityCodes('<securityCode/><securityCode></securityCode>')).toBe(
      '<securityCode/><securityCode></securityCode>',
    );
    expect(hideSecurityCodes('<securityCodeHint>public</securityCodeHint>')).toBe(
      '<securityCodeHint>public</securityCodeHint>',
    );
  });
});

describe('redactSecrets', () => {
  const secret = { value: 'smtp-Pa55w0rd!', login: 'desk-mailer' };

  it('masks the secret written plainly, URL-encoded, XML-escaped and JSON-escaped', () => {
    const value = 'a&b"c<d>e/f g';
    const text = [
      value,
      encodeURIComponent(value),
      'a&amp;b&quot;c&lt;d&gt;e/f g',
      JSON.stringify(value),
    ].join(' | ');
    const redacted = redactSecrets(text, [{ value }]);
    expect(redacted).toBe([HIDDEN, HIDDEN, HIDDEN, `"${HIDDEN}"`].join(' | '));
  });

  it('masks HTTP Basic and SMTP AUTH credentials in base64', () => {
    const basic = Buffer.from(`${secret.login}:${secret.value}`).toString('base64');
    const plain = Buffer.from(`\0${secret.login}\0${secret.value}`).toString('base64');
    const login = Buffer.from(secret.value).toString('base64');
    const reply = `535 5.7.8 refused AUTH PLAIN ${plain}; LOGIN ${login}; Authorization: Basic ${basic}`;
    const redacted = redactSecrets(reply, [secret]);
    for (const form of [basic, plain, login, secret.value]) expect(redacted).not.toContain(form);
    expect(redacted).toContain('535 5.7.8 refused AUTH PLAIN');
  });

  it('finds the secret inside any base64 text that encodes it, wherever it starts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (before, after) => {
        const blob = Buffer.from(`${before}${secret.value}${after}`).toString('base64');
        const redacted = redactSecrets(blob, [secret]);
        // What is left cannot be decoded back to the secret.
        const left = redacted.split(HIDDEN).map((part) => Buffer.from(part, 'base64').toString());
        return left.every((part) => !part.includes(secret.value));
      }),
    );
  });

  it('leaves text without a secret alone, and ignores a secret that is not set', () => {
    const text = 'The mail server 127.0.0.1:25 refused the login desk-mailer.';
    expect(redactSecrets(text, [secret, { value: null }, { value: '' }])).toBe(text);
  });

  it('masks every secret it is given', () => {
    const text = 'codes: one-Secret-111, two-Secret-222';
    expect(redactSecrets(text, [{ value: 'one-Secret-111' }, { value: 'two-Secret-222' }])).toBe(
      `codes: ${HIDDEN}, ${HIDDEN}`,
    );
  });
});

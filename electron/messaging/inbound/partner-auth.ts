import { createHash, timingSafeEqual } from 'node:crypto';
import type { InboundPartner } from '../../../db/repositories/inbound-repository.ts';
import { isAgencyOfSymbol, type AgencyId, type Authentication } from '../iso18626/index.ts';
import { InboundRefusal } from './inbound-refusal.ts';

/**
 * Who sent a message, and whether it is really them: the sender's agency id names the partner (its
 * symbol), and the accountId/securityCode it sends must be the ones on that partner record. A
 * partner with no security code set is refused: the listener is open to whoever can reach it, so
 * an unguarded partner record would let anyone write to its requests.
 */

/**
 * The credentials of an HTTP Basic Authorization header (accountId:securityCode), if it carries
 * them. ISO 18626:2021 supplying agency messages have no requestingAgencyAuthentication element,
 * so a partner sends its credentials this way instead (any message may).
 */
export function basicCredentials(header: string | undefined): Authentication | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { accountId: decoded.slice(0, colon), securityCode: decoded.slice(colon + 1) };
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  // Digests have one length, so the comparison leaks neither the length nor a common prefix.
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const describeAgency = (id: AgencyId) => `${id.agencyIdType}:${id.agencyIdValue}`;

/** The partner an agency id names: active first; refused when none or several match. */
export function partnerOfAgency(
  partners: readonly InboundPartner[],
  agency: AgencyId,
): InboundPartner {
  const matching = partners.filter((p) => isAgencyOfSymbol(agency, p.symbol));
  const active = matching.filter((p) => p.active);
  if (matching.length === 0) {
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      `This library has no partner with the agency id ${describeAgency(agency)}; ask it to add you as a partner with that symbol.`,
      `no partner has the symbol ${agency.agencyIdValue}; add the partner (symbol ${agency.agencyIdValue}) to accept its messages.`,
    );
  }
  const [only, ...others] = active;
  if (!only) {
    const [first] = matching;
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      'Your partner record at this library is inactive; ask the library to reactivate it.',
      `partner ${first?.code ?? agency.agencyIdValue} is inactive; reactivate it to accept its messages.`,
    );
  }
  if (others.length > 0) {
    const codes = active.map((p) => p.code).join(', ');
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      `This library has several partners with the agency id ${describeAgency(agency)}; ask it to fix its partner records.`,
      `partners ${codes} share the symbol ${agency.agencyIdValue}; give each partner its own symbol.`,
    );
  }
  return only;
}

/**
 * Refuses a message whose credentials are not the partner record's: none set on the record, none
 * sent, or not the same (the partner is not told which part was wrong).
 */
export function authenticate(partner: InboundPartner, sent: Authentication | undefined): void {
  const who = `${partner.code} (${partner.name})`;
  if (!partner.securityCode) {
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      'This library has set no security code for you, so it accepts no messages from you yet; ask it to set one on your partner record.',
      `partner ${who} has no security code set, so its messages are refused; set its accountId and securityCode on the partner record (import them) to accept them.`,
    );
  }
  if (sent?.securityCode === undefined) {
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      'The message carries no credentials; send the accountId and securityCode this library gave you (requestingAgencyAuthentication, or HTTP Basic authentication).',
      `a message from ${who} carried no credentials.`,
    );
  }
  const accountOk =
    partner.accountId === null || sameSecret(sent.accountId ?? '', partner.accountId);
  const codeOk = sameSecret(sent.securityCode, partner.securityCode);
  if (!accountOk || !codeOk) {
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      'The accountId or securityCode is not the one this library has for you; check the credentials it gave you.',
      `a message from ${who} had the wrong accountId or securityCode.`,
    );
  }
}

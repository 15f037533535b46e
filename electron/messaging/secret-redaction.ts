/**
 * Keeps the desk's secrets (partners' ISO 18626 security codes, the SMTP password) out of what
 * staff see: the XML on Partner Messages, failure reasons stored on a message or raised as an
 * alert, and the answer to a test email. A partner's or mail server's reply may echo what the desk
 * sent, credentials included — plainly, or encoded as HTTP Basic or SMTP AUTH put them on the wire
 * — so every such text passes through here before it is stored or shown.
 */

/** What stands where a secret was. */
export const HIDDEN = '••••••';

/** Said once beside each masked security code, so a reader knows it was not empty. */
const HIDDEN_NOTE =
  '<!-- RS Desk hides the security code: it is a secret shared with the partner -->';

/** A secret and the login sent with it (an accountId, an SMTP user), if any. */
export interface Secret {
  readonly value: string | null | undefined;
  readonly login?: string | null | undefined;
}

/**
 * The security code's element in any ISO 18626 message (1.2 and 2021, with or without a namespace
 * prefix), found in the text so that XML which does not parse is masked too.
 */
const SECURITY_CODE = /(<((?:[\w.-]+:)?securityCode)\b[^>]*?)(?:\/>|>([\s\S]*?)<\/\2\s*>)/g;

/** The XML with the content of every securityCode element replaced by HIDDEN and a note. */
export function hideSecurityCodes(xml: string): string {
  return xml.replace(
    SECURITY_CODE,
    (match: string, open: string, name: string, content: string | undefined) =>
      content === undefined || content.trim() === ''
        ? match
        : `${open}>${HIDDEN}</${name}>${HIDDEN_NOTE}`,
  );
}

const base64 = (bytes: Buffer) => bytes.toString('base64');
const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * The stretch of base64 that every encoding of a longer text holding `secret` contains, for each
 * of the three byte offsets the secret can start at: whatever surrounds it (a user name, NUL
 * separators), the 3-byte groups made only of the secret's bytes encode to the same characters.
 * Only stretches of 8 characters or more are kept, so a short one cannot mask ordinary words.
 */
function base64Cores(secret: Buffer): string[] {
  const cores: string[] = [];
  for (let skip = 0; skip < 3; skip += 1) {
    const aligned = secret.subarray(skip);
    const whole = aligned.subarray(0, aligned.length - (aligned.length % 3));
    if (whole.length >= 6) cores.push(base64(whole), base64url(whole));
  }
  return cores;
}

const xmlEscaped = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

/** Every way `secret` may be written in a reply: as is, escaped, and base64 as logins send it. */
function formsOf({ value, login }: Secret): string[] {
  if (!value) return [];
  const user = login ?? '';
  const wire = [
    value,
    `${user}:${value}`, // HTTP Basic
    `\0${user}\0${value}`, // SMTP AUTH PLAIN
    `${user}\0${value}`,
  ].map((text) => Buffer.from(text, 'utf8'));
  return [
    value,
    encodeURIComponent(value),
    xmlEscaped(value),
    JSON.stringify(value).slice(1, -1),
    ...wire.flatMap((bytes) => [base64(bytes), base64url(bytes)]),
    ...base64Cores(Buffer.from(value, 'utf8')),
  ];
}

/** `text` with every form of every secret replaced by HIDDEN (longest forms first). */
export function redactSecrets(text: string, secrets: readonly Secret[]): string {
  const forms = [...new Set(secrets.flatMap(formsOf))].sort((a, b) => b.length - a.length);
  let redacted = text;
  for (const form of forms) {
    if (redacted.includes(form)) redacted = redacted.split(form).join(HIDDEN);
  }
  return redacted;
}

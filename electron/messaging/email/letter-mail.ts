import type Mail from 'nodemailer/lib/mailer';
import { escapeHtml } from '../../../shared/letters/letter-template.ts';
import type { RenderedLetter } from '../../../shared/letters/render-letter.ts';
import type { EmailSettings } from '../../../shared/settings/email-settings.ts';

/**
 * A rendered letter as an email: From (the desk, by name), To (the partner or patron, by name),
 * the plain text and the HTML (as a whole document), and a Message-ID fixed by the outbox
 * message, so a letter sent twice after a crash is recognisably the same letter.
 */

/** The From address of .eml files on a desk that has not set one (no server reads it). */
const NO_FROM_ADDRESS = 'rs-desk@localhost';

export interface Sender {
  readonly email: EmailSettings;
  readonly institution: string;
  readonly deskName: string;
}

export function fromOf(sender: Sender): Mail.Address {
  return {
    name: sender.email.fromName || `${sender.deskName}, ${sender.institution}`,
    address: sender.email.fromAddress || NO_FROM_ADDRESS,
  };
}

/** A stable Message-ID: the same outbox message always carries the same one. */
export function messageIdOf(sender: Sender, id: number, createdAt: string): string {
  const domain = (sender.email.fromAddress || NO_FROM_ADDRESS).split('@')[1] ?? 'localhost';
  const stamp = Date.parse(createdAt);
  return `<rs-desk.message-${id}.${Number.isNaN(stamp) ? 0 : stamp}@${domain}>`;
}

/** The HTML part as a document with its character set, however much of one the template is. */
export function htmlDocument(html: string, subject: string): string {
  if (/^\s*(<!doctype|<html)/i.test(html)) return html;
  return (
    '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(subject)}</title>\n</head>\n<body>\n${html}</body>\n</html>\n`
  );
}

export function letterMail(args: {
  readonly sender: Sender;
  readonly to: { readonly name: string; readonly address: string };
  readonly letter: RenderedLetter;
  readonly messageId: string;
  readonly headers?: Readonly<Record<string, string>>;
}): Mail.Options {
  const { letter } = args;
  return {
    from: fromOf(args.sender),
    to: { name: args.to.name, address: args.to.address },
    subject: letter.subject,
    text: letter.text,
    ...(letter.html !== null ? { html: htmlDocument(letter.html, letter.subject) } : {}),
    messageId: args.messageId,
    ...(args.headers ? { headers: { ...args.headers } } : {}),
  };
}

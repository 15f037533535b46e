import type Mail from 'nodemailer/lib/mailer';
import type { EmailSettings } from '../../../shared/settings/email-settings.ts';
import { redactSecrets } from '../secret-redaction.ts';
import { EmlWriteError, mailFolder, writeEml } from './eml-outbox.ts';

/**
 * How a letter leaves the desk: through the SMTP server in Settings (nodemailer, with timeouts,
 * logging in when a user is set), or, with no server set, as an .eml file in the outbox-mail
 * folder. Every failure is classed as worth retrying (the server down, slow or asking to try
 * later) or not (refused for good, a bad address, the settings wrong), in words staff can act on.
 * The password is handed to nodemailer and nowhere else; nodemailer's own logging stays off.
 */

export type MailOutcome =
  | { readonly ok: true; readonly via: 'smtp' | 'eml'; readonly where: string }
  | { readonly ok: false; readonly retry: boolean; readonly error: string };

export interface MailRoute {
  readonly email: EmailSettings;
  /** The SMTP password, or null when none is set. */
  readonly password: string | null;
  readonly dataDir: string;
  /** How long to wait for the SMTP server to connect, greet and answer each command. */
  readonly timeoutMs: number;
}

/** The message and the .eml file name it takes when written rather than sent. */
export interface OutgoingMail {
  readonly message: Mail.Options;
  readonly fileName: string;
}

export const DEFAULT_SMTP_TIMEOUT_MS = 20_000;

/** Sends the mail by SMTP when a server is set, else writes it as an .eml file. */
export async function deliverMail(mail: OutgoingMail, route: MailRoute): Promise<MailOutcome> {
  if (route.email.host === '') return writeMail(mail, route);
  const outcome = await sendBySmtp(mail, route);
  // A mail server's reply may echo the login it refused (AUTH PLAIN is the password in base64);
  // the reason is stored on the message and shown to staff, so the password is masked in it.
  if (outcome.ok) return outcome;
  const secret = { value: route.password, login: route.email.user };
  return { ...outcome, error: redactSecrets(outcome.error, [secret]) };
}

function serverName(email: EmailSettings): string {
  return `${email.host}:${email.port}`;
}

/** nodemailer loads with the first letter, not with every desk: most desk days send none. */
async function loadNodemailer(): Promise<(typeof import('nodemailer'))['default']> {
  return (await import('nodemailer')).default;
}

async function sendBySmtp(mail: OutgoingMail, route: MailRoute): Promise<MailOutcome> {
  const { email } = route;
  if (email.fromAddress === '') {
    return {
      ok: false,
      retry: false,
      error:
        'No From address is set, so the mail server cannot be given the letter: set it in Settings → Letters and email, then retry.',
    };
  }
  if (email.user !== '' && !route.password) {
    return {
      ok: false,
      retry: false,
      error: `The SMTP login ${email.user} has no password: set it in Settings → Letters and email, then retry.`,
    };
  }
  const nodemailer = await loadNodemailer();
  const transport = nodemailer.createTransport({
    host: email.host,
    port: email.port,
    secure: email.security === 'TLS',
    requireTLS: email.security === 'STARTTLS',
    ignoreTLS: email.security === 'NONE',
    ...(email.user !== '' ? { auth: { user: email.user, pass: route.password ?? '' } } : {}),
    connectionTimeout: route.timeoutMs,
    greetingTimeout: route.timeoutMs,
    socketTimeout: route.timeoutMs,
    dnsTimeout: route.timeoutMs,
    logger: false,
    debug: false,
  });
  try {
    const info = await transport.sendMail(mail.message);
    if (info.rejected.length > 0) {
      return {
        ok: false,
        retry: false,
        error: `The mail server ${serverName(email)} refused the address ${addressText(info.rejected)}: ${info.response}`,
      };
    }
    return { ok: true, via: 'smtp', where: serverName(email) };
  } catch (error) {
    return smtpFailure(error, email);
  } finally {
    transport.close();
  }
}

async function writeMail(mail: OutgoingMail, route: MailRoute): Promise<MailOutcome> {
  const folder = mailFolder(route.dataDir);
  try {
    const nodemailer = await loadNodemailer();
    const composer = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'windows',
    });
    const info = await composer.sendMail(mail.message);
    const bytes = info.message;
    if (!Buffer.isBuffer(bytes)) throw new Error('nodemailer did not give the message as bytes');
    return { ok: true, via: 'eml', where: await writeEml(folder, mail.fileName, bytes) };
  } catch (error) {
    if (error instanceof EmlWriteError)
      return { ok: false, retry: error.retry, error: error.message };
    return {
      ok: false,
      retry: false,
      error: `The letter could not be put together: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function addressText(list: readonly (string | Mail.Address)[]): string {
  return list.map((a) => (typeof a === 'string' ? a : a.address)).join(', ');
}

/** What nodemailer reports on a failed send (SMTPConnection errors). */
interface SmtpErrorFields {
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly message?: string;
}

/**
 * 4xx replies, timeouts and connection trouble are worth retrying; 5xx replies (refused for
 * good), a refused login and a TLS mismatch are not, until someone changes something.
 */
export function smtpFailure(error: unknown, email: EmailSettings): MailOutcome {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorFields;
  const server = serverName(email);
  const reply = (e.response ?? e.message ?? String(error)).trim();
  const status = e.responseCode;
  if (e.code === 'EAUTH') {
    return {
      ok: false,
      retry: false,
      error: `The mail server ${server} refused the login ${email.user || '(none)'}: check the user and password in Settings → Letters and email, then retry. (${reply})`,
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      ok: false,
      retry: false,
      error: `The mail server ${server} refused the letter: ${reply}`,
    };
  }
  if (status !== undefined && status >= 400) {
    return {
      ok: false,
      retry: true,
      error: `The mail server ${server} asked RS Desk to try again later: ${reply}`,
    };
  }
  switch (e.code) {
    case 'ETIMEDOUT':
      return {
        ok: false,
        retry: true,
        error: `The mail server ${server} did not answer in time; the letter will be tried again.`,
      };
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
    case 'ECONNREFUSED':
      return {
        ok: false,
        retry: true,
        error: `The mail server ${server} could not be reached (${reply}); the letter will be tried again.`,
      };
    case 'ETLS':
      return {
        ok: false,
        retry: false,
        error: `The mail server ${server} and RS Desk could not agree on TLS: check Security and the port in Settings → Letters and email. (${reply})`,
      };
    case 'EENVELOPE':
      return {
        ok: false,
        retry: false,
        error: `The mail server ${server} refused the addresses: ${reply}`,
      };
    default:
      return {
        ok: false,
        retry: true,
        error: `Sending through ${server} failed (${reply}); the letter will be tried again.`,
      };
  }
}

import type { Gate } from '../../../db/gate.ts';
import type { Orm } from '../../../db/database.ts';
import { currentEmail } from '../../../db/repositories/mail-recipients-repository.ts';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import { getSetting } from '../../../db/repositories/settings-repository.ts';
import type { RenderedLetter } from '../../../shared/letters/render-letter.ts';
import { letterMail, messageIdOf, type Sender } from './letter-mail.ts';
import { emlFileName } from './eml-outbox.ts';
import { DEFAULT_SMTP_TIMEOUT_MS, deliverMail, type MailOutcome } from './mail-transport.ts';
import {
  prepareLetter,
  readLetterBody,
  recipientOf,
  type LetterSettings,
} from './queued-letter.ts';
import { getSmtpPassword } from './smtp-password.ts';

/**
 * The mailer: email letters (shared/letters/) sent through SMTP or written as .eml files. The
 * outbox sender (electron/messaging/outbox/) calls sendLetter for each channel 'email' message.
 */

export type { MailOutcome } from './mail-transport.ts';
export { mailFolder, MAIL_FOLDER } from './eml-outbox.ts';
export { hasSmtpPassword, setSmtpPassword } from './smtp-password.ts';

/** What the mailer needs from the desk; a DeskContext will do. */
export interface MailerDeps {
  readonly gate: Gate;
  readonly dataDir: string;
  /** How long to wait for the SMTP server at each step; 20 s when absent (tests shorten it). */
  readonly smtpTimeoutMs?: number;
}

/** What sendLetter came to: sent (by SMTP, or written as an .eml file), or why not. */
export type LetterOutcome = MailOutcome;

type MailConfig = LetterSettings & Sender & { readonly password: string | null };

async function readConfig(db: Orm): Promise<MailConfig> {
  return {
    email: await getSetting(db, 'email'),
    letters: await getSetting(db, 'letters'),
    institution: await getSetting(db, 'institution'),
    deskName: await getSetting(db, 'deskName'),
    password: await getSmtpPassword(db),
  };
}

/**
 * Sends one queued letter (a partner_messages row on channel 'email'): renders its template (as
 * edited in Settings, or the default) with the values its desk step stored, addresses it to the
 * partner's or patron's email address as now recorded, and sends it through the SMTP server in
 * Settings, or, when none is set, writes it as `<dataDir>/outbox-mail/message-<id>-<letter>.eml`.
 *
 * Never throws. `{ ok: false, retry: true }`: the server was down, slow or asked to try later;
 * send it again with backoff. `{ ok: false, retry: false }`: it cannot go until someone changes
 * something (no or a bad address, refused for good, a wrong login), which `error` names.
 */
export async function sendLetter(row: PartnerMessageRow, deps: MailerDeps): Promise<LetterOutcome> {
  try {
    const { config, addressNow } = await deps.gate.read(async (db) => {
      const body = readLetterBody(row);
      const recipient = body ? recipientOf(row, body) : null;
      return {
        config: await readConfig(db),
        addressNow: recipient ? await currentEmail(db, recipient) : undefined,
      };
    });
    const ready = prepareLetter(row, config, addressNow);
    if (!ready.ok) return { ok: false, retry: false, error: ready.error };
    const { letter } = ready;
    const message = letterMail({
      sender: config,
      to: letter.to,
      letter: letter.rendered,
      messageId: messageIdOf(config, row.id, row.createdAt),
      headers: { 'X-RS-Desk-Letter': letter.name, 'X-RS-Desk-Request': letter.requestId },
    });
    return await deliverMail(
      { message, fileName: emlFileName(row.id, letter.name) },
      {
        email: config.email,
        password: config.password,
        dataDir: deps.dataDir,
        timeoutMs: deps.smtpTimeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS,
      },
    );
  } catch (error) {
    // Reading the settings failed (the desk closing): nothing was sent, so try again later.
    return {
      ok: false,
      retry: true,
      error: `The letter could not be prepared: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * A queued letter as it would go out now (the Messages screen shows it): addressee, subject,
 * text and HTML; or why it cannot go.
 */
export async function showQueuedLetter(
  row: PartnerMessageRow,
  db: Orm,
): Promise<
  | { readonly ok: true; readonly to: string; readonly letter: RenderedLetter }
  | { readonly ok: false; readonly error: string }
> {
  const body = readLetterBody(row);
  const recipient = body ? recipientOf(row, body) : null;
  const addressNow = recipient ? await currentEmail(db, recipient) : undefined;
  const ready = prepareLetter(row, await readConfig(db), addressNow);
  if (!ready.ok) return ready;
  const { to, rendered } = ready.letter;
  return { ok: true, to: `${to.name} <${to.address}>`, letter: rendered };
}

/**
 * Settings → Letters and email's Send test: a short message to `address` by the route letters
 * take (SMTP, or an .eml file when no server is set).
 */
export async function sendTestMessage(
  address: string,
  deps: MailerDeps & { readonly now: () => Date },
): Promise<MailOutcome> {
  const config = await deps.gate.read(readConfig);
  const now = deps.now();
  const text =
    `This is a test message from ${config.deskName}, ${config.institution} (RS Desk).\n\n` +
    'If you can read it, letters from the desk reach this address.\n';
  const message = letterMail({
    sender: config,
    to: { name: '', address },
    letter: { subject: `RS Desk test message from ${config.deskName}`, text, html: null },
    messageId: messageIdOf(config, 0, now.toISOString()),
    headers: { 'X-RS-Desk-Letter': 'Test message' },
  });
  return deliverMail(
    { message, fileName: `test-message-${now.getTime()}.eml` },
    {
      email: config.email,
      password: config.password,
      dataDir: deps.dataDir,
      timeoutMs: deps.smtpTimeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS,
    },
  );
}

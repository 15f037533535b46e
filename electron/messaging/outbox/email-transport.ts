import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import { sendLetter, type MailerDeps } from '../email/index.ts';
import { failed, retry, sent, type Delivery } from './delivery.ts';

/**
 * Letters go through the mailer (SMTP, or an .eml file when no server is set). The mailer says
 * whether a failure is worth retrying; one that is not (no address, refused for good) stops the
 * message until staff put it right and retry.
 */
export function createEmailTransport(
  deps: MailerDeps,
): (message: PartnerMessageRow) => Promise<Delivery> {
  return async (message) => {
    const outcome = await sendLetter(message, deps);
    if (outcome.ok) return sent;
    return outcome.retry ? retry(outcome.error) : failed(outcome.error);
  };
}

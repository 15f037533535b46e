import type { MessageContent } from '../../../shared/api/contract-messages.ts';
import type { Orm } from '../../../db/database.ts';
import { partnerOfMessage } from '../../../db/repositories/outbox-repository.ts';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import { showQueuedLetter } from '../email/index.ts';
import { hideSecurityCodes, redactSecrets, type Secret } from '../secret-redaction.ts';
import { prepareIsoMessage } from './iso-outgoing.ts';
import { prettyXml } from './pretty-xml.ts';

/**
 * What a message says, for the Partner Messages dialog: the XML a partner sent us; the ISO 18626
 * XML we send, built as the sender builds it; or the letter as the mailer writes it. An outgoing
 * message is built from its stored body with the partner record and Settings as they are now, so
 * one sent before they were changed shows as it would go today.
 *
 * Both directions carry the partner's security code (the requestingAgencyAuthentication header):
 * it is masked wherever it stands, in the element or anywhere else the partner's code appears.
 */
export async function messageContent(db: Orm, message: PartnerMessageRow): Promise<MessageContent> {
  const partner =
    message.partnerId === null ? undefined : await partnerOfMessage(db, message.partnerId);
  const secrets: Secret[] = [{ value: partner?.securityCode, login: partner?.accountId }];
  const content = await contentOf(db, message);
  switch (content.type) {
    case 'xml':
      return { type: 'xml', xml: hideSecurityCodes(redactSecrets(content.xml, secrets)) };
    case 'letter':
      return {
        type: 'letter',
        to: redactSecrets(content.to, secrets),
        subject: redactSecrets(content.subject, secrets),
        text: redactSecrets(content.text, secrets),
      };
    case 'unavailable':
      return { type: 'unavailable', reason: redactSecrets(content.reason, secrets) };
  }
}

async function contentOf(db: Orm, message: PartnerMessageRow): Promise<MessageContent> {
  if (message.direction === 'IN') return { type: 'xml', xml: prettyXml(message.body) };
  if (message.channel === 'iso18626') {
    const prepared = await prepareIsoMessage(db, message);
    return prepared.ok
      ? { type: 'xml', xml: prepared.xml.trim() }
      : { type: 'unavailable', reason: prepared.error };
  }
  const shown = await showQueuedLetter(message, db);
  return shown.ok
    ? { type: 'letter', to: shown.to, subject: shown.letter.subject, text: shown.letter.text }
    : { type: 'unavailable', reason: shown.error };
}

import type { MessageContent } from '../../../shared/api/contract-messages.ts';
import type { Orm } from '../../../db/database.ts';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import { showQueuedLetter } from '../email/index.ts';
import { prepareIsoMessage } from './iso-outgoing.ts';
import { prettyXml } from './pretty-xml.ts';

/**
 * What a message says, for the Partner Messages dialog: the XML a partner sent us; the ISO 18626
 * XML we send, built as the sender builds it; or the letter as the mailer writes it. An outgoing
 * message is built from its stored body with the partner record and Settings as they are now, so
 * one sent before they were changed shows as it would go today.
 */
export async function messageContent(db: Orm, message: PartnerMessageRow): Promise<MessageContent> {
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

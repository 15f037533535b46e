import type { Orm } from '../../../db/database.ts';
import { partnerOfMessage } from '../../../db/repositories/outbox-repository.ts';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import type { PartnerRow } from '../../../db/repositories/partners-repository.ts';
import { getSetting } from '../../../db/repositories/settings-repository.ts';
import type { OutgoingMessageBody } from '../../services/desk-messages.ts';
import { buildOutgoingIso, UnbuildableMessageError } from '../iso18626/index.ts';

/**
 * An outbox message made ready to POST: its stored body built into ISO 18626 XML (H1's codec) with
 * the partner as recorded now and this desk's agency id from Settings. The header's timestamp is
 * the desk step's time, so the XML the Messages screen shows is byte for byte the XML that goes.
 */

export type PreparedIso =
  | { readonly ok: true; readonly partner: PartnerRow; readonly xml: string }
  /** It cannot be built however often it is tried; `error` says what staff should fix. */
  | { readonly ok: false; readonly error: string };

/** The stored body, or null when it is not JSON the desk could have written. */
function storedBody(message: PartnerMessageRow): OutgoingMessageBody | null {
  try {
    const body = JSON.parse(message.body) as Partial<OutgoingMessageBody> | null;
    return body && typeof body.requestKind === 'string' && typeof body.messageKind === 'string'
      ? (body as OutgoingMessageBody)
      : null;
  } catch {
    return null;
  }
}

export async function prepareIsoMessage(db: Orm, message: PartnerMessageRow): Promise<PreparedIso> {
  const partner =
    message.partnerId === null ? undefined : await partnerOfMessage(db, message.partnerId);
  if (!partner) {
    return {
      ok: false,
      error: `ISO 18626 ${message.kind} (message ${message.id}) names no partner to send it to; withdraw it.`,
    };
  }
  const body = storedBody(message);
  if (!body) {
    return {
      ok: false,
      error: `The stored ISO 18626 ${message.kind} (message ${message.id}) is damaged and cannot be sent; withdraw it and tell ${partner.name} another way.`,
    };
  }
  const iso = await getSetting(db, 'iso18626');
  const institution = await getSetting(db, 'institution');
  try {
    const { xml } = buildOutgoingIso(body, partner, {
      agencyIdType: iso.agencyIdType,
      agencyIdValue: iso.agencyIdValue,
      name: institution,
    });
    return { ok: true, partner, xml };
  } catch (error) {
    if (error instanceof UnbuildableMessageError) return { ok: false, error: error.message };
    throw error;
  }
}

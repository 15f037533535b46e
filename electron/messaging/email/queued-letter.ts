import { z } from 'zod';
import { DEFAULT_LETTERS } from '../../../shared/letters/default-letters.ts';
import { isLetterName, type LetterName } from '../../../shared/letters/letter-names.ts';
import { letterValues } from '../../../shared/letters/letter-values.ts';
import { renderLetter, type RenderedLetter } from '../../../shared/letters/render-letter.ts';
import { isEmailAddress } from '../../../shared/settings/email-settings.ts';
import type { DeskSettings } from '../../../shared/settings/desk-settings.ts';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import type { OutgoingMessageBody } from '../../services/desk-messages.ts';
import { deskDate } from '../../services/desk-time.ts';

/**
 * A queued letter made ready to send: its stored body read back, its template (as edited, or the
 * default) filled in, and its addressee checked. What cannot be sent however often it is tried
 * (no address, a damaged body) says so, and what staff should fix.
 */

/** The stored body's parts a letter needs (desk-messages.ts OutgoingMessageBody). */
const storedBody = z.looseObject({
  requestKind: z.enum(['borrowing', 'lending']),
  requestId: z.string(),
  externalId: z.string(),
  title: z.string(),
  action: z.string(),
  toStatus: z.string(),
  at: z.string(),
  to: z.union([
    z.looseObject({ patronId: z.string(), name: z.string(), email: z.string().nullable() }),
    z.looseObject({ name: z.string(), email: z.string().nullable() }),
  ]),
  note: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

export interface ReadyLetter {
  readonly name: LetterName;
  readonly requestId: string;
  readonly to: { readonly name: string; readonly address: string };
  readonly rendered: RenderedLetter;
}

export type LetterSettings = Pick<DeskSettings, 'letters' | 'institution' | 'deskName'>;

export type ReadyOrNot =
  | { readonly ok: true; readonly letter: ReadyLetter }
  | { readonly ok: false; readonly error: string };

/** Reads a queued letter's body back; null when it is not one the desk could have stored. */
export function readLetterBody(row: PartnerMessageRow): OutgoingMessageBody | null {
  let json: unknown;
  try {
    json = JSON.parse(row.body);
  } catch {
    return null;
  }
  const parsed = storedBody.safeParse(json);
  // The schema checks the parts letters use; the rest is passed through as the desk stored it.
  return parsed.success ? (parsed.data as unknown as OutgoingMessageBody) : null;
}

/**
 * The letter's subject and parts, as it would go out now (also the Messages screen's view).
 * `addressNow` is the partner's or patron's email address as now recorded (undefined when the
 * record is gone); it wins over the one stored when the letter was queued.
 */
export function prepareLetter(
  row: PartnerMessageRow,
  settings: LetterSettings,
  addressNow?: string | null,
): ReadyOrNot {
  if (!isLetterName(row.kind)) {
    return {
      ok: false,
      error: `RS Desk has no letter called "${row.kind}", so message ${row.id} cannot be sent by email.`,
    };
  }
  const body = readLetterBody(row);
  if (!body) {
    return {
      ok: false,
      error: `The stored ${row.kind} letter (message ${row.id}) is damaged and cannot be sent; send the partner a message by hand.`,
    };
  }
  const template = settings.letters[row.kind] ?? DEFAULT_LETTERS[row.kind];
  const values = letterValues(body, {
    institution: settings.institution,
    deskName: settings.deskName,
    day: dayOf(body.at),
  });
  const rendered = renderLetter(template, values);
  const address = (addressNow === undefined ? body.to.email : addressNow)?.trim() ?? '';
  const who = 'patronId' in body.to ? 'patron' : 'partner';
  if (address === '') {
    return {
      ok: false,
      error: `${body.to.name} has no email address, so the ${row.kind} letter for ${body.requestId} cannot be sent: set the ${who}'s email address, then retry the message.`,
    };
  }
  if (!isEmailAddress(address)) {
    return {
      ok: false,
      error: `"${address}" is not an email address, so the ${row.kind} letter for ${body.requestId} cannot be sent to ${body.to.name}: correct the ${who}'s email address, then retry the message.`,
    };
  }
  return {
    ok: true,
    letter: {
      name: row.kind,
      requestId: body.requestId,
      to: { name: body.to.name, address },
      rendered,
    },
  };
}

/** Who a queued letter goes to, for looking up their address as it is now. */
export function recipientOf(
  row: PartnerMessageRow,
  body: OutgoingMessageBody,
): { readonly partnerId: number } | { readonly patronId: string } | null {
  if ('patronId' in body.to) return { patronId: body.to.patronId };
  return row.partnerId === null ? null : { partnerId: row.partnerId };
}

/** The desk's calendar day of the step; the stored text itself when it is not a timestamp. */
function dayOf(at: string): string {
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? at : deskDate(instant);
}

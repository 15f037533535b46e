import {
  buildConfirmation,
  confirmationFor,
  parseIsoMessage,
  sniffMessageKind,
  type AgencyId,
  type ErrorData,
  type IsoAgencyMessage,
  type IsoVersion,
  type RefusedMessageEcho,
} from '../iso18626/index.ts';
import type { Orm } from '../../../db/database.ts';
import {
  insertInboundMessage,
  partnersWithSymbols,
  type InboundPartner,
} from '../../../db/repositories/inbound-repository.ts';
import { getSetting } from '../../../db/repositories/settings-repository.ts';
import type { Iso18626Settings } from '../../../shared/settings/iso18626-settings.ts';
import type { DeskContext } from '../../services/desk-context.ts';
import { applyRequest } from './apply-request.ts';
import { applyRequesterAction } from './apply-requester-action.ts';
import { applySupplierStatus } from './apply-supplier-status.ts';
import { InboundRefusal } from './inbound-refusal.ts';
import type { Applied } from './inbound-steps.ts';
import type { EnvelopeProblem, IsoAnswer, SenderInfo } from './iso-listener.ts';
import { authenticate, basicCredentials, partnerOfAgency } from './partner-auth.ts';

/**
 * One message from a partner, start to finish: read it safely (H1's parser: no DTDs, no entities,
 * a size limit), find the partner by the sender's agency id, check its credentials, then apply it
 * and journal it (partner_messages IN/RECEIVED, the XML as sent) in one transaction, and answer
 * with its confirmation: OK, or ERROR with the errorType and words saying what was wrong. A refused
 * message changes nothing; each refusal is also written to the server log for our staff.
 */

export interface InboundOptions {
  readonly ctx: DeskContext;
  readonly maxBodyBytes: number;
  /** The server log (stderr in `rs-desk serve`). */
  readonly log: (line: string) => void;
}

/** HTTP status of an answer: the message was read (OK or ERROR), or it could not be. */
const READ = 200;
const UNREADABLE = 400;
const TOO_LARGE = 413;
const NOT_XML = 415;
const FAILED = 500;

/** The version a confirmation is written in: the message's own, else the partner's, else 1.2. */
function versionOf(sent: string | null, partner: InboundPartner | null): IsoVersion {
  if (sent?.startsWith('2021')) return '2021';
  if (sent === '1.2') return '1.2';
  return partner?.isoVersion ?? '1.2';
}

function answer(
  status: number,
  answered: IsoAgencyMessage | RefusedMessageEcho,
  error: ErrorData | null,
  received: Date,
  now: Date,
  version: IsoVersion,
): IsoAnswer {
  const confirmation = confirmationFor(answered, error, {
    timestamp: now,
    timestampReceived: received,
  });
  return { status, xml: buildConfirmation(confirmation, version) };
}

/** The sender's agency and the one the message is addressed to. */
function agenciesOf(message: IsoAgencyMessage): { sender: AgencyId; recipient?: AgencyId } {
  const { header } = message;
  if (message.kind === 'supplyingAgencyMessage') {
    return { sender: message.header.supplyingAgencyId, recipient: header.requestingAgencyId };
  }
  return {
    sender: header.requestingAgencyId,
    ...(header.supplyingAgencyId ? { recipient: header.supplyingAgencyId } : {}),
  };
}

/** Refuses a message addressed to another agency, once this desk's own agency id is set. */
function requireAddressedToUs(recipient: AgencyId | undefined, us: Iso18626Settings): void {
  const ours = us.agencyIdValue.trim();
  if (ours === '' || recipient === undefined) return;
  if (recipient.agencyIdValue.trim().toUpperCase() === ours.toUpperCase()) return;
  throw new InboundRefusal(
    'UnrecognisedDataValue',
    `This message is addressed to ${recipient.agencyIdType}:${recipient.agencyIdValue}, but this library is ${us.agencyIdType}:${ours}; send it to that agency's own endpoint.`,
  );
}

function apply(
  tx: Orm,
  partner: InboundPartner,
  message: IsoAgencyMessage,
  at: string,
): Promise<Applied> {
  switch (message.kind) {
    case 'request':
      return applyRequest(tx, partner, message, at);
    case 'requestingAgencyMessage':
      return applyRequesterAction(tx, partner, message, at);
    case 'supplyingAgencyMessage':
      return applySupplierStatus(tx, partner, message, at);
  }
}

/** "Request B-1001", "Loaned for B-1001": a message in the server log. */
function describe(message: IsoAgencyMessage): string {
  const what =
    message.kind === 'request'
      ? 'Request'
      : message.kind === 'requestingAgencyMessage'
        ? message.action
        : message.statusInfo.status;
  return `${what} ${message.header.requestingAgencyRequestId}`;
}

export async function receiveIsoMessage(
  options: InboundOptions,
  xml: string,
  sender: SenderInfo,
): Promise<IsoAnswer> {
  const { ctx, log } = options;
  const received = ctx.now();
  const parsed = parseIsoMessage(xml, { maxBytes: options.maxBodyBytes });
  if (!parsed.ok) {
    log(
      `ISO 18626: refused a message from ${sender.from} (${parsed.errorType}): ${parsed.errorValue}`,
    );
    const error = { errorType: parsed.errorType, errorValue: parsed.errorValue };
    return answer(UNREADABLE, parsed.echo, error, received, ctx.now(), versionOf(null, null));
  }
  const { message } = parsed;
  let partner: InboundPartner | null = null;
  const reply = (status: number, error: ErrorData | null) =>
    answer(status, message, error, received, ctx.now(), versionOf(parsed.version, partner));
  try {
    // Who it is and whether they may, read without taking the write lock.
    partner = await ctx.gate.read(async (db) => {
      const { sender: from, recipient } = agenciesOf(message);
      requireAddressedToUs(recipient, await getSetting(db, 'iso18626'));
      const known = partnerOfAgency(await partnersWithSymbols(db), from);
      authenticate(
        known,
        message.header.requestingAgencyAuthentication ?? basicCredentials(sender.authorization),
      );
      return known;
    });
    const by = partner;
    const applied = await ctx.gate.transaction(async (tx) => {
      const at = received.toISOString();
      const done = await apply(tx, by, message, at);
      await insertInboundMessage(tx, {
        partnerId: by.id,
        ...(done.kind === 'lending'
          ? { lendingRequestId: done.rowId }
          : { borrowingRequestId: done.rowId }),
        kind: done.journalKind,
        body: xml,
        at,
      });
      return done;
    });
    ctx.events.emit('requests.changed', { kind: applied.kind, requestId: applied.requestId });
    // A StatusRequestResponse or CancelResponse may wait in the outbox now.
    ctx.outbox.wake();
    return reply(READ, null);
  } catch (error) {
    const from = `${agenciesOf(message).sender.agencyIdValue} at ${sender.from}`;
    if (error instanceof InboundRefusal) {
      log(`ISO 18626: refused ${describe(message)} from ${from}: ${error.logLine}`);
      return reply(READ, { errorType: error.errorType, errorValue: error.errorValue });
    }
    log(
      `ISO 18626: ${describe(message)} from ${from} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    // A fault of ours, maybe passing (the database busy): a 5xx tells the partner to send it again.
    return reply(FAILED, {
      errorType: 'UnrecognisedDataValue',
      errorValue: 'This library could not apply the message just now; send it again later.',
    });
  }
}

/** The answer to a message refused before it was read: not XML by its content type, or too large. */
export function refuseEnvelope(
  options: InboundOptions,
  problem: EnvelopeProblem,
  head: string,
  sender: SenderInfo,
): IsoAnswer {
  const now = options.ctx.now();
  const errorValue =
    problem === 'TOO_LARGE'
      ? `The message is larger than the ${options.maxBodyBytes} bytes this library accepts.`
      : 'Send ISO 18626 messages as XML (Content-Type: application/xml).';
  options.log(`ISO 18626: refused a message from ${sender.from}: ${errorValue}`);
  return answer(
    problem === 'TOO_LARGE' ? TOO_LARGE : NOT_XML,
    { kind: sniffMessageKind(head) },
    { errorType: 'BadlyFormedMessage', errorValue },
    now,
    now,
    '1.2',
  );
}

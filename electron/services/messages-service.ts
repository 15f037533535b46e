import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { PartnerMessageRow } from '../../shared/api/contract-messages.ts';
import { DeskError } from '../../shared/api/result.ts';
import { describeMessage } from '../../shared/domain/partner-message-kinds.ts';
import type { Orm } from '../../db/database.ts';
import {
  countMessagesByState,
  findRequestRow,
  getMessageListRow,
  listMessages,
  type MessageFilter,
  type MessageListRow,
} from '../../db/repositories/message-list-repository.ts';
import { retryMessageNow, settleRefusalAlert } from '../../db/repositories/outbox-repository.ts';
import {
  getMessages,
  withdrawMessages,
} from '../../db/repositories/partner-messages-repository.ts';
import { messageContent } from '../messaging/outbox/message-content.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * The Partner Messages screen's use cases: list the outbox and inbox, show what a message says,
 * try a waiting or failed message now, withdraw one that must not go. Sending itself is the
 * outbox sender's (electron/messaging/outbox/), which these wake.
 */

/** Who a message goes to or came from: the partner, or the patron a letter is for. */
function correspondentOf(row: MessageListRow): string {
  if (row.partnerName !== null) return row.partnerName;
  if (row.direction === 'IN') return 'Unknown partner';
  return row.patronName !== null ? `Patron ${row.patronName}` : 'Patron';
}

/** A stored message as the API shows it. */
function toMessageRow(row: MessageListRow): PartnerMessageRow {
  const requestKind =
    row.borrowingRequestId !== null
      ? 'borrowing'
      : row.lendingRequestId !== null
        ? 'lending'
        : null;
  return {
    id: row.id,
    direction: row.direction,
    partnerCode: row.partnerCode,
    correspondent: correspondentOf(row),
    requestKind,
    requestId: row.borrowingRequestId ?? row.lendingRequestId,
    channel: row.channel,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    waitsFor: row.waitsFor,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

async function messageRow(db: Orm, id: number): Promise<MessageListRow> {
  const row = await getMessageListRow(db, id);
  if (!row) {
    throw new DeskError(
      'NOT_FOUND',
      `There is no partner message ${id}; the list may be out of date.`,
    );
  }
  return row;
}

/** "Message 12 (ISO 18626 Loaned to University at Albany, SUNY)". */
function named(row: MessageListRow): string {
  const way = row.direction === 'IN' ? 'from' : 'to';
  return `Message ${row.id} (${describeMessage(row)} ${way} ${correspondentOf(row)})`;
}

/** Why a message that is not waiting or failed cannot be retried or withdrawn. */
function notOpen(row: MessageListRow, verb: 'retry' | 'withdraw'): DeskError {
  const reason =
    row.direction === 'IN'
      ? 'came from the partner; only outgoing messages are sent'
      : row.state === 'SENT'
        ? `has already been sent, so there is nothing to ${verb}`
        : `was withdrawn, so there is nothing to ${verb}`;
  return new DeskError('ALREADY_DONE', `${named(row)} ${reason}.`);
}

export async function listPartnerMessages(
  ctx: DeskContext,
  input: ParsedInput<'messages.list'>,
): Promise<Output<'messages.list'>> {
  return ctx.gate.read(async (db) => {
    let filter: MessageFilter = {};
    if (input.requestId !== undefined) {
      const request = await findRequestRow(db, input.requestId, input.requestKind);
      if (!request) {
        const which = input.requestKind ? `${input.requestKind} request` : 'request';
        throw new DeskError(
          'NOT_FOUND',
          `There is no ${which} ${input.requestId}; check the request ID.`,
        );
      }
      filter = { request: { kind: request.kind, rowId: request.rowId } };
    }
    const rows = await listMessages(db, {
      ...filter,
      ...(input.state === undefined ? {} : { state: input.state }),
      ...(input.after === undefined ? {} : { after: input.after }),
      limit: input.limit + 1,
    });
    const page = rows.slice(0, input.limit);
    return {
      rows: page.map(toMessageRow),
      nextAfter: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      counts: await countMessagesByState(db, filter),
    };
  });
}

export async function partnerMessageDetail(
  ctx: DeskContext,
  input: ParsedInput<'messages.detail'>,
): Promise<Output<'messages.detail'>> {
  return ctx.gate.read(async (db) => {
    const row = await messageRow(db, input.id);
    const [stored] = await getMessages(db, [input.id]);
    if (!stored) throw new DeskError('NOT_FOUND', `There is no partner message ${input.id}.`);
    return { message: toMessageRow(row), content: await messageContent(db, stored) };
  });
}

export async function retryPartnerMessage(
  ctx: DeskContext,
  input: ParsedInput<'messages.retry'>,
): Promise<Output<'messages.retry'>> {
  const row = await ctx.gate.transaction(async (tx) => {
    const retried = await retryMessageNow(tx, input.id);
    const row = await messageRow(tx, input.id);
    if (!retried) throw notOpen(row, 'retry');
    return row;
  });
  ctx.outbox.wake();
  ctx.outbox.publish(true);
  return toMessageRow(row);
}

export async function withdrawPartnerMessage(
  ctx: DeskContext,
  input: ParsedInput<'messages.withdraw'>,
): Promise<Output<'messages.withdraw'>> {
  const row = await ctx.gate.transaction(async (tx) => {
    const [withdrawn] = await withdrawMessages(tx, [input.id]);
    const row = await messageRow(tx, input.id);
    if (withdrawn === undefined) throw notOpen(row, 'withdraw');
    const [stored] = await getMessages(tx, [input.id]);
    if (stored) await settleRefusalAlert(tx, stored, ctx.now().toISOString());
    return row;
  });
  // A later message of the same request may have been waiting for this one.
  ctx.outbox.wake();
  ctx.outbox.publish(true);
  return toMessageRow(row);
}

export async function partnerMessagesStatus(ctx: DeskContext): Promise<Output<'messages.status'>> {
  return ctx.outbox.status();
}

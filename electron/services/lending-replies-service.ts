import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { isIsoDate } from '../../shared/domain/dates.ts';
import { REJECT_REASONS } from '../../shared/domain/lending-tasks.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import { LENDING_ACTIONS } from '../../shared/domain/transitions.ts';
import { formatSlipDate } from '../../shared/printing/slips/slip-text.ts';
import {
  updateLending,
  type LendingChanges,
} from '../../db/repositories/desk-requests-repository.ts';
import type { DeskLendingRow } from '../../db/repositories/lending-desk-repository.ts';
import { requireTransition } from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { deskDate } from './desk-time.ts';
import { listedLending, recordLendingStep, type LendingStep } from './lending-step.ts';

/**
 * The lender's replies from the Lending Requests task list (issue "5 · Lending desk"): Conditional,
 * Reject and Renew. Each is one transaction: every check first, so a refusal writes nothing; then
 * the request's columns and status with a history event, the partner message its protocol and
 * profile imply (reason, notes and dates stored in the message body for the sender to render), and
 * the record Undo restores from.
 */

type ReplyOutput = Output<'lending.conditional'>;
type ReplyAction = 'CONDITIONAL' | 'REJECT' | 'RENEW';
type ReplyColumns = Pick<
  LendingChanges,
  'conditionReason' | 'replyBy' | 'rejectReason' | 'dueDate'
>;

/** What one reply writes and says, worked out (and checked) before anything is written. */
interface Reply extends Pick<LendingStep, 'noteToPartner' | 'details'> {
  readonly changes: ReplyColumns;
  /** The history event's note: what was decided, then the note staff wrote for themselves. */
  readonly eventNote: string;
  /** The first sentence of the answer: "Renewed L-2001 (…) until Mon 15 Feb 2027." */
  readonly headline: string;
}

/** "Reason: Library use only; reply by Mon 30 Nov 2026 — Ask for a reading-room loan." */
function eventNote(facts: readonly string[], note: string | null): string {
  const text = facts.join('; ');
  return note ? `${text} — ${note}` : text;
}

const describeRequest = (row: DeskLendingRow): string => `${row.requestId} (${row.title})`;

/** The contract's pattern admits 2026-02-31; a date staff typed must also exist. */
function requireDate(date: string, what: string): void {
  if (!isIsoDate(date)) {
    throw new DeskError('INVALID_INPUT', `${date} is not a date; enter the ${what} again.`);
  }
}

async function reply(
  ctx: DeskContext,
  session: Session,
  requestId: string,
  action: ReplyAction,
  build: (row: DeskLendingRow, today: string) => Reply,
): Promise<ReplyOutput> {
  const output = await ctx.gate.transaction(async (tx) => {
    const row = await listedLending(tx, requestId);
    requireTransition(
      'lending',
      row.status,
      action,
      row.profile,
      (reason) => `${describeRequest(row)}: ${reason}`,
    );
    const now = ctx.now();
    const answer = build(row, deskDate(now));
    const to = LENDING_ACTIONS[action].to;

    await updateLending(tx, row.id, answer.changes);
    const changed = Object.keys(answer.changes) as (keyof ReplyColumns)[];
    const done = await recordLendingStep(tx, session, row, {
      action,
      to,
      at: now.toISOString(),
      eventNote: answer.eventNote,
      noteToPartner: answer.noteToPartner,
      details: answer.details,
      before: Object.fromEntries(changed.map((k) => [k, row[k]])),
    });
    const result: ReplyOutput = {
      requestId: row.requestId,
      status: to,
      statusLabel: statusLabel('lending', to),
      slip: null,
      partnerMessage: done.partnerMessage,
      message: `${answer.headline}${done.told}`,
      actionId: done.actionId,
    };
    return result;
  });
  ctx.events.emit('requests.changed', { kind: 'lending', requestId: output.requestId });
  return output;
}

/** Conditional: the lender will supply on conditions the borrower must accept by the date for reply. */
export async function replyConditional(
  ctx: DeskContext,
  input: ParsedInput<'lending.conditional'>,
  session: Session,
): Promise<ReplyOutput> {
  const replyBy = input.replyBy ?? null;
  const note = input.note || null;
  return reply(ctx, session, input.requestId, 'CONDITIONAL', (row, today) => {
    if (replyBy !== null) {
      requireDate(replyBy, 'date for reply');
      if (replyBy < today) {
        throw new DeskError(
          'INVALID_INPUT',
          `The date for reply, ${formatSlipDate(replyBy)}, is in the past; choose today or a later day — the last day you will wait for ${row.partner.name} to answer.`,
        );
      }
    }
    const by = replyBy ? ` by ${formatSlipDate(replyBy)}` : '';
    return {
      changes: { conditionReason: input.reason, replyBy },
      eventNote: eventNote([`Reason: ${input.reason}`, ...(by ? [`reply${by}`] : [])], note),
      noteToPartner: note,
      details: { conditionReason: input.reason, replyBy },
      headline: `${describeRequest(row)} is now "Conditional": ${row.partner.name} must accept the conditions${by} before you supply it.`,
    };
  });
}

/** Reject: the request ends unfilled with an ISO 18626 ReasonUnfilled the borrower is told. */
export async function rejectRequest(
  ctx: DeskContext,
  input: ParsedInput<'lending.reject'>,
  session: Session,
): Promise<ReplyOutput> {
  const reason = REJECT_REASONS[input.reason];
  return reply(ctx, session, input.requestId, 'REJECT', (row) => ({
    changes: { rejectReason: input.reason },
    eventNote: eventNote([`Reason: ${reason}`], input.internalNote || null),
    noteToPartner: input.noteToPartner || null,
    details: { reasonUnfilled: input.reason, reason },
    headline: `Rejected ${describeRequest(row)}: ${reason}.`,
  }));
}

/** Renew: the loan runs on to a later due date, and the borrower is told it. */
export async function renewLoan(
  ctx: DeskContext,
  input: ParsedInput<'lending.renew'>,
  session: Session,
): Promise<ReplyOutput> {
  const { dueDate } = input;
  return reply(ctx, session, input.requestId, 'RENEW', (row, today) => {
    requireDate(dueDate, 'new due date');
    if (dueDate < today) {
      throw new DeskError(
        'INVALID_INPUT',
        `The new due date ${formatSlipDate(dueDate)} is in the past; choose a later date.`,
      );
    }
    const current = row.dueDate;
    if (current !== null && dueDate <= current) {
      throw new DeskError(
        'INVALID_INPUT',
        `${describeRequest(row)} is already due ${formatSlipDate(current)}; a renewal needs a later due date than that.`,
      );
    }
    const change = current
      ? `Due date ${formatSlipDate(current)} → ${formatSlipDate(dueDate)}`
      : `Due date ${formatSlipDate(dueDate)}`;
    return {
      changes: { dueDate },
      eventNote: eventNote([change], input.internalNote || null),
      noteToPartner: input.noteToPartner || null,
      details: { dueDate, previousDueDate: current },
      headline: `Renewed ${describeRequest(row)} until ${formatSlipDate(dueDate)}.`,
    };
  });
}

import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { describeMessage } from '../../shared/domain/partner-message-kinds.ts';
import type { Orm } from '../../db/database.ts';
import {
  lendingByRequestId,
  type DeskLendingRow,
} from '../../db/repositories/lending-desk-repository.ts';
import { changeStatus, recordDeskAction, type StatusChange } from './desk-action-recorder.ts';
import { queueImpliedMessage } from './desk-messages.ts';

/**
 * What the lending desk's steps share (Shipping Items, Scan In Items, and the task list's
 * Checked In, Conditional, Reject and Renew): finding the request a row names, and, once the step
 * has checked and written everything of its own, the status change with its history event, the
 * partner message the partner's protocol and workflow profile imply, and the record Undo restores
 * from — all inside the step's one transaction.
 */

/** The lending request a task list row action names; NOT_FOUND (nothing written) otherwise. */
export async function listedLending(tx: Orm, requestId: string): Promise<DeskLendingRow> {
  const row = await lendingByRequestId(tx, requestId);
  if (!row) {
    throw new DeskError(
      'NOT_FOUND',
      `No lending request has the ID ${requestId}. Search for it in Lending Requests.`,
    );
  }
  return row;
}

export interface LendingStep {
  readonly action: string;
  readonly to: string;
  readonly at: string;
  /** The history event's note. */
  readonly eventNote: string | null;
  /** What the partner is told in words (the ISO note or the letter's text). */
  readonly noteToPartner: string | null;
  /** What the message carries besides, for the partner-messaging sender. */
  readonly details: Record<string, string | number | null>;
  /** Columns the step changed besides the status, as they were before: Undo restores them. */
  readonly before?: Record<string, unknown>;
  /** The slip the step printed, withdrawn by Undo too. */
  readonly printJobIds?: readonly number[];
}

/** What a recorded step answers with: its Undo record, and the message queued, in staff's words. */
export interface LendingStepDone {
  readonly actionId: number;
  /** "ISO 18626 Loaned", or null when the step tells the partner nothing. */
  readonly partnerMessage: string | null;
  /** " University at Buffalo, SUNY is sent the ISO 18626 Loaned.", or empty: ends the step's message. */
  readonly told: string;
}

/** Moves `row` to `step.to` with its history event, queues the implied message, records for Undo. */
export async function recordLendingStep(
  tx: Orm,
  session: Session,
  row: DeskLendingRow,
  step: LendingStep,
): Promise<LendingStepDone> {
  const { action, to, at } = step;
  const change: StatusChange = {
    kind: 'lending',
    rowId: row.id,
    action,
    from: row.status,
    to,
    at,
    operatorId: session.operatorId,
    note: step.eventNote,
  };
  const eventId = await changeStatus(tx, change);
  const { message, messageIds } = await queueImpliedMessage(tx, {
    request: { kind: 'lending', ...row },
    partner: row.partner,
    profile: row.profile,
    action,
    from: row.status,
    to,
    at,
    note: step.noteToPartner,
    details: step.details,
  });
  const actionId = await recordDeskAction(tx, {
    session,
    change,
    requestId: row.requestId,
    before: { status: row.status, ...step.before },
    eventId,
    printJobIds: step.printJobIds ?? [],
    messageIds,
  });
  const partnerMessage = message ? describeMessage(message) : null;
  const told = partnerMessage ? ` ${row.partner.name} is sent the ${partnerMessage}.` : '';
  return { actionId, partnerMessage, told };
}

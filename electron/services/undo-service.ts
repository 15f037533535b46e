import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { statusLabel, type RequestKind } from '../../shared/domain/statuses.ts';
import type { Orm } from '../../db/database.ts';
import {
  BORROWING_UNDOABLE,
  updateBorrowing,
  type BorrowingChanges,
} from '../../db/repositories/borrowing-desk-repository.ts';
import {
  getDeskAction,
  latestDeskAction,
  markDeskActionUndone,
  type DeskActionRow,
} from '../../db/repositories/desk-actions-repository.ts';
import {
  LENDING_UNDOABLE,
  requestState,
  updateLending,
} from '../../db/repositories/desk-requests-repository.ts';
import {
  getMessages,
  withdrawMessages,
} from '../../db/repositories/partner-messages-repository.ts';
import {
  insertRequestEvent,
  latestEventId,
} from '../../db/repositories/request-events-repository.ts';
import { pastLabel, UNDO_WINDOW_MS } from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { formatClock } from './desk-time.ts';
import { withdrawActionSlips, type SlipOutcome } from './undo-withdrawal.ts';

/**
 * Undo of a window's last desk action (staff scan the wrong book every day): within a few minutes,
 * and only while the request has not moved since, the request goes back to how it was and the
 * slips and messages the action queued are withdrawn if they have not gone out yet.
 */

const LIST_NAME: Record<RequestKind, string> = {
  borrowing: 'Borrowing Requests',
  lending: 'Lending Requests',
};

type Verdict = { ok: true; requestId: string } | { ok: false; code: 'CONFLICT'; message: string };

/** Whether an action can still be undone now: not undone, not too old, the request not moved. */
async function undoable(db: Orm, action: DeskActionRow, now: Date): Promise<Verdict> {
  const state = await requestState(db, action.kind, action.requestRowId);
  const requestId = state?.requestId ?? '';
  const change = `Change the request from ${LIST_NAME[action.kind]} instead.`;
  if (now.getTime() - Date.parse(action.at) > UNDO_WINDOW_MS) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: `Undo works for ${UNDO_WINDOW_MS / 60_000} minutes after an action, and ${action.description} was at ${formatClock(action.at)}. ${change}`,
    };
  }
  const moved =
    state?.status !== action.toStatus ||
    (await latestEventId(db, action.kind, action.requestRowId)) !== action.eventId;
  if (moved) {
    const where = state ? ` (it is now "${statusLabel(action.kind, state.status)}")` : '';
    return {
      ok: false,
      code: 'CONFLICT',
      message: `${requestId} has changed since ${action.description}${where}, so that can no longer be undone. ${change}`,
    };
  }
  return { ok: true, requestId };
}

export async function lastDeskAction(
  ctx: DeskContext,
  session: Session,
): Promise<Output<'desk.lastAction'>> {
  return ctx.gate.read(async (db) => {
    const action = await latestDeskAction(db, session.id);
    if (!action || action.undoneAt !== null) return null;
    if (!(await undoable(db, action, ctx.now())).ok) return null;
    return {
      actionId: action.id,
      description: action.description,
      undoUntil: new Date(Date.parse(action.at) + UNDO_WINDOW_MS).toISOString(),
    };
  });
}

/** The session's action to undo, or the refusal in plain words. */
async function actionToUndo(
  db: Orm,
  session: Session,
  actionId: number | undefined,
): Promise<DeskActionRow> {
  const latest = await latestDeskAction(db, session.id);
  if (actionId !== undefined && latest?.id !== actionId) {
    const named = await getDeskAction(db, actionId);
    if (!named || named.sessionId !== session.id) {
      throw new DeskError(
        'NOT_FOUND',
        `This window has no desk action ${actionId} to undo: Undo works only in the window that made the action.`,
      );
    }
    throw new DeskError(
      'CONFLICT',
      `Only this window's last action can be undone, and ${latest?.description ?? 'another action'} came after ${named.description}.`,
    );
  }
  if (!latest) {
    throw new DeskError(
      'NOT_FOUND',
      'There is nothing to undo: this window has made no desk action yet.',
    );
  }
  if (latest.undoneAt !== null) {
    throw new DeskError('ALREADY_DONE', `${latest.description} has already been undone.`);
  }
  return latest;
}

/** The restore point, limited to the columns an action may change. */
function restoreColumns(action: DeskActionRow): BorrowingChanges {
  const keys: readonly string[] =
    action.kind === 'borrowing' ? BORROWING_UNDOABLE : LENDING_UNDOABLE;
  // Unchecked on purpose: the values were read from these same columns when the action was recorded.
  return Object.fromEntries(
    keys.filter((k) => Object.hasOwn(action.before, k)).map((k) => [k, action.before[k]]),
  );
}

const WHAT_WAS_UNDONE: Readonly<Record<string, string>> = {
  RECEIVE: 'the receipt of',
  RETURN_TO_PARTNER: 'the return of',
  SHIP: 'the shipping of',
  SCAN_IN: 'the check-in of',
};

function slipClause(slip: SlipOutcome): string {
  switch (slip.outcome) {
    case 'WITHDRAWN':
      return `the ${slip.name} was withdrawn before printing`;
    case 'IN_FLIGHT':
      return `the ${slip.name} was printing as you pressed Undo; throw it away if it comes out`;
    case 'PRINTED':
      return `the ${slip.name} had already printed`;
  }
}

function sentence(clauses: readonly string[]): string {
  const text = clauses.join('; ');
  return text ? ` ${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}

export async function undoDeskAction(
  ctx: DeskContext,
  input: ParsedInput<'desk.undo'>,
  session: Session,
): Promise<Output<'desk.undo'>> {
  const done = await ctx.gate.transaction(async (tx) => {
    const action = await actionToUndo(tx, session, input.actionId);
    const now = ctx.now();
    const verdict = await undoable(tx, action, now);
    if (!verdict.ok) throw new DeskError(verdict.code, verdict.message);
    const at = now.toISOString();
    const restore = { ...restoreColumns(action), status: action.fromStatus, updatedAt: at };
    if (action.kind === 'borrowing') await updateBorrowing(tx, action.requestRowId, restore);
    else await updateLending(tx, action.requestRowId, restore);
    await insertRequestEvent(tx, {
      kind: action.kind,
      requestRowId: action.requestRowId,
      at,
      operatorId: session.operatorId,
      action: 'UNDO',
      fromStatus: action.toStatus,
      toStatus: action.fromStatus,
      note: `Undid ${pastLabel(action.kind, action.action)}`,
    });

    const slips = await withdrawActionSlips(tx, action.printJobIds);
    const withdrawn = new Set(await withdrawMessages(tx, action.messageIds));
    const messages = (await getMessages(tx, action.messageIds)).map((m) => {
      const name = m.partnerId === null ? "the patron's letter" : 'the partner message';
      return withdrawn.has(m.id)
        ? `${name} was withdrawn before sending`
        : m.state === 'WITHDRAWN'
          ? `${name} had been withdrawn already`
          : `${name} had already been sent`;
    });
    await markDeskActionUndone(tx, action.id, at);

    const label = statusLabel(action.kind, action.fromStatus);
    const what = WHAT_WAS_UNDONE[action.action];
    const head = what
      ? `Undid ${what} ${verdict.requestId}`
      : `Undid "${pastLabel(action.kind, action.action)}" on ${verdict.requestId}`;
    return {
      kind: action.kind,
      slipsChanged: slips.length > 0,
      output: {
        requestId: verdict.requestId,
        statusLabel: label,
        message: `${head}: it is ${label} again.${sentence([...slips.map(slipClause), ...messages])}`,
      },
    };
  });
  ctx.events.emit('requests.changed', { kind: done.kind, requestId: done.output.requestId });
  if (done.slipsChanged) ctx.printing.publish();
  return done.output;
}

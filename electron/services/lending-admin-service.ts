import type { BulkOutcome } from '../../shared/api/contract-lending-tasks.ts';
import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { isClosedLending, LENDING_CLOSED, type Viewer } from '../../shared/domain/lending-tasks.ts';
import { LENDING_STATUSES, parseStatus, statusLabel } from '../../shared/domain/statuses.ts';
import type { Orm } from '../../db/database.ts';
import {
  itemOutElsewhere,
  lendingTask,
  lendingTasksById,
  statusMoves,
  updateLendingTask,
  type LendingTask,
} from '../../db/repositories/lending-task-changes-repository.ts';
import { removeAlerts } from '../../db/repositories/request-alerts-repository.ts';
import { insertRequestEvent } from '../../db/repositories/request-events-repository.ts';
import { changeStatus } from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { deskDate } from './desk-time.ts';
import { resolveLendingSelection } from './lending-selection.ts';
import { bulkOutcome, othersTaskRefusal, plural, recordTaskEvent } from './lending-task-rules.ts';
import { viewerOf } from './session-viewer.ts';

/**
 * The task list's bulk actions Change Status, Remove Requests and Remove Alerts, and the Manager's
 * Reactivate Request. Each bulk action works through the chosen rows or the whole current filter
 * in one transaction, and skips (with why) the requests it must leave as they were.
 */

type Selection = ParsedInput<'lending.changeStatus'>['selection'];

/** What one request's change did: null when it changed, else why it was left as it was. */
type Step = (task: LendingTask, at: string) => Promise<string | null>;

const NOTHING_LISTED =
  'The filter lists no lending requests, so nothing was done; change the filter or the Find box and try again.';

/** Runs a step on each selected request; the outcome says how many changed and why others did not. */
async function forEachSelected(
  ctx: DeskContext,
  session: Session,
  selection: Selection,
  makeStep: (tx: Orm, viewer: Viewer) => Step,
  doneSentence: (done: number) => string,
): Promise<BulkOutcome> {
  const done = await ctx.gate.transaction(async (tx) => {
    const now = ctx.now();
    const viewer = await viewerOf(tx, session);
    const chosen = await resolveLendingSelection(tx, selection, viewer, deskDate(now));
    const changed: string[] = [];
    if (chosen.length === 0) {
      return { changed, outcome: bulkOutcome(0, [], NOTHING_LISTED) };
    }
    const step = makeStep(tx, viewer);
    const skipped: BulkOutcome['skipped'] = [];
    const tasks = await lendingTasksById(
      tx,
      chosen.map((c) => c.id),
    );
    for (const task of tasks) {
      const reason = await step(task, now.toISOString());
      if (reason === null) changed.push(task.requestId);
      else skipped.push({ requestId: task.requestId, reason });
    }
    return { changed, outcome: bulkOutcome(changed.length, skipped, doneSentence(changed.length)) };
  });
  for (const requestId of done.changed) {
    ctx.events.emit('requests.changed', { kind: 'lending', requestId });
  }
  return done.outcome;
}

const label = (status: string): string => `"${statusLabel('lending', status)}"`;

/** A status as its code or Alma name, any case; INVALID_INPUT naming the choices otherwise. */
function lendingStatus(text: string): string {
  const code = parseStatus('lending', text);
  if (code !== undefined) return code;
  throw new DeskError(
    'INVALID_INPUT',
    `There is no lending status "${text}"; choose one of ${Object.values(LENDING_STATUSES).join(', ')}.`,
  );
}

/** Change Status: a staff override with a history event and no partner message. */
export async function changeLendingStatus(
  ctx: DeskContext,
  input: ParsedInput<'lending.changeStatus'>,
  session: Session,
): Promise<Output<'lending.changeStatus'>> {
  const to = lendingStatus(input.status);
  return forEachSelected(
    ctx,
    session,
    input.selection,
    (tx, viewer) => async (task, at) => {
      const others = othersTaskRefusal(task, viewer, 'change the status of');
      if (others) return others.message;
      if (task.status === to) return `${task.requestId} is already ${label(to)}.`;
      await changeStatus(tx, {
        kind: 'lending',
        rowId: task.id,
        action: 'CHANGE_STATUS',
        from: task.status,
        to,
        at,
        operatorId: session.operatorId,
        note: input.note || null,
      });
      return null;
    },
    (done) =>
      done === 0
        ? 'No status was changed.'
        : `Changed the status of ${plural(done, 'request', 'requests')} to ${label(to)}.`,
  );
}

const CLOSED_WORDS = LENDING_CLOSED.map((s) => statusLabel('lending', s)).join(', ');

/** Remove Requests (Manager): closed requests leave the task list and scan screens; history stays. */
export async function removeLendingRequests(
  ctx: DeskContext,
  input: ParsedInput<'lending.remove'>,
  session: Session,
): Promise<Output<'lending.remove'>> {
  return forEachSelected(
    ctx,
    session,
    input.selection,
    (tx) => async (task, at) => {
      if (!isClosedLending(task.status)) {
        return `${task.requestId} is ${label(task.status)}; only closed requests (${CLOSED_WORDS}) can be removed.`;
      }
      await updateLendingTask(tx, task.id, { removedAt: at, updatedAt: at });
      await recordTaskEvent(tx, task.id, {
        at,
        operatorId: session.operatorId,
        action: 'REMOVE',
        note: null,
      });
      return null;
    },
    (done) =>
      done === 0
        ? 'No request was removed.'
        : `Removed ${plural(done, 'request', 'requests')} from the task list and the scan screens; ${done === 1 ? 'its' : 'their'} history stays.`,
  );
}

/** Remove Alerts: each chosen request's active alerts are cleared, with a history event. */
export async function removeLendingAlerts(
  ctx: DeskContext,
  input: ParsedInput<'lending.removeAlerts'>,
  session: Session,
): Promise<Output<'lending.removeAlerts'>> {
  return forEachSelected(
    ctx,
    session,
    input.selection,
    (tx, viewer) => async (task, at) => {
      const others = othersTaskRefusal(task, viewer, 'remove the alerts of');
      if (others) return others.message;
      const removed = await removeAlerts(tx, 'lending', [task.id], at);
      if (removed === 0) return `${task.requestId} has no alerts.`;
      await recordTaskEvent(tx, task.id, {
        at,
        operatorId: session.operatorId,
        action: 'REMOVE_ALERTS',
        note: `Removed ${plural(removed, 'alert', 'alerts')}`,
      });
      return null;
    },
    (done) =>
      done === 0
        ? 'No alert was removed.'
        : `Removed the alerts of ${plural(done, 'request', 'requests')}.`,
  );
}

/**
 * The status a closed request had before it closed: walking its status moves back from the newest,
 * the status it moved into its current one from — and further back while that one was closed too
 * (Rejected, then changed to Request completed, returns to what it was before Rejected).
 */
function statusBeforeClosing(
  current: string,
  moves: readonly { fromStatus: string; toStatus: string }[],
) {
  let status = current;
  for (const move of moves) {
    if (move.toStatus !== status) continue;
    if (!isClosedLending(move.fromStatus)) return move.fromStatus;
    status = move.fromStatus;
  }
  return null;
}

/** Reactivate Request (Manager): a closed request returns to the status it had before it closed. */
export async function reactivateLendingRequest(
  ctx: DeskContext,
  input: ParsedInput<'lending.reactivate'>,
  session: Session,
): Promise<Output<'lending.reactivate'>> {
  const output = await ctx.gate.transaction(async (tx) => {
    // A removed request can be reactivated too: it comes back to the task list.
    const task = await lendingTask(tx, input.requestId);
    if (!task) {
      throw new DeskError(
        'NOT_FOUND',
        `No lending request has the ID ${input.requestId}. Search for it in Lending Requests (Activity Status: Completed) and try again.`,
      );
    }
    if (!isClosedLending(task.status)) {
      throw new DeskError(
        'WRONG_STATUS',
        `${task.requestId} is ${label(task.status)}, which is not closed; only a closed request (${CLOSED_WORDS}) can be reactivated.`,
      );
    }
    const previous = statusBeforeClosing(task.status, await statusMoves(tx, task.id));
    if (previous === null) {
      throw new DeskError(
        'CONFLICT',
        `${task.requestId} has been ${label(task.status)} since it came into the desk, so there is no earlier status to return to; use Change Status to set the one it should have.`,
      );
    }
    const holder = await itemOutElsewhere(tx, task, previous);
    if (holder) {
      throw new DeskError(
        'CONFLICT',
        `${task.requestId} cannot be reactivated: its item ${task.itemBarcode ?? ''} is out on ${holder.requestId} (${label(holder.status)}). Scan that one in first.`,
      );
    }
    const at = ctx.now().toISOString();
    await updateLendingTask(tx, task.id, { status: previous, removedAt: null, updatedAt: at });
    await insertRequestEvent(tx, {
      kind: 'lending',
      requestRowId: task.id,
      at,
      operatorId: session.operatorId,
      action: 'REACTIVATE',
      fromStatus: task.status,
      toStatus: previous,
      note: input.note || null,
    });
    return {
      requestId: task.requestId,
      status: previous,
      statusLabel: statusLabel('lending', previous),
      message: `Reactivated ${task.requestId}: it is ${label(previous)} again.`,
    };
  });
  ctx.events.emit('requests.changed', { kind: 'lending', requestId: output.requestId });
  return output;
}

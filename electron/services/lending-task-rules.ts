import type { BulkOutcome } from '../../shared/api/contract-lending-tasks.ts';
import { DeskError } from '../../shared/api/result.ts';
import { isClosedLending, type Viewer } from '../../shared/domain/lending-tasks.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import type { Orm } from '../../db/database.ts';
import {
  lendingTask,
  type LendingTask,
} from '../../db/repositories/lending-task-changes-repository.ts';
import { insertRequestEvent } from '../../db/repositories/request-events-repository.ts';

/**
 * What the task list's changes share: finding the request, the history event of a change that
 * moves no status, the seed's rule that an Operator works on their own and unassigned tasks (a
 * Manager on anyone's), and the bulk outcome's wording.
 */

/** A lending request by request ID that is still on the task list; NOT_FOUND otherwise. */
export async function requireTask(db: Orm, requestId: string): Promise<LendingTask> {
  const task = await lendingTask(db, requestId);
  if (!task || task.removedAt !== null) {
    throw new DeskError(
      'NOT_FOUND',
      `No lending request has the ID ${requestId}. Search for it in Lending Requests and try again.`,
    );
  }
  return task;
}

/** A task change that moves no status (assignment, Edit, Remove, Remove Alerts), in its history. */
export async function recordTaskEvent(
  tx: Orm,
  taskId: number,
  event: {
    readonly at: string;
    readonly operatorId: number | null;
    readonly action: string;
    readonly note: string | null;
  },
): Promise<void> {
  await insertRequestEvent(tx, {
    kind: 'lending',
    requestRowId: taskId,
    fromStatus: null,
    toStatus: null,
    ...event,
  });
}

/**
 * Refuses an Operator's change to a task assigned to someone else: "L-2001 is assigned to Ada;
 * only a Fulfillment Services Manager can reassign other people's tasks." `what` is the verb
 * phrase ("reassign", "edit").
 */
export function othersTaskRefusal(
  task: LendingTask,
  viewer: Viewer,
  what: string,
): DeskError | null {
  if (viewer.manager || task.assignedTo === null || task.assignedTo === viewer.operatorId) {
    return null;
  }
  return new DeskError(
    'FORBIDDEN',
    `${task.requestId} is assigned to ${task.assigneeName ?? 'another operator'}; only a Fulfillment Services Manager can ${what} other people's tasks.`,
  );
}

/** Refuses a change to a closed request (Request completed, Rejected, …), saying what it is. */
export function closedRefusal(task: LendingTask, what: string): DeskError | null {
  if (!isClosedLending(task.status)) return null;
  return new DeskError(
    'WRONG_STATUS',
    `${task.requestId} is closed ("${statusLabel('lending', task.status)}"), so it cannot be ${what}; a manager can reactivate it first.`,
  );
}

/** Each request ID once, as first given: IDs match whatever their case, so L-2001 is l-2001. */
export function distinctRequestIds(requestIds: readonly string[]): string[] {
  return [...new Map(requestIds.map((id) => [id.toLowerCase(), id])).values()];
}

export const plural = (n: number, one: string, many: string): string =>
  `${n} ${n === 1 ? one : many}`;

/**
 * The outcome of a bulk change: how many changed, and each request left as it was with why. The
 * message ends with the reason when one request was skipped, else with how many were.
 */
export function bulkOutcome(
  done: number,
  skipped: BulkOutcome['skipped'],
  doneSentence: string,
): BulkOutcome {
  const [only] = skipped;
  const rest =
    skipped.length === 0
      ? ''
      : skipped.length === 1 && only
        ? ` ${only.reason}`
        : ` ${skipped.length} requests were left as they were; see why beside each.`;
  return { done, skipped, message: `${doneSentence}${rest}` };
}

import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import type { Viewer } from '../../shared/domain/lending-tasks.ts';
import type { Orm } from '../../db/database.ts';
import {
  updateLendingTask,
  type LendingTask,
} from '../../db/repositories/lending-task-changes-repository.ts';
import { getOperator } from '../../db/repositories/operators-repository.ts';
import type { DeskContext } from './desk-context.ts';
import {
  bulkOutcome,
  closedRefusal,
  distinctRequestIds,
  othersTaskRefusal,
  plural,
  recordTaskEvent,
  requireTask,
} from './lending-task-rules.ts';
import { viewerOf } from './session-viewer.ts';

/**
 * Assign to me, Reassign (to an operator, with a note) and Release assign, for one task or many.
 * The seed's roles: an Operator assigns unassigned tasks and their own, a Manager anyone's. With
 * one request a refusal is the call's error (nothing changes); with several, each refused request
 * is skipped with why and the rest are assigned.
 */

const NOBODY_YET =
  'There is nobody to assign tasks to yet: add the desk\u2019s operators in Settings \u2192 Operators first.';

interface Assignee {
  readonly id: number;
  readonly name: string;
}

/** Who the tasks go to (null: released), refusing what makes the whole call pointless. */
async function resolveAssignee(
  tx: Orm,
  viewer: Viewer,
  wanted: ParsedInput<'lending.assign'>['assignee'],
): Promise<Assignee | null> {
  if (wanted === null) return null;
  if (viewer.setupMode) throw new DeskError('INVALID_INPUT', NOBODY_YET);
  if (wanted === 'ME') {
    if (viewer.operatorId === null || viewer.name === null) {
      throw new DeskError(
        'UNAUTHORIZED',
        'Sign in first: choose who you are at the desk, then assign the task to yourself.',
      );
    }
    return { id: viewer.operatorId, name: viewer.name };
  }
  const operator = await getOperator(tx, wanted);
  if (!operator?.active) {
    throw new DeskError(
      'NOT_FOUND',
      `There is no active operator with the id ${wanted} to assign to; choose someone from the list of operators (Settings \u2192 Operators shows who is active).`,
    );
  }
  return { id: operator.id, name: operator.name };
}

function assignmentRefusal(
  task: LendingTask,
  viewer: Viewer,
  assignee: Assignee | null,
): DeskError | null {
  const closed = closedRefusal(task, assignee ? 'assigned' : 'released');
  if (closed) return closed;
  const others = othersTaskRefusal(task, viewer, assignee ? 'reassign' : 'release');
  if (others) return others;
  if (assignee === null && task.assignedTo === null) {
    return new DeskError('ALREADY_DONE', `${task.requestId} is not assigned to anyone.`);
  }
  if (assignee !== null && task.assignedTo === assignee.id) {
    const whom = assignee.id === viewer.operatorId ? 'you' : assignee.name;
    return new DeskError('ALREADY_DONE', `${task.requestId} is already assigned to ${whom}.`);
  }
  return null;
}

/**
 * The history note: "Assigned to Ada", "Reassigned from Ada to Ben — back on Monday",
 * "Released (was assigned to Ada)".
 */
function historyNote(task: LendingTask, assignee: Assignee | null, note: string | undefined) {
  const was = task.assigneeName ?? 'another operator';
  const what =
    assignee === null
      ? `Released (was assigned to ${was})`
      : task.assignedTo === null
        ? `Assigned to ${assignee.name}`
        : `Reassigned from ${was} to ${assignee.name}`;
  return note ? `${what} \u2014 ${note}` : what;
}

function doneSentence(changed: readonly string[], assignee: Assignee | null): string {
  const [only] = changed;
  if (assignee === null) {
    if (changed.length === 0) return 'No task was released.';
    return changed.length === 1 && only
      ? `Released ${only}: it is unassigned now.`
      : `Released ${plural(changed.length, 'task', 'tasks')}: they are unassigned now.`;
  }
  if (changed.length === 0) return `No task was assigned to ${assignee.name}.`;
  return changed.length === 1 && only
    ? `Assigned ${only} to ${assignee.name}.`
    : `Assigned ${plural(changed.length, 'task', 'tasks')} to ${assignee.name}.`;
}

export async function assignLendingTasks(
  ctx: DeskContext,
  input: ParsedInput<'lending.assign'>,
  session: Session,
): Promise<Output<'lending.assign'>> {
  const done = await ctx.gate.transaction(async (tx) => {
    const viewer = await viewerOf(tx, session);
    const assignee = await resolveAssignee(tx, viewer, input.assignee);
    const at = ctx.now().toISOString();
    const wanted = distinctRequestIds(input.requestIds);
    const single = wanted.length === 1;
    const changed: string[] = [];
    const skipped: Output<'lending.assign'>['skipped'] = [];
    for (const requestId of wanted) {
      let task: LendingTask;
      try {
        task = await requireTask(tx, requestId);
      } catch (error) {
        if (single || !(error instanceof DeskError)) throw error;
        skipped.push({ requestId, reason: error.message });
        continue;
      }
      const refusal = assignmentRefusal(task, viewer, assignee);
      if (refusal) {
        if (single) throw refusal;
        skipped.push({ requestId: task.requestId, reason: refusal.message });
        continue;
      }
      await updateLendingTask(tx, task.id, { assignedTo: assignee?.id ?? null, updatedAt: at });
      await recordTaskEvent(tx, task.id, {
        at,
        operatorId: session.operatorId,
        action: assignee ? 'ASSIGN' : 'RELEASE',
        note: historyNote(task, assignee, input.note),
      });
      changed.push(task.requestId);
    }
    return {
      changed,
      outcome: bulkOutcome(changed.length, skipped, doneSentence(changed, assignee)),
    };
  });
  for (const requestId of done.changed) {
    ctx.events.emit('requests.changed', { kind: 'lending', requestId });
  }
  return done.outcome;
}

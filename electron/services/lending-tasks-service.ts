import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { lendingRowActions } from '../../shared/domain/lending-tasks.ts';
import { actionTarget } from '../../db/repositories/desk-requests-repository.ts';
import { listLendingTasks } from '../../db/repositories/lending-tasks-repository.ts';
import { candidateItems } from '../../db/repositories/locate-repository.ts';
import { activeAlerts } from '../../db/repositories/request-alerts-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { deskDate } from './desk-time.ts';
import { requireTask } from './lending-task-rules.ts';
import { lendingTaskQuery } from './lending-task-query.ts';
import { viewerOf } from './session-viewer.ts';

/**
 * The Lending Requests task list and a task's More details, as the signed-in operator sees them:
 * their tabs, and the row actions their role and the partner's workflow profile allow.
 */

export async function listLendingRequests(
  ctx: DeskContext,
  input: ParsedInput<'lending.list'>,
  session: Session,
): Promise<Output<'lending.list'>> {
  const { after, limit, ...filter } = input;
  return ctx.gate.read(async (db) => {
    const query = lendingTaskQuery(filter, await viewerOf(db, session), deskDate(ctx.now()));
    return listLendingTasks(db, query, { after, limit });
  });
}

export async function lendingTaskDetail(
  ctx: DeskContext,
  input: ParsedInput<'lending.taskDetail'>,
  session: Session,
): Promise<Output<'lending.taskDetail'>> {
  return ctx.gate.read(async (db) => {
    const viewer = await viewerOf(db, session);
    const task = await requireTask(db, input.requestId);
    const target = await actionTarget(db, 'lending', task.requestId);
    const alerts = await activeAlerts(db, 'lending', task.id);
    const candidates = await candidateItems(db, task.locateCandidates);
    return {
      requestId: task.requestId,
      assignedTo:
        task.assignedTo === null
          ? null
          : { id: task.assignedTo, name: task.assigneeName ?? `Operator ${task.assignedTo}` },
      requestedFormat: task.requestedFormat,
      suppliedFormat: task.suppliedFormat,
      levelOfService: task.levelOfService,
      shippingCost: task.shippingCost,
      conditionReason: task.conditionReason,
      replyBy: task.replyBy,
      rejectReason: task.rejectReason,
      printed: task.printed,
      reported: task.reported,
      alerts: alerts.map(({ id, code, message, at }) => ({ id, code, message, at })),
      candidates: candidates.map(({ id: _id, ...item }) => item),
      actions: lendingRowActions(task, viewer, target?.profile),
    };
  });
}

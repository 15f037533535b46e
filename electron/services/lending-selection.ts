import { SELECTION_LIMIT, type LendingSelection } from '../../shared/api/contract-lending-tasks.ts';
import { DeskError } from '../../shared/api/result.ts';
import type { Viewer } from '../../shared/domain/lending-tasks.ts';
import type { Orm } from '../../db/database.ts';
import {
  countLendingTasksListed,
  lendingTaskIds,
  lendingTasksByRequestId,
} from '../../db/repositories/lending-tasks-repository.ts';
import { lendingTaskQuery } from './lending-task-query.ts';
import { distinctRequestIds } from './lending-task-rules.ts';

/**
 * What a bulk action on the task list works on: the rows staff ticked, or every request the
 * current filter lists (as the list itself would show them to this viewer on this day, without
 * paging). Bulk services call this inside their transaction, so the requests they change are the
 * ones the selection meant at that moment.
 */

export interface SelectedTask {
  /** The request's row id. */
  readonly id: number;
  readonly requestId: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The selected lending requests: chosen rows in the order given (each once, any case), or the
 * whole filter newest first. A chosen request that does not exist or was removed refuses the
 * whole action (NOT_FOUND, naming it); a filter that lists more than SELECTION_LIMIT requests is
 * refused too. An empty answer means the filter lists nothing (also Completed or All before the
 * Find box has text); the caller says there is nothing to do.
 */
export async function resolveLendingSelection(
  db: Orm,
  selection: LendingSelection,
  viewer: Viewer,
  today: string,
): Promise<SelectedTask[]> {
  if ('requestIds' in selection) return chosenTasks(db, selection.requestIds);
  const query = lendingTaskQuery(selection.filter, viewer, today);
  const found = await lendingTaskIds(db, query, SELECTION_LIMIT + 1);
  if (found.length > SELECTION_LIMIT) {
    const matching = await countLendingTasksListed(db, query);
    throw new DeskError(
      'INVALID_INPUT',
      `The filter lists ${count(matching)} lending requests, more than the ${count(SELECTION_LIMIT)} one action can take; nothing was done. Narrow the filter (a status, a partner, a date) or tick the rows, then try again.`,
    );
  }
  return found;
}

async function chosenTasks(db: Orm, requestIds: readonly string[]): Promise<SelectedTask[]> {
  // The same request chosen twice counts once.
  const wanted = distinctRequestIds(requestIds);
  const rows = await lendingTasksByRequestId(db, wanted);
  const byKey = new Map(rows.map((row) => [row.requestId.toLowerCase(), row]));
  return wanted.map((requestId) => {
    const row = byKey.get(requestId.toLowerCase());
    if (!row) {
      throw new DeskError(
        'NOT_FOUND',
        `There is no lending request ${requestId}, so nothing was done; refresh the list and choose again.`,
      );
    }
    if (row.removedAt !== null) {
      throw new DeskError(
        'NOT_FOUND',
        `${row.requestId} was removed from the task list, so nothing was done; refresh the list and choose again.`,
      );
    }
    return { id: row.id, requestId: row.requestId };
  });
}

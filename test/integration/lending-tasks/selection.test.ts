import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELECTION_LIMIT } from '../../../shared/api/contract-lending-tasks.ts';
import { DeskError } from '../../../shared/api/result.ts';
import type { Viewer } from '../../../shared/domain/lending-tasks.ts';
import { resolveLendingSelection } from '../../../electron/services/lending-selection.ts';
import { call } from '../../helpers/borrowing-desk.ts';
import { openTaskDesk, type TaskDesk } from '../../helpers/lending-task-data.ts';

/** What a bulk action works on: chosen rows, or the whole filter the list shows. */

const NOW = new Date('2026-11-23T15:00:00Z');
const TODAY = '2026-11-23';

let tasks: TaskDesk;
let manager: Viewer;
let operator: Viewer;

beforeAll(async () => {
  tasks = await openTaskDesk({ now: NOW, count: 150 });
  manager = {
    operatorId: tasks.operatorIds['Ada Manager'],
    name: 'Ada Manager',
    manager: true,
    setupMode: false,
  };
  operator = {
    operatorId: tasks.operatorIds['Bo Operator'],
    name: 'Bo Operator',
    manager: false,
    setupMode: false,
  };
});
afterAll(() => tasks.dispose());

const resolve = (selection: Parameters<typeof resolveLendingSelection>[1], viewer = manager) =>
  resolveLendingSelection(tasks.desk.context.db.orm, selection, viewer, TODAY);

async function refused(promise: Promise<unknown>): Promise<DeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('The selection was not refused');
}

describe('chosen rows', () => {
  it('gives each chosen request once, in the order chosen, with its own request ID', async () => {
    const chosen = await resolve({ requestIds: ['l-2003', 'L-2001', 'L-2003'] });
    expect(chosen.map((c) => c.requestId)).toEqual(['L-2003', 'L-2001']);
    const ids = tasks.records().filter((r) => ['L-2001', 'L-2003'].includes(r.requestId));
    expect(chosen.map((c) => c.id).sort()).toEqual(ids.map((r) => r.id).sort());
  });

  it('refuses the whole selection when one request does not exist, naming it', async () => {
    const error = await refused(resolve({ requestIds: ['L-2001', 'L-9999'] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      'There is no lending request L-9999, so nothing was done; refresh the list and choose again.',
    );
  });

  it('refuses a request that was removed from the task list, naming it', async () => {
    const removed = tasks.records().find((r) => r.removed);
    if (!removed) throw new Error('The generated data has no removed request');
    const error = await refused(resolve({ requestIds: [removed.requestId.toLowerCase()] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      `${removed.requestId} was removed from the task list, so nothing was done; refresh the list and choose again.`,
    );
  });
});

describe('the whole filter', () => {
  it('is exactly what the list shows this viewer, newest first', async () => {
    const filter = {
      status: ['CREATED', 'LOCATE_FAILED', 'BEING_PROCESSED'],
      printed: ['NO' as const],
    };
    for (const [viewer, name] of [
      [manager, 'Ada Manager'],
      [operator, 'Bo Operator'],
    ] as const) {
      const listed = await call(tasks.window(tasks.operatorIds[name]), 'lending.list', {
        ...filter,
        limit: 500,
      });
      expect(listed.total).toBeGreaterThan(0);
      const chosen = await resolve({ filter }, viewer);
      expect(chosen.map((c) => c.requestId)).toEqual(listed.rows.map((r) => r.requestId));
    }
  });

  it('is empty for Completed before the Find box has text, as the list is', async () => {
    expect(await resolve({ filter: { activity: 'COMPLETED' } })).toEqual([]);
  });

  it('refuses an Operator the whole of Assigned to Others, as the list does', async () => {
    const error = await refused(resolve({ filter: { tab: 'ASSIGNED_TO_OTHERS' } }, operator));
    expect(error.code).toBe('FORBIDDEN');
  });

  it(`refuses a filter that lists more than ${SELECTION_LIMIT} requests, saying how many`, async () => {
    tasks.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SELECTION_LIMIT})
       INSERT INTO lending_requests (request_id, external_id, partner_id, title, status)
       SELECT 'BULK-' || i, 'BULK-' || i, (SELECT id FROM partners WHERE code = 'VTECH'), 'Bulk copy', 'CREATED'
       FROM n`,
    );
    const exactly = await resolve({ filter: { find: 'bulk copy' } });
    expect(exactly).toHaveLength(SELECTION_LIMIT);
    tasks.run(
      `INSERT INTO lending_requests (request_id, external_id, partner_id, title, status)
       VALUES ('BULK-X', 'BULK-X', (SELECT id FROM partners WHERE code = 'VTECH'), 'Bulk copy', 'CREATED')`,
    );
    const error = await refused(resolve({ filter: { find: 'bulk copy' } }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      'The filter lists 2,001 lending requests, more than the 2,000 one action can take; nothing was done. Narrow the filter (a status, a partner, a date) or tick the rows, then try again.',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import { isClosedLending } from '../../../shared/domain/lending-tasks.ts';
import { call, refusal } from '../../helpers/borrowing-desk.ts';
import { openTaskDesk, type TaskDesk } from '../../helpers/lending-task-data.ts';

/** The task list's row actions and More details (lending.taskDetail), by role and by request. */

let tasks: TaskDesk;
let ada: DeskClient;
let bo: DeskClient;
let boId: number;

beforeAll(async () => {
  tasks = await openTaskDesk({ now: new Date('2026-11-23T15:00:00Z'), count: 150 });
  boId = tasks.operatorIds['Bo Operator'];
  ada = tasks.window(tasks.operatorIds['Ada Manager']);
  bo = tasks.window(boId);
});
afterAll(() => tasks.dispose());

describe('the row actions follow role, status and workflow profile', () => {
  async function rowFor(client: DeskClient, requestId: string) {
    const list = await call(client, 'lending.list', { activity: 'ALL', find: requestId });
    const [row] = list.rows;
    if (!row) throw new Error(`${requestId} is not listed`);
    return row;
  }

  it('offers Remove and Reactivate on a closed request to a Manager only', async () => {
    const closed = tasks.record(
      (r) => !r.removed && r.status === 'COMPLETED' && r.assignedTo === null,
    );
    const managerRow = await rowFor(ada, closed.requestId);
    expect(managerRow.actions).toEqual(
      expect.arrayContaining(['REMOVE', 'REACTIVATE', 'MORE_DETAILS']),
    );
    const operatorRow = await rowFor(bo, closed.requestId);
    expect(operatorRow.actions).not.toContain('REMOVE');
    expect(operatorRow.actions).not.toContain('REACTIVATE');
    expect(operatorRow.actions).toContain('MORE_DETAILS');
  });

  it("offers Will Supply only where the partner's lending profile has the step", async () => {
    // Both partners work to the seed's Peer to Peer Lending profile, which lacks Will Supply…
    expect((await rowFor(ada, 'L-2003')).actions).not.toContain('WILL_SUPPLY');
    expect((await rowFor(ada, 'L-2001')).actions).not.toContain('WILL_SUPPLY');
    // …until Buffalo's profile includes it.
    tasks.run(
      `INSERT INTO workflow_profiles (name, type, steps) VALUES ('Buffalo Lending', 'LENDING', '["WILL_SUPPLY","CONDITIONAL"]')`,
    );
    tasks.run(
      `UPDATE partners SET lending_workflow_id = (SELECT id FROM workflow_profiles WHERE name = 'Buffalo Lending') WHERE code = 'SUNYBUF'`,
    );
    expect((await rowFor(ada, 'L-2001')).actions).toContain('WILL_SUPPLY');
    expect((await rowFor(ada, 'L-2003')).actions).not.toContain('WILL_SUPPLY');
  });

  it("names the assignee and offers Release on one's own task, Reassign to a Manager", async () => {
    const own = tasks.record(
      (r) => !r.removed && r.assignedTo === boId && !isClosedLending(r.status),
    );
    const boRow = await rowFor(bo, own.requestId);
    expect(boRow.assignedTo).toBe('Bo Operator');
    expect(boRow.actions).toEqual(expect.arrayContaining(['RELEASE', 'EDIT']));
    expect(boRow.actions).not.toContain('ASSIGN_TO_ME');
    const adaRow = await rowFor(ada, own.requestId);
    expect(adaRow.actions).toEqual(expect.arrayContaining(['ASSIGN_TO_ME', 'REASSIGN', 'RELEASE']));
  });
});

describe('lending.taskDetail', () => {
  it('gives the assignee, active alerts only, formats and the row actions', async () => {
    const task = tasks.record(
      (r) => !r.removed && r.alertCodes.length > 0 && r.assignedTo === boId,
    );
    const detail = await call(bo, 'lending.taskDetail', {
      requestId: task.requestId.toLowerCase(),
    });
    expect(detail).toMatchObject({
      requestId: task.requestId,
      assignedTo: { id: boId, name: 'Bo Operator' },
      requestedFormat: task.requestedFormat,
      suppliedFormat: task.suppliedFormat,
      levelOfService: task.levelOfService,
      printed: task.printed,
      reported: task.reported,
      candidates: [],
    });
    expect(detail.alerts.map((a) => a.code).sort()).toEqual([...task.alertCodes].sort());
    const row = (await call(bo, 'lending.list', { activity: 'ALL', find: task.requestId })).rows[0];
    expect(detail.actions).toEqual(row?.actions);
  });

  it("lists Locate's candidate items, in the order Locate kept them", async () => {
    const failed = tasks.record((r) => !r.removed && r.assignedTo === null);
    tasks.run(
      `UPDATE lending_requests SET locate_candidates = (SELECT json_array(max(id), min(id)) FROM items)
       WHERE id = ?`,
      failed.id,
    );
    const detail = await call(ada, 'lending.taskDetail', { requestId: failed.requestId });
    expect(detail.candidates.map((c) => c.barcode)).toEqual(['31234000123464', '31234000123456']);
    expect(detail.candidates[0]).toEqual({
      barcode: '31234000123464',
      title: 'The Structure of Scientific Revolutions',
      author: 'Kuhn, Thomas S.',
      isbn: null,
      callNumber: 'Q175 .K95 2012',
      location: 'Main Stacks',
      library: 'MAIN',
    });
    expect(detail.assignedTo).toBeNull();
  });

  it('says a removed or unknown request is not on the task list', async () => {
    const removed = tasks.record((r) => r.removed);
    for (const requestId of [removed.requestId, 'L-NOPE']) {
      const refused = await refusal(ada, 'lending.taskDetail', { requestId });
      expect(refused.code).toBe('NOT_FOUND');
      expect(refused.message).toContain(requestId);
    }
  });
});

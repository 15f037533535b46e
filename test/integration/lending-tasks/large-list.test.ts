import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import { LENDING_FACETS } from '../../../shared/api/contract-lending-tasks.ts';
import { call } from '../../helpers/borrowing-desk.ts';
import { openTaskDesk, type TaskDesk } from '../../helpers/lending-task-data.ts';

/**
 * The task list with 100,000 lending requests (issue "5 · Lending desk": "It stays quick with
 * 100,000 requests"): keyset pages and counts stay right at that size. No timings here; the
 * benchmark measures speed.
 */

const NOW = new Date('2026-11-23T15:00:00Z');
const SIZE = 100_000;

let tasks: TaskDesk;
let manager: DeskClient;

beforeAll(async () => {
  tasks = await openTaskDesk({ now: NOW, count: 0 });
  manager = tasks.window(tasks.operatorIds['Ada Manager']);
  const statuses =
    "json_array('CREATED','SHIPPED_PHYSICALLY','RECEIVED_BY_PARTNER','COMPLETED','BEING_PROCESSED','REJECTED','OVERDUE')";
  tasks.run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SIZE})
     INSERT INTO lending_requests (request_id, external_id, partner_id, title, status, assigned_to,
       printed, created_at, updated_at, due_date)
     SELECT 'BIG-' || i, 'X' || i, 1 + i % 3, 'Volume ' || i, ${statuses} ->> (i % 7),
       CASE i % 4 WHEN 0 THEN NULL ELSE 1 + i % 3 END, i % 5 = 0,
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-23T15:00:00Z', '-' || (i % 400) || ' hours'),
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-23T15:00:00Z', '-' || (i % 90) || ' hours'),
       CASE WHEN i % 3 = 0 THEN NULL ELSE date('2026-11-23', (i % 60 - 30) || ' days') END
     FROM n`,
  );
});
afterAll(() => tasks.dispose());

const countWhere = (where: string): number =>
  (
    tasks.desk.context.db.sqlite
      .prepare(`SELECT count(*) AS n FROM lending_requests WHERE ${where}`)
      .get() as { n: number }
  ).n;

describe(`the task list with ${SIZE.toLocaleString('en-US')} requests`, () => {
  it('pages newest first by keyset and counts every facet to the total', async () => {
    const active = countWhere(
      "removed_at IS NULL AND status NOT IN ('COMPLETED','SHIPPED_DIGITALLY','REJECTED','CANCELLED','EXPIRED')",
    );
    const first = await call(manager, 'lending.list', { limit: 100 });
    expect(first.total).toBe(active);
    expect(first.tabs.all).toBe(active);
    expect(first.rows).toHaveLength(100);
    for (const facet of LENDING_FACETS) {
      const sum = first.facets[facet].reduce((n, f) => n + f.count, 0);
      expect(sum, facet).toBe(active);
    }
    const second = await call(manager, 'lending.list', {
      limit: 100,
      after: first.nextAfter ?? 0,
    });
    const ids = [...first.rows, ...second.rows].map((r) => Number(r.requestId.slice(4)));
    expect(new Set(ids).size).toBe(200);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const newest = tasks.desk.context.db.sqlite
      .prepare(
        "SELECT request_id FROM lending_requests WHERE status NOT IN ('COMPLETED','REJECTED') ORDER BY id DESC LIMIT 1",
      )
      .get() as { request_id: string };
    expect(first.rows[0]?.requestId).toBe(newest.request_id);
  });

  it('finds one request among them by its External Identifier', async () => {
    const found = await call(manager, 'lending.list', { activity: 'ALL', find: 'x77777' });
    expect(found.rows.map((r) => r.requestId)).toEqual(['BIG-77777']);
  });

  it("counts an Operator's own and unassigned tasks under a facet filter", async () => {
    const bo = tasks.operatorIds['Bo Operator'];
    const list = await call(tasks.window(bo), 'lending.list', {
      status: ['CREATED'],
      printed: ['YES'],
    });
    expect(list.total).toBe(
      countWhere(
        `status = 'CREATED' AND printed = 1 AND (assigned_to IS NULL OR assigned_to = ${bo})`,
      ),
    );
    expect(list.tabs.assignedToMe).toBe(
      countWhere(`status = 'CREATED' AND printed = 1 AND assigned_to = ${bo}`),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import {
  LENDING_FACETS,
  type LendingFilter,
  type LendingListResult,
} from '../../../shared/api/contract-lending-tasks.ts';
import { DATE_BUCKET_CODES } from '../../../shared/domain/date-buckets.ts';
import { isClosedLending } from '../../../shared/domain/lending-tasks.ts';
import { call, refusal } from '../../helpers/borrowing-desk.ts';
import { openTaskDesk, type TaskDesk } from '../../helpers/lending-task-data.ts';
import { expectedList, type ExpectedFilter } from '../../helpers/lending-task-oracle.ts';

/**
 * The Lending Requests task list through the API (issue "5 · Lending desk", part 2), on a desk in
 * New York time: every count is checked against the tests' own reckoning from the data.
 */

const ZONE_BEFORE = process.env.TZ;
process.env.TZ = 'America/New_York';
const NOW = new Date('2026-11-23T15:00:00Z'); // 10:00 at the desk
const TODAY = '2026-11-23';

let tasks: TaskDesk;
let ada: DeskClient;
let bo: DeskClient;
let adaId: number;
let boId: number;

beforeAll(async () => {
  tasks = await openTaskDesk({ now: NOW, count: 240 });
  adaId = tasks.operatorIds['Ada Manager'];
  boId = tasks.operatorIds['Bo Operator'];
  ada = tasks.window(adaId);
  bo = tasks.window(boId);
  // Either side of midnight at the desk (UTC-5), both on 23 November in UTC.
  for (const [requestId, createdAt] of [
    ['L-EVE', '2026-11-23T04:30:00.000Z'],
    ['L-MORN', '2026-11-23T05:30:00.000Z'],
  ] as const) {
    tasks.run(
      `INSERT INTO lending_requests (request_id, external_id, partner_id, title, status, created_at, updated_at)
       VALUES (?, ?, (SELECT id FROM partners WHERE code = 'VTECH'), 'Midnight Edge', 'CREATED', ?, ?)`,
      requestId,
      `X-${requestId}`,
      createdAt,
      createdAt,
    );
  }
});
afterAll(async () => {
  await tasks.dispose();
  process.env.TZ = ZONE_BEFORE;
});

/** Every page of the list, `limit` rows at a time, following `nextAfter` to the end. */
async function everyPage(
  client: DeskClient,
  filter: LendingFilter,
  limit = 7,
): Promise<{ first: LendingListResult; requestIds: string[] }> {
  const first = await call(client, 'lending.list', { ...filter, limit });
  const requestIds = first.rows.map((r) => r.requestId);
  let page = first;
  while (page.nextAfter !== null) {
    page = await call(client, 'lending.list', { ...filter, limit, after: page.nextAfter });
    expect(page.rows.length).toBeGreaterThan(0);
    requestIds.push(...page.rows.map((r) => r.requestId));
  }
  return { first, requestIds };
}

/** Each facet's values with a count, as a plain object. */
function counted(result: LendingListResult): Record<string, Record<string, number>> {
  return Object.fromEntries(
    LENDING_FACETS.map((f) => [
      f,
      Object.fromEntries(
        result.facets[f].filter((v) => v.count > 0).map((v) => [v.value, v.count]),
      ),
    ]),
  );
}

describe('lending.list counts what the data holds', () => {
  const cases: [string, 'Ada Manager' | 'Bo Operator' | 'Cy Operator', ExpectedFilter][] = [
    ['a Manager, Active, all tasks', 'Ada Manager', {}],
    [
      'statuses and partners chosen',
      'Ada Manager',
      {
        status: ['CREATED', 'SHIPPED_PHYSICALLY', 'BEING_PROCESSED'],
        partner: ['SUNYALB', 'VTECH'],
      },
    ],
    [
      'Unassigned, by creation date and alerts',
      'Ada Manager',
      {
        tab: 'UNASSIGNED',
        createdDate: ['TODAY', 'YESTERDAY', 'UP_TO_WEEK'],
        alerts: ['LOCATE_FAILED', 'NONE'],
      },
    ],
    [
      'an Operator: not printed, due later or never, not supplied yet',
      'Bo Operator',
      { printed: ['NO'], dueDate: ['LATER', 'NONE'], suppliedFormat: ['UNDEFINED'] },
    ],
    [
      "an Operator's own tasks by level of service, format and update date",
      'Bo Operator',
      {
        tab: 'ASSIGNED_TO_ME',
        levelOfService: ['Rush', 'NONE'],
        requestedFormat: ['PHYSICAL', 'DIGITAL'],
        updatedDate: ['TODAY', 'UP_TO_3_DAYS', 'UP_TO_WEEK', 'UP_TO_MONTH'],
      },
    ],
    [
      'Completed, with words in the Find box',
      'Ada Manager',
      { activity: 'COMPLETED', find: 'art of' },
    ],
    [
      'All, an author and a partner word, not reported',
      'Cy Operator',
      { activity: 'ALL', find: 'knuth albany', reported: ['NO'] },
    ],
    [
      'Assigned to Others, by alert code',
      'Ada Manager',
      { tab: 'ASSIGNED_TO_OTHERS', alerts: ['PARTNER_NOTE'] },
    ],
  ];

  for (const [what, operator, filter] of cases) {
    it(`lists, totals and counts facets and tabs as the data says: ${what}`, async () => {
      const operatorId = tasks.operatorIds[operator];
      const expected = expectedList(
        tasks.records(),
        filter,
        { operatorId, manager: operator === 'Ada Manager' },
        TODAY,
      );
      expect(expected.requestIds.length, 'the case lists something').toBeGreaterThan(0);
      const { first, requestIds } = await everyPage(
        tasks.window(operatorId),
        filter as LendingFilter,
      );
      expect(first.needsFind).toBe(false);
      // Keyset paging: every request once, newest first.
      expect(requestIds).toEqual(expected.requestIds);
      expect(first.total).toBe(expected.requestIds.length);
      expect(counted(first)).toEqual(expected.facets);
      expect(first.tabs).toEqual(expected.tabs);
    });
  }

  it('labels facet values in the words staff know, date buckets in order', async () => {
    const list = await call(ada, 'lending.list', { activity: 'ALL', find: 'Midnight Edge' });
    expect(list.facets.status).toEqual([
      { value: 'CREATED', label: 'Created lending request', count: 2 },
    ]);
    expect(list.facets.partner).toEqual([{ value: 'VTECH', label: 'Virginia Tech', count: 2 }]);
    expect(list.facets.suppliedFormat).toEqual([
      { value: 'UNDEFINED', label: 'Undefined', count: 2 },
    ]);
    expect(list.facets.createdDate).toEqual([
      { value: 'TODAY', label: 'Today', count: 1 },
      { value: 'YESTERDAY', label: 'Yesterday', count: 1 },
    ]);
    expect(list.facets.printed).toEqual([{ value: 'NO', label: 'No', count: 2 }]);
    expect(list.facets.alerts).toEqual([{ value: 'NONE', label: 'No alerts', count: 2 }]);
    const all = await call(ada, 'lending.list', {});
    const dueOrder = all.facets.dueDate.map((f) => f.value);
    expect(dueOrder.length).toBeGreaterThan(3);
    expect(dueOrder).toEqual(DATE_BUCKET_CODES.filter((b) => dueOrder.includes(b)));
    expect(all.facets.alerts.find((f) => f.value === 'LOCATE_FAILED')?.label).toBe('Locate failed');
  });

  it('keeps a chosen value listed at 0 so that it can be unchosen', async () => {
    const list = await call(ada, 'lending.list', { status: ['EXPIRED'] });
    expect(list.total).toBe(0);
    expect(list.rows).toEqual([]);
    expect(list.facets.status).toContainEqual({ value: 'EXPIRED', label: 'Expired', count: 0 });
  });

  it('counts the desk calendar day: 23:30 yesterday at the desk is Yesterday, though today in UTC', async () => {
    const today = await call(ada, 'lending.list', {
      find: 'Midnight Edge',
      createdDate: ['TODAY'],
    });
    expect(today.rows.map((r) => r.requestId)).toEqual(['L-MORN']);
    const yesterday = await call(ada, 'lending.list', {
      find: 'Midnight Edge',
      createdDate: ['YESTERDAY'],
    });
    expect(yesterday.rows.map((r) => r.requestId)).toEqual(['L-EVE']);
  });
});

describe('tabs and who sees what', () => {
  it('gives a Manager every tab, Assigned to Others included', async () => {
    const list = await call(ada, 'lending.list', {});
    const { tabs } = list;
    expect(tabs.assignedToOthers).not.toBeNull();
    expect((tabs.assignedToMe ?? 0) + tabs.unassigned + (tabs.assignedToOthers ?? 0)).toBe(
      tabs.all,
    );
    expect(list.total).toBe(tabs.all);
  });

  it("shows an Operator their own and unassigned tasks, never someone else's", async () => {
    const { first, requestIds } = await everyPage(bo, {}, 50);
    expect(first.tabs.assignedToOthers).toBeNull();
    expect(first.tabs.all).toBe((first.tabs.assignedToMe ?? 0) + first.tabs.unassigned);
    const byId = new Map(tasks.records().map((r) => [r.requestId, r]));
    const holders = new Set(requestIds.map((id) => byId.get(id)?.assignedTo ?? null));
    expect([...holders].sort()).toEqual([boId, null].sort());
  });

  it('refuses Assigned to Others to an Operator and says who may see it', async () => {
    const refused = await refusal(bo, 'lending.list', { tab: 'ASSIGNED_TO_OTHERS' });
    expect(refused).toEqual({
      code: 'FORBIDDEN',
      message:
        "Assigned to Others shows other people's tasks, which only a Fulfillment Services Manager sees; use Assigned to Me or Unassigned, or ask a manager.",
    });
  });

  it('in setup mode (no active operators) shows everything and has no Assigned to Me', async () => {
    tasks.run('UPDATE operators SET active = 0');
    try {
      const nobody = tasks.window(null);
      const expected = expectedList(
        tasks.records(),
        {},
        { operatorId: null, manager: true },
        TODAY,
      );
      const list = await call(nobody, 'lending.list', {});
      expect(list.tabs).toEqual(expected.tabs);
      expect(list.tabs.assignedToMe).toBeNull();
      expect(list.total).toBe(expected.requestIds.length);
      const mine = await call(nobody, 'lending.list', { tab: 'ASSIGNED_TO_ME' });
      expect(mine.total).toBe(0);
    } finally {
      tasks.run('UPDATE operators SET active = 1');
    }
  });
});

describe('Activity Status and the Find box', () => {
  for (const activity of ['COMPLETED', 'ALL'] as const) {
    it(`lists nothing for ${activity} until the Find box has text`, async () => {
      for (const find of [undefined, '   ']) {
        const list = await call(ada, 'lending.list', { activity, ...(find ? { find } : {}) });
        expect(list.needsFind).toBe(true);
        expect(list.rows).toEqual([]);
        expect(list.total).toBe(0);
        expect(Object.values(list.facets).every((f) => f.length === 0)).toBe(true);
      }
    });
  }

  it('shows only closed requests under Completed, and only open ones under Active', async () => {
    const completed = await everyPage(ada, { activity: 'COMPLETED', find: 'e' }, 100);
    const active = await everyPage(ada, { find: 'e' }, 100);
    const byId = new Map(tasks.records().map((r) => [r.requestId, r]));
    expect(completed.requestIds.length).toBeGreaterThan(0);
    expect(completed.requestIds.every((id) => isClosedLending(byId.get(id)?.status ?? ''))).toBe(
      true,
    );
    expect(active.requestIds.some((id) => isClosedLending(byId.get(id)?.status ?? ''))).toBe(false);
  });

  it('finds by External Identifier and request ID in any case', async () => {
    const target = tasks.record(
      (r) => !r.removed && r.requestId.startsWith('L-5') && r.assignedTo === null,
    );
    for (const find of [target.externalId.toLowerCase(), target.requestId.toLowerCase()]) {
      const list = await call(bo, 'lending.list', { activity: 'ALL', find });
      expect(list.rows.map((r) => r.requestId)).toEqual([target.requestId]);
    }
  });

  it("finds by item barcode: the request's own, or its located item's", async () => {
    const list = await everyPage(ada, { activity: 'ALL', find: '31234000123464' }, 100);
    const expected = expectedList(
      tasks.records(),
      { activity: 'ALL', find: '31234000123464' },
      { operatorId: adaId, manager: true },
      TODAY,
    );
    expect(list.requestIds).toEqual(expected.requestIds);
    expect(list.requestIds).toContain('L-2003');
    // A generated request located to the Main Stacks copy, naming no barcode of its own.
    expect(list.requestIds.some((id) => id.startsWith('L-5'))).toBe(true);
    expect(list.first.rows.every((r) => r.itemBarcode === '31234000123464')).toBe(true);
    expect(list.first.rows.find((r) => r.requestId === 'L-2003')).toMatchObject({
      location: 'Main Stacks',
      callNumber: 'Q175 .K95 2012',
    });
  });

  it('finds by words of the title, the author and the partner, in any order', async () => {
    const byTitle = await call(ada, 'lending.list', {
      activity: 'ALL',
      find: 'revolutions structure',
    });
    expect(byTitle.rows.map((r) => r.requestId)).toEqual(['L-2003']);
    const byAuthor = await call(ada, 'lending.list', { activity: 'ALL', find: 'cormen' });
    expect(byAuthor.rows.map((r) => r.requestId)).toEqual(['L-2001']);
    const byPartner = await everyPage(ada, { activity: 'ALL', find: 'virginia' }, 100);
    const byId = new Map(tasks.records().map((r) => [r.requestId, r]));
    expect(byPartner.requestIds.length).toBeGreaterThan(2);
    expect(byPartner.requestIds.every((id) => byId.get(id)?.partnerCode === 'VTECH')).toBe(true);
  });

  it('reads quotes, query words and punctuation in the Find box as plain text', async () => {
    const finds = ['structure AND', 'flow OR art', '"structure', 'escher, NEAR(bach', 'GÖDEL bach'];
    const counts: number[] = [];
    for (const find of finds) {
      const list = await everyPage(ada, { activity: 'ALL', find }, 500);
      const expected = expectedList(
        tasks.records(),
        { activity: 'ALL', find },
        { operatorId: adaId, manager: true },
        TODAY,
      );
      expect(list.requestIds, find).toEqual(expected.requestIds);
      counts.push(list.requestIds.length);
    }
    // "AND" is the word "and" of "Structure and Flow", not an operator; "OR" finds no "or" there.
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(0);
    expect(counts[4]).toBeGreaterThan(0);
  });

  it('never shows a removed request, even found by its request ID', async () => {
    const removed = tasks.record((r) => r.removed);
    const found = await call(ada, 'lending.list', { activity: 'ALL', find: removed.requestId });
    expect(found.total).toBe(0);
    const everything = await everyPage(ada, { activity: 'ALL', find: removed.title }, 500);
    expect(everything.requestIds).not.toContain(removed.requestId);
  });

  it('refuses a status the desk does not know, naming it', async () => {
    const refused = await refusal(ada, 'lending.list', { status: ['SHIPED'] });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/^SHIPED is not a lending status; use one of CREATED, /);
  });
});

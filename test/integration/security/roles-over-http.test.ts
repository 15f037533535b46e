import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../../electron/server/http-server.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import type { DeskClient } from '../../../shared/api/client.ts';
import { accessOf, METHODS, type Input, type Method } from '../../../shared/api/contract.ts';
import { call, refusal } from '../../helpers/borrowing-desk.ts';
import { deskWindows, type DeskWindows } from '../../helpers/desk-windows.ts';
import { openTempDesk, serveTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

/*
 * Roles at the API, over real HTTP as a browser tab calls it (DESIGN.md §10: enforced by the
 * services, not only hidden in the UI). The in-process tests (lending-tasks/assignment.test.ts,
 * operators/access.test.ts) hold the rules' details; these check that a signed-in Operator's tab,
 * calling the server directly, is refused what only a Fulfillment Services Manager may do, gets a
 * 403, and changes nothing.
 */

const FIXTURE = join(import.meta.dirname, '../../fixtures/import/good.json');

let temp: TempDesk;
let server: DeskServer;
let windows: DeskWindows;

beforeEach(async () => {
  temp = await openTempDesk({ sendMessages: false });
  await importFile(temp.desk.context.gate, FIXTURE);
  server = await serveTempDesk(temp.desk);
  windows = deskWindows(server);
});
afterEach(async () => {
  await server.close();
  await temp.dispose();
});

interface Staff {
  grace: DeskClient;
  ada: DeskClient;
  ben: DeskClient;
  graceId: number;
  adaId: number;
  benId: number;
}

/**
 * Grace (Manager, PIN 2468) adds Ada and Ben (Operators); each signs in in a tab of their own. A
 * tab's session id must be 8 to 64 word characters, or the server puts it in a shared one.
 */
async function staffAtTheDesk(): Promise<Staff> {
  const grace = windows.window('grace-window');
  const graceId = (
    await call(grace, 'operators.save', { name: 'Grace Hopper', role: 'MANAGER', pin: '2468' })
  ).operator.id;
  const adaId = (await call(grace, 'operators.save', { name: 'Ada Lovelace', role: 'OPERATOR' }))
    .operator.id;
  const benId = (await call(grace, 'operators.save', { name: 'Ben Franklin', role: 'OPERATOR' }))
    .operator.id;
  const ada = windows.window('ada-window');
  const ben = windows.window('ben-window');
  await call(ada, 'session.signIn', { operatorId: adaId });
  await call(ben, 'session.signIn', { operatorId: benId });
  return { grace, ada, ben, graceId, adaId, benId };
}

/** A raw call from a tab, for the HTTP status a refusal comes with. */
async function post(
  sessionId: string,
  method: string,
  input: unknown,
): Promise<{ status: number; code: string | undefined }> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-RS-Desk-Token': server.token,
      'X-RS-Desk-Session': sessionId,
    },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; error?: { code: string } };
  return { status: response.status, code: body.error?.code };
}

function assignee(requestId: string): string | null {
  const row = temp.desk.context.db.sqlite
    .prepare(
      `SELECT o.name FROM lending_requests r LEFT JOIN operators o ON o.id = r.assigned_to
        WHERE r.request_id = ?`,
    )
    .get(requestId) as { name: string | null } | undefined;
  return row?.name ?? null;
}

/**
 * Every row of every table: equal before and after means the call changed nothing. The daily
 * jobs' journal (settings `job:…`) is left out: the desk's own jobs write it in the background.
 */
function snapshot(): string {
  const sqlite = temp.desk.context.db.sqlite;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).filter(
        (row) => !(name === 'settings' && String(row.key).startsWith('job:')),
      ),
    ]),
  );
}

describe("an Operator cannot reassign or release others' tasks over HTTP", () => {
  it("refuses Ben's Assign to me, Reassign and Release of Ada's task with 403, and keeps it Ada's", async () => {
    const { ada, ben, graceId } = await staffAtTheDesk();
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });
    const before = snapshot();

    expect(
      await refusal(ben, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' }),
    ).toEqual({
      code: 'FORBIDDEN',
      message:
        "L-2001 is assigned to Ada Lovelace; only a Fulfillment Services Manager can reassign other people's tasks.",
    });
    for (const assigneeChoice of [graceId, null] as const) {
      const reply = await post('ben-window', 'lending.assign', {
        requestIds: ['L-2001'],
        assignee: assigneeChoice,
      });
      expect(reply, `assignee ${String(assigneeChoice)}`).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(assignee('L-2001')).toBe('Ada Lovelace');
    expect(snapshot()).toBe(before);
  });

  it("refuses Ben's edit of Ada's task, and keeps the Assigned to Others tab a Manager's", async () => {
    const { ada, ben } = await staffAtTheDesk();
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });
    const before = snapshot();
    expect(
      await post('ben-window', 'lending.edit', { requestId: 'L-2001', title: 'Mine now' }),
    ).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect((await refusal(ben, 'lending.list', { tab: 'ASSIGNED_TO_OTHERS' })).message).toContain(
      'only a Fulfillment Services Manager sees',
    );
    expect(snapshot()).toBe(before);
  });

  it("lets the Manager reassign Ada's task to Ben", async () => {
    const { ada, grace, benId } = await staffAtTheDesk();
    await call(ada, 'lending.assign', { requestIds: ['L-2001'], assignee: 'ME' });
    const moved = await call(grace, 'lending.assign', { requestIds: ['L-2001'], assignee: benId });
    expect(moved.done).toBe(1);
    expect(assignee('L-2001')).toBe('Ben Franklin');
  });
});

describe('an Operator cannot remove requests over HTTP', () => {
  it('refuses Remove Requests with 403 and the request stays on the list', async () => {
    const { ben, grace } = await staffAtTheDesk();
    // L-2002 is closed first, as Remove Requests needs.
    await call(grace, 'lending.changeStatus', {
      selection: { requestIds: ['L-2002'] },
      status: 'Cancelled',
    });
    const before = snapshot();
    expect(await refusal(ben, 'lending.remove', { selection: { requestIds: ['L-2002'] } })).toEqual(
      {
        code: 'FORBIDDEN',
        message:
          'Removing requests needs a Fulfillment Services Manager; ask a manager to remove them, or to sign in at this desk.',
      },
    );
    expect(
      await post('ben-window', 'lending.remove', { selection: { requestIds: ['L-2002'] } }),
    ).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(snapshot()).toBe(before);

    const removed = await call(grace, 'lending.remove', { selection: { requestIds: ['L-2002'] } });
    expect(removed.done).toBe(1);
  });
});

/** A valid input for each Manager-only method: refused for the role, not for the input. */
const MANAGER_ONLY_INPUTS: { [M in Method]?: Input<M> } = {
  'settings.update': { key: 'deskName', value: 'Mallory’s desk' },
  'lending.remove': { selection: { requestIds: ['L-2002'] } },
  'lending.reactivate': { requestId: 'L-2002' },
  'operators.list': {},
  'operators.save': { name: 'Mallory', role: 'MANAGER' },
  'letters.save': {
    name: 'Lender Ship',
    template: { subject: 'Shipped', text: 'It is on its way.', html: '' },
  },
  'letters.reset': { name: 'Lender Ship' },
  'email.setPassword': { password: 'mallory' },
  'email.test': { to: 'mallory@example.edu' },
  'messages.withdraw': { id: 1 },
  'partners.config': {},
  'partners.save': {
    code: 'MALLORY',
    name: 'Mallory Library',
    protocol: 'email',
    email: 'ill@mallory.example.edu',
  },
  'profiles.save': { name: 'Mallory profile', type: 'LENDING', steps: [] },
  'config.export': { includeSecurityCodes: true },
  'rotas.save': { name: 'Mallory rota', partners: ['SUNYALB'] },
  'backup.status': {},
};

describe('every Manager-only method over HTTP', () => {
  it('has a test input here, so a new one is checked too', () => {
    const managerOnly = METHODS.filter((method) => accessOf(method) === 'manager').sort();
    expect(managerOnly).toEqual(Object.keys(MANAGER_ONLY_INPUTS).sort());
  });

  it('refuses an Operator with 403 FORBIDDEN and changes nothing', async () => {
    await staffAtTheDesk();
    const before = snapshot();
    const answers: Record<string, { status: number; code: string | undefined }> = {};
    for (const [method, input] of Object.entries(MANAGER_ONLY_INPUTS)) {
      answers[method] = await post('ben-window', method, input);
    }
    expect(answers).toEqual(
      Object.fromEntries(
        Object.keys(MANAGER_ONLY_INPUTS).map((m) => [m, { status: 403, code: 'FORBIDDEN' }]),
      ),
    );
    expect(snapshot()).toBe(before);
  });

  it('refuses a tab no one signed in at with 401, whatever it calls', async () => {
    await staffAtTheDesk();
    for (const [method, input] of Object.entries(MANAGER_ONLY_INPUTS)) {
      expect(await post('stranger-window', method, input), method).toEqual({
        status: 401,
        code: 'UNAUTHORIZED',
      });
    }
  });
});

describe('an Operator cannot make themself a Manager', () => {
  it('refuses a change of their own role, and signing in as the Manager without her PIN', async () => {
    const { benId, graceId } = await staffAtTheDesk();
    const before = snapshot();
    expect(
      await post('ben-window', 'operators.save', {
        id: benId,
        name: 'Ben Franklin',
        role: 'MANAGER',
      }),
    ).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await post('ben-window', 'session.signIn', { operatorId: graceId })).toEqual({
      status: 401,
      code: 'UNAUTHORIZED',
    });
    expect(
      await post('ben-window', 'session.signIn', { operatorId: graceId, pin: '1357' }),
    ).toEqual({
      status: 401,
      code: 'UNAUTHORIZED',
    });
    expect(snapshot()).toBe(before);
    // Ben's tab is still Ben's: an Operator's.
    expect(await post('ben-window', 'operators.list', {})).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
  });
});

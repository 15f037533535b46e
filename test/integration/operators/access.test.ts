import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../../electron/server/http-server.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import { needsManager } from '../../../electron/services/access-guard.ts';
import type { DeskClient } from '../../../shared/api/client.ts';
import { accessOf, METHODS } from '../../../shared/api/contract.ts';
import { call, refusal } from '../../helpers/borrowing-desk.ts';
import { deskWindows, type DeskWindows } from '../../helpers/desk-windows.ts';
import { openTempDesk, serveTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/import/good.json');

let temp: TempDesk;
let server: DeskServer;
let windows: DeskWindows;

beforeEach(async () => {
  temp = await openTempDesk();
  await importFile(temp.desk.context.gate, FIXTURE);
  server = await serveTempDesk(temp.desk);
  windows = deskWindows(server);
});
afterEach(async () => {
  await server.close();
  await temp.dispose();
});

/** Window "manager-window" adds Grace as the first manager (and is signed in as her). */
async function addManager(): Promise<{ manager: DeskClient; graceId: number }> {
  const manager = windows.window('manager-window');
  const saved = await call(manager, 'operators.save', { name: 'Grace Hopper', role: 'MANAGER' });
  return { manager, graceId: saved.operator.id };
}

/** Adds Ada as an Operator and signs window "operator-window" in as her. */
async function signInOperator(
  manager: DeskClient,
): Promise<{ operator: DeskClient; adaId: number }> {
  const saved = await call(manager, 'operators.save', { name: 'Ada Lovelace', role: 'OPERATOR' });
  const operator = windows.window('operator-window');
  await call(operator, 'session.signIn', { operatorId: saved.operator.id });
  return { operator, adaId: saved.operator.id };
}

function deskName(): string {
  const row = temp.desk.context.db.sqlite
    .prepare("SELECT value FROM settings WHERE key = 'deskName'")
    .get() as { value: string } | undefined;
  return row?.value ?? 'default';
}

describe('setup mode: a desk with no operators', () => {
  it('lets any window do everything without signing in', async () => {
    const window = windows.window('first-window');
    expect(await call(window, 'session.current', {})).toEqual({
      operator: null,
      setupMode: true,
      manager: true,
    });
    expect(await call(window, 'operators.list', {})).toEqual([]);
    expect(await call(window, 'scans.recent', { limit: 5 })).toEqual([]);
    const settings = await call(window, 'settings.update', { key: 'deskName', value: 'Front' });
    expect(settings.deskName).toBe('Front');
  });
});

describe('signing in once operators exist', () => {
  it('asks an unsigned window to sign in, while the desk info and the roster still answer', async () => {
    await addManager();
    const stranger = windows.window('stranger-window');

    const refused = await refusal(stranger, 'scans.recent', { limit: 5 });
    expect(refused).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Sign in first: choose who you are at the desk.',
    });
    expect((await refusal(stranger, 'borrowing.list', {})).code).toBe('UNAUTHORIZED');

    expect((await call(stranger, 'desk.info', {})).mode).toBe('browser');
    const roster = await call(stranger, 'operators.roster', {});
    expect(roster.setupMode).toBe(false);
    expect(roster.operators.map((o) => o.name)).toEqual(['Grace Hopper']);
    expect(await call(stranger, 'session.current', {})).toEqual({
      operator: null,
      setupMode: false,
      manager: false,
    });
  });

  it('keeps each window signed in as its own operator', async () => {
    const { manager } = await addManager();
    const { operator } = await signInOperator(manager);
    expect((await call(manager, 'session.current', {})).operator?.name).toBe('Grace Hopper');
    expect(await call(operator, 'session.current', {})).toMatchObject({
      operator: { name: 'Ada Lovelace', role: 'OPERATOR' },
      manager: false,
    });
  });

  it('answers a staff call once the window has signed in, and refuses it after signing out', async () => {
    const { manager } = await addManager();
    const { operator } = await signInOperator(manager);
    expect(await call(operator, 'scans.recent', { limit: 5 })).toEqual([]);
    await call(operator, 'session.signOut', {});
    expect((await refusal(operator, 'scans.recent', { limit: 5 })).code).toBe('UNAUTHORIZED');
    expect((await call(manager, 'session.current', {})).operator?.name).toBe('Grace Hopper');
  });
});

describe('what only a Fulfillment Services Manager may do', () => {
  it('refuses it to an Operator, says who can, and changes nothing', async () => {
    const { manager } = await addManager();
    const { operator } = await signInOperator(manager);
    const before = deskName();

    const attempts = [
      await refusal(operator, 'operators.save', { name: 'Mallory', role: 'MANAGER' }),
      await refusal(operator, 'operators.list', {}),
      await refusal(operator, 'settings.update', { key: 'deskName', value: 'Ada’s desk' }),
      await refusal(operator, 'lending.remove', { selection: { requestIds: ['L-2001'] } }),
      await refusal(operator, 'lending.reactivate', { requestId: 'L-2001' }),
    ];
    for (const refused of attempts) {
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toMatch(/ needs a Fulfillment Services Manager; ask a manager to /);
    }
    expect(attempts[2]?.message).toBe(
      "Changing the desk's settings needs a Fulfillment Services Manager; ask a manager to change it, or to sign in at this desk.",
    );
    expect(deskName()).toBe(before);
    const roster = await call(operator, 'operators.roster', {});
    expect(roster.operators.map((o) => o.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it("names every Manager-only method's task in staff's words, not the method's name", () => {
    const managerOnly = METHODS.filter((method) => accessOf(method) === 'manager');
    expect(managerOnly.length).toBeGreaterThanOrEqual(5);
    for (const method of managerOnly) expect(needsManager(method)).not.toContain(method);
  });

  it('lets a Manager do it', async () => {
    const { manager } = await addManager();
    const settings = await call(manager, 'settings.update', { key: 'deskName', value: 'Front' });
    expect(settings.deskName).toBe('Front');
    expect((await call(manager, 'operators.list', {})).map((o) => o.name)).toEqual([
      'Grace Hopper',
    ]);
  });

  it('lets an Operator turn the desk sounds off, a preference of whoever is at the desk', async () => {
    const { manager } = await addManager();
    const { operator } = await signInOperator(manager);
    const settings = await call(operator, 'settings.update', { key: 'soundsMuted', value: true });
    expect(settings.soundsMuted).toBe(true);
  });
});

describe('an operator a manager deactivates', () => {
  it('is signed out of their window at its next call', async () => {
    const { manager } = await addManager();
    const { operator, adaId } = await signInOperator(manager);
    await call(manager, 'operators.save', {
      id: adaId,
      name: 'Ada Lovelace',
      role: 'OPERATOR',
      active: false,
    });
    expect((await refusal(operator, 'scans.recent', { limit: 5 })).code).toBe('UNAUTHORIZED');
    expect((await call(operator, 'session.current', {})).operator).toBeNull();
    const roster = await call(operator, 'operators.roster', {});
    expect(roster.operators.map((o) => o.name)).toEqual(['Grace Hopper']);
  });
});

describe('who did it', () => {
  it("records the window's operator on its scans and desk actions", async () => {
    const { manager } = await addManager();
    const { operator, adaId } = await signInOperator(manager);

    await call(operator, 'scans.submit', {
      source: 'manual',
      raw: '00041771',
      screen: 'Receiving Items',
    });
    await call(operator, 'receiving.receive', { requestId: 'B-1003', tempBarcode: 'TEMP-0001' });

    const sqlite = temp.desk.context.db.sqlite;
    const scan = sqlite.prepare('SELECT operator_id FROM scans ORDER BY id DESC LIMIT 1').get();
    expect(scan).toEqual({ operator_id: adaId });
    const action = sqlite
      .prepare('SELECT operator_id FROM desk_actions ORDER BY id DESC LIMIT 1')
      .get();
    expect(action).toEqual({ operator_id: adaId });
    const detail = await call(manager, 'requests.detail', {
      kind: 'borrowing',
      requestId: 'B-1003',
    });
    expect(detail.history.at(-1)?.operator).toBe('Ada Lovelace');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../../electron/server/http-server.ts';
import type { DeskClient } from '../../../shared/api/client.ts';
import { call, refusal } from '../../helpers/borrowing-desk.ts';
import { deskWindows, type DeskWindows } from '../../helpers/desk-windows.ts';
import { openTempDesk, serveTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

let temp: TempDesk;
let server: DeskServer;
let windows: DeskWindows;
let manager: DeskClient;

beforeEach(async () => {
  temp = await openTempDesk();
  server = await serveTempDesk(temp.desk);
  windows = deskWindows(server);
  manager = windows.window('manager-window');
});
afterEach(async () => {
  await server.close();
  await temp.dispose();
});

function storedOperators(): { name: string; pin_hash: string | null }[] {
  return temp.desk.context.db.sqlite
    .prepare('SELECT name, pin_hash FROM operators ORDER BY id')
    .all() as { name: string; pin_hash: string | null }[];
}

describe('the first operator (setup mode)', () => {
  it('must be a Manager, and nothing is saved otherwise', async () => {
    const refused = await refusal(manager, 'operators.save', {
      name: 'Ada Lovelace',
      role: 'OPERATOR',
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toBe(
      'The desk has no operators yet, so the first one must be a Fulfillment Services Manager: someone has to manage the desk once setup mode ends. Choose Fulfillment Services Manager for Ada Lovelace.',
    );
    expect(refused.issues?.[0]?.path).toBe('role');
    expect(storedOperators()).toEqual([]);
    expect((await call(manager, 'operators.roster', {})).setupMode).toBe(true);
  });

  it('ends setup mode and signs the saving window in as them', async () => {
    const saved = await call(manager, 'operators.save', { name: 'Grace Hopper', role: 'MANAGER' });
    expect(saved.operator).toEqual({
      id: saved.operator.id,
      name: 'Grace Hopper',
      role: 'MANAGER',
      hasPin: false,
      active: true,
    });
    expect(saved.session).toEqual({ operator: saved.operator, setupMode: false, manager: true });
    expect(await call(manager, 'session.current', {})).toEqual(saved.session);
    // Another window is not signed in by it.
    const other = windows.window('other-window');
    expect((await call(other, 'session.current', {})).operator).toBeNull();
  });
});

describe('operators.save', () => {
  beforeEach(async () => {
    await call(manager, 'operators.save', { name: 'Grace Hopper', role: 'MANAGER' });
  });

  it('refuses a name already taken, whatever its case, and says which', async () => {
    await call(manager, 'operators.save', { name: 'Ada Lovelace', role: 'OPERATOR' });
    const refused = await refusal(manager, 'operators.save', {
      name: '  ada LOVELACE ',
      role: 'OPERATOR',
    });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      'There is already an operator named Ada Lovelace; give the new operator a different name (add an initial), or change Ada Lovelace instead.',
    );
    expect(refused.issues?.[0]?.path).toBe('name');
    expect(storedOperators().map((o) => o.name)).toEqual(['Grace Hopper', 'Ada Lovelace']);
  });

  it('keeps the last active Manager a Manager, and lets one go once another exists', async () => {
    const grace = (await call(manager, 'operators.list', {}))[0];
    if (!grace) throw new Error('Grace should be listed');

    const demoted = await refusal(manager, 'operators.save', {
      id: grace.id,
      name: grace.name,
      role: 'OPERATOR',
    });
    expect(demoted.code).toBe('CONFLICT');
    expect(demoted.message).toBe(
      'Grace Hopper is the last active Fulfillment Services Manager, so they cannot be made an Operator: without a manager nobody could manage operators or settings. Make someone else a manager first.',
    );
    const deactivated = await refusal(manager, 'operators.save', {
      id: grace.id,
      name: grace.name,
      role: 'MANAGER',
      active: false,
    });
    expect(deactivated.message).toContain('so they cannot be deactivated');
    expect((await call(manager, 'operators.list', {}))[0]).toMatchObject({
      role: 'MANAGER',
      active: true,
    });

    await call(manager, 'operators.save', { name: 'Katherine Johnson', role: 'MANAGER' });
    const now = await call(manager, 'operators.save', {
      id: grace.id,
      name: grace.name,
      role: 'OPERATOR',
    });
    expect(now.operator.role).toBe('OPERATOR');
    // Grace's own window has Operator rights from now on.
    expect(now.session).toMatchObject({ operator: { name: 'Grace Hopper' }, manager: false });
    expect((await refusal(manager, 'operators.list', {})).code).toBe('FORBIDDEN');
  });

  it('sets, keeps and removes a PIN', async () => {
    const added = await call(manager, 'operators.save', {
      name: 'Ada Lovelace',
      role: 'OPERATOR',
      pin: '2468',
    });
    expect(added.operator.hasPin).toBe(true);
    const id = added.operator.id;
    const window = windows.window('ada-window');

    const renamed = await call(manager, 'operators.save', {
      id,
      name: 'Ada King',
      role: 'OPERATOR',
    });
    expect(renamed.operator).toMatchObject({ name: 'Ada King', hasPin: true });
    expect((await refusal(window, 'session.signIn', { operatorId: id })).message).toBe(
      'Ada King has a PIN: type it to sign in.',
    );
    await call(window, 'session.signIn', { operatorId: id, pin: '2468' });

    const cleared = await call(manager, 'operators.save', {
      id,
      name: 'Ada King',
      role: 'OPERATOR',
      pin: null,
    });
    expect(cleared.operator.hasPin).toBe(false);
    await call(windows.window('next-window'), 'session.signIn', { operatorId: id });
  });

  it('refuses a PIN that is not 4 to 8 digits', async () => {
    const refused = await refusal(manager, 'operators.save', {
      name: 'Ada Lovelace',
      role: 'OPERATOR',
      pin: '12',
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('a PIN of 4 to 8 digits');
    expect(storedOperators().map((o) => o.name)).toEqual(['Grace Hopper']);
  });

  it('refuses to change an operator that does not exist', async () => {
    const refused = await refusal(manager, 'operators.save', {
      id: 999,
      name: 'Nobody',
      role: 'OPERATOR',
    });
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.message).toContain('no operator number 999');
  });

  it('stores a salted hash of the PIN and never sends it out', async () => {
    const ada = await call(manager, 'operators.save', {
      name: 'Ada Lovelace',
      role: 'OPERATOR',
      pin: '2468',
    });
    await call(manager, 'operators.save', { name: 'Alan Turing', role: 'OPERATOR', pin: '2468' });
    const window = windows.window('ada-window');
    await refusal(window, 'session.signIn', { operatorId: ada.operator.id, pin: '1111' });
    await call(window, 'session.signIn', { operatorId: ada.operator.id, pin: '2468' });
    await call(window, 'operators.roster', {});
    await call(window, 'session.current', {});
    await call(manager, 'operators.list', {});

    const hashes = storedOperators().flatMap((o) => (o.pin_hash === null ? [] : [o.pin_hash]));
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(hash).toMatch(/^scrypt\$/);
    // The same PIN, salted differently.
    expect(hashes[0]).not.toBe(hashes[1]);

    const everything = windows.bodies.join('\n');
    // Every answer of this test: three saves, a refused and a right sign-in, the roster, the
    // session and the list.
    expect(windows.bodies).toHaveLength(8);
    for (const hash of hashes) {
      expect(everything).not.toContain(hash);
      expect(everything).not.toContain(hash.split('$').at(-1));
    }
    expect(everything).not.toMatch(/scrypt|pinHash|pin_hash|2468/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../../electron/server/http-server.ts';
import type { DeskClient } from '../../../shared/api/client.ts';
import { call, refusal } from '../../helpers/borrowing-desk.ts';
import { deskWindows, type DeskWindows } from '../../helpers/desk-windows.ts';
import { openTempDesk, serveTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

let temp: TempDesk;
let server: DeskServer;
let windows: DeskWindows;
let clock: Date;
/** Grace (Manager, no PIN) and Ada (Operator, PIN 2468). */
let graceId: number;
let adaId: number;
let manager: DeskClient;

beforeEach(async () => {
  clock = new Date('2026-11-23T14:00:00Z');
  temp = await openTempDesk({ now: () => clock });
  server = await serveTempDesk(temp.desk);
  windows = deskWindows(server);
  manager = windows.window('manager-window');
  graceId = (await call(manager, 'operators.save', { name: 'Grace Hopper', role: 'MANAGER' }))
    .operator.id;
  adaId = (
    await call(manager, 'operators.save', { name: 'Ada Lovelace', role: 'OPERATOR', pin: '2468' })
  ).operator.id;
});
afterEach(async () => {
  await server.close();
  await temp.dispose();
});

const WRONG = 'That PIN is not right for Ada Lovelace; try again.';

async function signedIn(window: DeskClient): Promise<string | null> {
  return (await call(window, 'session.current', {})).operator?.name ?? null;
}

describe('session.signIn', () => {
  it('signs in an operator who has no PIN without asking for one', async () => {
    const window = windows.window('desk-window');
    const state = await call(window, 'session.signIn', { operatorId: graceId });
    expect(state).toMatchObject({ operator: { name: 'Grace Hopper' }, manager: true });
    expect(await signedIn(window)).toBe('Grace Hopper');
  });

  it('asks for the PIN of an operator who has one, and refuses a wrong one', async () => {
    const window = windows.window('desk-window');
    expect(await refusal(window, 'session.signIn', { operatorId: adaId })).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Ada Lovelace has a PIN: type it to sign in.',
    });
    expect(await refusal(window, 'session.signIn', { operatorId: adaId, pin: '1357' })).toEqual({
      code: 'UNAUTHORIZED',
      message: WRONG,
    });
    expect(await signedIn(window)).toBeNull();
    await call(window, 'session.signIn', { operatorId: adaId, pin: '2468' });
    expect(await signedIn(window)).toBe('Ada Lovelace');
  });

  it('locks an operator for a minute after five wrong PINs in a row, from every window', async () => {
    const window = windows.window('desk-window');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(
        (await refusal(window, 'session.signIn', { operatorId: adaId, pin: '0000' })).message,
      ).toBe(WRONG);
    }
    const fifth = await refusal(window, 'session.signIn', { operatorId: adaId, pin: '0000' });
    expect(fifth.code).toBe('UNAUTHORIZED');
    expect(fifth.message).toBe(
      'Five wrong PINs in a row for Ada Lovelace: signing in as Ada Lovelace is locked for a minute. Try again in 60 seconds, or ask a manager to set a new PIN in Settings → Operators.',
    );

    // The right PIN, even from another window, waits for the minute to pass.
    clock = new Date(clock.getTime() + 45_000);
    const other = windows.window('other-window');
    const locked = await refusal(other, 'session.signIn', { operatorId: adaId, pin: '2468' });
    expect(locked.message).toContain('Try again in 15 seconds');
    expect(await signedIn(other)).toBeNull();

    // Other operators are not locked.
    await call(other, 'session.signIn', { operatorId: graceId });

    clock = new Date(clock.getTime() + 16_000);
    await call(window, 'session.signIn', { operatorId: adaId, pin: '2468' });
    expect(await signedIn(window)).toBe('Ada Lovelace');
  });

  it('starts the count again after the right PIN', async () => {
    const window = windows.window('desk-window');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await refusal(window, 'session.signIn', { operatorId: adaId, pin: '0000' });
    }
    await call(window, 'session.signIn', { operatorId: adaId, pin: '2468' });
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(
        (await refusal(window, 'session.signIn', { operatorId: adaId, pin: '0000' })).message,
      ).toBe(WRONG);
    }
  });

  it('refuses an operator who does not exist or is no longer active, saying what to do', async () => {
    const window = windows.window('desk-window');
    expect(await refusal(window, 'session.signIn', { operatorId: 999 })).toEqual({
      code: 'NOT_FOUND',
      message:
        'The desk has no operator number 999; choose your name from the list, or ask a manager to add you in Settings → Operators.',
    });
    await call(manager, 'operators.save', {
      id: adaId,
      name: 'Ada Lovelace',
      role: 'OPERATOR',
      active: false,
    });
    const inactive = await refusal(window, 'session.signIn', { operatorId: adaId, pin: '2468' });
    expect(inactive.code).toBe('NOT_FOUND');
    expect(inactive.message).toBe(
      'Ada Lovelace is no longer an active operator at this desk; ask a manager to make you active again in Settings → Operators.',
    );
  });
});

describe('session.signOut', () => {
  it('signs only its own window out', async () => {
    const window = windows.window('desk-window');
    await call(window, 'session.signIn', { operatorId: adaId, pin: '2468' });
    expect(await call(window, 'session.signOut', {})).toEqual({
      operator: null,
      setupMode: false,
      manager: false,
    });
    expect(await signedIn(window)).toBeNull();
    expect(await signedIn(manager)).toBe('Grace Hopper');
  });
});

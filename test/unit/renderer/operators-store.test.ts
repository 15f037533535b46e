import { describe, expect, it } from 'vitest';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import {
  hasManagerRights,
  needsSignIn,
} from '../../../renderer/features/operators/operators-slice.ts';
import { operatorText } from '../../../renderer/features/status-bar/status-bar-selectors.ts';
import type { Operator, SessionState } from '../../../shared/api/contract-operators.ts';
import { FakeDeskClient } from './fake-desk-client.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const GRACE: Operator = {
  id: 1,
  name: 'Grace Hopper',
  role: 'MANAGER',
  hasPin: false,
  active: true,
};
const ADA: Operator = { id: 2, name: 'Ada Lovelace', role: 'OPERATOR', hasPin: true, active: true };
const SETUP: SessionState = { operator: null, setupMode: true, manager: true };
const NOBODY: SessionState = { operator: null, setupMode: false, manager: false };
const AS_ADA: SessionState = { operator: ADA, setupMode: false, manager: false };
const SIGN_IN_FIRST = 'Sign in first: choose who you are at the desk.';

/** A desk whose session the test sets, with Grace and Ada on the roster. */
function deskAt(initial: SessionState) {
  let session = initial;
  const client = new FakeDeskClient()
    .answer('session.current', () => ({ ok: true, value: session }))
    .answer('operators.roster', () => ({
      ok: true,
      value: { setupMode: session.setupMode, operators: [ADA, GRACE] },
    }))
    .answer('session.signIn', ({ operatorId, pin }) => {
      if (operatorId === ADA.id && pin !== '2468') {
        return {
          ok: false,
          error: {
            code: 'UNAUTHORIZED',
            message: 'That PIN is not right for Ada Lovelace; try again.',
          },
        };
      }
      session = AS_ADA;
      return { ok: true, value: session };
    })
    .answer('session.signOut', () => {
      session = NOBODY;
      return { ok: true, value: session };
    });
  const store = createDeskStore(client, { mode: 'browser' });
  return {
    client,
    store,
    setSession: (next: SessionState) => {
      session = next;
    },
  };
}

describe('signing in at a window', () => {
  it('shows the desk in setup mode, and the sign-in screen once operators exist', async () => {
    const setup = deskAt(SETUP);
    expect(needsSignIn(setup.store.getState())).toBe(false);
    await setup.store.getState().loadSession();
    expect(needsSignIn(setup.store.getState())).toBe(false);
    expect(hasManagerRights(setup.store.getState())).toBe(true);

    const { store } = deskAt(NOBODY);
    await store.getState().loadSession();
    expect(needsSignIn(store.getState())).toBe(true);
    await store.getState().loadRoster();
    expect(store.getState().operators.roster).toEqual([ADA, GRACE]);
  });

  it('keeps the desk’s refusal of a wrong PIN on the sign-in screen, then signs in', async () => {
    const { store } = deskAt(NOBODY);
    await store.getState().loadSession();
    expect(await store.getState().signIn(ADA.id, '1111')).toBe(false);
    expect(store.getState().operators.notice).toBe(
      'That PIN is not right for Ada Lovelace; try again.',
    );
    expect(needsSignIn(store.getState())).toBe(true);

    expect(await store.getState().signIn(ADA.id, '2468')).toBe(true);
    expect(store.getState().operators.session).toEqual(AS_ADA);
    expect(store.getState().operators.notice).toBeNull();
    expect(needsSignIn(store.getState())).toBe(false);
    expect(hasManagerRights(store.getState())).toBe(false);
  });

  it('goes back to the sign-in screen when any desk call says to sign in first', async () => {
    const { client, store, setSession } = deskAt(AS_ADA);
    await store.getState().loadSession();
    client.answer('partners.list', () => ({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: SIGN_IN_FIRST },
    }));
    // A manager deactivated Ada meanwhile.
    setSession(NOBODY);
    await store.getState().loadPartners();
    await settle();
    expect(needsSignIn(store.getState())).toBe(true);
    expect(store.getState().operators.notice).toBe(SIGN_IN_FIRST);
    // It asked the desk again who this window is.
    expect(client.callsOf('session.current')).toHaveLength(2);
  });

  it('does not take a refused open call for a lost session', async () => {
    const { client, store } = deskAt(AS_ADA);
    await store.getState().loadSession();
    client.answer('desk.info', () => ({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'This desk link has no valid token.' },
    }));
    await store.getState().loadDeskInfo();
    await settle();
    expect(store.getState().operators.session).toEqual(AS_ADA);
  });

  it('signs out to the sign-in screen', async () => {
    const { client, store } = deskAt(AS_ADA);
    await store.getState().loadSession();
    await store.getState().signOut();
    expect(needsSignIn(store.getState())).toBe(true);
    expect(client.callsOf('session.signOut')).toHaveLength(1);
  });

  it('leaves the sign-in screen when the roster shows the desk is back in setup mode', async () => {
    const { client, store } = deskAt(NOBODY);
    await store.getState().loadSession();
    client.answer('operators.roster', () => ({
      ok: true,
      value: { setupMode: true, operators: [] },
    }));
    await store.getState().loadRoster();
    expect(needsSignIn(store.getState())).toBe(false);
    expect(hasManagerRights(store.getState())).toBe(true);
  });

  it('follows the session the desk answers after saving the first manager', async () => {
    const { client, store } = deskAt(SETUP);
    await store.getState().loadSession();
    const asGrace: SessionState = { operator: GRACE, setupMode: false, manager: true };
    client
      .answer('operators.save', () => ({ ok: true, value: { operator: GRACE, session: asGrace } }))
      .answer('operators.list', () => ({ ok: true, value: [GRACE] }));
    const saved = await store.getState().saveOperator({ name: 'Grace Hopper', role: 'MANAGER' });
    expect(saved.ok).toBe(true);
    expect(store.getState().operators.session).toEqual(asGrace);
    expect(store.getState().operators.all).toEqual([GRACE]);
  });
});

describe('the status bar’s operator', () => {
  it('names who is signed in, or says the desk is in setup mode', () => {
    expect(operatorText(AS_ADA)).toBe('Ada Lovelace (Operator)');
    expect(operatorText({ operator: GRACE, setupMode: false, manager: true })).toBe(
      'Grace Hopper (Manager)',
    );
    expect(operatorText(SETUP)).toBe('Setup mode (no operators yet)');
    expect(operatorText(NOBODY)).toBe('No operator signed in');
  });
});

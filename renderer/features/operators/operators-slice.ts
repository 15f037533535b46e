import type { DeskClient } from '../../../shared/api/client.ts';
import type { Operator, SessionState } from '../../../shared/api/contract-operators.ts';
import type { Input, Output } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

/**
 * Who is at this window: the session as the desk sees it, the roster to sign in from, and the
 * Settings → Operators list. The desk enforces the roles; this slice only follows what it says.
 */
export interface OperatorsSlice {
  operators: {
    /** Who this window is signed in as; null until the desk has answered. */
    readonly session: SessionState | null;
    /** Why the session could not be read (the desk not answering); the desk is shown anyway. */
    readonly sessionError: string | null;
    /** The active operators on the sign-in screen; null until loaded. */
    readonly roster: readonly Operator[] | null;
    /** What the sign-in screen says: a refused sign-in, or why this window was signed out. */
    readonly notice: string | null;
    readonly signingIn: boolean;
    /** Every operator, inactive ones too (Settings → Operators); null until loaded. */
    readonly all: readonly Operator[] | null;
    readonly listError: string | null;
  };
  loadSession: () => Promise<void>;
  /** The sign-in screen's list, read each time it opens. */
  loadRoster: () => Promise<void>;
  /** Signs this window in; false when the desk refused (the notice says why). */
  signIn: (operatorId: number, pin?: string) => Promise<boolean>;
  signOut: () => Promise<void>;
  /** Staff chose someone else: an earlier refusal no longer applies. */
  clearSignInNotice: () => void;
  /** A call was refused because nobody is signed in here any more: back to the sign-in screen. */
  sessionLost: (message: string) => void;
  loadOperators: () => Promise<void>;
  /** Adds or changes an operator; a refusal comes back with its field issues for the form. */
  saveOperator: (input: Input<'operators.save'>) => Promise<Result<Output<'operators.save'>>>;
}

type OperatorsState = OperatorsSlice['operators'];

/** The sign-in screen shows instead of the desk: operators exist and nobody is signed in here. */
export function needsSignIn(state: { operators: Pick<OperatorsState, 'session'> }): boolean {
  const session = state.operators.session;
  return session !== null && !session.setupMode && session.operator === null;
}

/** Manager rights here: a signed-in Manager, or anyone in setup mode. */
export function hasManagerRights(state: { operators: Pick<OperatorsState, 'session'> }): boolean {
  return state.operators.session?.manager ?? false;
}

const SIGNED_OUT: SessionState = { operator: null, setupMode: false, manager: false };
const SETUP_MODE: SessionState = { operator: null, setupMode: true, manager: true };

export function createOperatorsSlice(client: DeskClient): DeskSlice<OperatorsSlice> {
  return (set, get) => {
    const patch = (changes: Partial<OperatorsState>) =>
      set((state) => ({ operators: { ...state.operators, ...changes } }));

    return {
      operators: {
        session: null,
        sessionError: null,
        roster: null,
        notice: null,
        signingIn: false,
        all: null,
        listError: null,
      },

      async loadSession() {
        const result = await client.call('session.current', {});
        if (result.ok) patch({ session: result.value, sessionError: null });
        else patch({ sessionError: result.error.message });
      },

      async loadRoster() {
        const result = await client.call('operators.roster', {});
        if (!result.ok) {
          patch({ notice: result.error.message });
          return;
        }
        patch({ roster: result.value.operators });
        // Nobody left to choose (the operators were removed from the database): setup mode again.
        if (result.value.setupMode && needsSignIn(get())) patch({ session: SETUP_MODE });
      },

      async signIn(operatorId, pin) {
        patch({ signingIn: true });
        const result = await client.call(
          'session.signIn',
          pin === undefined ? { operatorId } : { operatorId, pin },
        );
        if (!result.ok) {
          patch({ signingIn: false, notice: result.error.message });
          return false;
        }
        patch({ signingIn: false, notice: null, session: result.value, all: null });
        return true;
      },

      async signOut() {
        const result = await client.call('session.signOut', {});
        patch({ session: result.ok ? result.value : SIGNED_OUT, notice: null, all: null });
      },

      clearSignInNotice() {
        patch({ notice: null });
      },

      sessionLost(message) {
        if (needsSignIn(get())) return;
        patch({ session: SIGNED_OUT, notice: message, all: null });
        // Read again: another window may have added the first manager, or deactivated this one.
        void get().loadSession();
      },

      async loadOperators() {
        const result = await client.call('operators.list', {});
        if (result.ok) patch({ all: result.value, listError: null });
        else patch({ listError: result.error.message });
      },

      async saveOperator(input) {
        const result = await client.call('operators.save', input);
        if (result.ok) {
          patch({ session: result.value.session });
          if (result.value.session.manager) await get().loadOperators();
        }
        return result;
      },
    };
  };
}

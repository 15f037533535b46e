/**
 * Wrong PINs in a row, per operator, kept in memory by the desk process: after `attempts` of them
 * that operator cannot sign in for `lockMs`, whichever window tries. A right PIN clears the count.
 * A restart clears it too; a 4-digit PIN at five guesses a minute still takes days to find.
 */
export interface SignInLockout {
  /** When the operator may try again, while they are locked out; otherwise null. */
  lockedUntil(operatorId: number): Date | null;
  /** Counts a wrong PIN; answers the time the lock ends when this one locks the operator. */
  wrongPin(operatorId: number): Date | null;
  rightPin(operatorId: number): void;
}

export interface LockoutRules {
  readonly attempts: number;
  readonly lockMs: number;
}

export const SIGN_IN_LOCKOUT: LockoutRules = { attempts: 5, lockMs: 60_000 };

export function createSignInLockout(
  now: () => Date,
  rules: LockoutRules = SIGN_IN_LOCKOUT,
): SignInLockout {
  const state = new Map<number, { wrong: number; until: number | null }>();

  function lockedUntil(operatorId: number): Date | null {
    const entry = state.get(operatorId);
    if (entry?.until == null) return null;
    if (entry.until > now().getTime()) return new Date(entry.until);
    // The minute is over: a fresh start of five tries.
    state.delete(operatorId);
    return null;
  }

  return {
    lockedUntil,
    wrongPin(operatorId) {
      const locked = lockedUntil(operatorId);
      if (locked) return locked;
      const wrong = (state.get(operatorId)?.wrong ?? 0) + 1;
      const until = wrong >= rules.attempts ? now().getTime() + rules.lockMs : null;
      state.set(operatorId, { wrong, until });
      return until === null ? null : new Date(until);
    },
    rightPin(operatorId) {
      state.delete(operatorId);
    },
  };
}

import type { Orm } from '../../db/database.ts';
import {
  getOperator,
  listOperators,
  type OperatorRow,
} from '../../db/repositories/operators-repository.ts';
import type { Operator, SessionState } from '../../shared/api/contract-operators.ts';
import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import type { DeskContext } from './desk-context.ts';
import { pinMatches } from './operator-pin.ts';
import { saveOperator } from './operator-save.ts';
import { viewerOf } from './session-viewer.ts';
import { createSignInLockout } from './sign-in-lockout.ts';

/**
 * Who is at the desk (issue "5 · Lending desk", part 1): the sign-in roster, signing a window in
 * and out, and Settings → Operators. A window's operator lives on its Session, so each window (and
 * each browser tab) signs in on its own.
 */

/** The API's face of an operator: whether a PIN is set, never its hash. */
export function toOperator(row: OperatorRow): Operator {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    hasPin: row.pinHash !== null,
    active: row.active,
  };
}

/** Who `session` is signed in as, read fresh: a deactivated operator is nobody any more. */
export async function sessionStateOf(db: Orm, session: Session): Promise<SessionState> {
  const viewer = await viewerOf(db, session);
  const row = viewer.operatorId === null ? undefined : await getOperator(db, viewer.operatorId);
  return {
    operator: row ? toOperator(row) : null,
    setupMode: viewer.setupMode,
    manager: viewer.manager,
  };
}

export interface OperatorsService {
  roster(): Promise<Output<'operators.roster'>>;
  current(session: Session): Promise<SessionState>;
  signIn(input: ParsedInput<'session.signIn'>, session: Session): Promise<SessionState>;
  signOut(session: Session): Promise<SessionState>;
  list(): Promise<Operator[]>;
  save(input: ParsedInput<'operators.save'>, session: Session): Promise<Output<'operators.save'>>;
}

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** The six operator methods, sharing this desk's count of wrong PINs. */
export function createOperatorsService(ctx: DeskContext): OperatorsService {
  const lockout = createSignInLockout(ctx.now);

  function lockedOut(name: string, until: Date): DeskError {
    return new DeskError(
      'UNAUTHORIZED',
      `Five wrong PINs in a row for ${name}: signing in as ${name} is locked for a minute. Try again in ${secondsUntil(until, ctx.now())} seconds, or ask a manager to set a new PIN in Settings → Operators.`,
    );
  }

  /** Refuses a wrong or missing PIN, counting it towards the lockout. */
  async function checkPin(row: OperatorRow, pin: string | undefined): Promise<void> {
    if (row.pinHash === null) return;
    const locked = lockout.lockedUntil(row.id);
    if (locked) throw lockedOut(row.name, locked);
    if (pin === undefined || pin === '') {
      throw new DeskError('UNAUTHORIZED', `${row.name} has a PIN: type it to sign in.`);
    }
    if (await pinMatches(pin, row.pinHash)) {
      lockout.rightPin(row.id);
      return;
    }
    const lockedNow = lockout.wrongPin(row.id);
    if (lockedNow) throw lockedOut(row.name, lockedNow);
    throw new DeskError('UNAUTHORIZED', `That PIN is not right for ${row.name}; try again.`);
  }

  return {
    roster: () =>
      ctx.gate.read(async (db) => {
        const active = await listOperators(db, 'active');
        return { setupMode: active.length === 0, operators: active.map(toOperator) };
      }),

    current: (session) => ctx.gate.read((db) => sessionStateOf(db, session)),

    async signIn({ operatorId, pin }, session) {
      const row = await ctx.gate.read((db) => getOperator(db, operatorId));
      if (!row) {
        throw new DeskError(
          'NOT_FOUND',
          `The desk has no operator number ${operatorId}; choose your name from the list, or ask a manager to add you in Settings → Operators.`,
        );
      }
      if (!row.active) {
        throw new DeskError(
          'NOT_FOUND',
          `${row.name} is no longer an active operator at this desk; ask a manager to make you active again in Settings → Operators.`,
        );
      }
      await checkPin(row, pin);
      session.operatorId = row.id;
      return ctx.gate.read((db) => sessionStateOf(db, session));
    },

    async signOut(session) {
      session.operatorId = null;
      return ctx.gate.read((db) => sessionStateOf(db, session));
    },

    list: () => ctx.gate.read(async (db) => (await listOperators(db, 'all')).map(toOperator)),

    async save(input, session) {
      const { row, endsSetupMode } = await saveOperator(ctx, input);
      // Whoever ends setup mode is the first manager, and stays at the desk as them.
      if (endsSetupMode) session.operatorId = row.id;
      return {
        operator: toOperator(row),
        session: await ctx.gate.read((db) => sessionStateOf(db, session)),
      };
    },
  };
}

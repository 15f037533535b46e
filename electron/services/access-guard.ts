import { ROLE_LABELS } from '../../shared/api/contract-operators.ts';
import {
  accessOf,
  METHODS,
  type Access,
  type Method,
  type ParsedInput,
} from '../../shared/api/contract.ts';
import type { Handler, Handlers, Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import type { DeskContext } from './desk-context.ts';
import { viewerOf } from './session-viewer.ts';

/**
 * Roles enforced where every call passes: both transports (IPC and HTTP) and in-process clients
 * run the handlers createHandlers builds, and it wraps each one here. A method's `access` in the
 * contract says who may call it; while the desk has no operators (setup mode) everyone may.
 */

export const SIGN_IN_FIRST = 'Sign in first: choose who you are at the desk.';

/** What a Manager-only method does, and what to ask a manager for, in staff's words. */
const MANAGER_TASKS: Partial<Record<Method, { readonly what: string; readonly ask: string }>> = {
  'operators.list': { what: 'The list of operators', ask: 'open Settings → Operators' },
  'operators.save': { what: 'Adding or changing operators', ask: 'do it in Settings → Operators' },
  'settings.update': { what: "Changing the desk's settings", ask: 'change it' },
  'lending.remove': { what: 'Removing requests', ask: 'remove them' },
  'lending.reactivate': { what: 'Reactivating a request', ask: 'reactivate it' },
  'letters.save': { what: 'Changing a letter', ask: 'change it in Settings → Letters and email' },
  'letters.reset': { what: 'Resetting a letter', ask: 'reset it' },
  'email.setPassword': { what: 'Setting the SMTP password', ask: 'set it' },
  'email.test': { what: 'Sending a test message', ask: 'send it' },
  'messages.withdraw': { what: 'Withdrawing a partner message', ask: 'withdraw it' },
  'partners.config': { what: "The partners' settings", ask: 'open Settings → Partners' },
  'partners.save': { what: 'Adding or changing partners', ask: 'do it in Settings → Partners' },
  'profiles.save': {
    what: 'Adding or changing workflow profiles',
    ask: 'do it in Settings → Workflow profiles',
  },
  'config.export': { what: "Exporting the desk's configuration", ask: 'export it' },
  'rotas.save': { what: 'Adding or changing rotas', ask: 'do it in Settings → Rotas' },
  'backup.status': { what: 'The backups of the desk', ask: 'open Settings → Backup' },
};

/**
 * Settings an Operator may change for the desk they work at: the sounds toggle on every scan screen
 * is a preference of the person at the desk, not the desk's configuration.
 */
const STAFF_SETTINGS: readonly string[] = ['soundsMuted'];

/** The access a call needs: its method's, except the few settings staff may change themselves. */
function accessFor<M extends Method>(method: M, input: ParsedInput<M>): Access {
  if (method === 'settings.update') {
    const { key } = input as ParsedInput<'settings.update'>;
    if (STAFF_SETTINGS.includes(key)) return 'staff';
  }
  return accessOf(method);
}

export function needsManager(method: Method): string {
  const task = MANAGER_TASKS[method] ?? { what: method, ask: 'do it' };
  return `${task.what} needs a ${ROLE_LABELS.MANAGER}; ask a manager to ${task.ask}, or to sign in at this desk.`;
}

function guard<M extends Method>(ctx: DeskContext, method: M, handler: Handler<M>): Handler<M> {
  if (accessOf(method) === 'open') return handler;
  return async (input: ParsedInput<M>, session: Session) => {
    const viewer = await ctx.gate.read((db) => viewerOf(db, session));
    // A window whose operator was deactivated meanwhile is signed out, not left half in.
    if (viewer.operatorId === null) session.operatorId = null;
    if (!viewer.setupMode) {
      if (viewer.operatorId === null) throw new DeskError('UNAUTHORIZED', SIGN_IN_FIRST);
      if (accessFor(method, input) === 'manager' && !viewer.manager) {
        throw new DeskError('FORBIDDEN', needsManager(method));
      }
    }
    return handler(input, session);
  };
}

/**
 * Every method of the contract behind its access check: the contract, not the handler map, says
 * what is guarded, so a method is refused to the wrong person even before its use case is bound.
 */
export function guardHandlers(ctx: DeskContext, handlers: Handlers): Handlers {
  const guarded: Partial<Record<Method, Handler<Method>>> = {};
  for (const method of METHODS) {
    guarded[method] = guard(ctx, method, handlers[method] as Handler<Method>);
  }
  return guarded as Handlers;
}

import type { Result } from '../../../shared/api/result.ts';
import { actionErrorOf, type ActionError } from './lending-action-forms.ts';

/**
 * What every row action's answer has in common: the desk's words for what it did, and for the
 * bulk methods used on one request (assign, remove) how many it changed and why it left any.
 */
export interface ActionAnswer {
  readonly message: string;
  readonly done?: number;
  readonly skipped?: readonly { readonly requestId: string; readonly reason: string }[];
}

export type ActionOutcome =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly error: ActionError };

/**
 * Done, or why not. A bulk method that skipped the one request it was given did nothing: that is
 * a refusal staff must see, with the reason the desk gave, not a success to announce.
 */
export function outcomeOf(result: Result<ActionAnswer>): ActionOutcome {
  if (!result.ok) return { ok: false, error: actionErrorOf(result.error) };
  const { message, done, skipped = [] } = result.value;
  if (done === 0 && skipped.length > 0) {
    const reasons = skipped.map((s) => s.reason).filter((reason) => !message.includes(reason));
    return { ok: false, error: { message: [message, ...reasons].join(' '), fields: {} } };
  }
  return { ok: true, message };
}

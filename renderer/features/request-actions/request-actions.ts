import { actionLabel, availableActions } from '../../../shared/domain/transitions.ts';
import { DEFAULT_BORROWING_PROFILE } from '../../../shared/domain/workflow-profiles.ts';
import type { ListKind } from '../request-lists/list-query.ts';

/**
 * The actions a request's row and detail view offer, so a borrowed item can go round the whole
 * cycle from the desk: received → loaned → returned by patron → (Return Items) back to partner.
 */
const ROW_ACTIONS: Readonly<Record<ListKind, readonly string[]>> = {
  borrowing: ['LOAN_TO_PATRON', 'RETURNED_BY_PATRON'],
  lending: [],
};

export interface RowAction {
  readonly action: string;
  readonly label: string;
}

/**
 * The row actions a request in `status` offers. Shown by the default profile; the desk decides
 * with the partner's own profile when the action is asked for.
 */
export function rowActions(kind: ListKind, status: string): RowAction[] {
  if (kind !== 'borrowing') return [];
  const available = availableActions(kind, status, DEFAULT_BORROWING_PROFILE);
  return ROW_ACTIONS[kind]
    .filter((action) => available.includes(action))
    .map((action) => ({ action, label: actionLabel(kind, action) }));
}

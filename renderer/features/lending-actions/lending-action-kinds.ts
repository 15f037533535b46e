import type { LendingTaskRow } from '../../../shared/api/contract-lending-tasks.ts';
import type { LendingRowAction } from '../../../shared/domain/lending-tasks.ts';

/**
 * How each row action of the Lending Requests task list is carried out: at once from the menu, or
 * through a dialog that asks for what the action needs (the seed's pop-ups: Reassign's Assign To,
 * Conditional's reason and date for reply, Reject's reason and notes, Renew's due date).
 */

/** Done as soon as it is chosen: nothing more to ask (Ship item opens Shipping Items instead). */
const IMMEDIATE = [
  'ASSIGN_TO_ME',
  'RELEASE',
  'WILL_SUPPLY',
  'SHIP',
  'CHECKED_IN',
  'DUPLICATE',
] as const;
export type ImmediateAction = (typeof IMMEDIATE)[number];
export type DialogAction = Exclude<LendingRowAction, ImmediateAction>;

export function isImmediate(action: LendingRowAction): action is ImmediateAction {
  return (IMMEDIATE as readonly string[]).includes(action);
}

/** What a dialog reads from the desk before staff can use it. */
export type DialogNeeds = 'detail' | 'task' | 'roster' | null;

const NEEDS: Readonly<Record<DialogAction, DialogNeeds>> = {
  // ISBN and note are not in the row.
  EDIT: 'detail',
  REASSIGN: 'roster',
  CONDITIONAL: null,
  REJECT: null,
  RENEW: null,
  SHIP_NON_RETURNABLE: null,
  // The candidates Locate kept.
  LOCATE: 'task',
  MORE_DETAILS: 'task',
  REMOVE: null,
  REACTIVATE: null,
};

export function dialogNeeds(action: DialogAction): DialogNeeds {
  return NEEDS[action];
}

/**
 * The request an action is taken on, as the row shows it; the detail view builds the same from
 * the request it shows, so both offer one menu.
 */
export type LendingActionTarget = Pick<
  LendingTaskRow,
  | 'requestId'
  | 'title'
  | 'author'
  | 'partnerName'
  | 'statusLabel'
  | 'itemBarcode'
  | 'dueDate'
  | 'requestedFormat'
  | 'levelOfService'
  | 'neededBy'
  | 'actions'
>;

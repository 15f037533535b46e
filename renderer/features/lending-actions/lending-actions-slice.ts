import type { DeskClient } from '../../../shared/api/client.ts';
import type { LendingTaskDetail, LocatedItem } from '../../../shared/api/contract-lending-tasks.ts';
import type { Operator } from '../../../shared/api/contract-operators.ts';
import type { Input, RequestDetail } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { LendingRowAction } from '../../../shared/domain/lending-tasks.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { actionErrorOf, type ActionError, type FormCheck } from './lending-action-forms.ts';
import {
  dialogNeeds,
  isImmediate,
  type DialogAction,
  type ImmediateAction,
  type LendingActionTarget,
} from './lending-action-kinds.ts';
import { outcomeOf, type ActionAnswer } from './lending-action-outcome.ts';

/** The row action dialog on show, for one request. */
export interface LendingActionDialog {
  readonly action: DialogAction;
  readonly target: LendingActionTarget;
  /** What the dialog reads first (dialogNeeds): true until it has arrived or failed. */
  readonly loading: boolean;
  /** Edit: the request's ISBN and note, which the row does not carry. */
  readonly detail: RequestDetail | null;
  /** More details and Locate: assignment, reasons, alerts, the candidates Locate kept. */
  readonly task: LendingTaskDetail | null;
  /** Reassign: the operators who can take the task. */
  readonly operators: readonly Operator[] | null;
  /** Locate: the items to choose from, as the last search left them. */
  readonly candidates: readonly LocatedItem[];
  readonly saving: boolean;
  readonly error: ActionError | null;
  /** Said in the dialog while it stays open (Locate searched again and still needs a choice). */
  readonly notice: string | null;
}

/** The row action methods whose answer is the desk's words for what it did. */
export type LendingActionMethod =
  | 'lending.assign'
  | 'lending.edit'
  | 'lending.conditional'
  | 'lending.reject'
  | 'lending.renew'
  | 'lending.remove'
  | 'lending.reactivate'
  | 'shipping.ship';

export interface LendingActionsSlice {
  lendingActions: {
    readonly dialog: LendingActionDialog | null;
    /** An action done straight from the menu, on its way (its menu button says so). */
    readonly running: { readonly requestId: string; readonly action: LendingRowAction } | null;
    /** Why an action done straight from the menu was refused, shown in its request's row. */
    readonly refused: { readonly requestId: string; readonly message: string } | null;
    /** The row actions of the lending request open in the detail view. */
    readonly detailTask: LendingTaskDetail | null;
  };
  /** A row action chosen from the menu: done at once when it needs nothing more, else its dialog. */
  chooseLendingAction: (target: LendingActionTarget, action: LendingRowAction) => Promise<void>;
  /** The open dialog's action; the dialog closes when the desk has done it. */
  submitLendingAction: <M extends LendingActionMethod>(method: M, input: Input<M>) => Promise<void>;
  /**
   * The open dialog's form as checked here (lending-action-forms.ts): done when it passed, else
   * what is wrong (a required field left empty) is shown in the dialog without asking the desk.
   */
  submitLendingForm: <M extends LendingActionMethod>(
    method: M,
    checked: FormCheck<Input<M>>,
  ) => Promise<void>;
  /** Locate: search again (no barcode), or take the item with this barcode. */
  locateLending: (itemBarcode?: string) => Promise<void>;
  closeLendingAction: () => void;
  /** Ship item from the list: Shipping Items, with the request already looked up as if scanned. */
  shipFromList: (requestId: string) => Promise<void>;
  /** The row actions for the lending request in the detail view. */
  loadDetailTask: (requestId: string) => Promise<void>;
}

const IDLE = { dialog: null, running: null, refused: null, detailTask: null } as const;

export function createLendingActionsSlice(client: DeskClient): DeskSlice<LendingActionsSlice> {
  return (set, get) => {
    type State = LendingActionsSlice['lendingActions'];
    const patch = (part: Partial<State>) =>
      set((state) => ({ lendingActions: { ...state.lendingActions, ...part } }));
    /** Changes the dialog only while it is still the one for `requestId` and `action`. */
    const patchDialog = (
      requestId: string,
      action: DialogAction,
      part: Partial<LendingActionDialog>,
    ) =>
      set((state) => {
        const dialog = state.lendingActions.dialog;
        if (dialog?.target.requestId !== requestId || dialog.action !== action) return state;
        return { lendingActions: { ...state.lendingActions, dialog: { ...dialog, ...part } } };
      });

    /**
     * After the desk did an action: the list on show and the detail view are read again first,
     * so the dialog closes on the request as it now stands, and the outcome is heard last.
     */
    async function done(requestId: string, message: string): Promise<void> {
      await get().deskActionDone(requestId);
      patch({ dialog: null, running: null, refused: null });
      get().announce(message);
    }

    function callNow(action: ImmediateAction, requestId: string): Promise<Result<ActionAnswer>> {
      switch (action) {
        case 'ASSIGN_TO_ME':
          return client.call('lending.assign', { requestIds: [requestId], assignee: 'ME' });
        case 'RELEASE':
          return client.call('lending.assign', { requestIds: [requestId], assignee: null });
        case 'WILL_SUPPLY':
          return client.call('requests.act', { kind: 'lending', requestId, action: 'WILL_SUPPLY' });
        case 'CHECKED_IN':
          return client.call('lending.checkIn', { requestId });
        case 'DUPLICATE':
          return client.call('lending.duplicate', { requestId });
        case 'SHIP':
          throw new Error('Ship item opens Shipping Items; it is not a call.');
      }
    }

    async function runNow(target: LendingActionTarget, action: ImmediateAction): Promise<void> {
      if (get().lendingActions.running) return;
      const { requestId } = target;
      patch({ running: { requestId, action }, refused: null });
      const outcome = outcomeOf(await callNow(action, requestId));
      if (!outcome.ok) {
        patch({ running: null, refused: { requestId, message: outcome.error.message } });
        return;
      }
      await done(requestId, outcome.message);
    }

    async function load(dialog: LendingActionDialog): Promise<void> {
      const { action, target } = dialog;
      const { requestId } = target;
      const needs = dialogNeeds(action);
      const failed = (message: string) =>
        patchDialog(requestId, action, { loading: false, error: { message, fields: {} } });
      if (needs === 'detail') {
        const result = await client.call('requests.detail', { kind: 'lending', requestId });
        if (result.ok) patchDialog(requestId, action, { loading: false, detail: result.value });
        else failed(result.error.message);
      } else if (needs === 'task') {
        const result = await client.call('lending.taskDetail', { requestId });
        if (result.ok) {
          patchDialog(requestId, action, {
            loading: false,
            task: result.value,
            candidates: result.value.candidates,
          });
        } else failed(result.error.message);
      } else if (needs === 'roster') {
        const result = await client.call('operators.roster', {});
        if (result.ok) {
          patchDialog(requestId, action, { loading: false, operators: result.value.operators });
        } else failed(result.error.message);
      }
    }

    return {
      lendingActions: IDLE,

      async chooseLendingAction(target, action) {
        if (action === 'SHIP') return get().shipFromList(target.requestId);
        if (isImmediate(action)) return runNow(target, action);
        const dialog: LendingActionDialog = {
          action,
          target,
          loading: dialogNeeds(action) !== null,
          detail: null,
          task: null,
          operators: null,
          candidates: [],
          saving: false,
          error: null,
          notice: null,
        };
        patch({ dialog, refused: null });
        await load(dialog);
      },

      async submitLendingAction(method, input) {
        const dialog = get().lendingActions.dialog;
        if (!dialog || dialog.saving) return;
        const { action, target } = dialog;
        patchDialog(target.requestId, action, { saving: true, error: null, notice: null });
        // Every method in LendingActionMethod answers with the desk's `message`.
        const answer: Result<ActionAnswer> = await client.call(method, input);
        const outcome = outcomeOf(answer);
        if (!outcome.ok) {
          patchDialog(target.requestId, action, { saving: false, error: outcome.error });
          return;
        }
        await done(target.requestId, outcome.message);
      },

      async submitLendingForm(method, checked) {
        if (checked.ok) return get().submitLendingAction(method, checked.input);
        const dialog = get().lendingActions.dialog;
        if (!dialog) return;
        patchDialog(dialog.target.requestId, dialog.action, { error: checked.error, notice: null });
      },

      async locateLending(itemBarcode) {
        const dialog = get().lendingActions.dialog;
        if (dialog?.action !== 'LOCATE' || dialog.saving) return;
        const { requestId } = dialog.target;
        patchDialog(requestId, 'LOCATE', { saving: true, error: null, notice: null });
        const result = await client.call('lending.locate', {
          requestId,
          ...(itemBarcode === undefined ? {} : { itemBarcode }),
        });
        if (!result.ok) {
          patchDialog(requestId, 'LOCATE', { saving: false, error: actionErrorOf(result.error) });
          return;
        }
        if (result.value.located) {
          await done(requestId, result.value.message);
          return;
        }
        // Still none or several: the dialog stays with what this search found.
        await get().deskActionDone(requestId);
        patchDialog(requestId, 'LOCATE', {
          saving: false,
          candidates: result.value.candidates,
          notice: result.value.message,
        });
      },

      closeLendingAction() {
        patch({ dialog: null });
      },

      async shipFromList(requestId) {
        get().goTo('shipping');
        // Typed in for staff, as if scanned: journaled like any scan, then looked up.
        await get().submitScan('Shipping Items', requestId, 'manual');
      },

      async loadDetailTask(requestId) {
        const result = await client.call('lending.taskDetail', { requestId });
        const open = get().openRequest;
        if (open?.kind !== 'lending' || open.requestId !== requestId) return;
        patch({ detailTask: result.ok ? result.value : null });
      },
    };
  };
}

import type { DeskClient } from '../../../shared/api/client.ts';
import type { Output } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { scanScreenOf } from '../navigation/screens.ts';
import type { OutcomeLevel } from '../scan-desk/desk-outcome.ts';

export type LastAction = NonNullable<Output<'desk.lastAction'>>;

export interface UndoSlice {
  undo: {
    /** This window's last desk action while it can still be undone; null otherwise. */
    readonly last: LastAction | null;
    readonly busy: boolean;
  };
  loadLastAction: () => Promise<void>;
  /**
   * After a desk action changed a request: the lists and the detail view on show are read again,
   * and the Undo button learns of the new last action.
   */
  deskActionDone: (requestId: string) => Promise<void>;
  /** Undoes the last desk action and says what happened (on a scan screen, in its banner). */
  undoLastAction: () => Promise<void>;
}

export function createUndoSlice(client: DeskClient): DeskSlice<UndoSlice> {
  return (set, get) => {
    const patch = (part: Partial<UndoSlice['undo']>) =>
      set((state) => ({ undo: { ...state.undo, ...part } }));

    /** On a scan screen the banner says it (large, with its sound); elsewhere the message line. */
    function tell(outcome: OutcomeLevel, title: string, value: string | null, message: string) {
      const screen = scanScreenOf(get().screen);
      if (screen && !get().openRequest)
        get().showOutcome({ screen, outcome, title, value, message });
      else get().announce(message);
    }

    return {
      undo: { last: null, busy: false },

      async loadLastAction() {
        const result = await client.call('desk.lastAction', {});
        patch({ last: result.ok ? result.value : null });
      },

      async deskActionDone(requestId) {
        const { screen, openRequest: open } = get();
        // The list of this screen (on show, or under the detail view) is read again: Lending
        // Requests in place, so the reader keeps their place and the rows they chose; Borrowing
        // Requests from its first page. A list left behind is read when it is next opened.
        const refreshList = (kind: 'borrowing' | 'lending') => {
          const list = get()[kind];
          if (list.total === null) return Promise.resolve();
          if (screen !== kind) {
            list.markStale();
            return Promise.resolve();
          }
          return kind === 'lending' ? get().lending.refresh() : list.reload();
        };
        await Promise.all([
          get().loadLastAction(),
          refreshList('borrowing'),
          refreshList('lending'),
          open?.requestId === requestId
            ? get().loadDetail(open.kind, requestId)
            : Promise.resolve(),
        ]);
      },

      async undoLastAction() {
        if (get().undo.busy) return;
        // Ctrl+Z on a screen without the Undo button: ask the desk what there is to undo.
        if (!get().undo.last) await get().loadLastAction();
        const { last } = get().undo;
        if (!last) {
          tell(
            'WARNING',
            'Nothing to undo',
            null,
            'Nothing to undo: this window has no desk action recent enough to take back.',
          );
          return;
        }
        patch({ busy: true });
        const result = await client.call('desk.undo', { actionId: last.actionId });
        patch({ busy: false });
        if (!result.ok) {
          tell('ERROR', 'Not undone', null, result.error.message);
          await get().loadLastAction();
          return;
        }
        // Refreshed first: a list read again announces its count, and the undo must be heard last.
        await get().deskActionDone(result.value.requestId);
        tell('OK', 'Undone', result.value.requestId, result.value.message);
      },
    };
  };
}

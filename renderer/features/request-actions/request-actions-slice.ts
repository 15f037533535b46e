import type { DeskClient } from '../../../shared/api/client.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import type { ListKind } from '../request-lists/list-query.ts';

export interface RequestActionsSlice {
  requestActions: {
    /** The action on its way, so its button cannot be pressed twice. */
    readonly busy: { readonly requestId: string; readonly action: string } | null;
    /** Why the last action was refused, for the request it was asked for. */
    readonly error: { readonly requestId: string; readonly message: string } | null;
  };
  /** A row action (Loan to patron, Returned by patron); true when the desk did it. */
  actOnRequest: (kind: ListKind, requestId: string, action: string) => Promise<boolean>;
}

export function createRequestActionsSlice(client: DeskClient): DeskSlice<RequestActionsSlice> {
  return (set, get) => ({
    requestActions: { busy: null, error: null },
    async actOnRequest(kind, requestId, action) {
      if (get().requestActions.busy) return false;
      set({ requestActions: { busy: { requestId, action }, error: null } });
      const result = await client.call('requests.act', { kind, requestId, action });
      if (!result.ok) {
        set({
          requestActions: { busy: null, error: { requestId, message: result.error.message } },
        });
        return false;
      }
      // Refreshed first: a list read again announces its count, and the action must be heard last.
      await get().deskActionDone(requestId);
      set({ requestActions: { busy: null, error: null } });
      get().announce(result.value.message);
      return true;
    },
  });
}

import type { DeskClient } from '../../../shared/api/client.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

export interface PullSlipsSlice {
  pullSlips: { readonly busy: boolean };
  /**
   * Pull slips for the chosen lending requests, in shelf order, in one job; the desk's message
   * line says what was printed and moved, and the list is read again. True when they were sent.
   */
  printPullSlips: (requestIds: readonly string[]) => Promise<boolean>;
}

export function createPullSlipsSlice(client: DeskClient): DeskSlice<PullSlipsSlice> {
  return (set, get) => ({
    pullSlips: { busy: false },

    async printPullSlips(requestIds) {
      if (requestIds.length === 0 || get().pullSlips.busy) return false;
      set({ pullSlips: { busy: true } });
      const result = await client.call('lending.printPullSlips', { requestIds: [...requestIds] });
      set({ pullSlips: { busy: false } });
      if (!result.ok) {
        get().announce(`Pull slips not printed: ${result.error.message}`);
        return false;
      }
      get().announce(result.value.message);
      await Promise.all([get().lending.reload(), get().loadPrintStatus()]);
      return true;
    },
  });
}

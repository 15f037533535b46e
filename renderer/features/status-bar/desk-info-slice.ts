import type { DeskClient } from '../../../shared/api/client.ts';
import type { DeskInfo } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import type { DeskMode } from '../../api/desk-mode.ts';

export interface DeskInfoSlice {
  desk: {
    readonly info: DeskInfo | null;
    readonly error: string | null;
    /** Which transport this window uses; desk.info says the same once it has answered. */
    readonly mode: DeskMode;
  };
  loadDeskInfo: () => Promise<void>;
  /** Listens to the desk's pushed events; returns the function that stops listening. */
  connectEvents: () => () => void;
}

export function createDeskInfoSlice(client: DeskClient, mode: DeskMode): DeskSlice<DeskInfoSlice> {
  return (set, get) => ({
    desk: { info: null, error: null, mode },
    async loadDeskInfo() {
      const result = await client.call('desk.info', {});
      set((state) =>
        result.ok
          ? { desk: { ...state.desk, info: result.value, error: null } }
          : { desk: { ...state.desk, error: result.error.message } },
      );
    },
    connectEvents() {
      const stops = [
        client.on('print.status', (status) => get().printStatusArrived(status)),
        client.on('messages.status', (status) => get().messagesStatusArrived(status)),
        client.on('requests.changed', ({ kind, requestId }) => {
          const open = get().openRequest;
          if (open?.kind === kind && open.requestId === requestId)
            void get().loadDetail(kind, requestId);
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  });
}

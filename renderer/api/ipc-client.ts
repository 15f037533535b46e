import type { DeskClient } from '../../shared/api/client.ts';
import type { EventName, EventPayload, Input, Method, Output } from '../../shared/api/contract.ts';
import type { RsDeskBridge } from '../../shared/api/bridge.ts';
import type { Result } from '../../shared/api/result.ts';

/** Electron's transport: the preload's bridge, which allow-lists channels from the contract. */
export function createIpcClient(bridge: RsDeskBridge): DeskClient {
  return {
    async call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
      try {
        // The main process validates the input and builds the value from the same contract.
        return (await bridge.invoke(method, input)) as Result<Output<M>>;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error: {
            code: 'UNAVAILABLE',
            message: `RS Desk could not reach its main process for ${method} (${detail}). Close the desk and start it again.`,
          },
        };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}

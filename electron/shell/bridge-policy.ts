import { channelOf, EVENT_NAMES, isMethod, type EventName } from '../../shared/api/contract.ts';
import type { RsDeskBridge } from '../../shared/api/bridge.ts';
import { fail, type Result } from '../../shared/api/result.ts';

/*
 * The preload's allow-list, without Electron: the renderer reaches exactly the contract's methods
 * and events and nothing else of IPC. preload.ts passes ipcRenderer in as the port.
 */

/** The slice of ipcRenderer the bridge uses; never handed to the page itself. */
export interface IpcRendererPort {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}

export function createBridge(ipc: IpcRendererPort): RsDeskBridge {
  return Object.freeze({
    async invoke(method: string, input: unknown): Promise<Result<unknown>> {
      if (typeof method !== 'string' || !isMethod(method)) {
        return fail('UNKNOWN_METHOD', `RS Desk has no method "${String(method)}".`);
      }
      try {
        return (await ipc.invoke(channelOf(method), input)) as Result<unknown>;
      } catch (error) {
        // Only structured-clone failures land here: the main side answers with an envelope.
        const detail = error instanceof Error ? error.message : String(error);
        return fail(
          'INVALID_INPUT',
          `Invalid input for ${method}: it cannot be sent to the desk (${detail}).`,
        );
      }
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || !isEventName(event)) {
        throw new TypeError(
          `RS Desk has no event "${String(event)}"; it has ${EVENT_NAMES.join(', ')}.`,
        );
      }
      if (typeof listener !== 'function')
        throw new TypeError('rsDesk.on needs a listener function.');
      const channel = channelOf(event);
      // The IpcRendererEvent stays here: it carries the sender and ports the page must not see.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, wrapped);
      };
    },
  });
}

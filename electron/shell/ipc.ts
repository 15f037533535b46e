import { ipcMain, type WebContents } from 'electron';
import { channelOf, METHODS } from '../../shared/api/contract.ts';
import type { DispatchOptions } from '../../shared/api/dispatch.ts';
import type { Desk } from '../app/desk.ts';
import type { AppOrigin } from './app-origin.ts';
import { createElectronSessions, createInvokeListener, forwardDeskEvents } from './ipc-policy.ts';

/**
 * Binds every contract method to `ipcMain.handle` on its channel. Returns the unbinding, for quit.
 */
export function bindDeskIpc(
  desk: Desk,
  origin: AppOrigin,
  dispatch: DispatchOptions = {},
): {
  /** Pushes desk events to a window until it is destroyed; ends that window's session then. */
  attach(contents: WebContents): void;
  dispose(): void;
} {
  const sessions = createElectronSessions();
  for (const method of METHODS) {
    ipcMain.handle(
      channelOf(method),
      createInvokeListener(desk.handlers, method, { origin, sessions, dispatch }),
    );
  }
  const detachers = new Set<() => void>();
  return {
    attach(contents) {
      const stop = forwardDeskEvents(desk.events, (channel, payload) => {
        if (!contents.isDestroyed()) contents.send(channel, payload);
      });
      const detach = () => {
        stop();
        sessions.forget(contents.id);
        detachers.delete(detach);
      };
      detachers.add(detach);
      contents.once('destroyed', detach);
    },
    dispose() {
      for (const method of METHODS) ipcMain.removeHandler(channelOf(method));
      for (const detach of [...detachers]) detach();
    },
  };
}

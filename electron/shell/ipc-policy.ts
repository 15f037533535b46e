import { randomUUID } from 'node:crypto';
import { channelOf, type EventName } from '../../shared/api/contract.ts';
import {
  dispatch,
  type DispatchOptions,
  type Handlers,
  type Session,
} from '../../shared/api/dispatch.ts';
import { fail, type Result } from '../../shared/api/result.ts';
import type { DeskEvents } from '../app/desk-events.ts';
import type { AppOrigin } from './app-origin.ts';

/*
 * The IPC binding's decisions, without Electron: who may call, which session a call runs in, and
 * how pushed events reach a window. ipc.ts only hands Electron's events to these.
 */

/** The parts of Electron's IpcMainInvokeEvent the checks read. */
export interface InvokeEvent {
  readonly sender: { readonly id: number };
  /** `null` once the frame has navigated away or gone. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * A call is trusted only from the app's own page in the window's main frame: not from a frame
 * that has navigated elsewhere, not from a subframe, not from a page that is not the app.
 */
export function isTrustedSender(event: InvokeEvent, origin: AppOrigin): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && origin.isAppUrl(frame.url);
}

export function forbidden(): Result<never> {
  return fail('FORBIDDEN', 'RS Desk refused a call that did not come from its own window.');
}

/** One Session per window (webContents), created on its first call, as a browser tab gets one. */
export interface ElectronSessions {
  of(webContentsId: number): Session;
  forget(webContentsId: number): void;
}

export function createElectronSessions(): ElectronSessions {
  const sessions = new Map<number, Session>();
  return {
    of(webContentsId) {
      let session = sessions.get(webContentsId);
      if (!session) {
        session = { id: randomUUID(), transport: 'electron', operatorId: null };
        sessions.set(webContentsId, session);
      }
      return session;
    },
    forget(webContentsId) {
      sessions.delete(webContentsId);
    },
  };
}

/**
 * The `ipcMain.handle` listener for one method: refuse untrusted senders, then validate and run
 * through the same dispatcher the HTTP transport uses. It never throws, so errors cross IPC as the
 * envelope rather than as Electron's mangled "Error invoking remote method" text.
 */
export function createInvokeListener(
  handlers: Handlers,
  method: string,
  context: {
    readonly origin: AppOrigin;
    readonly sessions: ElectronSessions;
    readonly dispatch?: DispatchOptions;
  },
): (event: InvokeEvent, input: unknown) => Promise<Result<unknown>> {
  return async (event, input) => {
    if (!isTrustedSender(event, context.origin)) return forbidden();
    return dispatch(
      handlers,
      method,
      input,
      context.sessions.of(event.sender.id),
      context.dispatch ?? {},
    );
  };
}

/** Forwards every desk event to a window on the event's channel; returns the unsubscribe. */
export function forwardDeskEvents(
  events: Pick<DeskEvents, 'onAny'>,
  send: (channel: string, payload: unknown) => void,
): () => void {
  return events.onAny((event: EventName, payload) => send(channelOf(event), payload));
}

import type { DeskClient } from '../../shared/api/client.ts';
import type { RsDeskBridge } from '../../shared/api/bridge.ts';
import { takeDeskToken, tabSessionId } from './desk-link.ts';
import { createHttpClient } from './http-client.ts';
import { createIpcClient } from './ipc-client.ts';
import type { DeskMode } from './desk-mode.ts';

export type { DeskMode } from './desk-mode.ts';

export interface ConnectedClient {
  readonly client: DeskClient;
  readonly mode: DeskMode;
}

function randomId(crypto: Crypto): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Electron's preload puts the bridge on window.rsDesk; without it this is browser mode. */
export function connectDeskClient(win: Window & { rsDesk?: RsDeskBridge }): ConnectedClient {
  if (win.rsDesk) return { client: createIpcClient(win.rsDesk), mode: 'electron' };
  const token = takeDeskToken({
    location: win.location,
    history: win.history,
    storage: win.sessionStorage,
  });
  const client = createHttpClient({
    baseUrl: win.location.origin,
    token,
    sessionId: tabSessionId(win.sessionStorage, () => randomId(win.crypto)),
    fetch: win.fetch.bind(win),
    openEvents: (url) => new EventSource(url),
  });
  return { client, mode: 'browser' };
}

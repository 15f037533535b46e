/**
 * Browser mode is opened as http://127.0.0.1:PORT/?token=SECRET. The token is kept for this tab
 * only (sessionStorage, so a reload still works) and taken out of the address bar so it does not
 * end up in history, bookmarks or a screenshot.
 */

export const TOKEN_KEY = 'rs-desk.token';
export const SESSION_KEY = 'rs-desk.session';

/** The parts of sessionStorage used here (kept DOM-free so Node tests can pass a Map-backed one). */
export interface TabStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface DeskLinkEnv {
  readonly location: { readonly search: string; readonly pathname: string; readonly hash: string };
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url: string): void;
  };
  readonly storage: TabStorage;
}

/** The desk token from the link (remembered) or from earlier in this tab; '' if there is none. */
export function takeDeskToken(env: DeskLinkEnv): string {
  const params = new URLSearchParams(env.location.search);
  const fromLink = params.get('token');
  if (fromLink) {
    env.storage.setItem(TOKEN_KEY, fromLink);
    params.delete('token');
    const query = params.toString();
    env.history.replaceState(
      env.history.state,
      '',
      `${env.location.pathname}${query ? `?${query}` : ''}${env.location.hash}`,
    );
    return fromLink;
  }
  return env.storage.getItem(TOKEN_KEY) ?? '';
}

/** A random id per tab, kept across reloads, so the server can tell this tab's operator apart. */
export function tabSessionId(storage: TabStorage, randomId: () => string): string {
  const kept = storage.getItem(SESSION_KEY);
  if (kept) return kept;
  const id = randomId();
  storage.setItem(SESSION_KEY, id);
  return id;
}

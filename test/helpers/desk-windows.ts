import type { DeskClient } from '../../shared/api/client.ts';
import type { DeskServer } from '../../electron/server/http-server.ts';
import { createHttpClient } from '../../renderer/api/http-client.ts';

/**
 * Desk windows over real HTTP, as browser tabs are: the renderer's own HTTP client with the desk
 * token and a session id of its own (X-RS-Desk-Session), so each window signs in separately.
 * Every response body is kept, so a test can look through all the desk ever answered.
 */
export interface DeskWindows {
  window(sessionId: string): DeskClient;
  /** Every response body any window got, in order. */
  readonly bodies: readonly string[];
}

export function deskWindows(server: DeskServer): DeskWindows {
  const bodies: string[] = [];
  const recordingFetch: typeof fetch = async (url, init) => {
    const response = await fetch(url, init);
    const text = await response.text();
    bodies.push(text);
    return new Response(text, { status: response.status, statusText: response.statusText });
  };
  return {
    bodies,
    window: (sessionId) =>
      createHttpClient({
        baseUrl: server.origin,
        token: server.token,
        sessionId,
        fetch: recordingFetch,
      }),
  };
}

import type { EventName, EventPayload, Input, Method, Output } from '../../shared/api/contract.ts';
import type { DeskClient } from '../../shared/api/client.ts';
import type { Result } from '../../shared/api/result.ts';

/** The part of EventSource the client uses, so tests can hand in their own. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}

export interface HttpClientOptions {
  /** Origin of the desk's server, e.g. http://127.0.0.1:4321 (no trailing slash needed). */
  readonly baseUrl: string;
  readonly token: string;
  /** Tells the server which tab is calling, so each tab keeps its own operator. */
  readonly sessionId: string;
  readonly fetch: typeof fetch;
  /** Opens the server-sent event stream; browser mode passes `(url) => new EventSource(url)`. */
  readonly openEvents?: (url: string) => EventSourceLike;
}

export const TOKEN_HEADER = 'X-RS-Desk-Token';
export const SESSION_HEADER = 'X-RS-Desk-Session';

function unavailable<T>(reason: string): Result<T> {
  return {
    ok: false,
    error: {
      code: 'UNAVAILABLE',
      message: `RS Desk's server is not answering: ${reason}. Start it again with npm start.`,
    },
  };
}

function isEnvelope(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/**
 * Browser mode's transport: `POST /api/<method>` with the desk token, answering the same Result
 * envelope as IPC (for HTTP errors too), and one server-sent event stream shared by all listeners.
 */
export function createHttpClient(options: HttpClientOptions): DeskClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSourceLike | undefined;

  function subscribe(event: string): void {
    source?.addEventListener(event, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return; // a torn frame carries nothing a listener could use
      }
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  }

  return {
    async call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
      let response: Response;
      try {
        response = await options.fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            [TOKEN_HEADER]: options.token,
            [SESSION_HEADER]: options.sessionId,
          },
          body: JSON.stringify(input),
        });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return unavailable(`the call ${method} failed (${detail})`);
      }
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch {
        return unavailable(
          `it sent HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} instead of a desk answer to ${method}`,
        );
      }
      if (!isEnvelope(body)) {
        return unavailable(
          `its answer to ${method} (HTTP ${response.status}) is not a desk answer`,
        );
      }
      // The server validated the input and builds the value from the same contract.
      return body as Result<Output<M>>;
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const wrapped = listener as (payload: unknown) => void;
      if (!source && options.openEvents) {
        source = options.openEvents(
          `${base}/api/events?token=${encodeURIComponent(options.token)}`,
        );
      }
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        subscribe(event);
      }
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}

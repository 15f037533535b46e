/**
 * One ISO 18626 POST (DESIGN.md §9): the XML to a partner's endpoint with an XML content type, a
 * time limit over the whole exchange (connecting, sending, the answer), and a cap on how much of
 * an answer is read. Says what happened in terms the sender can act on; never throws.
 */

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export type HttpExchange =
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly statusText: string;
      readonly body: string;
      /** Where a redirect points, when the partner answered with one. */
      readonly location: string | null;
    }
  /** No answer: refused, reset, no such host, cut short by the time limit or by closing. */
  | {
      readonly kind: 'unreachable';
      readonly reason: string;
      readonly timedOut: boolean;
      readonly aborted: boolean;
    }
  | { readonly kind: 'too-large'; readonly limit: number };

export interface PostOptions {
  /** The whole exchange must finish within this many milliseconds. */
  readonly timeoutMs: number;
  /** Aborts the exchange when the desk closes. */
  readonly signal: AbortSignal;
  /** The most of an answer read; a confirmation is a few hundred bytes. */
  readonly maxReplyBytes: number;
  /** An Authorization header to send (the partner's credentials as HTTP Basic), if any. */
  readonly authorization?: string | undefined;
}

/** Plain words for the network errors Node's fetch reports as the `cause` of "fetch failed". */
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (their server is not running or not listening there)',
  ECONNRESET: 'the connection was dropped before they answered',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up just now',
  EHOSTUNREACH: 'the host cannot be reached from this network',
  ENETUNREACH: 'the network cannot be reached',
  ETIMEDOUT: 'connecting timed out',
  UND_ERR_SOCKET: 'the connection was dropped before they answered',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
};

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code !== undefined && NETWORK_ERRORS[code]) return NETWORK_ERRORS[code];
  return cause?.message ?? (error as Error).message;
}

/** Reads a body up to `limit` bytes; null when it is longer. */
async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<string | null> {
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function postXml(
  endpoint: string,
  xml: string,
  options: PostOptions,
): Promise<HttpExchange> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': XML_CONTENT_TYPE,
        Accept: 'application/xml, text/xml',
        ...(options.authorization ? { Authorization: options.authorization } : {}),
      },
      body: xml,
      // A POST must not quietly become a GET elsewhere: a moved endpoint is for staff to set.
      redirect: 'manual',
      signal,
    });
    const body = await readLimited(response.body, options.maxReplyBytes);
    if (body === null) return { kind: 'too-large', limit: options.maxReplyBytes };
    return {
      kind: 'answered',
      status: response.status,
      statusText: response.statusText,
      body,
      location: response.headers.get('location'),
    };
  } catch (error) {
    return {
      kind: 'unreachable',
      reason: reasonOf(error),
      timedOut: timeout.aborted,
      aborted: options.signal.aborted,
    };
  }
}

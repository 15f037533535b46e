import type { Gate } from '../../../db/gate.ts';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import { parseConfirmation } from '../iso18626/index.ts';
import { redactSecrets } from '../secret-redaction.ts';
import { failed, retry, sent, type Delivery } from './delivery.ts';
import { postXml, type HttpExchange } from './iso-http.ts';
import { prepareIsoMessage } from './iso-outgoing.ts';

/**
 * ISO 18626 over HTTP (DESIGN.md §9): build the message, POST it to the partner's endpoint, and
 * read the confirmation. OK is delivered; ERROR stops the message with the partner's error type
 * and value, and an alert on the request; no answer, HTTP 5xx or an answer that is no confirmation
 * is tried again later; HTTP 4xx or a redirect stops it until staff correct the endpoint.
 */

export interface IsoTransportOptions {
  readonly gate: Gate;
  /** The time limit of one exchange: connecting, sending and the whole answer. */
  readonly timeoutMs: number;
  /** The most of an answer read (a confirmation is well under a kilobyte). */
  readonly maxReplyBytes?: number;
}

const AGAIN = 'the desk will try again';

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

/** An endpoint the desk can POST to, or why not. */
function checkEndpoint(partner: { name: string; endpoint: string | null }): string | URL {
  const endpoint = partner.endpoint?.trim() ?? '';
  const fix = 'set the endpoint in Settings → Partners, then Retry now';
  if (endpoint === '') return `${partner.name} has no ISO 18626 endpoint: ${fix}.`;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `${partner.name}'s endpoint "${endpoint}" is not a web address: ${fix}.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `${partner.name}'s endpoint "${endpoint}" is not an http or https address: ${fix}.`;
  }
  return url;
}

/** What the HTTP exchange came to, for a message of `kind` to `partner`. */
export function deliveryOf(
  exchange: HttpExchange,
  partner: string,
  kind: string,
  endpoint: string,
  timeoutMs: number,
): Delivery {
  if (exchange.kind === 'unreachable') {
    if (exchange.aborted) return retry('The desk closed before the partner answered.');
    if (exchange.timedOut) {
      return retry(`${partner} did not answer within ${seconds(timeoutMs)}; ${AGAIN}.`);
    }
    return retry(`Could not reach ${partner} at ${endpoint}: ${exchange.reason}; ${AGAIN}.`);
  }
  if (exchange.kind === 'too-large') {
    return retry(
      `${partner} answered with more than ${exchange.limit} bytes, which is no ISO 18626 confirmation; ${AGAIN}.`,
    );
  }
  const { status, statusText } = exchange;
  const http = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status >= 500) return retry(`${partner} answered ${http} (a fault at their end); ${AGAIN}.`);
  if (status >= 300 && status < 400) {
    return failed(
      `${partner}'s endpoint ${endpoint} answered ${http}, sending it to ${exchange.location ?? 'another address'}: set the endpoint they use now in Settings → Partners, then Retry now.`,
    );
  }
  if (status >= 400) {
    return failed(
      `${partner} refused the message with ${http}: check their endpoint and account in Settings → Partners, then Retry now.`,
    );
  }
  if (status < 200) return retry(`${partner} answered ${http}, which is no answer; ${AGAIN}.`);
  const parsed = parseConfirmation(exchange.body);
  if (!parsed.ok) {
    return retry(
      `${partner}'s answer was not an ISO 18626 confirmation (${parsed.errorValue}); ${AGAIN}.`,
    );
  }
  const { confirmationHeader, errorData } = parsed.message;
  if (confirmationHeader.messageStatus === 'OK') return sent;
  const error = `${errorData?.errorType ?? 'ERROR'}: ${errorData?.errorValue ?? 'no reason given'}`;
  return failed(
    error,
    `${partner} refused the ISO 18626 ${kind} message (${error}). Put right what they name, then use Retry now on Partner Messages; or withdraw the message and tell ${partner} another way.`,
  );
}

/**
 * The partner's credentials (accountId/securityCode on its record) as HTTP Basic authentication:
 * ISO 18626:2021 supplying agency messages have no requestingAgencyAuthentication element, so a
 * listener (RS Desk's among them) reads them from this header instead. Sent with every message.
 */
function basicAuthorization(partner: {
  accountId: string | null;
  securityCode: string | null;
}): string | undefined {
  if (!partner.securityCode) return undefined;
  const pair = `${partner.accountId ?? ''}:${partner.securityCode}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

export function createIsoTransport(
  options: IsoTransportOptions,
): (message: PartnerMessageRow, signal: AbortSignal) => Promise<Delivery> {
  return async (message, signal) => {
    const prepared = await options.gate.read((db) => prepareIsoMessage(db, message));
    if (!prepared.ok) return failed(prepared.error);
    const endpoint = checkEndpoint(prepared.partner);
    if (typeof endpoint === 'string') return failed(endpoint);
    const exchange = await postXml(endpoint.href, prepared.xml, {
      timeoutMs: options.timeoutMs,
      signal,
      maxReplyBytes: options.maxReplyBytes ?? 1_000_000,
      authorization: basicAuthorization(prepared.partner),
    });
    const delivery = deliveryOf(
      exchange,
      prepared.partner.name,
      message.kind,
      endpoint.href,
      options.timeoutMs,
    );
    // A partner's ERROR may echo the message it refused, credentials and all: none is stored.
    return withoutCredentials(delivery, prepared.partner);
  };
}

/** The delivery with the partner's security code masked in its error and alert. */
function withoutCredentials(
  delivery: Delivery,
  partner: { accountId: string | null; securityCode: string | null },
): Delivery {
  if (delivery.outcome === 'sent') return delivery;
  const secrets = [{ value: partner.securityCode, login: partner.accountId }];
  const error = redactSecrets(delivery.error, secrets);
  if (delivery.outcome === 'retry') return retry(error);
  return failed(
    error,
    delivery.alert === undefined ? undefined : redactSecrets(delivery.alert, secrets),
  );
}

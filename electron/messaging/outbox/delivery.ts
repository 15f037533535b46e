/**
 * What one attempt to deliver an outgoing message came to. The sender turns it into the
 * message's next state: SENT, waiting for a retry with backoff, or FAILED until staff act.
 */
export type Delivery =
  | { readonly outcome: 'sent' }
  /** Worth trying again later: the partner was unreachable, slow, busy or answered garbage. */
  | { readonly outcome: 'retry'; readonly error: string }
  /**
   * Trying again will not help until someone changes something (the partner refused it, no
   * endpoint is set). `alert` is raised on the request, so staff see it where they work.
   */
  | { readonly outcome: 'failed'; readonly error: string; readonly alert?: string };

export const sent: Delivery = { outcome: 'sent' };

export function retry(error: string): Delivery {
  return { outcome: 'retry', error };
}

export function failed(error: string, alert?: string): Delivery {
  return alert === undefined ? { outcome: 'failed', error } : { outcome: 'failed', error, alert };
}

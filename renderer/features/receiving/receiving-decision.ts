import type { ReceivingCandidate } from '../../../shared/api/contract-borrowing-desk.ts';
import type { Output, ScanResult } from '../../../shared/api/contract.ts';

/**
 * Receiving Items asks the desk which request a scan belongs to when the scan is an External
 * Identifier, or matched nothing (then the desk names the nearest ones). A scan of another kind
 * (an item barcode, a request ID) keeps the scan's own message: it says what to scan instead.
 */
export function needsReceivingLookup(scan: ScanResult): boolean {
  if (scan.code === 'NOT_FOUND') return true;
  return (
    scan.outcome !== 'ERROR' && scan.matches.some((match) => match.kind === 'BORROWING_EXTERNAL_ID')
  );
}

/** What Receiving Items does with the desk's answer to `receiving.lookup`. */
export type ReceivingStep =
  /** One request can be received: the Temporary barcode dialog opens at once. */
  | { readonly kind: 'barcode'; readonly candidate: ReceivingCandidate }
  /**
   * The same External Identifier at several partners, at least one receivable: "Which request?",
   * listing every one (those that cannot be received shown with the reason, not choosable). The
   * desk never picks for staff: a second scan of a received book must not receive its namesake.
   */
  | { readonly kind: 'choose'; readonly candidates: readonly ReceivingCandidate[] }
  /** Received before: say when, offer the slip again, change nothing. */
  | { readonly kind: 'already-received'; readonly candidate: ReceivingCandidate }
  /** In a status Receiving Items does not take. */
  | { readonly kind: 'wrong-status'; readonly candidate: ReceivingCandidate }
  | { readonly kind: 'not-found'; readonly nearest: readonly ReceivingCandidate[] };

export function receivingStep(answer: Output<'receiving.lookup'>): ReceivingStep {
  const receivable = answer.candidates.filter((c) => c.blocked === null);
  const [only] = receivable;
  if (receivable.length > 0 && answer.candidates.length > 1) {
    return { kind: 'choose', candidates: answer.candidates };
  }
  if (only) return { kind: 'barcode', candidate: only };
  const received = answer.candidates.find((c) => c.blocked === 'ALREADY_RECEIVED');
  if (received) return { kind: 'already-received', candidate: received };
  const [blocked] = answer.candidates;
  if (blocked) return { kind: 'wrong-status', candidate: blocked };
  return { kind: 'not-found', nearest: answer.nearest };
}

/** "78239000001 · B-1001 · Notes on the Analytical Engine · Ada Lovelace · University at Albany, SUNY · Shipped physically" */
export function candidateLine(candidate: ReceivingCandidate): string {
  return [
    candidate.externalId,
    candidate.requestId,
    candidate.title,
    candidate.patronName,
    candidate.partnerName,
    candidate.statusLabel,
  ].join(' · ');
}

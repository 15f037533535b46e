import type { PrintJob, RequestSlipKind } from '../../../shared/api/contract-printing.ts';
import type { ScanResult } from '../../../shared/api/contract.ts';
import type { ScanScreen } from '../../../shared/scanning/scan-kinds.ts';

export type FeedbackTone = 'success' | 'warning' | 'error';
export type OutcomeLevel = ScanResult['outcome'];

/**
 * What a desk action (a receive, a return, an undo) or the desk's refusal of one left to say,
 * shown large on its scan screen in place of the scan's own outcome.
 */
export interface DeskOutcome {
  readonly screen: ScanScreen;
  readonly outcome: OutcomeLevel;
  /** "Received", "Already received", "Not found". */
  readonly title: string;
  /** The request or the scanned value it is about. */
  readonly value: string | null;
  /** The desk's own words for it (the API's message). */
  readonly message: string;
  readonly holdUntil?: string;
  /** Where a lent item that came home goes back on the shelf (Scan In Items), shown large. */
  readonly shelving?: { readonly location: string | null; readonly callNumber: string | null };
  readonly receivedAt?: string;
  /** Further lines: the slip sent, the partner message queued. */
  readonly notes?: readonly string[];
  /** A list to read, under its heading ("Nearest External Identifiers"). */
  readonly list?: { readonly heading: string; readonly items: readonly string[] };
  /** A slip the banner offers to print again (Reprint receive slip). */
  readonly reprint?: {
    readonly kind: RequestSlipKind;
    readonly requestId: string;
    /** "Reprint receive slip" */
    readonly label: string;
  };
}

export function toneOf(outcome: OutcomeLevel): FeedbackTone {
  return outcome === 'OK' ? 'success' : outcome === 'WARNING' ? 'warning' : 'error';
}

/** The banner's heading for a scan's own outcome. */
export const SCAN_TITLES: Readonly<Record<OutcomeLevel, string>> = {
  OK: 'Found',
  WARNING: 'Check this',
  ERROR: 'Not done',
};

/** What a desk action queued besides the status change, in a line each. */
export function effectNotes(effects: {
  readonly slip: PrintJob | null;
  readonly partnerMessage: string | null;
}): string[] {
  const notes: string[] = [];
  if (effects.slip) notes.push(`${effects.slip.title}: sent to ${effects.slip.printer}.`);
  if (effects.partnerMessage) notes.push(`Partner message queued: ${effects.partnerMessage}.`);
  return notes;
}

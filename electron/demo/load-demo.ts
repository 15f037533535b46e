import type { Gate } from '../../db/gate.ts';
import { importJson, type ImportSummary } from '../import/import-file.ts';
import { buildDemoDocument } from './demo-data.ts';

export const DEMO_SOURCE = 'the demo data set';

export const DEMO_NEEDS_EMPTY_DESK =
  'This desk already holds data; demo loads only into an empty data directory — use --data-dir with a new folder.';

export interface LoadDemoOptions {
  readonly seed?: number;
  /** The day the demo's dates are built around (YYYY-MM-DD); today on this computer by default. */
  readonly today?: string;
}

/**
 * `rs-desk demo`: imports the demo data set through the same path as a file import, into an empty
 * desk only, so demo requests never mix with a library's real ones.
 */
export async function loadDemo(gate: Gate, options: LoadDemoOptions = {}): Promise<ImportSummary> {
  const document = buildDemoDocument(options.seed ?? 1, options.today ?? localToday());
  return importJson(gate, document, {
    source: DEMO_SOURCE,
    onlyIntoEmptyDesk: DEMO_NEEDS_EMPTY_DESK,
  });
}

/** The calendar date here, not in UTC: a desk in New York at 9 p.m. is still on today. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

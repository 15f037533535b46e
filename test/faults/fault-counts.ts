import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a fault test tried, for `npm run test:faults`'s closing table and the README's Reliability
 * section. Each area writes one file, `test-results/faults/<area>.json`, after its cases ran; the
 * counts are the test's own tallies (cases tried, refused, survived …), never constants.
 */
export const FAULT_COUNTS_DIR = join('test-results', 'faults');

/** A tally's key as words for the table: `megabyteFields` → "megabyte fields". */
function inWords(name: string): string {
  return name.includes(' ') ? name : name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function recordFaultCounts(
  area: string,
  counts: Readonly<Record<string, number>>,
  note?: string,
): void {
  mkdirSync(FAULT_COUNTS_DIR, { recursive: true });
  const slug = area
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const named = Object.fromEntries(Object.entries(counts).map(([name, n]) => [inWords(name), n]));
  const record = { area, counts: named, ...(note ? { note } : {}) };
  writeFileSync(join(FAULT_COUNTS_DIR, `${slug}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * What is wrong with an import file, in words staff can act on. Every problem names where it is
 * (`borrowingRequests[3].status`) so the file can be fixed without guessing, and the refusal says
 * that nothing was changed: an import is all or nothing (DESIGN.md §3).
 */
import { DeskError, type ErrorCode } from '../api/result.ts';
import { IMPORT_SECTIONS, type ImportCounts, type ImportSection } from './import-format.ts';

export interface ImportProblem {
  /** Array, index and field, e.g. `partners[0].colour`; a section name for file-level problems. */
  readonly path: string;
  /** What was wrong and what to do. */
  readonly message: string;
}

export function problemText(problem: ImportProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** How many problems a refusal lists; the rest are counted, so the message stays readable. */
export const PROBLEMS_SHOWN = 10;

/**
 * The refusal for a file with problems, as one DeskError the CLI and the API show as is.
 * `source` names the file ("library.json") when there is one.
 */
export function importRefusal(
  problems: readonly ImportProblem[],
  source?: string,
  code: ErrorCode = 'INVALID_INPUT',
): DeskError {
  const what = source ? `${source} was not imported` : 'The import was refused';
  const count = problems.length === 1 ? 'this problem' : `these ${problems.length} problems`;
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => `  ${problemText(p)}`);
  const rest = problems.length - PROBLEMS_SHOWN;
  if (rest > 0)
    lines.push(`  … and ${rest} more problem${rest === 1 ? '' : 's'} of the same kinds.`);
  return new DeskError(
    code,
    `${what}; nothing was changed. Fix ${count} in the file and import it again:\n${lines.join('\n')}`,
  );
}

/**
 * Identifier columns compare with SQLite's NOCASE, which folds ASCII letters only; keys built
 * here fold the same way, so the file's own duplicate check agrees with the database's.
 */
export function identifierKey(text: string): string {
  // The common all-ASCII case may use toLowerCase, which is much faster than a replace callback.
  return NON_ASCII.test(text) ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text.toLowerCase();
}
const NON_ASCII = /[\u0080-\uffff]/;

const NOUNS: Record<ImportSection, [string, string]> = {
  workflowProfiles: ['workflow profile', 'workflow profiles'],
  partners: ['partner', 'partners'],
  patrons: ['patron', 'patrons'],
  items: ['item', 'items'],
  borrowingRequests: ['borrowing request', 'borrowing requests'],
  lendingRequests: ['lending request', 'lending requests'],
};

function listInWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** `Imported 6 partners, 50 patrons, … and 200 lending requests from demo.json.` */
export function describeImport(counts: ImportCounts, source: string): string {
  const parts = IMPORT_SECTIONS.filter((s) => counts[s] > 0).map((s) => {
    const [one, many] = NOUNS[s];
    return `${counts[s]} ${counts[s] === 1 ? one : many}`;
  });
  if (parts.length === 0) return `Imported nothing from ${source}: its arrays are empty.`;
  return `Imported ${listInWords(parts)} from ${source}.`;
}

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Gate } from '../../db/gate.ts';
import { importDocument, type ImportOptions } from '../../db/repositories/import-repository.ts';
import { DeskError } from '../../shared/api/result.ts';
import type { ImportCounts } from '../../shared/import/import-format.ts';
import { describeImport, importRefusal } from '../../shared/import/import-problems.ts';
import { validateImportDocument } from '../../shared/import/import-validation.ts';

export interface ImportSummary extends ImportCounts {
  /** One line for staff: `Imported 6 partners, … and 200 lending requests from demo.json.` */
  readonly message: string;
}

/**
 * `rs-desk import FILE`: reads the JSON file, validates it and imports it, all or nothing.
 * Every refusal is a DeskError whose message names the file and says what to fix.
 */
export async function importFile(gate: Gate, filePath: string): Promise<ImportSummary> {
  const name = basename(filePath);
  const json = parseJson(await readText(filePath, name), name);
  return importJson(gate, json, { source: name });
}

/** Validates already-parsed JSON and imports it; `source` names it in messages and history. */
export async function importJson(
  gate: Gate,
  json: unknown,
  options: ImportOptions & { readonly source: string },
): Promise<ImportSummary> {
  const checked = validateImportDocument(json);
  if (!checked.ok) throw importRefusal(checked.problems, options.source);
  const counts = await importDocument(gate, checked.document, options);
  return { ...counts, message: describeImport(counts, options.source) };
}

async function readText(filePath: string, name: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new DeskError(
        'NOT_FOUND',
        `There is no file ${filePath}. Check the name and the folder, and try again.`,
      );
    }
    if (code === 'EISDIR') {
      throw new DeskError(
        'INVALID_INPUT',
        `${filePath} is a folder; give the JSON file inside it to import.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new DeskError(
        'INVALID_INPUT',
        `RS Desk may not read ${filePath} (permission denied). Copy it somewhere you can read, or ask IT.`,
      );
    }
    throw new DeskError(
      'INVALID_INPUT',
      `RS Desk could not read ${filePath}: ${(error as Error).message}`,
    );
  }
  // Windows editors and Excel often start UTF-8 files with a byte-order mark, which JSON forbids.
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    throw new DeskError(
      'INVALID_INPUT',
      `${name} is empty; an import file is a JSON object such as { "partners": [ … ] }.`,
    );
  return text;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DeskError(
      'INVALID_INPUT',
      `${name} is not valid JSON${where(text, detail)}: ${detail.replace(/ in JSON at position \d+.*$/, '')}. ` +
        'Fix it there (a JSON checker or a code editor shows the spot) and import it again; nothing was changed.',
    );
  }
}

/** " at line 3, column 14" from the position V8 reports, so staff can find the spot. */
function where(text: string, detail: string): string {
  const position = /position (\d+)/.exec(detail);
  if (!position && /Unexpected end of JSON input/i.test(detail)) return ' (it ends too early)';
  const offset = position ? Number(position[1]) : errorOffset(text);
  if (offset === undefined) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  // The commonest slip in a hand-edited file, and V8's words for it do not say so.
  const trailingComma =
    before.trimEnd().endsWith(',') && /^\s*[}\]]/.test(text.slice(offset))
      ? ' (a comma before } or ] is not allowed in JSON)'
      : '';
  return ` at line ${line}, column ${column}${trailingComma}`;
}

/**
 * Where the text stops being JSON, for V8's "Unexpected token" errors, which quote the text but give
 * no position (single quotes, NaN, a bare word: the slips a hand-edited file makes most). A prefix
 * of the text fails only at its end until it reaches the bad character, so the shortest prefix that
 * fails before its end ends just after it; found by halving, with V8 as the judge.
 */
function errorOffset(text: string): number | undefined {
  const failsBeforeEnd = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const detail = error instanceof Error ? error.message : '';
      if (/Unexpected end of JSON input/i.test(detail)) return false;
      const position = /position (\d+)/.exec(detail);
      return position ? Number(position[1]) < length : true;
    }
  };
  if (!failsBeforeEnd(text.length)) return undefined;
  let low = 0;
  let high = text.length;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (failsBeforeEnd(middle)) high = middle;
    else low = middle;
  }
  return high - 1;
}

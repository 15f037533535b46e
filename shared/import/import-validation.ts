/**
 * Checks an import file in one pass, so staff see every problem at once rather than one per try:
 * the shape of each record, then what only the whole file shows (a key used twice). References to
 * partners and patrons that are not in the file are checked against the desk by the importer.
 */
import {
  IMPORT_SECTIONS,
  RECORD_NOUN,
  RECORD_SCHEMAS,
  type ImportDocument,
  type ImportSection,
  type PartnerRecord,
} from './import-format.ts';
import { recordProblems } from './import-issues.ts';
import { identifierKey, type ImportProblem } from './import-problems.ts';
import { quoted } from './quoted-value.ts';

export type ImportValidation =
  | { readonly ok: true; readonly document: ImportDocument }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** Enough to fix a file in a few rounds; a file of 100,000 bad rows need not list them all. */
const MAX_PROBLEMS = 1000;

interface Indexed<R> {
  readonly index: number;
  readonly record: R;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

const SECTIONS_TEXT = IMPORT_SECTIONS.join(', ');

/**
 * Reads an import file's JSON: the parsed document (statuses and formats as codes, every array
 * present) or the problems, each naming array, index and field.
 */
export function validateImportDocument(json: unknown): ImportValidation {
  const problems: ImportProblem[] = [];
  if (!isPlainObject(json)) {
    problems.push({
      path: '',
      message: `The file must hold one JSON object such as { "partners": [ … ], "borrowingRequests": [ … ] }, not ${describeValue(json)}.`,
    });
    return { ok: false, problems };
  }
  const keys = Object.keys(json);
  if (keys.length === 0) {
    problems.push({
      path: '',
      message: `The file is an empty object: add any of the arrays ${SECTIONS_TEXT}.`,
    });
  }
  for (const key of keys) {
    if (!(IMPORT_SECTIONS as readonly string[]).includes(key)) {
      problems.push({
        path: quoted(key),
        message: `unknown section — remove it or rename it (allowed: ${SECTIONS_TEXT})`,
      });
    }
  }

  // Objects as written, so a key used twice is found even in a record with other problems.
  const raw = {} as Record<ImportSection, Indexed<Record<string, unknown>>[]>;
  const parsed: Parsed = {
    workflowProfiles: parseSection('workflowProfiles', json.workflowProfiles, problems, raw),
    partners: parseSection('partners', json.partners, problems, raw),
    patrons: parseSection('patrons', json.patrons, problems, raw),
    items: parseSection('items', json.items, problems, raw),
    borrowingRequests: parseSection('borrowingRequests', json.borrowingRequests, problems, raw),
    lendingRequests: parseSection('lendingRequests', json.lendingRequests, problems, raw),
  };
  if (problems.length < MAX_PROBLEMS) {
    problems.push(...partnerProtocolProblems(parsed.partners), ...duplicateProblems(raw));
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const records = <R>(list: readonly Indexed<R>[]): R[] => list.map((r) => r.record);
  return {
    ok: true,
    document: {
      workflowProfiles: records(parsed.workflowProfiles),
      partners: records(parsed.partners),
      patrons: records(parsed.patrons),
      items: records(parsed.items),
      borrowingRequests: records(parsed.borrowingRequests),
      lendingRequests: records(parsed.lendingRequests),
    },
  };
}

function parseSection<S extends ImportSection>(
  section: S,
  value: unknown,
  problems: ImportProblem[],
  raw: Record<ImportSection, Indexed<Record<string, unknown>>[]>,
): Indexed<ImportDocument[S][number]>[] {
  raw[section] = [];
  if (value === undefined) return [];
  const noun = RECORD_NOUN[section];
  if (!Array.isArray(value)) {
    problems.push({
      path: section,
      message: `must be a list [ … ] of ${noun} records, not ${describeValue(value)}`,
    });
    return [];
  }
  const schema = RECORD_SCHEMAS[section];
  const out: Indexed<ImportDocument[S][number]>[] = [];
  value.forEach((record: unknown, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (!isPlainObject(record)) {
      problems.push({
        path: `${section}[${index}]`,
        message: `each ${noun} must be an object { … }, not ${describeValue(record)}`,
      });
      return;
    }
    raw[section].push({ index, record });
    const result = schema.safeParse(record, { reportInput: true });
    if (result.success) out.push({ index, record: result.data });
    else problems.push(...recordProblems(section, index, result.error.issues));
  });
  return out;
}

/** An ISO 18626 partner needs somewhere to send messages; an email partner needs an address. */
function partnerProtocolProblems(partners: readonly Indexed<PartnerRecord>[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const { index, record } of partners) {
    if (record.protocol === 'iso18626' && !record.endpoint) {
      problems.push({
        path: `partners[${index}].endpoint`,
        message: `is missing — partner ${record.code} uses iso18626, so give its ISO 18626 endpoint (https://…) or set "protocol": "email"`,
      });
    }
    if (record.protocol === 'email' && !record.email) {
      problems.push({
        path: `partners[${index}].email`,
        message: `is missing — partner ${record.code} uses email, so give the address its letters go to`,
      });
    }
  }
  return problems;
}

type Parsed = { [S in ImportSection]: readonly Indexed<ImportDocument[S][number]>[] };
type RawRecords = Record<ImportSection, readonly Indexed<Record<string, unknown>>[]>;

/** A key field as the importer will store it, or undefined when it is not usable text. */
function keyOf(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function duplicateProblems(raw: RawRecords): ImportProblem[] {
  const problems: ImportProblem[] = [];
  /** `seen` maps a folded key to where it was first used, across the sections that share it. */
  const unique = (
    section: ImportSection,
    field: string,
    label: string,
    advice: string,
    seen = new Map<string, string>(),
  ) => {
    for (const { index, record } of raw[section]) {
      const value = keyOf(record, field);
      if (value === undefined) continue;
      const folded = identifierKey(value);
      const earlier = seen.get(folded);
      if (earlier === undefined) seen.set(folded, `${section}[${index}]`);
      else
        problems.push({
          path: `${section}[${index}].${field}`,
          message: `"${quoted(value)}" is already the ${label} of ${earlier} — ${advice}`,
        });
    }
  };
  unique('workflowProfiles', 'name', 'name', 'give each profile its own name');
  unique('partners', 'code', 'code', 'give each partner its own code');
  unique('patrons', 'id', 'id', 'give each patron their own id');
  unique('patrons', 'barcode', 'barcode', 'a barcode belongs to one patron');
  unique('items', 'barcode', 'barcode', 'a barcode belongs to one item');
  // One request ID names one request, whichever side it is on: a scan of it must find one request.
  const requestIds = new Map<string, string>();
  const advice = 'request IDs must be unique across borrowing and lending requests';
  unique('borrowingRequests', 'requestId', 'request ID', advice, requestIds);
  unique('lendingRequests', 'requestId', 'request ID', advice, requestIds);
  problems.push(
    ...externalIdProblems('borrowingRequests', raw),
    ...externalIdProblems('lendingRequests', raw),
  );
  return problems;
}

/** External Identifiers are unique per partner (DESIGN.md §5): the same one at two partners is fine. */
function externalIdProblems(
  section: 'borrowingRequests' | 'lendingRequests',
  raw: RawRecords,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  for (const { index, record } of raw[section]) {
    const externalId = keyOf(record, 'externalId');
    const partner = keyOf(record, 'partner');
    if (externalId === undefined || partner === undefined) continue;
    const key = identifierKey(`${partner}\u0000${externalId}`);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, `${section}[${index}]`);
    } else {
      problems.push({
        path: `${section}[${index}].externalId`,
        message: `"${externalId}" from partner ${partner} is already used by ${earlier} — an External Identifier may repeat only at different partners`,
      });
    }
  }
  return problems;
}

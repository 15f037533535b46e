import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from '../../db/database.ts';
import { createGate, type Gate } from '../../db/gate.ts';
import { ensureDefaults } from '../../db/repositories/seed.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { DeskError } from '../../shared/api/result.ts';
import { statusCodes, statusLabel, type RequestKind } from '../../shared/domain/statuses.ts';
import { ALLOWED_FIELDS, type ImportSection } from '../../shared/import/import-format.ts';
import { changedTables, fingerprint } from './db-fingerprint.ts';
import { recordFaultCounts } from './fault-counts.ts';

/**
 * Import files (DESIGN.md §6), fuzzed: files generated in the real format, imported whole; then
 * the same files with one thing wrong — a wrong type, a missing or unknown field, a duplicate ID,
 * a 1 MB string, the wrong nesting, a reference to nothing, text that is not JSON. Each bad file
 * must be refused by a DeskError naming the file, where the problem is and what to do, and leave
 * every table of the real SQLite file exactly as it was.
 */

type Rec = Record<string, unknown>;
type Doc = Partial<Record<ImportSection, Rec[]>>;

let dir: string;
let db: DeskDatabase;
let gate: Gate;
let files = 0;
const tally = { inputs: 0, refused: 0, imported: 0, records: 0, megabyteFields: 0 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rs-desk-fuzz-import-'));
  db = openDatabase(join(dir, 'rs-desk.sqlite'));
  gate = createGate(db);
  await ensureDefaults(gate);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
  recordFaultCounts('Fuzzing: import files', tally);
});

/** Writes `content` (a document, or raw text) to a file of its own and imports it. */
async function importContent(content: unknown, raw?: string) {
  files += 1;
  tally.inputs += 1;
  const file = join(dir, `fuzz-${files}.json`);
  writeFileSync(file, raw ?? JSON.stringify(content, null, 2));
  try {
    return { ok: true as const, summary: await importFile(gate, file), name: `fuzz-${files}.json` };
  } catch (error) {
    return { ok: false as const, error, name: `fuzz-${files}.json` };
  } finally {
    rmSync(file, { force: true });
  }
}

/** Each run's identifiers carry a tag of their own, so files never clash with earlier runs. */
let runs = 0;
const nextTag = () => `R${(runs += 1)}`;

// ——— generating valid files ———

/** Text that is never blank: a letter, then anything (control characters and lone surrogates too). */
const someText = (max: number) => fc.string({ unit: 'binary', maxLength: max }).map((s) => `T${s}`);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
/** A suffix after an identifier's unique stem; `:` ends the stem so P1:0 never meets P10:. */
const idSuffix = fc.string({ unit: 'grapheme', maxLength: 12 });
const isoDate = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** A status as its code or Alma name, in any letter case, as DESIGN.md §6 allows. */
const status = (kind: RequestKind) =>
  fc
    .tuple(
      fc.constantFrom(...statusCodes(kind)),
      fc.boolean(),
      fc.constantFrom('same', 'lower', 'upper'),
    )
    .map(([code, label, casing]) => {
      const text = label ? statusLabel(kind, code) : code;
      return casing === 'lower'
        ? text.toLowerCase()
        : casing === 'upper'
          ? text.toUpperCase()
          : text;
    });
const format = fc.constantFrom('PHYSICAL', 'DIGITAL', 'PHYSICAL_NON_RETURNABLE', 'physical');

interface Shape {
  readonly profiles: readonly { name: string; type: 'LENDING' | 'BORROWING'; steps: string[] }[];
  readonly partners: readonly Rec[];
  readonly patrons: readonly Rec[];
  readonly items: readonly Rec[];
  readonly borrowing: readonly { rec: Rec; partner: number; patron: number }[];
  readonly lending: readonly { rec: Rec; partner: number; item: number | undefined }[];
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  profiles: fc.array(
    fc.record({
      name: word,
      type: fc.constantFrom('LENDING' as const, 'BORROWING' as const),
      steps: fc.constant([] as string[]),
    }),
    { maxLength: 2 },
  ),
  partners: fc.array(
    fc.record(
      {
        name: someText(60),
        symbol: optional(word),
        protocol: fc.constantFrom('iso18626', 'email', 'ISO 18626', 'E-mail'),
        endpoint: word.map((w) => `https://${w}.example.edu/iso18626`),
        email: word.map((w) => `ill@${w}.example.edu`),
        isoVersion: optional(fc.constantFrom('1.2', '2021')),
        address: optional(
          fc.record(
            { line1: optional(someText(40)), locality: optional(someText(20)) },
            { requiredKeys: [] },
          ),
        ),
        expiryDays: optional(fc.integer({ min: 0, max: 365 })),
        loanPeriodDays: optional(fc.integer({ min: 0, max: 730 })),
        active: optional(fc.boolean()),
        lendingWorkflow: optional(fc.constant('Peer to Peer Lending')),
      },
      { requiredKeys: ['name', 'protocol', 'endpoint', 'email'] },
    ),
    { minLength: 1, maxLength: 4 },
  ),
  patrons: fc.array(
    fc.record(
      {
        name: someText(40),
        barcode: optional(fc.constant(true)),
        email: optional(word.map((w) => `${w}@example.edu`)),
        pickupLocation: optional(someText(30)),
      },
      { requiredKeys: ['name'] },
    ),
    { minLength: 1, maxLength: 4 },
  ),
  items: fc.array(
    fc.record(
      {
        title: someText(80),
        author: optional(someText(30)),
        isbn: optional(fc.stringMatching(/^97[89]\d{10}$/)),
        callNumber: optional(someText(20)),
        location: optional(someText(20)),
      },
      { requiredKeys: ['title'] },
    ),
    { maxLength: 4 },
  ),
  borrowing: fc.array(
    fc.record({
      rec: fc.record(
        {
          title: someText(80),
          author: optional(someText(30)),
          status: status('borrowing'),
          format: optional(format),
          neededBy: optional(isoDate),
          dueDate: optional(isoDate),
          note: optional(someText(100)),
        },
        { requiredKeys: ['title', 'status'] },
      ),
      partner: fc.nat(),
      patron: fc.nat(),
    }),
    { maxLength: 5 },
  ),
  lending: fc.array(
    fc.record({
      rec: fc.record(
        {
          title: someText(80),
          status: status('lending'),
          requestedFormat: optional(format),
          levelOfService: optional(fc.constantFrom('Standard', 'Rush')),
          neededBy: optional(isoDate),
        },
        { requiredKeys: ['title', 'status'] },
      ),
      partner: fc.nat(),
      item: optional(fc.nat()),
    }),
    { maxLength: 5 },
  ),
});

/** A valid import file from a shape: unique identifiers under `tag`, references that resolve. */
function build(shape: Shape, tag: string, suffix: string): Doc {
  const id = (stem: string, i: number) => `${tag}-${stem}${i}:${suffix}`;
  const partners = shape.partners.map((p, i) => ({ code: id('PA', i), ...p }));
  const patrons = shape.patrons.map((p, i) => ({
    ...p,
    id: id('PT', i),
    barcode: p.barcode ? id('PB', i) : undefined,
  }));
  const items = shape.items.map((item, i) => ({ barcode: id('IT', i), ...item }));
  const pick = <T>(list: readonly T[], n: number) => list[n % list.length] as T;
  const doc: Doc = {
    partners,
    patrons,
    items,
    borrowingRequests: shape.borrowing.map((b, i) => ({
      requestId: id('B', i),
      externalId: id('BE', i),
      partner: caseSwap(String(pick(partners, b.partner).code)),
      patron: pick(patrons, b.patron).id,
      ...b.rec,
    })),
    lendingRequests: shape.lending.map((l, i) => ({
      requestId: id('L', i),
      externalId: id('LE', i),
      partner: pick(partners, l.partner).code,
      ...(l.item !== undefined && items.length > 0
        ? { itemBarcode: pick(items, l.item).barcode }
        : {}),
      ...l.rec,
    })),
  };
  if (shape.profiles.length > 0) {
    doc.workflowProfiles = shape.profiles.map((p, i) => ({ ...p, name: `${tag} ${p.name} ${i}` }));
  }
  return JSON.parse(JSON.stringify(doc)) as Doc; // drops undefined, as a file would
}

const docArb = fc.tuple(shapeArb, idSuffix);

// ——— what a refusal must say ———

const ADVICE =
  /—|\b(use|add|remove|rename|write|give|fill|fix|must|should|choose|keep|set|send|quote|leave)\b/i;

/** The refusal must name the file, say nothing changed, and give the problem at `path` with advice. */
function expectRefusal(
  outcome: Awaited<ReturnType<typeof importContent>>,
  path: string | null,
): string {
  expect(outcome.ok, 'a bad file was imported').toBe(false);
  if (outcome.ok) return '';
  expect(outcome.error).toBeInstanceOf(DeskError);
  const error = outcome.error as DeskError;
  expect(['INVALID_INPUT', 'CONFLICT']).toContain(error.code);
  const message = error.message;
  expect(message).toContain(outcome.name);
  expect(message).toMatch(/nothing was changed/i);
  // A refusal staff can read: a 1 MB value is not repeated back at them.
  expect(message.length).toBeLessThan(6_000);
  if (path !== null) {
    const line = message.split('\n').find((l) => l.trimStart().startsWith(`${path}:`));
    expect(line, `no line for ${path} in:\n${message.slice(0, 2_000)}`).toBeDefined();
    expect(line).toMatch(ADVICE);
  }
  tally.refused += 1;
  return message;
}

async function expectUnchanged(work: () => Promise<void>): Promise<void> {
  const before = fingerprint(db);
  await work();
  expect(changedTables(before, fingerprint(db))).toEqual([]);
}

// ——— mutations, each with the place it must be reported ———

const REQUIRED: Record<ImportSection, readonly string[]> = {
  workflowProfiles: ['name', 'type'],
  partners: ['code', 'name', 'protocol'],
  patrons: ['id', 'name'],
  items: ['barcode', 'title'],
  borrowingRequests: ['requestId', 'externalId', 'partner', 'patron', 'title', 'status'],
  lendingRequests: ['requestId', 'externalId', 'partner', 'title', 'status'],
};

const MEGABYTE = 'x'.repeat(1_048_576);

/** Values of another type than the field's; never null (optional fields accept it). */
function wrongValue(current: unknown, n: number): unknown {
  const pick = <T>(list: readonly T[]) => list[n % list.length] as T;
  if (typeof current === 'string') return pick([12345, 0, true, {}, ['x'], { value: current }]);
  if (typeof current === 'number') return pick([String(current), true, [], {}, -1, 2.5, 1e9]);
  if (typeof current === 'boolean') return pick(['yes', 'true', 1, 0, []]);
  if (Array.isArray(current)) return pick(['LOAN', 7, { steps: current }]);
  return pick(['Albany', ['x'], 42]);
}

/** Swaps the case of ASCII letters only: the desk's NOCASE columns fold nothing else. */
const caseSwap = (s: string) =>
  s.replace(/[A-Za-z]/g, (c) => (c >= 'a' ? c.toUpperCase() : c.toLowerCase()));

interface Mutated {
  readonly doc?: unknown;
  readonly raw?: string;
  /** Where the refusal must point; null when only the refusal itself is checked. */
  readonly path: string | null;
  readonly kind: string;
}

const SECTIONS: readonly ImportSection[] = [
  'workflowProfiles',
  'partners',
  'patrons',
  'items',
  'borrowingRequests',
  'lendingRequests',
];

/** Adds a field as a file would have it: "__proto__" becomes an own field, not the prototype. */
function withField(rec: Rec, key: string, value: unknown): Rec {
  Object.defineProperty(rec, key, { value, enumerable: true, writable: true, configurable: true });
  return rec;
}

const isRecord = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file's records that are still objects in lists (earlier mutations may have broken some). */
function records(doc: Doc): [ImportSection, number, Rec][] {
  return SECTIONS.flatMap((s) => {
    const list: unknown = doc[s];
    if (!Array.isArray(list)) return [];
    return list.flatMap((r: unknown, i): [ImportSection, number, Rec][] =>
      isRecord(r) ? [[s, i, r]] : [],
    );
  });
}

const mutationArb = fc.record({
  kind: fc.constantFrom(
    'wrongType',
    'missing',
    'unknownField',
    'duplicate',
    'huge',
    'nesting',
    'reference',
    'topLevel',
  ),
  at: fc.nat(),
  field: fc.nat(),
  n: fc.nat(),
  key: fc.oneof(
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'Code', 'titel', 'partner_code', 'id '),
  ),
});

/** Applies one mutation to a copy of `doc`; returns the bad file and where its problem is. */
/** Mutations that leave every record an object in its list, and never write a good value. */
const SEVERAL_KINDS = ['wrongType', 'missing', 'unknownField', 'huge'];

type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

function mutate(doc: Doc, m: Mutation): Mutated {
  const copy = JSON.parse(JSON.stringify(doc)) as Doc;
  const all = records(copy);
  const [section, index, rec] = all[m.at % all.length] as [ImportSection, number, Rec];
  const at = `${section}[${index}]`;
  const fields = Object.keys(rec);
  const field = fields[m.field % fields.length] as string;
  switch (m.kind) {
    case 'wrongType':
      rec[field] = wrongValue(rec[field], m.n);
      return { doc: copy, path: `${at}.${field}`, kind: m.kind };
    case 'missing': {
      const required = REQUIRED[section];
      const gone = required[m.field % required.length] as string;
      delete rec[gone];
      return { doc: copy, path: `${at}.${gone}`, kind: m.kind };
    }
    case 'unknownField': {
      const allowed = ALLOWED_FIELDS[section];
      if (allowed.includes(m.key)) return { doc: copy, path: null, kind: 'valid' };
      if (section === 'partners' && m.n % 3 === 0) {
        const address = (rec.address ?? {}) as Rec;
        rec.address = withField(address, m.key, 1);
        if (ALLOWED_FIELDS.address.includes(m.key)) return { doc: copy, path: null, kind: 'valid' };
        return { doc: copy, path: `${at}.address.${m.key}`, kind: m.kind };
      }
      withField(rec, m.key, 'value');
      return { doc: copy, path: `${at}.${m.key}`, kind: m.kind };
    }
    case 'duplicate':
      return duplicate(copy, m.n) ?? { doc: copy, path: null, kind: 'valid' };
    case 'huge': {
      tally.megabyteFields += 1;
      const strings = fields.filter((f) => typeof rec[f] === 'string');
      if (m.n % 4 === 0 || strings.length === 0) {
        // A 1 MB field name.
        withField(rec, `${m.key}${MEGABYTE}`, 'value');
        return { doc: copy, path: null, kind: 'hugeKey' };
      }
      const target = strings[m.field % strings.length] as string;
      rec[target] = m.n % 2 === 0 ? MEGABYTE : `${String(rec[target])}${MEGABYTE}`;
      return { doc: copy, path: `${at}.${target}`, kind: m.kind };
    }
    case 'nesting':
      return nesting(copy, section, index, m.n);
    case 'reference': {
      const nowhere = `${m.key.trim() || 'X'}-NOWHERE-${m.n}`.slice(0, 150);
      const refs = all.filter(([s]) => s === 'borrowingRequests' || s === 'lendingRequests');
      if (refs.length === 0) return { doc: copy, path: null, kind: 'valid' };
      const [s, i, r] = refs[m.at % refs.length] as [ImportSection, number, Rec];
      const which = s === 'borrowingRequests' && m.n % 2 === 1 ? 'patron' : 'partner';
      r[which] = nowhere;
      return { doc: copy, path: `${s}[${i}].${which}`, kind: m.kind };
    }
    default:
      return topLevel(copy, m.key, m.n);
  }
}

/** The key fields a file must not repeat (DESIGN.md §5), and where a repeat is reported. */
function duplicate(doc: Doc, n: number): Mutated | null {
  const options: [ImportSection, string, ImportSection][] = [
    ['workflowProfiles', 'name', 'workflowProfiles'],
    ['partners', 'code', 'partners'],
    ['patrons', 'id', 'patrons'],
    ['patrons', 'barcode', 'patrons'],
    ['items', 'barcode', 'items'],
    ['borrowingRequests', 'requestId', 'borrowingRequests'],
    ['lendingRequests', 'requestId', 'lendingRequests'],
    // One request ID across both sides.
    ['borrowingRequests', 'requestId', 'lendingRequests'],
    ['borrowingRequests', 'externalId', 'borrowingRequests'],
    ['lendingRequests', 'externalId', 'lendingRequests'],
  ];
  for (let k = 0; k < options.length; k += 1) {
    const [from, field, to] = options[(n + k) % options.length] as [
      ImportSection,
      string,
      ImportSection,
    ];
    const sources = doc[from] ?? [];
    const i = sources.findIndex((r) => typeof r[field] === 'string');
    const first = sources[i];
    if (first === undefined) continue;
    const targets = (doc[to] ?? []).map((_, j) => j).filter((j) => from !== to || j !== i);
    if (targets.length === 0) continue;
    const j = targets[n % targets.length] as number;
    const target = (doc[to] ?? [])[j] as Rec;
    // Identifiers compare without letter case, as the desk's columns do.
    target[field] = n % 2 === 0 ? caseSwap(String(first[field])) : String(first[field]);
    if (field === 'externalId') target.partner = first.partner;
    // The later of the two is the one reported.
    return { doc, path: `${to}[${from === to ? Math.max(i, j) : j}].${field}`, kind: 'duplicate' };
  }
  return null;
}

function nesting(doc: Doc, section: ImportSection, index: number, n: number): Mutated {
  const list = doc[section] as Rec[];
  const rec = list[index] as Rec;
  switch (n % 5) {
    case 0: // the section is one record, not a list
      return { doc: { ...doc, [section]: rec }, path: section, kind: 'nesting' };
    case 1: // a record wrapped in a list
      list[index] = [rec] as unknown as Rec;
      return { doc, path: `${section}[${index}]`, kind: 'nesting' };
    case 2: // a record wrapped in another object
      list[index] = { record: rec };
      return { doc, path: `${section}[${index}].record`, kind: 'nesting' };
    case 3: // a record as text
      list[index] = JSON.stringify(rec) as unknown as Rec;
      return { doc, path: `${section}[${index}]`, kind: 'nesting' };
    default: // the sections one level down
      return { doc: { data: doc }, path: 'data', kind: 'nesting' };
  }
}

function topLevel(doc: Doc, key: string, n: number): Mutated {
  switch (n % 6) {
    case 0:
      return { doc: [doc], path: null, kind: 'topLevel' };
    case 1:
      return { doc: null, path: null, kind: 'topLevel' };
    case 2:
      return { doc: 'partners', path: null, kind: 'topLevel' };
    case 3:
      return { doc: {}, path: null, kind: 'topLevel' };
    default: {
      const name = (SECTIONS as readonly string[]).includes(key) ? `${key}s` : key;
      const bad = withField(JSON.parse(JSON.stringify(doc)) as Rec, name, []);
      return { doc: bad, path: name, kind: 'topLevel' };
    }
  }
}

/** Text that is not JSON: cut short, a trailing comma, single quotes, NaN, a comment, bytes. */
const notJsonArb = fc.record({
  at: fc.nat(),
  how: fc.integer({ min: 0, max: 6 }),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
});

function notJson(
  text: string,
  m: typeof notJsonArb extends fc.Arbitrary<infer T> ? T : never,
): { raw: string; line: number | 'early' | null } {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const spots = (pattern: RegExp) => [...text.matchAll(pattern)].map((x) => x.index);
  const pick = (list: number[]) => list[m.at % Math.max(1, list.length)];
  switch (m.how) {
    case 0: {
      const cut = 1 + (m.at % (text.trimEnd().length - 1));
      return { raw: text.slice(0, cut), line: 'early' };
    }
    case 1: {
      // A comma before a closing bracket, the commonest hand-editing slip.
      const at = pick(spots(/\n\s*[}\]]/g));
      if (at === undefined) return { raw: `${text},`, line: null };
      return { raw: `${text.slice(0, at)},${text.slice(at)}`, line: lineOf(at + 1) };
    }
    case 2: {
      const at = pick(spots(/"/g)) ?? 0;
      return { raw: `${text.slice(0, at)}'${text.slice(at + 1)}`, line: lineOf(at) };
    }
    case 3: {
      const at = pick(spots(/: /g)) ?? 0;
      return { raw: `${text.slice(0, at + 2)}NaN, "x": ${text.slice(at + 2)}`, line: lineOf(at) };
    }
    case 4: {
      const at = pick(spots(/\n/g)) ?? 0;
      return {
        raw: `${text.slice(0, at)}\n// imported from the old system${text.slice(at)}`,
        line: lineOf(at) + 1,
      };
    }
    case 5:
      return { raw: Buffer.from(m.bytes).toString('latin1'), line: null };
    default:
      return { raw: m.at % 2 === 0 ? '' : ' \n\t ', line: null };
  }
}

// ——— the properties ———

// Generous: on a loaded machine a few thousand generated inputs take longer than the default.
describe('fuzzed import files', { timeout: 120_000 }, () => {
  it('imports generated valid files whole, with the counts the file has, and refuses them a second time', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, async ([shape, suffix]) => {
        const doc = build(shape, nextTag(), suffix);
        const count = (table: string) =>
          db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        const tables = ['partners', 'patrons', 'items', 'borrowing_requests', 'lending_requests'];
        const before = tables.map(count);
        const outcome = await importContent(doc);
        if (!outcome.ok) throw outcome.error;
        tally.imported += 1;
        const expected = {
          workflowProfiles: doc.workflowProfiles?.length ?? 0,
          partners: doc.partners?.length ?? 0,
          patrons: doc.patrons?.length ?? 0,
          items: doc.items?.length ?? 0,
          borrowingRequests: doc.borrowingRequests?.length ?? 0,
          lendingRequests: doc.lendingRequests?.length ?? 0,
        };
        tally.records += Object.values(expected).reduce((a, b) => a + b, 0);
        expect(outcome.summary).toMatchObject(expected);
        const added = [
          expected.partners,
          expected.patrons,
          expected.items,
          expected.borrowingRequests,
          expected.lendingRequests,
        ];
        expect(tables.map(count)).toEqual(before.map((n, i) => n + (added[i] ?? 0)));
        // The same file again adds nothing: every record is already in the desk.
        await expectUnchanged(async () => {
          const again = await importContent(doc);
          const message = expectRefusal(again, 'partners[0].code');
          expect(message).toMatch(/already exists in this desk/);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a file with one thing wrong, says where and what to do, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, mutationArb, async ([shape, suffix], m) => {
        const bad = mutate(build(shape, nextTag(), suffix), m);
        if (bad.kind === 'valid') return; // the mutation happened to keep the file valid
        await expectUnchanged(async () => {
          expectRefusal(await importContent(bad.doc), bad.path);
        });
      }),
      // Fewer runs rather than a slow suite when the machine is busy.
      { numRuns: 400, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('refuses a file with several things wrong and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        docArb,
        // Only mutations a later one cannot undo: a duplicate or a reference writes a good value
        // over a field, which may be the one an earlier mutation broke.
        fc.array(
          mutationArb.filter((m) => SEVERAL_KINDS.includes(m.kind)),
          { minLength: 2, maxLength: 5 },
        ),
        async ([shape, suffix], ms) => {
          let doc = build(shape, nextTag(), suffix);
          const paths: string[] = [];
          for (const m of ms) {
            const bad = mutate(doc, m);
            if (bad.kind === 'valid') continue;
            doc = bad.doc as Doc;
            if (bad.path !== null) paths.push(bad.path);
          }
          if (paths.length === 0) return;
          await expectUnchanged(async () => {
            const message = expectRefusal(await importContent(doc), null);
            // At least one of the problems made is named (ten at most are listed).
            expect(paths.some((path) => message.includes(`${path}:`))).toBe(true);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses text that is not JSON, saying where it breaks, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, notJsonArb, async ([shape, suffix], m) => {
        const text = JSON.stringify(build(shape, nextTag(), suffix), null, 2);
        const { raw, line } = notJson(text, m);
        await expectUnchanged(async () => {
          const outcome = await importContent(undefined, raw);
          expect(outcome.ok).toBe(false);
          if (outcome.ok) return;
          expect(outcome.error).toBeInstanceOf(DeskError);
          const message = (outcome.error as DeskError).message;
          tally.refused += 1;
          expect(message).toContain(outcome.name);
          if (raw.trim() === '')
            expect(message).toMatch(/is empty; an import file is a JSON object/);
          else if (line !== null) {
            expect(message).toMatch(/is not valid JSON/);
            expect(message).toMatch(/Fix it there .* nothing was changed/);
            if (line === 'early') expect(message).toMatch(/ends too early|at line \d+/);
            else expect(message).toContain(`at line ${line},`);
          } else {
            expect(message).toMatch(/not valid JSON|must hold one JSON object|empty/);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

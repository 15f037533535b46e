import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJson } from '../../electron/import/import-file.ts';
import type { DeskServer } from '../../electron/server/http-server.ts';
import { contract, METHODS, type Method } from '../../shared/api/contract.ts';
import { ERROR_CODES } from '../../shared/api/result.ts';
import { actionCodes } from '../../shared/domain/transitions.ts';
import { BORROWING_STATUS_CODES, LENDING_STATUS_CODES } from '../../shared/domain/statuses.ts';
import { stepCodes } from '../../shared/domain/workflow-profiles.ts';
import { deskSettingsSchema, SETTING_KEYS } from '../../shared/settings/desk-settings.ts';
import { openBorrowingDesk, type BorrowingDesk } from '../helpers/borrowing-desk.ts';
import { addMainStacksRequest } from '../helpers/lending-desk.ts';
import { serveTempDesk } from '../helpers/temp-desk.ts';
import { changedTables, fingerprint, type Fingerprint } from './db-fingerprint.ts';
import { recordFaultCounts } from './fault-counts.ts';
import {
  bodyText,
  jsonSchemaOf,
  nearMissArb,
  valueArb,
  wrongValue,
  type Pools,
} from './schema-arbitrary.ts';

/**
 * Every method of the API contract, fuzzed through the real browser-mode HTTP server on a desk
 * with data (good.json, plus a request in every status) in setup mode, where whoever calls has
 * Manager rights: inputs of each method's shape drawn partly from the desk's own identifiers,
 * near misses of them, and arbitrary JSON. Each call must answer an envelope — ok, or an error
 * with a code other than INTERNAL and words — and a refused call must leave every table as it was
 * (scans.submit journals a scan before judging it, so its refusals may add to the scan journal).
 */

let bd: BorrowingDesk;
let server: DeskServer;
let pools: Pools;

interface Tally {
  inputs: number;
  refused: number;
  accepted: number;
  methods: number;
  skipped: number;
}
const tally: Tally = { inputs: 0, refused: 0, accepted: 0, methods: 0, skipped: 0 };
const perMethod = new Map<string, { inputs: number; refused: number; codes: Set<string> }>();

beforeAll(async () => {
  bd = await openBorrowingDesk({ printer: 'none' });
  await addMainStacksRequest(bd);
  // A request in every status, so actions meet every state.
  await importJson(
    bd.desk.context.gate,
    {
      borrowingRequests: BORROWING_STATUS_CODES.map((status, i) => ({
        requestId: `FB-${i}`,
        externalId: `FBX-${i}`,
        partner: ['SUNYALB', 'SUNYBUF', 'VTECH'][i % 3],
        patron: i % 2 === 0 ? 'P100' : 'P101',
        title: `Fuzzed borrowing ${i}`,
        status,
      })),
      lendingRequests: LENDING_STATUS_CODES.map((status, i) => ({
        requestId: `FL-${i}`,
        externalId: `FLX-${i}`,
        partner: ['SUNYALB', 'SUNYBUF', 'VTECH'][i % 3],
        title: `Fuzzed lending ${i}`,
        status,
        ...(i % 2 === 0 ? { itemBarcode: '31234000123456' } : {}),
      })),
    },
    { source: 'fuzz-api.json' },
  );
  // The daily jobs the desk started on opening write their run when done; they finish first.
  await bd.desk.jobs.runDue();
  server = await serveTempDesk(bd.desk);
  const column = (sql: string) => bd.rows<{ v: string }>(sql).map((r) => r.v);
  const requestIds = [
    ...column('SELECT request_id AS v FROM borrowing_requests'),
    ...column('SELECT request_id AS v FROM lending_requests'),
  ];
  const externalIds = [
    ...column('SELECT external_id AS v FROM borrowing_requests'),
    ...column('SELECT external_id AS v FROM lending_requests'),
  ];
  const barcodes = [
    ...column('SELECT barcode AS v FROM items'),
    ...column('SELECT barcode AS v FROM patrons WHERE barcode IS NOT NULL'),
  ];
  const partners = column('SELECT code AS v FROM partners');
  const patrons = column('SELECT patron_id AS v FROM patrons');
  const profiles = column('SELECT name AS v FROM workflow_profiles');
  const statuses = [...BORROWING_STATUS_CODES, ...LENDING_STATUS_CODES];
  const steps = [...stepCodes('LENDING'), ...stepCodes('BORROWING')];
  const dates = ['2026-12-20', '2027-01-31', '2020-02-29', '2026-02-30', '1999-12-31'];
  const anything = [
    ...requestIds,
    ...externalIds,
    ...barcodes,
    ...partners,
    ...patrons,
    ...statuses,
    ...profiles,
    'ME',
  ];
  // Fields by name get the desk's values of that kind, so calls reach past validation.
  const byKey: [RegExp, readonly string[]][] = [
    [/requestIds?$/, requestIds],
    [/^value$/, [...requestIds, ...externalIds, ...barcodes]],
    [/[bB]arcode/, barcodes],
    [/^(partner|partners|code|editing)$/, partners],
    [/^patron$/, [...patrons, ...barcodes]],
    [/^action$/, [...actionCodes('borrowing'), ...actionCodes('lending')]],
    [/[sS]tatus/, statuses],
    [/^steps$/, steps],
    [/[dD]ate$|By$/, dates],
    [/^to$|[eE]mail/, ['ill@example.edu', 'ada@example.edu']],
    [/[wW]orkflow$/, profiles],
  ];
  pools = {
    strings: (key) =>
      byKey.find(([pattern]) => key !== undefined && pattern.test(key))?.[1] ?? anything,
    integers: [1, 2, 3, 4, 5, 6, 8, 10, 20, 30],
  };
});
afterAll(async () => {
  await server.close();
  await bd.dispose();
  const summary = [...perMethod.entries()]
    .map(([method, m]) => `${method} ${m.inputs}/${m.refused} (${[...m.codes].sort().join(' ')})`)
    .join('; ');
  recordFaultCounts(
    'Fuzzing: API inputs',
    { ...tally },
    `per method, inputs/refused (error codes seen): ${summary}`,
  );
});

interface Answer {
  readonly status: number;
  readonly body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

async function post(path: string, text: string, contentType = 'application/json'): Promise<Answer> {
  const response = await fetch(`${server.origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, 'X-RS-Desk-Token': server.token },
    body: text,
  });
  const answer = await response.text();
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, body: JSON.parse(answer) as Answer['body'] };
}

function snapshot(): Promise<Fingerprint> {
  return bd.desk.context.gate.read(() => Promise.resolve(fingerprint(bd.desk.context.db)));
}

/** Setup mode back (no active operator) if a call added one: every call keeps Manager rights. */
function keepSetupMode(): void {
  bd.desk.context.db.sqlite.exec('UPDATE operators SET active = 0 WHERE active = 1');
}

/** A setting whose saving would start something outside the test: a listener, a printer, SMTP. */
function startsSomething(input: unknown): boolean {
  const parsed = contract['settings.update'].input.safeParse(input);
  if (!parsed.success) return false;
  const { key, value } = parsed.data as { key: string; value: Record<string, unknown> };
  return (
    (key === 'iso18626' && value.listenerEnabled === true) ||
    (key === 'printing' && Array.isArray(value.printers) && value.printers.length > 0) ||
    (key === 'email' && value.host !== '')
  );
}

/** Calls `method` with the body and checks the answer and what it wrote. */
async function callAndJudge(method: string, text: string): Promise<void> {
  const before = await snapshot();
  const { status, body } = await post(`/api/${encodeURIComponent(method)}`, text);
  tally.inputs += 1;
  const stats = perMethod.get(method) ?? { inputs: 0, refused: 0, codes: new Set<string>() };
  perMethod.set(method, stats);
  stats.inputs += 1;
  expect(typeof body.ok).toBe('boolean');
  if (body.ok) {
    expect(status).toBe(200);
    tally.accepted += 1;
    keepSetupMode();
    return;
  }
  tally.refused += 1;
  stats.refused += 1;
  const error = body.error;
  expect(error, 'a refusal without an error').toBeDefined();
  if (!error) return;
  stats.codes.add(error.code);
  expect(ERROR_CODES).toContain(error.code);
  expect(error.code, `${method} failed inside: ${error.message}`).not.toBe('INTERNAL');
  // 503 is UNAVAILABLE (no printer set, say), a refusal; 500 is only ever INTERNAL.
  expect(status).not.toBe(500);
  expect(error.message.trim()).not.toBe('');
  expect(error.message.length, 'a refusal too long to read').toBeLessThan(5_000);
  let changed = changedTables(before, await snapshot());
  // A scan is journaled before it is judged; nothing else may change.
  if (method === 'scans.submit') changed = changed.filter((table) => table !== 'scans');
  expect(changed, `${method} was refused but wrote to ${changed.join(', ')}`).toEqual([]);
}

/** The inputs tried for one method: its shape, near misses of it, and anything at all. */
function inputsFor(method: Method): fc.Arbitrary<unknown> {
  let valid = valueArb(jsonSchemaOf(contract[method].input), pools);
  if (method === 'settings.update') {
    // The value's shape is the setting's own.
    valid = fc
      .constantFrom(...SETTING_KEYS)
      .chain((key) =>
        valueArb(jsonSchemaOf(deskSettingsSchema[key]), pools).map((value) => ({ key, value })),
      );
  }
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: nearMissArb(valid) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: wrongValue },
  );
}

const RUNS_PER_METHOD = 30;

// Generous: on a loaded machine a few thousand generated inputs take longer than the default.
describe('fuzzed API inputs over HTTP', { timeout: 120_000 }, () => {
  for (const method of METHODS) {
    it(`${method}: answers every input with ok or a clear refusal, and a refusal writes nothing`, async () => {
      tally.methods += 1;
      await fc.assert(
        fc.asyncProperty(inputsFor(method), async (input) => {
          if (method === 'settings.update' && startsSomething(input)) {
            tally.skipped += 1;
            return;
          }
          await callAndJudge(method, bodyText(input));
        }),
        { numRuns: RUNS_PER_METHOD },
      );
    });
  }

  it('refuses unknown methods, bodies that are not JSON and other content types with words', async () => {
    const names = fc.oneof(
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
      fc.constantFrom(
        '%E0%A4%A',
        '%',
        '%ZZ',
        '..%2F..%2Fetc%2Fpasswd',
        'desk.info%00',
        'DESK.INFO',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
      ),
    );
    const bodies = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '{',
        '{"a":',
        "{'a': 1}",
        'NaN',
        '[1,]',
        '\u0000',
        '{"__proto__": {"polluted": true}}',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        names,
        bodies,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (name, text, type) => {
          tally.inputs += 1;
          const before = await snapshot();
          const { status, body } = await post(`/api/${name}`, text, type);
          expect(status).not.toBe(500);
          if (body.ok) {
            tally.accepted += 1;
            keepSetupMode();
            return;
          }
          tally.refused += 1;
          expect(body.error?.code).not.toBe('INTERNAL');
          expect(body.error?.message.trim()).not.toBe('');
          expect(changedTables(before, await snapshot())).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still answers after all that', async () => {
    const { status, body } = await post('/api/desk.info', '{}');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });
});

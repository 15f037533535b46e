import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from '../../db/database.ts';
import { createGate, type Gate } from '../../db/gate.ts';
import { ensureDefaults } from '../../db/repositories/seed.ts';
import { importFile } from '../../electron/import/import-file.ts';
import {
  buildIsoMessage,
  parseConfirmation,
  parseIsoMessage,
} from '../../electron/messaging/iso18626/index.ts';
import { DeskError } from '../../shared/api/result.ts';
import { validateImportDocument } from '../../shared/import/import-validation.ts';
import { openInboundDesk, requestMessage, type InboundDesk } from '../helpers/iso-inbound.ts';
import { openTempDesk, serveTempDesk } from '../helpers/temp-desk.ts';

/**
 * What fuzzing found (test/faults/fuzz-*.test.ts), each pinned down by one example: the fuzz
 * tests find such things at random; these make sure each stays fixed.
 */

const MEGABYTE = 'x'.repeat(1_048_576);

describe('import refusals found by fuzzing', () => {
  const partner = { code: 'A', name: 'N', protocol: 'email', email: 'a@b.example.edu' };
  const request = {
    requestId: 'B-1',
    externalId: 'E-1',
    partner: 'A',
    patron: 'P',
    title: 'T',
    status: 'CREATED',
  };

  it.each([
    ['a status', { borrowingRequests: [{ ...request, status: MEGABYTE }] }],
    ['a format', { borrowingRequests: [{ ...request, format: MEGABYTE }] }],
    ['a date', { borrowingRequests: [{ ...request, neededBy: MEGABYTE }] }],
    ['a protocol', { partners: [{ ...partner, protocol: MEGABYTE }] }],
    ['an ISO version', { partners: [{ ...partner, isoVersion: MEGABYTE }] }],
    ['a number', { partners: [{ ...partner, expiryDays: MEGABYTE }] }],
    ['a section name', { [MEGABYTE]: [] }],
  ])('does not repeat a 1 MB value given as %s back in full', (_what, doc) => {
    const checked = validateImportDocument(doc);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const text = checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(text.length).toBeLessThan(1_000);
    expect(text).toMatch(/x{60}… \(1,048,576 characters\)/);
  });

  it('answers a 1 MB field name at once, naming it by its start', () => {
    const started = performance.now();
    const checked = validateImportDocument({ partners: [{ ...partner, [MEGABYTE]: 1 }] });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems.map((p) => p.path)).toEqual([
        `partners[0].${'x'.repeat(60)}… (1,048,576 characters)`,
      ]);
    }
  });

  it('says what to do about a value that is too long', () => {
    const checked = validateImportDocument({ partners: [{ ...partner, code: 'C'.repeat(201) }] });
    expect(checked).toMatchObject({
      ok: false,
      problems: [
        { path: 'partners[0].code', message: 'is too long (at most 200 characters) — shorten it' },
      ],
    });
  });

  describe('text that is not JSON', () => {
    let dir: string;
    let db: DeskDatabase;
    let gate: Gate;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'rs-desk-findings-'));
      db = openDatabase(join(dir, 'rs-desk.sqlite'));
      gate = createGate(db);
      await ensureDefaults(gate);
    });
    afterAll(() => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it.each([
      ['single quotes', `{\n  "partners": [\n    { 'code': "A" }\n  ]\n}`, 'line 3, column 7'],
      [
        'NaN',
        `{\n  "partners": [\n    { "code": "A", "expiryDays": NaN }\n  ]\n}`,
        'line 3, column 34',
      ],
      ['a bare word', `{\n  "patrons": [\n    { "id": P100 }\n  ]\n}`, 'line 3, column 13'],
    ])('names the line and column of %s, which V8 does not', async (_what, text, where) => {
      const file = join(dir, 'library.json');
      writeFileSync(file, text);
      const error = await importFile(gate, file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeskError);
      expect((error as DeskError).message).toContain(`library.json is not valid JSON at ${where}:`);
    });
  });
});

describe('ISO 18626 refusals found by fuzzing', () => {
  const message = buildIsoMessage(requestMessage({ id: 'PB-77', title: 'Kindred' }), '1.2');

  it.each(['&#160;', '&nbsp;', '&#x2003;'])(
    'reads a value of only %s as missing, as it reads one of spaces',
    (space) => {
      const parsed = parseIsoMessage(
        message.replace('<agencyIdType>ISIL', `<agencyIdType>${space}`),
      );
      expect(parsed).toMatchObject({
        ok: false,
        errorType: 'BadlyFormedMessage',
        errorValue:
          'request/header/supplyingAgencyId/agencyIdType is missing; ISO 18626 requires it in this message.',
      });
    },
  );

  it.each([
    ['a control character', message.replace('PB-77', 'PB-\u000177'), /U\+0001 \(line \d+\)/],
    ['U+FFFF', message.replace('<agencyIdType>ISIL', '<agencyIdType>\uFFFF'), /U\+FFFF/],
    ['a lone surrogate', message.replace('Kindred', 'Kin\uD800dred'), /U\+D800/],
    ['a reference to a control character', message.replace('PB-77', 'PB-&#1;77'), /&#1;/],
    ['a reference past Unicode', message.replace('Kindred', '&#x110000;'), /&#x110000;/],
  ])('refuses %s, which XML does not allow, instead of storing it', (_what, xml, where) => {
    const parsed = parseIsoMessage(xml);
    expect(parsed).toMatchObject({ ok: false, errorType: 'BadlyFormedMessage' });
    if (!parsed.ok) {
      expect(parsed.errorValue).toMatch(where);
      expect(parsed.errorValue).toMatch(/which XML does not allow; remove it/);
    }
  });

  describe('over HTTP', () => {
    let desk: InboundDesk;
    beforeAll(async () => {
      desk = await openInboundDesk();
    });
    afterAll(() => desk.dispose());

    it('answers a 10 MB message with a 413 and an ERROR confirmation, not a reset connection', async () => {
      const big = message.replace(
        '</header>',
        `</header><note>${'x'.repeat(10 * 1024 * 1024)}</note>`,
      );
      const posted = await desk.post(big);
      expect(posted.status).toBe(413);
      expect(posted.confirmation?.errorData).toEqual({
        errorType: 'BadlyFormedMessage',
        errorValue: 'The message is larger than the 1000000 bytes this library accepts.',
      });
    });

    it('answers a message with a control character with a confirmation a partner can read', async () => {
      const before = desk.footprint();
      const posted = await desk.post(message.replace('PB-77', 'PB-\u000177'));
      expect(posted.status).toBe(400);
      expect(parseConfirmation(posted.text).ok).toBe(true);
      expect(desk.footprint()).toEqual(before);
    });
  });
});

describe('API refusals found by fuzzing', () => {
  it('answers a method name that is not valid URL encoding with UNKNOWN_METHOD, not a 500', async () => {
    const temp = await openTempDesk();
    const server = await serveTempDesk(temp.desk);
    try {
      const post = async (path: string, body: string) => {
        const response = await fetch(`${server.origin}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': server.token },
          body,
        });
        const answer: unknown = await response.json();
        return { status: response.status, body: answer };
      };
      expect(await post('/api/%E0%A4%A', '{}')).toEqual({
        status: 404,
        body: {
          ok: false,
          error: {
            code: 'UNKNOWN_METHOD',
            message:
              'The method in the address is not valid; call /api/<method>, such as /api/desk.info.',
          },
        },
      });
      // A 10,000-character key is named by its start, not read back in full.
      const refused = await post('/api/desk.info', JSON.stringify({ ['k'.repeat(10_000)]: 1 }));
      expect(refused.status).toBe(400);
      const message = (refused.body as { error: { message: string } }).error.message;
      expect(message.length).toBeLessThan(400);
      expect(message).toMatch(
        /^Invalid input for desk\.info: Unrecognized key: "k+… \(\d+ characters\)\.$/,
      );
    } finally {
      await server.close();
      await temp.dispose();
    }
  });

  it('lists a facet value named like an object method ("valueOf") as itself, not a 500', async () => {
    const temp = await openTempDesk();
    try {
      const listed = await temp.desk.handlers['lending.list'](
        { tab: 'ALL', activity: 'ACTIVE', requestedFormat: ['valueOf'], limit: 10 },
        { id: 'fuzz-findings', transport: 'in-process', operatorId: null },
      );
      expect(listed.facets.requestedFormat).toContainEqual({
        value: 'valueOf',
        label: 'valueOf',
        count: 0,
      });
    } finally {
      await temp.dispose();
    }
  });
});

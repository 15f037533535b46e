import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from '../../db/database.ts';
import { createGate, type Gate } from '../../db/gate.ts';
import { ensureDefaults } from '../../db/repositories/seed.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { DeskError } from '../../shared/api/result.ts';

const FIXTURES = new URL('../fixtures/import/', import.meta.url).pathname;
const fixture = (name: string) => join(FIXTURES, name);

interface TestDesk {
  readonly db: DeskDatabase;
  readonly gate: Gate;
}

const open: DeskDatabase[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new desk on the real migrations, with the default profiles a desk gets when it opens. */
async function newDesk(): Promise<TestDesk> {
  const db = openDatabase(':memory:');
  open.push(db);
  const gate = createGate(db);
  await ensureDefaults(gate);
  return { db, gate };
}

/** Rows in every table, so a refused import can be shown to have written nothing anywhere. */
function rowCounts(db: DeskDatabase): Record<string, number> {
  const tables = db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number,
    ]),
  );
}

/** The refusal an import threw, or a failure if it did not throw one. */
async function refusal(work: Promise<unknown>): Promise<DeskError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeskError)) throw new Error(`expected a DeskError, got ${String(error)}`);
  return error;
}

function writeTemp(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'rs-desk-import-'));
  dirs.push(dir);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('importing a good file', () => {
  it('imports every record and says what it imported in one line', async () => {
    const { db, gate } = await newDesk();
    const summary = await importFile(gate, fixture('good.json'));
    expect(summary).toMatchObject({
      partners: 3,
      patrons: 2,
      items: 2,
      borrowingRequests: 3,
      lendingRequests: 2,
    });
    expect(summary.message).toBe(
      'Imported 3 partners, 2 patrons, 2 items, 3 borrowing requests and 2 lending requests from good.json.',
    );
    expect(rowCounts(db)).toMatchObject({
      partners: 3,
      patrons: 2,
      items: 2,
      borrowing_requests: 3,
      lending_requests: 2,
    });
  });

  it('finds a borrowing request by External Identifier with its partner and patron, its status read from the Alma name', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const row = db.sqlite
      .prepare(
        `
      SELECT b.request_id, b.status, b.format, b.needed_by, b.due_date, b.note, pa.code, pa.name AS partner, p.name AS patron
      FROM borrowing_requests b JOIN partners pa ON pa.id = b.partner_id JOIN patrons p ON p.id = b.patron_id
      WHERE b.external_id = ? AND pa.code = ?`,
      )
      .get('78239000001', 'SUNYALB');
    expect(row).toEqual({
      request_id: 'B-1001',
      status: 'SHIPPED_PHYSICALLY',
      format: 'PHYSICAL',
      needed_by: '2026-12-20',
      due_date: '2027-01-10',
      note: 'Patron needs this for a thesis defense.',
      code: 'SUNYALB',
      partner: 'University at Albany, SUNY',
      patron: 'Ada Lovelace',
    });
  });

  it('resolves partner and patron references in any letter case and reads a status name in any case', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const row = db.sqlite
      .prepare(
        `
      SELECT b.status, pa.code, p.patron_id FROM borrowing_requests b
      JOIN partners pa ON pa.id = b.partner_id JOIN patrons p ON p.id = b.patron_id WHERE b.request_id = 'B-1003'`,
      )
      .get();
    expect(row).toEqual({ status: 'SENT', code: 'SUNYALB', patron_id: 'P100' });
  });

  it('accepts the same External Identifier at two different partners', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const rows = db.sqlite
      .prepare(
        `
      SELECT b.request_id, pa.code FROM borrowing_requests b JOIN partners pa ON pa.id = b.partner_id
      WHERE b.external_id = '78239000001' ORDER BY b.request_id`,
      )
      .all();
    expect(rows).toEqual([
      { request_id: 'B-1001', code: 'SUNYALB' },
      { request_id: 'B-1002', code: 'SUNYBUF' },
    ]);
  });

  it('links a lending request to the item it names and stores formats as codes', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const rows = db.sqlite
      .prepare(
        `
      SELECT l.request_id, l.status, l.requested_format, l.item_barcode, i.title AS item_title
      FROM lending_requests l LEFT JOIN items i ON i.id = l.item_id ORDER BY l.request_id`,
      )
      .all();
    expect(rows).toEqual([
      {
        request_id: 'L-2001',
        status: 'CREATED',
        requested_format: 'PHYSICAL',
        item_barcode: '31234000123456',
        item_title: 'Introduction to Algorithms',
      },
      {
        request_id: 'L-2002',
        status: 'LOCATE_FAILED',
        requested_format: 'PHYSICAL_NON_RETURNABLE',
        item_barcode: null,
        item_title: null,
      },
    ]);
  });

  it('gives partners their address and workflow profiles, the Peer to Peer ones when the file names none', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const rows = db.sqlite
      .prepare(
        `
      SELECT pa.code, pa.protocol, pa.email, pa.iso_version, pa.locality, pa.postal_code, lw.name AS lending, bw.name AS borrowing
      FROM partners pa LEFT JOIN workflow_profiles lw ON lw.id = pa.lending_workflow_id
      LEFT JOIN workflow_profiles bw ON bw.id = pa.borrowing_workflow_id ORDER BY pa.code`,
      )
      .all();
    const p2p = { lending: 'Peer to Peer Lending', borrowing: 'Peer to Peer Borrowing' };
    expect(rows).toEqual([
      {
        code: 'SUNYALB',
        protocol: 'iso18626',
        email: null,
        iso_version: '1.2',
        locality: 'Albany',
        postal_code: '12222',
        ...p2p,
      },
      {
        code: 'SUNYBUF',
        protocol: 'iso18626',
        email: null,
        iso_version: '2021',
        locality: 'Buffalo',
        postal_code: '14260',
        ...p2p,
      },
      {
        code: 'VTECH',
        protocol: 'email',
        email: 'ill@vt.example.edu',
        iso_version: '1.2',
        locality: 'Blacksburg',
        postal_code: '24061',
        ...p2p,
      },
    ]);
  });

  it('writes one IMPORT history event per request, naming the file', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const events = db.sqlite
      .prepare(
        `
      SELECT coalesce(b.request_id, l.request_id) AS request, e.action, e.from_status, e.to_status, e.note
      FROM request_events e LEFT JOIN borrowing_requests b ON b.id = e.borrowing_request_id
      LEFT JOIN lending_requests l ON l.id = e.lending_request_id ORDER BY request`,
      )
      .all();
    const note = 'Imported from good.json';
    expect(events).toEqual([
      {
        request: 'B-1001',
        action: 'IMPORT',
        from_status: null,
        to_status: 'SHIPPED_PHYSICALLY',
        note,
      },
      { request: 'B-1002', action: 'IMPORT', from_status: null, to_status: 'RECEIVED', note },
      { request: 'B-1003', action: 'IMPORT', from_status: null, to_status: 'SENT', note },
      { request: 'L-2001', action: 'IMPORT', from_status: null, to_status: 'CREATED', note },
      { request: 'L-2002', action: 'IMPORT', from_status: null, to_status: 'LOCATE_FAILED', note },
    ]);
  });

  it('lets a later file refer to partners and patrons the desk already holds', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const later = writeTemp('more.json', {
      borrowingRequests: [
        {
          requestId: 'B-1004',
          externalId: '78239000001',
          partner: 'VTECH',
          patron: 'P101',
          title: 'Walden',
          status: 'CREATED',
        },
      ],
      lendingRequests: [
        {
          requestId: 'L-2003',
          externalId: '33100099',
          partner: 'SUNYALB',
          title: 'The Structure of Scientific Revolutions',
          status: 'WILL_SUPPLY',
          itemBarcode: '31234000123464',
        },
      ],
    });
    const summary = await importFile(gate, later);
    expect(summary.message).toBe(
      'Imported 1 borrowing request and 1 lending request from more.json.',
    );
    const item = db.sqlite
      .prepare(
        `SELECT i.barcode FROM lending_requests l JOIN items i ON i.id = l.item_id WHERE l.request_id = 'L-2003'`,
      )
      .pluck()
      .get();
    expect(item).toBe('31234000123464');
  });
});

describe('refusing a bad file: it names array, index and field, and nothing is written', () => {
  const cases: [file: string, where: string, what: string][] = [
    [
      'bad-unknown-field.json',
      'partners[0].colour',
      'unknown field — remove it (allowed: code, name, symbol, protocol',
    ],
    [
      'bad-status.json',
      'borrowingRequests[1].status',
      '"Shiped" is not a borrowing status (use a code such as SHIPPED_PHYSICALLY or an Alma name such as "Shipped physically")',
    ],
    [
      'bad-duplicate-request-id.json',
      'lendingRequests[1].requestId',
      '"b-1001" is already the request ID of borrowingRequests[0]',
    ],
    [
      'bad-unknown-partner.json',
      'borrowingRequests[1].partner',
      '"SUNYXYZ" is not a partner in this file or in this desk',
    ],
    ['bad-missing-field.json', 'patrons[1].name', 'is missing — every patron needs it'],
    [
      'bad-date.json',
      'borrowingRequests[0].neededBy',
      '"2026-02-30" is not a date — write dates as YYYY-MM-DD',
    ],
    [
      'bad-unknown-profile.json',
      'partners[1].lendingWorkflow',
      '"Peer to Peer Lendng" is not a workflow profile in this desk',
    ],
  ];

  it.each(cases)('refuses %s at %s and leaves every table as it was', async (file, where, what) => {
    const { db, gate } = await newDesk();
    const before = rowCounts(db);
    const error = await refusal(importFile(gate, fixture(file)));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`${file} was not imported; nothing was changed.`);
    expect(error.message).toContain(`${where}: ${what}`);
    expect(rowCounts(db)).toEqual(before);
  });

  it('refuses a record the desk already holds, naming it, and keeps the rest of that file out', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const before = rowCounts(db);
    const error = await refusal(importFile(gate, fixture('already-in-desk.json')));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(
      'lendingRequests[0].requestId: L-2001 already exists in this desk',
    );
    expect(rowCounts(db)).toEqual(before);
    expect(
      db.sqlite.prepare("SELECT count(*) FROM partners WHERE code = 'GMU'").pluck().get(),
    ).toBe(0);
  });

  it('refuses an External Identifier the desk already holds at the same partner', async () => {
    const { db, gate } = await newDesk();
    await importFile(gate, fixture('good.json'));
    const before = rowCounts(db);
    const again = writeTemp('again.json', {
      borrowingRequests: [
        {
          requestId: 'B-9001',
          externalId: '78239000001',
          partner: 'sunybuf',
          patron: 'P100',
          title: 'Walden',
          status: 'SENT',
        },
      ],
    });
    const error = await refusal(importFile(gate, again));
    expect(error.message).toContain(
      'borrowingRequests[0].externalId: 78239000001 from sunybuf already exists in this desk (request B-1002)',
    );
    expect(rowCounts(db)).toEqual(before);
  });

  it('refuses a file that is not JSON, naming the file and where the mistake is', async () => {
    const { db, gate } = await newDesk();
    const before = rowCounts(db);
    const error = await refusal(importFile(gate, fixture('not-json.txt')));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(
      /^not-json\.txt is not valid JSON at line 3, column \d+ \(a comma before } or \] is not allowed in JSON\): /,
    );
    expect(rowCounts(db)).toEqual(before);
  });

  it('refuses a file that does not exist, naming it', async () => {
    const { gate } = await newDesk();
    const missing = join(tmpdir(), 'rs-desk-no-such-file.json');
    const error = await refusal(importFile(gate, missing));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(`There is no file ${missing}.`);
  });

  it('lists the first ten problems and counts the rest', async () => {
    const { gate } = await newDesk();
    const file = writeTemp('many.json', {
      patrons: Array.from({ length: 14 }, (_, i) => ({ id: `P${i}`, name: 'A', shoeSize: 42 })),
    });
    const error = await refusal(importFile(gate, file));
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(
      'many.json was not imported; nothing was changed. Fix these 14 problems in the file and import it again:',
    );
    expect(lines).toHaveLength(12);
    expect(lines[1]).toMatch(/^ {2}patrons\[0\]\.shoeSize: unknown field/);
    expect(lines[11]).toBe('  … and 4 more problems of the same kinds.');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from '../../db/database.ts';
import { createGate, type Gate } from '../../db/gate.ts';
import { ensureDefaults } from '../../db/repositories/seed.ts';
import { buildDemoDocument } from '../../electron/demo/demo-data.ts';
import { DEMO_NEEDS_EMPTY_DESK, loadDemo } from '../../electron/demo/load-demo.ts';
import { DeskError } from '../../shared/api/result.ts';
import { validateImportDocument } from '../../shared/import/import-validation.ts';

const open: DeskDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function newDesk(): Promise<{ db: DeskDatabase; gate: Gate }> {
  const db = openDatabase(':memory:');
  open.push(db);
  const gate = createGate(db);
  await ensureDefaults(gate);
  return { db, gate };
}

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

const column = (db: DeskDatabase, query: string): unknown[] =>
  db.sqlite.prepare(query).pluck().all();

/** The statuses each desk screen acts on (DESIGN.md §4), plus the lending ones the task lists show. */
const BORROWING_DESK = [
  'SENT',
  'WILL_SUPPLY',
  'SHIPPED_PHYSICALLY',
  'RECEIVED',
  'LOANED',
  'RETURNED_BY_PATRON',
  'RENEWED',
  'RECALLED',
  'OVERDUE',
];
const LENDING_DESK = [
  'CREATED',
  'WILL_SUPPLY',
  'BEING_PROCESSED',
  'SHIPPED_PHYSICALLY',
  'RECEIVED_BY_PARTNER',
  'RENEW_REQUESTED',
  'RECALLED',
  'OVERDUE',
  'RETURNED_BY_PARTNER',
  'LOCATE_FAILED',
  'COMPLETED',
];

function validIsbn13(isbn: string): boolean {
  if (!/^97[89]\d{10}$/.test(isbn)) return false;
  const sum = [...isbn].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return sum % 10 === 0;
}

describe('the demo data set', () => {
  it('is the same document for the same seed and day, and a different one for another seed', () => {
    const first = JSON.stringify(buildDemoDocument(1, '2026-03-02'));
    expect(JSON.stringify(buildDemoDocument(1, '2026-03-02'))).toBe(first);
    expect(JSON.stringify(buildDemoDocument(2, '2026-03-02'))).not.toBe(first);
  });

  it('passes the import format as written to a file', () => {
    const result = validateImportDocument(JSON.parse(JSON.stringify(buildDemoDocument())));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('loads into an empty desk and says what it loaded', async () => {
    const { gate } = await newDesk();
    const summary = await loadDemo(gate, { today: '2026-03-02' });
    expect(summary.message).toMatch(
      /^Imported \d+ partners, 50 patrons, 500 items, 200 borrowing requests and 200 lending requests from the demo data set\.$/,
    );
  });

  it('has the four SUNY partners and at least two more, over both protocols, with loopback ISO endpoints', async () => {
    const { db, gate } = await newDesk();
    await loadDemo(gate);
    const names = column(db, 'SELECT name FROM partners');
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(names).toEqual(
      expect.arrayContaining([
        'Stony Brook University, SUNY',
        'Binghamton University, SUNY',
        'University at Albany, SUNY',
        'University at Buffalo, SUNY',
      ]),
    );
    expect(new Set(column(db, 'SELECT protocol FROM partners'))).toEqual(
      new Set(['iso18626', 'email']),
    );
    for (const endpoint of column(
      db,
      "SELECT endpoint FROM partners WHERE protocol = 'iso18626'",
    )) {
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:9\//);
    }
    expect(
      column(db, "SELECT email FROM partners WHERE protocol = 'email'").every((e) =>
        /@\w+\.example\.edu$/.test(String(e)),
      ),
    ).toBe(true);
    expect(
      column(
        db,
        'SELECT count(*) FROM partners WHERE lending_workflow_id IS NULL OR borrowing_workflow_id IS NULL OR expiry_days IS NULL',
      ),
    ).toEqual([0]);
  });

  it('has 50 patrons, accented names among them, with 14-digit barcodes starting with 2', async () => {
    const { db, gate } = await newDesk();
    await loadDemo(gate);
    const names = column(db, 'SELECT name FROM patrons') as string[];
    expect(names).toHaveLength(50);
    expect(names).toEqual(
      expect.arrayContaining([
        'José Núñez',
        'Zoë Ångström',
        'François Dupré',
        'Søren Kierkegård',
        'Małgorzata Wiśniewska',
      ]),
    );
    expect(names.filter((n) => /[\u0080-\uffff]/.test(n)).length).toBeGreaterThanOrEqual(3);
    expect(
      column(db, 'SELECT barcode FROM patrons').every((b) => /^2\d{13}$/.test(String(b))),
    ).toBe(true);
    expect(
      column(db, 'SELECT email FROM patrons').every((e) =>
        /^[a-z.-]+@example\.edu$/.test(String(e)),
      ),
    ).toBe(true);
  });

  it('has 500 items with valid ISBN-13 check digits, call numbers and shelving locations', async () => {
    const { db, gate } = await newDesk();
    await loadDemo(gate);
    expect(column(db, 'SELECT count(*) FROM items')).toEqual([500]);
    const isbns = column(db, 'SELECT isbn FROM items WHERE isbn IS NOT NULL') as string[];
    expect(isbns.length).toBeGreaterThan(400);
    expect(isbns.filter((isbn) => !validIsbn13(isbn))).toEqual([]);
    expect(
      column(
        db,
        'SELECT count(*) FROM items WHERE call_number IS NULL OR location IS NULL OR library IS NULL',
      ),
    ).toEqual([0]);
    expect(column(db, 'SELECT DISTINCT location FROM items')).toEqual(
      expect.arrayContaining(['Main Stacks', 'Science Library']),
    );
  });

  it('spreads 200 borrowing and 200 lending requests over every status the desk screens act on', async () => {
    const { db, gate } = await newDesk();
    await loadDemo(gate);
    expect(column(db, 'SELECT count(*) FROM borrowing_requests')).toEqual([200]);
    expect(column(db, 'SELECT count(*) FROM lending_requests')).toEqual([200]);
    expect(column(db, 'SELECT DISTINCT status FROM borrowing_requests')).toEqual(
      expect.arrayContaining(BORROWING_DESK),
    );
    expect(column(db, 'SELECT DISTINCT status FROM lending_requests')).toEqual(
      expect.arrayContaining(LENDING_DESK),
    );
    expect(column(db, 'SELECT request_id FROM borrowing_requests ORDER BY id LIMIT 1')).toEqual([
      'B-1001',
    ]);
    expect(column(db, 'SELECT request_id FROM lending_requests ORDER BY id LIMIT 1')).toEqual([
      'L-2001',
    ]);
    expect(
      column(
        db,
        "SELECT count(*) FROM request_events WHERE action = 'IMPORT' AND note = 'Imported from the demo data set'",
      ),
    ).toEqual([400]);
  });

  it('issues External Identifiers as digit strings, some with leading zeros, one of them at two partners', async () => {
    const { db, gate } = await newDesk();
    await loadDemo(gate);
    const ids = [
      ...column(db, 'SELECT external_id FROM borrowing_requests'),
      ...column(db, 'SELECT external_id FROM lending_requests'),
    ] as string[];
    expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
    expect(ids.some((id) => id.startsWith('0'))).toBe(true);
    const shared = column(
      db,
      `
      SELECT external_id FROM borrowing_requests GROUP BY external_id HAVING count(DISTINCT partner_id) > 1
      UNION SELECT external_id FROM lending_requests GROUP BY external_id HAVING count(DISTINCT partner_id) > 1`,
    );
    expect(shared.length).toBeGreaterThanOrEqual(1);
  });

  it('has lending requests name items the desk holds, each item on one request', async () => {
    const { db, gate } = await newDesk();
    await loadDemo(gate);
    expect(
      column(
        db,
        'SELECT count(*) FROM lending_requests WHERE item_barcode IS NOT NULL AND item_id IS NULL',
      ),
    ).toEqual([0]);
    const barcodes = column(
      db,
      'SELECT item_barcode FROM lending_requests WHERE item_barcode IS NOT NULL',
    );
    expect(barcodes.length).toBeGreaterThan(150);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(
      column(
        db,
        "SELECT count(*) FROM lending_requests WHERE status = 'LOCATE_FAILED' AND item_barcode IS NOT NULL",
      ),
    ).toEqual([0]);
  });

  it('refuses a second load, says to use a new data directory, and leaves the desk as it was', async () => {
    const { db, gate } = await newDesk();
    await loadDemo(gate);
    const before = rowCounts(db);
    const error = await loadDemo(gate).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: DEMO_NEEDS_EMPTY_DESK });
    expect(rowCounts(db)).toEqual(before);
  });
});

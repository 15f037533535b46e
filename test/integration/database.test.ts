import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../../db/database.ts';
import { createGate } from '../../db/gate.ts';
import { ensureDefaults } from '../../db/repositories/seed.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rs-desk-db-'));
  dirs.push(dir);
  return join(dir, 'desk.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Journal {
  entries: { idx: number; tag: string }[];
}
const JOURNAL = JSON.parse(
  readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'),
) as Journal;

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'rs-desk-migrations-'));
  dirs.push(dir);
  cpSync(DEFAULT_MIGRATIONS_FOLDER, dir, { recursive: true });
  const journal: Journal = { ...JOURNAL, entries: JOURNAL.entries.slice(0, count) };
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

const TABLES = [
  'borrowing_requests',
  'desk_actions',
  'items',
  'lending_requests',
  'operators',
  'partner_messages',
  'partners',
  'patrons',
  'print_jobs',
  'request_events',
  'scans',
  'settings',
  'workflow_profiles',
];

describe('opening the desk database', () => {
  it('uses WAL, foreign keys and a busy timeout, and creates every table of DESIGN.md §5', () => {
    const db = openDatabase(tempFile());
    try {
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      const tables = (
        db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(TABLES));
    } finally {
      db.close();
    }
  });

  it('applies migrations once: reopening the same file keeps its data', async () => {
    const file = tempFile();
    const first = openDatabase(file);
    await ensureDefaults(createGate(first));
    first.close();
    const again = openDatabase(file);
    try {
      const migrations = again.sqlite
        .prepare('SELECT count(*) AS n FROM __drizzle_migrations')
        .get() as { n: number };
      expect(migrations.n).toBe(JOURNAL.entries.length);
      const profiles = again.sqlite
        .prepare('SELECT name FROM workflow_profiles ORDER BY name')
        .all();
      expect(profiles).toEqual([
        { name: 'Peer to Peer Borrowing' },
        { name: 'Peer to Peer Lending' },
      ]);
    } finally {
      again.close();
    }
  });

  it('0001 keeps print jobs made before it and gives them an empty title', () => {
    const file = tempFile();
    const before = openDatabase(file, { migrationsFolder: migrationsUpTo(1) });
    before.sqlite
      .prepare(
        `INSERT INTO print_jobs (slip_kind, printer_uri, payload, state)
         VALUES ('RECEIVE_SLIP', 'tcp://10.0.0.5:9100', x'1b40', 'PENDING')`,
      )
      .run();
    before.close();
    const after = openDatabase(file);
    try {
      expect(after.sqlite.prepare('SELECT * FROM print_jobs').all()).toEqual([
        expect.objectContaining({
          slip_kind: 'RECEIVE_SLIP',
          state: 'PENDING',
          title: '',
          document: null,
          printer_name: null,
          payload: Buffer.from([0x1b, 0x40]),
        }),
      ]);
    } finally {
      after.close();
    }
  });

  it('0002 adds desk actions and the trimmed External Identifier index to a desk with requests', () => {
    const file = tempFile();
    const before = openDatabase(file, { migrationsFolder: migrationsUpTo(2) });
    before.sqlite.exec(`INSERT INTO partners (code, name, protocol) VALUES ('P1', 'One', 'email');
      INSERT INTO patrons (patron_id, name) VALUES ('U1', 'A');
      INSERT INTO borrowing_requests (request_id, external_id, partner_id, patron_id, title, status)
      VALUES ('B-1', '00041771', 1, 1, 'T', 'SENT')`);
    before.close();
    const after = openDatabase(file);
    try {
      const found = after.sqlite
        .prepare(
          "SELECT request_id FROM borrowing_requests INDEXED BY borrowing_external_trimmed_idx WHERE ltrim(external_id, '0') COLLATE NOCASE = ?",
        )
        .all('41771');
      expect(found).toEqual([{ request_id: 'B-1' }]);
      expect(after.sqlite.prepare('SELECT count(*) AS n FROM desk_actions').get()).toEqual({
        n: 0,
      });
    } finally {
      after.close();
    }
  });

  it('refuses a request that points at a partner that does not exist', () => {
    const db = openDatabase(':memory:');
    try {
      expect(() =>
        db.sqlite.exec(`INSERT INTO patrons (patron_id, name) VALUES ('U1', 'A');
          INSERT INTO borrowing_requests (request_id, external_id, partner_id, patron_id, title, status)
          VALUES ('B-1', 'X1', 99, 1, 'T', 'SENT')`),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('lets the same External Identifier exist at two partners but not twice at one', () => {
    const db = openDatabase(':memory:');
    try {
      db.sqlite
        .exec(`INSERT INTO partners (code, name, protocol) VALUES ('P1', 'One', 'email'), ('P2', 'Two', 'email');
        INSERT INTO patrons (patron_id, name) VALUES ('U1', 'A');
        INSERT INTO borrowing_requests (request_id, external_id, partner_id, patron_id, title, status)
        VALUES ('B-1', 'X1', 1, 1, 'T', 'SENT'), ('B-2', 'X1', 2, 1, 'T', 'SENT')`);
      expect(() =>
        db.sqlite
          .exec(`INSERT INTO borrowing_requests (request_id, external_id, partner_id, patron_id, title, status)
          VALUES ('B-3', 'x1', 1, 1, 'T', 'SENT')`),
      ).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });

  it('rolls a failed unit of work back whole', async () => {
    const db = openDatabase(':memory:');
    const gate = createGate(db);
    try {
      await expect(
        gate.transaction(async () => {
          db.sqlite.exec(
            "INSERT INTO partners (code, name, protocol) VALUES ('P1', 'One', 'email')",
          );
          throw new Error('scanner unplugged mid-save');
        }),
      ).rejects.toThrow('scanner unplugged');
      expect(db.sqlite.prepare('SELECT count(*) AS n FROM partners').get()).toEqual({ n: 0 });
      await gate.transaction(async () => {
        db.sqlite.exec("INSERT INTO partners (code, name, protocol) VALUES ('P1', 'One', 'email')");
      });
      expect(db.sqlite.prepare('SELECT count(*) AS n FROM partners').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});

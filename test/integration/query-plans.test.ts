import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { lookup, SCAN_LOOKUPS } from '../../db/repositories/scan-lookups.ts';

const db = openDatabase(':memory:');
afterAll(() => db.close());

function plan(sql: string): string {
  const params = sql.split('?').length - 1;
  const rows = db.sqlite
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...Array.from({ length: params }, () => 'x')) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('every scan lookup uses its index', () => {
  for (const [name, { sql, index }] of Object.entries(SCAN_LOOKUPS)) {
    it(`${name} searches ${index}`, () => {
      const detail = plan(sql);
      const using = index === 'PRIMARY KEY' ? 'INTEGER PRIMARY KEY' : `(COVERING )?INDEX ${index}`;
      expect(detail).toMatch(new RegExp(`SEARCH \\w+ USING ${using} `));
      expect(detail).not.toMatch(/\bSCAN\b/);
    });
  }

  it('the lookup helper itself matches External Identifiers regardless of case', async () => {
    db.sqlite.exec(`
      INSERT INTO partners (code, name, protocol) VALUES ('P1', 'Partner One', 'email'), ('P2', 'Partner Two', 'email');
      INSERT INTO patrons (patron_id, name) VALUES ('U1', 'Ada Lovelace');
      INSERT INTO borrowing_requests (request_id, external_id, partner_id, patron_id, title, status)
        VALUES ('B-1', 'ab12', 1, 1, 'T', 'SENT'), ('B-2', 'AB12', 2, 1, 'T', 'SENT');`);
    const hits = await lookup(db.sqlite, 'borrowingByExternalId', 'Ab12');
    expect(hits.map((h) => h.requestId).sort()).toEqual(['B-1', 'B-2']);
    const one = await lookup(db.sqlite, 'borrowingByRequestId', 'b-1');
    expect(one).toHaveLength(1);
  });
});

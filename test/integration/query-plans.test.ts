import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import {
  nearestByExternalId,
  nearestIdsQuery,
} from '../../db/repositories/borrowing-desk-repository.ts';
import { lookup, SCAN_LOOKUPS } from '../../db/repositories/scan-lookups.ts';

const db = openDatabase(':memory:');
afterAll(() => db.close());

function plan(sql: string, params?: readonly unknown[]): string {
  const count = sql.split('?').length - 1;
  const rows = db.sqlite
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...(params ?? Array.from({ length: count }, () => 'x'))) as { detail: string }[];
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

describe('the nearest External Identifiers come from an expression index', () => {
  const cases = [
    ['the same digits without leading zeros', '417'],
    ['identifiers that start with the digits', '41771'],
  ] as const;
  for (const [what, trimmed] of cases) {
    it(`searches borrowing_external_trimmed_idx for ${what}, in index order`, () => {
      const query = nearestIdsQuery(db.orm, trimmed).toSQL();
      const detail = plan(query.sql, query.params);
      expect(detail).toMatch(
        /SEARCH borrowing_requests USING (COVERING )?INDEX borrowing_external_trimmed_idx /,
      );
      expect(detail).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
    });
  }

  it('finds 00041771 from a scan that lost or gained leading zeros or its last digit', async () => {
    db.sqlite.exec(`
      INSERT INTO partners (code, name, protocol) VALUES ('P9', 'Partner Nine', 'email');
      INSERT INTO patrons (patron_id, name) VALUES ('U9', 'Grace Hopper');
      INSERT INTO borrowing_requests (request_id, external_id, partner_id, patron_id, title, status)
        VALUES ('B-9', '00041771', (SELECT id FROM partners WHERE code = 'P9'),
                (SELECT id FROM patrons WHERE patron_id = 'U9'), 'Flatland', 'SENT');`);
    for (const scanned of ['041771', '0041771', '41771', '0004177']) {
      const near = await nearestByExternalId(db.orm, scanned);
      expect(
        near.map((r) => r.requestId),
        scanned,
      ).toEqual(['B-9']);
    }
    expect(await nearestByExternalId(db.orm, '0004178')).toEqual([]);
    expect(await nearestByExternalId(db.orm, '000')).toEqual([]);
  });
});

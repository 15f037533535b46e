import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { LendingFilter } from '../../shared/api/contract-lending-tasks.ts';
import { openDatabase } from '../../db/database.ts';
import {
  nearestByExternalId,
  nearestIdsQuery,
} from '../../db/repositories/borrowing-desk-repository.ts';
import { facetGroupsQuery } from '../../db/repositories/lending-task-facets.ts';
import { lendingConditions } from '../../db/repositories/lending-task-filter.ts';
import { pageIdsQuery } from '../../db/repositories/lending-tasks-repository.ts';
import { lookup, SCAN_LOOKUPS } from '../../db/repositories/scan-lookups.ts';
import { lendingTaskQuery } from '../../electron/services/lending-task-query.ts';

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

describe('the lending task list reads an index, not the whole table', () => {
  const manager = { operatorId: 1, name: 'Ada', manager: true, setupMode: false };
  const dialect = new SQLiteSyncDialect();
  const cases: [string, LendingFilter, string][] = [
    ['Active tasks, newest first', {}, 'lending_active_facets_idx'],
    ['Assigned to Me', { tab: 'ASSIGNED_TO_ME' }, 'lending_assigned_idx'],
    ['one partner', { partner: ['P1'] }, 'lending_partner_idx'],
    ['one status', { status: ['CREATED'] }, 'lending_status_idx'],
  ];
  for (const [what, filter, index] of cases) {
    it(`pages ${what} through ${index}`, () => {
      const query = lendingTaskQuery(filter, manager, '2026-11-23');
      const ids = pageIdsQuery(db.orm, lendingConditions(db.orm, query), query, { limit: 50 });
      const { sql, params } = ids.toSQL();
      const detail = plan(sql, params);
      expect(detail).toMatch(
        new RegExp(`SEARCH lending_requests USING (COVERING )?INDEX ${index} `),
      );
      expect(detail).not.toMatch(/\bSCAN lending_requests\b/);
    });
  }

  const finds: [string, string][] = [
    ['an External Identifier', '5500012345'],
    ['one title word', 'structure'],
    ['two title words', 'structure revolutions'],
  ];
  for (const [what, find] of finds) {
    it(`finds ${what} in every task from indexes and the words table, not by reading every request`, () => {
      const query = lendingTaskQuery({ activity: 'ALL', find }, manager, '2026-11-23');
      const ids = pageIdsQuery(db.orm, lendingConditions(db.orm, query), query, { limit: 50 });
      const { sql, params } = ids.toSQL();
      const detail = plan(sql, params);
      expect(detail).toMatch(/MULTI-INDEX OR/);
      expect(detail).not.toMatch(/\bSCAN lending_requests\b/);
      if (find.includes('structure')) {
        expect(detail).toMatch(/SCAN lending_find_words VIRTUAL TABLE INDEX/);
      }
    });
  }

  it('counts Active tasks in one pass over the active requests alone, never reading a row', () => {
    const query = lendingTaskQuery({}, manager, '2026-11-23');
    const { sql, params } = dialect.sqlToQuery(facetGroupsQuery(lendingConditions(db.orm, query)));
    const detail = plan(sql, params);
    expect(detail).toMatch(
      /SEARCH lending_requests USING COVERING INDEX lending_active_facets_idx /,
    );
    expect(detail).not.toMatch(/\bSCAN lending_requests\b/);
  });
});

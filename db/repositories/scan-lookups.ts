import type Database from 'better-sqlite3';

/**
 * The lookups a scan makes, as prepared SQL on the raw connection: these run on every scan, so
 * they skip the query builder. Each names the index it must use; test/integration/query-plans
 * checks that SQLite's plan does, so a schema change cannot quietly turn a scan into a table scan.
 * Removed lending requests (Remove Requests) match no scan.
 */
export const SCAN_LOOKUPS = {
  borrowingByExternalId: {
    sql: 'SELECT id, request_id AS requestId, partner_id AS partnerId, status, title AS label FROM borrowing_requests WHERE external_id = ?',
    index: 'borrowing_external_partner_uq',
  },
  borrowingByExternalIdAtPartner: {
    sql: 'SELECT id, request_id AS requestId, partner_id AS partnerId, status, title AS label FROM borrowing_requests WHERE external_id = ? AND partner_id = ?',
    index: 'borrowing_external_partner_uq',
  },
  borrowingByRequestId: {
    sql: 'SELECT id, request_id AS requestId, partner_id AS partnerId, status, title AS label FROM borrowing_requests WHERE request_id = ?',
    index: 'borrowing_requests_request_id_unique',
  },
  borrowingByTempBarcode: {
    sql: 'SELECT id, request_id AS requestId, partner_id AS partnerId, status, title AS label FROM borrowing_requests WHERE temp_barcode = ?',
    index: 'borrowing_temp_barcode_idx',
  },
  borrowingByLenderItemBarcode: {
    sql: 'SELECT id, request_id AS requestId, partner_id AS partnerId, status, title AS label FROM borrowing_requests WHERE lender_item_barcode = ?',
    index: 'borrowing_lender_item_barcode_idx',
  },
  lendingByExternalId: {
    sql: 'SELECT id, request_id AS requestId, partner_id AS partnerId, status, title AS label FROM lending_requests WHERE external_id = ? AND removed_at IS NULL',
    index: 'lending_external_partner_uq',
  },
  lendingByRequestId: {
    sql: 'SELECT id, request_id AS requestId, partner_id AS partnerId, status, title AS label FROM lending_requests WHERE request_id = ? AND removed_at IS NULL',
    index: 'lending_requests_request_id_unique',
  },
  lendingByItemBarcode: {
    sql: 'SELECT id, request_id AS requestId, partner_id AS partnerId, status, title AS label FROM lending_requests WHERE item_barcode = ? AND removed_at IS NULL',
    index: 'lending_item_barcode_idx',
  },
  itemByBarcode: {
    sql: 'SELECT id, barcode, title AS label, call_number AS callNumber, location FROM items WHERE barcode = ?',
    index: 'items_barcode_unique',
  },
  partnerById: {
    sql: 'SELECT id, code FROM partners WHERE id = ?',
    index: 'PRIMARY KEY',
  },
  patronByBarcode: {
    sql: 'SELECT id, patron_id AS patronId, name AS label FROM patrons WHERE barcode = ?',
    index: 'patrons_barcode_unique',
  },
} as const;

export type ScanLookup = keyof typeof SCAN_LOOKUPS;

export interface RequestHit {
  readonly id: number;
  readonly requestId: string;
  readonly partnerId: number;
  readonly status: string;
  readonly label: string;
}

const cache = new WeakMap<Database.Database, Map<ScanLookup, Database.Statement>>();

function statement(sqlite: Database.Database, name: ScanLookup): Database.Statement {
  let byName = cache.get(sqlite);
  if (!byName) {
    byName = new Map();
    cache.set(sqlite, byName);
  }
  let stmt = byName.get(name);
  if (!stmt) {
    stmt = sqlite.prepare(SCAN_LOOKUPS[name].sql);
    byName.set(name, stmt);
  }
  return stmt;
}

/** Every row a scan lookup finds (an External Identifier may match at two partners). */
export async function lookup<T = RequestHit>(
  sqlite: Database.Database,
  name: ScanLookup,
  ...params: (string | number)[]
): Promise<T[]> {
  return statement(sqlite, name).all(...params) as T[];
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isClosedLending } from '../../../shared/domain/lending-tasks.ts';
import { LENDING_STATUS_CODES } from '../../../shared/domain/statuses.ts';
import { openDatabase, type DeskDatabase } from '../../../db/database.ts';
import { ActiveLendingIndex } from '../../../db/repositories/active-lending-index.ts';

/**
 * The desk's in-memory copy of the active lending requests (the task list's counts): whatever
 * another desk on the same file changes, the copy matches the table the next time it is used.
 */

const dirs: string[] = [];
const opened: DeskDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Two connections to one new desk file: this desk, and another desk on the same data directory. */
function twoDesks(): { here: DeskDatabase; other: DeskDatabase } {
  const dir = mkdtempSync(join(tmpdir(), 'rs-desk-active-'));
  dirs.push(dir);
  const here = openDatabase(join(dir, 'desk.sqlite'));
  const other = openDatabase(here.file);
  opened.push(here, other);
  other.sqlite.exec(`INSERT INTO partners (code, name, protocol) VALUES ('P1', 'One', 'email')`);
  return { here, other };
}

function add(db: DeskDatabase, requestId: string, status: string): number {
  return Number(
    db.sqlite
      .prepare(
        `INSERT INTO lending_requests (request_id, external_id, partner_id, title, status) VALUES (?, ?, 1, 'T', ?)`,
      )
      .run(requestId, `X-${requestId}`, status).lastInsertRowid,
  );
}

/** What the copy should hold: read from the table itself. */
function activeInTable(db: DeskDatabase): unknown[] {
  const open = LENDING_STATUS_CODES.filter((s) => !isClosedLending(s));
  const rows = db.sqlite
    .prepare(
      `SELECT id, status, assigned_to AS assignedTo, printed FROM lending_requests
       WHERE removed_at IS NULL AND status IN (${open.map(() => '?').join(', ')}) ORDER BY id`,
    )
    .all(...open) as { id: number; status: string; assignedTo: number | null; printed: number }[];
  const alerts = db.sqlite
    .prepare(
      'SELECT lending_request_id AS id, code FROM request_alerts WHERE removed_at IS NULL ORDER BY code',
    )
    .all() as { id: number; code: string }[];
  return rows.map((r) => ({
    ...r,
    printed: r.printed !== 0,
    alerts: [...new Set(alerts.filter((a) => a.id === r.id).map((a) => a.code))],
  }));
}

function copyOf(index: ActiveLendingIndex): unknown[] {
  return [...index.current()]
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      id: r.id,
      status: r.status,
      assignedTo: r.assignedTo,
      printed: r.printed,
      alerts: [...r.alerts].sort(),
    }));
}

describe('the in-memory copy of the active lending requests', () => {
  it('follows every change another desk makes: new, closed, removed, assigned, printed, alerts', () => {
    const { here, other } = twoDesks();
    const a = add(other, 'L-1', 'CREATED');
    const b = add(other, 'L-2', 'WILL_SUPPLY');
    add(other, 'L-3', 'COMPLETED');
    const index = new ActiveLendingIndex(here.orm);
    expect(copyOf(index)).toEqual(activeInTable(here));
    expect(copyOf(index)).toHaveLength(2);

    other.sqlite.exec(`INSERT INTO operators (name, role) VALUES ('Ada', 'MANAGER')`);
    other.sqlite
      .prepare(`UPDATE lending_requests SET assigned_to = 1, printed = 1 WHERE id = ?`)
      .run(a);
    other.sqlite
      .prepare(
        `INSERT INTO request_alerts (lending_request_id, code, message) VALUES (?, 'LOCATE_FAILED', 'No copy found')`,
      )
      .run(b);
    const c = add(other, 'L-4', 'CREATED');
    expect(copyOf(index)).toEqual(activeInTable(here));
    expect(copyOf(index)).toHaveLength(3);

    other.sqlite.prepare(`UPDATE lending_requests SET status = 'COMPLETED' WHERE id = ?`).run(a);
    other.sqlite
      .prepare(`UPDATE lending_requests SET removed_at = '2026-11-23' WHERE id = ?`)
      .run(c);
    other.sqlite
      .prepare(`UPDATE request_alerts SET removed_at = '2026-11-23' WHERE lending_request_id = ?`)
      .run(b);
    // A closed request reactivated, as Reactivate does.
    other.sqlite.exec(`UPDATE lending_requests SET status = 'CREATED' WHERE request_id = 'L-3'`);
    expect(copyOf(index)).toEqual(activeInTable(here));
    expect(copyOf(index).map((r) => (r as { id: number }).id)).toEqual([b, 3]);
  });

  it('reads everything again when the change log no longer reaches back to what it saw', () => {
    const { here, other } = twoDesks();
    add(other, 'L-1', 'CREATED');
    const index = new ActiveLendingIndex(here.orm);
    expect(copyOf(index)).toHaveLength(1);
    add(other, 'L-2', 'CREATED');
    // The log keeps only its newest entries: pretend this desk's were dropped.
    other.sqlite.exec('DELETE FROM lending_changes');
    add(other, 'L-3', 'CREATED');
    expect(copyOf(index)).toEqual(activeInTable(here));
    expect(copyOf(index)).toHaveLength(3);
  });

  it('is kept by triggers that name exactly the statuses the task list calls active', () => {
    const { here } = twoDesks();
    const open = LENDING_STATUS_CODES.filter((s) => !isClosedLending(s));
    const written = `IN (${open.map((s) => `'${s}'`).join(', ')})`;
    const defined = here.sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE name LIKE 'lending_changes_%' OR name = 'lending_active_facets_idx'`,
      )
      .all() as { name: string; sql: string }[];
    expect(defined.map((d) => d.name).sort()).toEqual([
      'lending_active_facets_idx',
      'lending_changes_delete',
      'lending_changes_insert',
      'lending_changes_update',
    ]);
    for (const { name, sql } of defined) expect(sql, name).toContain(written);
  });
});

import Database from 'better-sqlite3';

/**
 * The desk's SQLite file as the crash test reads it between runs: opened read-only (the next
 * run, not the test, recovers the WAL for real), checked with SQLite's own integrity check, and
 * held to the invariants a desk action must keep whatever moment it was killed at.
 */

const DESK_ACTIONS = `('RECEIVE', 'RETURN_TO_PARTNER', 'SHIP', 'SCAN_IN')`;

export interface StoredJob {
  readonly id: number;
  readonly state: string;
  readonly payload: Buffer;
}

export interface StoredMessage {
  readonly id: number;
  readonly kind: string;
  readonly state: string;
  readonly body: string;
  readonly requestId: string;
}

export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** SQLite's integrity and foreign-key checks: empty when the file is sound. */
export function integrityProblems(db: Database.Database): string[] {
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = integrity
    .map((r) => r.integrity_check)
    .filter((line) => line !== 'ok')
    .map((line) => `integrity_check: ${line}`);
  const keys = db.pragma('foreign_key_check') as { table: string; rowid: number }[];
  for (const k of keys) problems.push(`foreign_key_check: ${k.table} row ${k.rowid}`);
  return problems;
}

const count = (db: Database.Database, sql: string): number =>
  (db.prepare(sql).get() as { n: number }).n;

/**
 * What a desk action writes together or not at all: the transition (once per request), its
 * history event, its desk action, the scan marked applied, its slip and its partner message.
 */
export function invariantProblems(db: Database.Database): string[] {
  const problems: string[] = [];
  const doubled = db
    .prepare(
      `SELECT coalesce(b.request_id, l.request_id) AS requestId, e.action, count(*) AS n
       FROM request_events e
       LEFT JOIN borrowing_requests b ON b.id = e.borrowing_request_id
       LEFT JOIN lending_requests l ON l.id = e.lending_request_id
       WHERE e.action IN ${DESK_ACTIONS}
       GROUP BY requestId, e.action HAVING n > 1`,
    )
    .all() as { requestId: string; action: string; n: number }[];
  for (const d of doubled) problems.push(`${d.requestId}: ${d.action} in its history ${d.n} times`);
  const doubledActions = count(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM desk_actions
     GROUP BY kind, coalesce(borrowing_request_id, lending_request_id), action HAVING count(*) > 1)`,
  );
  if (doubledActions) problems.push(`${doubledActions} desk actions recorded twice`);
  const checks: [string, string][] = [
    [
      'desk actions no scan is applied as',
      `SELECT count(*) AS n FROM desk_actions d
       WHERE NOT EXISTS (SELECT 1 FROM scans s WHERE s.applied_action_id = d.id)`,
    ],
    [
      'history events with no desk action',
      `SELECT count(*) AS n FROM request_events e WHERE e.action IN ${DESK_ACTIONS}
       AND NOT EXISTS (SELECT 1 FROM desk_actions d WHERE d.event_id = e.id)`,
    ],
    [
      'desk actions whose history event is missing',
      `SELECT count(*) AS n FROM desk_actions d
       WHERE NOT EXISTS (SELECT 1 FROM request_events e WHERE e.id = d.event_id)`,
    ],
    [
      'desk actions whose slip is missing',
      `SELECT count(*) AS n FROM desk_actions d, json_each(d.print_job_ids) j
       WHERE NOT EXISTS (SELECT 1 FROM print_jobs p WHERE p.id = j.value)`,
    ],
    [
      'desk actions whose partner message is missing',
      `SELECT count(*) AS n FROM desk_actions d, json_each(d.message_ids) j
       WHERE NOT EXISTS (SELECT 1 FROM partner_messages m WHERE m.id = j.value)`,
    ],
    [
      'slips queued twice for one request',
      `SELECT count(*) AS n FROM (SELECT 1 FROM print_jobs
       GROUP BY slip_kind, borrowing_request_id, lending_request_id HAVING count(*) > 1)`,
    ],
    [
      'partner messages queued twice for one request',
      `SELECT count(*) AS n FROM (SELECT 1 FROM partner_messages WHERE direction = 'OUT'
       GROUP BY kind, borrowing_request_id, lending_request_id HAVING count(*) > 1)`,
    ],
  ];
  for (const [what, sql] of checks) {
    const n = count(db, sql);
    if (n > 0) problems.push(`${n} ${what}`);
  }
  return problems;
}

export function storedJobs(db: Database.Database, unfinishedOnly = false): StoredJob[] {
  const where = unfinishedOnly ? `WHERE state <> 'DONE'` : '';
  return db.prepare(`SELECT id, state, payload FROM print_jobs ${where}`).all() as StoredJob[];
}

export function storedMessages(db: Database.Database, unsentOnly = false): StoredMessage[] {
  const unsent = unsentOnly ? `AND m.state <> 'SENT'` : '';
  return db
    .prepare(
      `SELECT m.id, m.kind, m.state, m.body, coalesce(b.request_id, l.request_id) AS requestId
       FROM partner_messages m
       LEFT JOIN borrowing_requests b ON b.id = m.borrowing_request_id
       LEFT JOIN lending_requests l ON l.id = m.lending_request_id
       WHERE m.direction = 'OUT' ${unsent}`,
    )
    .all() as StoredMessage[];
}

/** Applied scans, desk actions and their history events: three counts that must agree. */
export function actionCounts(db: Database.Database) {
  return {
    appliedScans: count(db, 'SELECT count(*) AS n FROM scans WHERE applied_action_id IS NOT NULL'),
    deskActions: count(db, 'SELECT count(*) AS n FROM desk_actions'),
    events: count(db, `SELECT count(*) AS n FROM request_events WHERE action IN ${DESK_ACTIONS}`),
  };
}

import { join } from 'node:path';
import type { DeskClient } from '../../shared/api/client.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import { LENDING_STATUS_CODES } from '../../shared/domain/statuses.ts';
import type { Desk } from '../../electron/app/desk.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { openTempDesk, type TempDesk } from './temp-desk.ts';

/**
 * A desk full of lending tasks for the task list's tests: lending-desk.json (three partners, two
 * items, L-2001 to L-2003) and a seeded mix of generated requests — every status, assignment to
 * three operators, alerts (some removed), printed and reported flags, formats, levels of service
 * and dates around the desk's fixed clock — plus a few removed requests. `records()` reads them
 * back as plain data, for the tests to work out what the list should say on their own.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/import/lending-desk.json');

export const OPERATORS = [
  { name: 'Ada Manager', role: 'MANAGER' },
  { name: 'Bo Operator', role: 'OPERATOR' },
  { name: 'Cy Operator', role: 'OPERATOR' },
] as const;

/** A lending request as the tests' own reckoning sees it. */
export interface TaskRecord {
  readonly id: number;
  readonly requestId: string;
  readonly externalId: string;
  readonly partnerCode: string;
  readonly partnerName: string;
  readonly title: string;
  readonly author: string | null;
  readonly status: string;
  readonly requestedFormat: string;
  readonly suppliedFormat: string | null;
  readonly levelOfService: string | null;
  readonly printed: boolean;
  readonly reported: boolean;
  readonly assignedTo: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly dueDate: string | null;
  readonly removed: boolean;
  /** The request's own item barcode and its located item's, where it has them. */
  readonly barcodes: readonly string[];
  /** Codes of the active alerts. */
  readonly alertCodes: readonly string[];
}

export interface TaskDesk {
  readonly desk: Desk;
  readonly temp: TempDesk;
  /** Operator ids by name. */
  readonly operatorIds: Readonly<Record<(typeof OPERATORS)[number]['name'], number>>;
  /** A desk window signed in as `operatorId` (null: nobody). */
  window(operatorId: number | null): DeskClient;
  records(): TaskRecord[];
  /** The first request that fits; throws when the data has none. */
  record(fits: (r: TaskRecord) => boolean): TaskRecord;
  run(sql: string, ...params: unknown[]): void;
  dispose(): Promise<void>;
}

/** A small seeded generator, so every run builds the same data. */
function seeded(seed: number): { next(): number; pick<T>(list: readonly T[]): T } {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { next, pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number] };
}

const DAY = 86_400_000;
const TITLES = ['Gödel, Escher, Bach', 'The Art of Computer Programming', 'Structure and Flow'];
const AUTHORS = [null, 'Hofstadter, Douglas', 'Knuth, Donald E.', 'Kuhn, Thomas S.'];

function generate(desk: Desk, count: number, now: Date, operatorIds: readonly number[]): void {
  const sqlite = desk.context.db.sqlite;
  const partnerIds = (
    sqlite.prepare('SELECT id FROM partners ORDER BY id').all() as { id: number }[]
  ).map((p) => p.id);
  const itemIds = (
    sqlite.prepare('SELECT id FROM items ORDER BY id').all() as { id: number }[]
  ).map((i) => i.id);
  const random = seeded(20261123);
  const insert = sqlite.prepare(
    `INSERT INTO lending_requests (request_id, external_id, partner_id, item_id, title, author, status,
       requested_format, supplied_format, level_of_service, due_date, assigned_to, printed, reported,
       created_at, updated_at, removed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const alert = sqlite.prepare(
    'INSERT INTO request_alerts (lending_request_id, code, message, removed_at) VALUES (?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const created = now.getTime() - random.next() * 45 * DAY;
      const updated = created + random.next() * (now.getTime() - created);
      const due =
        random.next() < 0.3
          ? null
          : new Date(now.getTime() + (random.next() * 80 - 40) * DAY).toISOString().slice(0, 10);
      const { lastInsertRowid } = insert.run(
        `L-${5000 + i}`,
        `EXT-${9000 + i}`,
        random.pick(partnerIds),
        random.next() < 0.1 ? random.pick(itemIds) : null,
        random.pick(TITLES),
        random.pick(AUTHORS),
        random.pick(LENDING_STATUS_CODES),
        random.pick(['PHYSICAL', 'DIGITAL', 'PHYSICAL_NON_RETURNABLE']),
        random.pick([null, null, 'PHYSICAL', 'DIGITAL']),
        random.pick([null, 'Standard', 'Rush']),
        due,
        random.pick([null, null, ...operatorIds]),
        random.next() < 0.4 ? 1 : 0,
        random.next() < 0.2 ? 1 : 0,
        new Date(created).toISOString(),
        new Date(updated).toISOString(),
        random.next() < 0.05 ? now.toISOString() : null,
      );
      const roll = random.next();
      if (roll < 0.15) alert.run(lastInsertRowid, 'LOCATE_FAILED', 'Locate found no item', null);
      if (roll > 0.1 && roll < 0.2) alert.run(lastInsertRowid, 'PARTNER_NOTE', 'A note', null);
      if (roll > 0.9) alert.run(lastInsertRowid, 'PARTNER_NOTE', 'Seen to', now.toISOString());
    }
  })();
}

function readRecords(desk: Desk): TaskRecord[] {
  const sqlite = desk.context.db.sqlite;
  const alerts = sqlite
    .prepare(
      'SELECT lending_request_id AS id, code FROM request_alerts WHERE removed_at IS NULL AND lending_request_id IS NOT NULL',
    )
    .all() as { id: number; code: string }[];
  const rows = sqlite
    .prepare(
      `SELECT r.*, p.code AS partner_code, p.name AS partner_name, i.barcode AS located_barcode
       FROM lending_requests r JOIN partners p ON p.id = r.partner_id
       LEFT JOIN items i ON i.id = r.item_id ORDER BY r.id`,
    )
    .all() as Record<string, string | number | null>[];
  const text = (v: string | number | null | undefined) =>
    v === null || v === undefined ? null : String(v);
  return rows.map((r) => ({
    id: Number(r.id),
    requestId: String(r.request_id),
    externalId: String(r.external_id),
    partnerCode: String(r.partner_code),
    partnerName: String(r.partner_name),
    title: String(r.title),
    author: text(r.author),
    status: String(r.status),
    requestedFormat: String(r.requested_format),
    suppliedFormat: text(r.supplied_format),
    levelOfService: text(r.level_of_service),
    printed: r.printed === 1,
    reported: r.reported === 1,
    assignedTo: r.assigned_to === null ? null : Number(r.assigned_to),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    dueDate: text(r.due_date),
    removed: r.removed_at !== null,
    barcodes: [text(r.item_barcode), text(r.located_barcode)].filter(
      (b): b is string => b !== null,
    ),
    alertCodes: [...new Set(alerts.filter((a) => a.id === r.id).map((a) => a.code))],
  }));
}

/** The desk with lending-desk.json, the three operators and `count` generated requests. */
export async function openTaskDesk(options: { now: Date; count: number }): Promise<TaskDesk> {
  const temp = await openTempDesk({ printer: null, now: () => options.now });
  const desk = temp.desk;
  await importFile(desk.context.gate, FIXTURE);
  const sqlite = desk.context.db.sqlite;
  const addOperator = sqlite.prepare('INSERT INTO operators (name, role) VALUES (?, ?)');
  const ids = OPERATORS.map((o) => Number(addOperator.run(o.name, o.role).lastInsertRowid));
  generate(desk, options.count, options.now, ids);
  return {
    desk,
    temp,
    operatorIds: Object.fromEntries(
      OPERATORS.map((o, i) => [o.name, ids[i]]),
    ) as TaskDesk['operatorIds'],
    window: (operatorId) => {
      const session: Session = {
        id: `window-${operatorId ?? 'none'}`,
        transport: 'in-process',
        operatorId,
      };
      return createInProcessClient(
        desk.handlers,
        (event, listener) => desk.events.on(event, listener),
        session,
        { checkOutput: true },
      );
    },
    records: () => readRecords(desk),
    record: (fits) => {
      const found = readRecords(desk).find(fits);
      if (!found) throw new Error('The generated data has no such request');
      return found;
    },
    run: (sql, ...params) => {
      sqlite.prepare(sql).run(...params);
    },
    dispose: () => temp.dispose(),
  };
}

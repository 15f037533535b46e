import { join } from 'node:path';
import type { DeskClient } from '../../shared/api/client.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import type { DeskSettings } from '../../shared/settings/desk-settings.ts';
import type { PartnerMessageRow } from '../../db/repositories/partner-messages-repository.ts';
import { setSetting, type SettingKey } from '../../db/repositories/settings-repository.ts';
import { partnerMessages } from '../../db/schema.ts';
import type { Desk } from '../../electron/app/desk.ts';
import { importFile, importJson } from '../../electron/import/import-file.ts';
import { openTempDesk, type TempDesk } from './temp-desk.ts';

/**
 * A desk for the letters and daily-jobs tests: lending-desk.json imported (Virginia Tech is the
 * email partner; José Núñez's name and "Cien años de soledad" carry accents), a clock the test
 * sets, no printer, and by default an outbox that leaves messages where desk steps put them, so a
 * test can send each one itself.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/import/lending-desk.json');

export interface LettersDesk {
  readonly desk: Desk;
  readonly temp: TempDesk;
  /** A desk window; after `temp.reopen()` a window on the reopened desk. */
  readonly client: DeskClient;
  /** Sets the desk's clock. */
  setClock(at: Date | string): void;
  setSetting<K extends SettingKey>(key: K, value: DeskSettings[K]): Promise<void>;
  /** Adds lending requests (Virginia Tech unless `partner` says otherwise). */
  addLending(...requests: Record<string, string>[]): Promise<void>;
  /** Adds borrowing requests (Virginia Tech, patron José Núñez unless said otherwise). */
  addBorrowing(...requests: Record<string, string>[]): Promise<void>;
  /** The outbox, oldest first. */
  messages(): PartnerMessageRow[];
  run(sql: string, ...params: unknown[]): void;
  rows<T>(sql: string, ...params: unknown[]): T[];
  dispose(): Promise<void>;
}

export async function openLettersDesk(
  options: { start?: Date | string; sendMessages?: boolean; log?: (line: string) => void } = {},
): Promise<LettersDesk> {
  let clock = new Date(options.start ?? '2026-11-23T12:00:00Z');
  const temp = await openTempDesk({
    printer: null,
    now: () => clock,
    sendMessages: options.sendMessages ?? false,
    messageBackoffMs: () => 50,
    messageTimeoutMs: 2_000,
    ...(options.log ? { log: options.log } : {}),
  });
  await importFile(temp.desk.context.gate, FIXTURE);
  const sqlite = () => temp.desk.context.db.sqlite;
  const session: Session = { id: 'letters-window', transport: 'in-process', operatorId: null };
  // A window on the desk open now: after a restart (temp.reopen) it talks to the new one.
  const clients = new WeakMap<Desk, DeskClient>();
  const clientOf = (desk: Desk): DeskClient => {
    const known = clients.get(desk);
    if (known) return known;
    const made = createInProcessClient(
      desk.handlers,
      (event, listener) => desk.events.on(event, listener),
      session,
      { checkOutput: true },
    );
    clients.set(desk, made);
    return made;
  };
  return {
    get desk() {
      return temp.desk;
    },
    temp,
    get client() {
      return clientOf(temp.desk);
    },
    setClock(at) {
      clock = new Date(at);
    },
    setSetting: (key, value) =>
      temp.desk.context.gate.transaction((tx) => setSetting(tx, key, value)),
    addLending: (...requests) =>
      importJson(
        temp.desk.context.gate,
        {
          lendingRequests: requests.map((r) => ({
            partner: 'VTECH',
            requestedFormat: 'PHYSICAL',
            status: 'CREATED',
            ...r,
          })),
        },
        { source: 'letters-test.json' },
      ).then(() => undefined),
    addBorrowing: (...requests) =>
      importJson(
        temp.desk.context.gate,
        {
          borrowingRequests: requests.map((r) => ({
            partner: 'VTECH',
            patron: 'P101',
            status: 'SENT',
            ...r,
          })),
        },
        { source: 'letters-test.json' },
      ).then(() => undefined),
    messages: () =>
      temp.desk.context.db.orm.select().from(partnerMessages).orderBy(partnerMessages.id).all(),
    run: (sql, ...params) => {
      sqlite()
        .prepare(sql)
        .run(...params);
    },
    rows: <T>(sql: string, ...params: unknown[]) =>
      sqlite()
        .prepare(sql)
        .all(...params) as T[],
    dispose: () => temp.dispose(),
  };
}

import { join } from 'node:path';
import type { DeskClient } from '../../shared/api/client.ts';
import type { Input, Method, Output } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import type { DeskErrorBody } from '../../shared/api/result.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import type { DeskSettings } from '../../shared/settings/desk-settings.ts';
import { setSetting, type SettingKey } from '../../db/repositories/settings-repository.ts';
import type { Desk } from '../../electron/app/desk.ts';
import { importFile, importJson } from '../../electron/import/import-file.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from './loopback-printer.ts';
import { openTempDesk, type TempDesk } from './temp-desk.ts';

/**
 * A desk for the borrowing desk's tests: the good.json fixture imported, a loopback thermal
 * printer, a clock the test can move, and clients that are separate desk windows (sessions).
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/import/good.json');

export interface BorrowingDesk {
  readonly desk: Desk;
  readonly temp: TempDesk;
  readonly printer: LoopbackPrinter;
  /** The window the test works in. */
  readonly client: DeskClient;
  /** Another desk window (its own session). */
  window(sessionId: string): DeskClient;
  /** Moves the desk's clock on. */
  advance(ms: number): void;
  setSetting<K extends SettingKey>(key: K, value: DeskSettings[K]): Promise<void>;
  /** Adds requests at Virginia Tech, the fixture's email partner. */
  addEmailPartnerRequest(requestId: string, externalId: string, status: string): Promise<void>;
  count(table: string): number;
  rows<T>(sql: string, ...params: unknown[]): T[];
  dispose(): Promise<void>;
}

export async function openBorrowingDesk(
  options: {
    start?: Date;
    printer?: 'on' | 'off' | 'none';
    /** Wait between print retries; short by default, long to hold a failed slip still. */
    retryMs?: number;
    /**
     * Send partner messages, retrying after `retryMs` (default 50) and giving a partner
     * `timeoutMs` to answer. Off when absent: the desk's tests check messages as the step stored
     * them, and the fixture's partners have no endpoint that answers.
     */
    messages?: { retryMs?: number; timeoutMs?: number };
  } = {},
): Promise<BorrowingDesk> {
  const printer = await startLoopbackPrinter();
  if (options.printer === 'off') await printer.refuse();
  let clock = options.start ?? new Date();
  const temp = await openTempDesk({
    printer: options.printer === 'none' ? null : printer.uri,
    printBackoffMs: () => options.retryMs ?? 50,
    sendMessages: options.messages !== undefined,
    messageBackoffMs: () => options.messages?.retryMs ?? 50,
    messageTimeoutMs: options.messages?.timeoutMs,
    now: () => clock,
  });
  await importFile(temp.desk.context.gate, FIXTURE);
  const desk = temp.desk;
  const window = (id: string): DeskClient => {
    const session: Session = { id, transport: 'in-process', operatorId: null };
    return createInProcessClient(
      desk.handlers,
      (event, listener) => desk.events.on(event, listener),
      session,
      { checkOutput: true },
    );
  };
  return {
    desk,
    temp,
    printer,
    client: window('window-1'),
    window,
    advance: (ms) => {
      clock = new Date(clock.getTime() + ms);
    },
    setSetting: (key, value) => desk.context.gate.transaction((tx) => setSetting(tx, key, value)),
    addEmailPartnerRequest: async (requestId, externalId, status) => {
      await importJson(
        desk.context.gate,
        {
          borrowingRequests: [
            {
              requestId,
              externalId,
              partner: 'VTECH',
              patron: 'P101',
              title: 'Flatterland',
              status,
            },
          ],
        },
        { source: 'email-partner.json' },
      );
    },
    count: (table) =>
      (desk.context.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number })
        .n,
    rows: <T>(sql: string, ...params: unknown[]) =>
      desk.context.db.sqlite.prepare(sql).all(...params) as T[],
    dispose: async () => {
      // The printer first: a desk closing waits for the slip it is sending, and a jammed printer
      // would hold that for the whole send timeout.
      await printer.close();
      await temp.dispose();
    },
  };
}

/** The value of a call that must succeed. */
export async function call<M extends Method>(
  client: DeskClient,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const result = await client.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a call that must be refused. */
export async function refusal<M extends Method>(
  client: DeskClient,
  method: M,
  input: Input<M>,
): Promise<DeskErrorBody> {
  const result = await client.call(method, input);
  if (result.ok) throw new Error(`${method} succeeded but should have been refused`);
  return result.error;
}

/** Polls until `ok(value)`; print jobs and retries happen in the background. */
export async function until<T>(
  probe: () => Promise<T> | T,
  ok: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The readable text of ESC/POS bytes: printable characters, with control sequences dropped. */
export function printedText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

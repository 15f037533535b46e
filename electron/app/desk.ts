import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/database.ts';
import { createGate } from '../../db/gate.ts';
import { ensureDefaults } from '../../db/repositories/seed.ts';
import type { Handlers } from '../../shared/api/dispatch.ts';
import { createHandlers } from '../services/handlers.ts';
import type { DeskContext } from '../services/desk-context.ts';
import { createDeskEvents, type DeskEvents } from './desk-events.ts';
import { createDeskScanners } from './desk-scanners.ts';
import type { HidBackend } from '../scanner/hid-device.ts';
import { APP_VERSION } from './version.ts';
import { markRunning } from './running-marker.ts';
import { createLeaseOwner } from './lease-owner.ts';
import { startDeskPrinting, type PrintTransportOptions } from '../printing/desk-printing.ts';
import { startDeskOutbox } from '../messaging/outbox/desk-outbox.ts';
import type { SystemPrinter } from '../printing/transports/system-transport.ts';
import { startScheduledJobs, type ScheduledJobs } from '../messaging/scheduled-jobs.ts';
import {
  startDeskIsoListener,
  type DeskIsoListener,
} from '../messaging/inbound/desk-iso-listener.ts';

export const DATABASE_FILE = 'rs-desk.sqlite';

export interface DeskOptions {
  readonly dataDir: string;
  readonly mode: 'electron' | 'browser';
  /** Default printer URI for this run (`--printer`). */
  readonly printer?: string | null | undefined;
  /** Where the drizzle migrations are (the packaged app passes its resources path). */
  readonly migrationsFolder?: string | undefined;
  /** Where HID POS scanners are read from: node-hid on a desk, a replay device in tests; none if absent. */
  readonly hid?: HidBackend | undefined;
  /** The Electron shell's OS-printer adapter for system:// printers; absent in browser mode. */
  readonly systemPrinter?: SystemPrinter | null | undefined;
  /** Milliseconds before print retry number `attempt` (tests shorten it). */
  readonly printBackoffMs?: ((attempt: number) => number) | undefined;
  /** Printer time limits (how long a printer may stay silent); tests shorten them. */
  readonly printTransports?: PrintTransportOptions | undefined;
  /**
   * Whether partner messages are sent (default true). Tests that look at messages as desk steps
   * stored them turn it off.
   */
  readonly sendMessages?: boolean | undefined;
  /**
   * Whether this desk makes the daily automatic backup (default true). Tools that open the desk
   * for a moment (import, demo, the benchmark) leave it to the desk itself.
   */
  readonly dailyBackup?: boolean | undefined;
  /** Milliseconds before partner message retry number `attempt` (tests shorten it). */
  readonly messageBackoffMs?: ((attempt: number) => number) | undefined;
  /** The time limit of one exchange with a partner or mail server, in ms (tests shorten it). */
  readonly messageTimeoutMs?: number | undefined;
  /** The desk's clock for desk actions and the Undo window (tests move it on); the system clock if absent. */
  readonly now?: (() => Date) | undefined;
  /** `--iso-port`: run the ISO 18626 listener on this port (0 picks one) whatever Settings say. */
  readonly isoPort?: number | undefined;
  /** The server log (refused partner messages, a listener that cannot start); stderr if absent. */
  readonly log?: ((line: string) => void) | undefined;
}

/** A running desk: the services behind the API, its pushed events, and how to stop it. */
export interface Desk {
  readonly handlers: Handlers;
  readonly events: DeskEvents;
  readonly dataDir: string;
  readonly context: DeskContext;
  /** The ISO 18626 listener partners send to, when it is on. */
  readonly isoListener: DeskIsoListener;
  /** The daily jobs (Expired requests, Overdue messages, the backup); tests run them with `runDue`. */
  readonly jobs: ScheduledJobs;
  close(): Promise<void>;
}

/**
 * Opens the desk on a data directory: creates it if needed, opens and migrates its database, seeds
 * the default workflow profiles and settings, and binds the services. Both shells (Electron and
 * browser mode) start here.
 */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const db = openDatabase(databaseFile, {
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
  });
  // `rs-desk restore` refuses to replace the database while this mark says a desk has it open.
  const unmark = markRunning(options.dataDir, options.mode);
  const gate = createGate(db);
  await ensureDefaults(gate);
  const events = createDeskEvents();
  // This desk in the leases its print queue and outbox take: another desk on the same data
  // directory leaves a job alone while this one sends it.
  const owner = createLeaseOwner();
  const scanners = options.hid ? createDeskScanners({ backend: options.hid, events, gate }) : null;
  const printing = startDeskPrinting({
    gate,
    events,
    owner,
    runPrinterUri: options.printer ?? null,
    systemPrinter: options.systemPrinter ?? null,
    ...(options.printBackoffMs ? { backoffMs: options.printBackoffMs } : {}),
    ...(options.printTransports ? { transports: options.printTransports } : {}),
  });
  const outbox = startDeskOutbox({
    gate,
    events,
    owner,
    dataDir: options.dataDir,
    send: options.sendMessages ?? true,
    ...(options.messageBackoffMs ? { backoffMs: options.messageBackoffMs } : {}),
    ...(options.messageTimeoutMs ? { timeoutMs: options.messageTimeoutMs } : {}),
  });
  const context: DeskContext = {
    db,
    gate,
    events,
    mode: options.mode,
    dataDir: options.dataDir,
    version: APP_VERSION,
    printer: options.printer ?? null,
    scanners,
    printing,
    outbox,
    now: options.now ?? (() => new Date()),
  };
  await scanners?.start();
  // Slips a previous run stored but did not finish printing go out now.
  printing.queue.wake();
  // So do partner messages a previous run did not get to send.
  outbox.wake();
  // Daily jobs the desk missed while closed run before it answers; their messages go out at once.
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const jobs = await startScheduledJobs({
    gate,
    events,
    now: context.now,
    dataDir: options.dataDir,
    databaseFile,
    log,
    backup: options.dailyBackup ?? true,
    onMessagesQueued: () => outbox.wake(),
  });
  const stop = async () => {
    await jobs.stop();
    await scanners?.stop();
    await printing.stop();
    await outbox.stop();
    owner.retire();
    // Let any unit of work in flight finish before the connection goes.
    await gate.read(async () => undefined);
    db.close();
    unmark();
  };
  const isoListener = await startDeskIsoListener({
    ctx: context,
    runPort: options.isoPort,
    log,
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    handlers: createHandlers(context),
    events,
    dataDir: options.dataDir,
    context,
    isoListener,
    jobs,
    close: async () => {
      // No partner message is taken in while the desk closes.
      await isoListener.close();
      await stop();
    },
  };
}

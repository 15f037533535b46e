import type { PrintStatus } from '../../shared/api/contract-printing.ts';
import { choosePrinter, printerLabel } from '../../shared/printing/printer-choice.ts';
import { describePrinterUri, parsePrinterUri } from '../../shared/printing/printer-uri.ts';
import type { Gate } from '../../db/gate.ts';
import { countQueue } from '../../db/repositories/print-jobs-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import type { DeskEvents } from '../app/desk-events.ts';
import type { LeaseOwner } from '../app/lease-owner.ts';
import { createPrintQueue, type PrintQueue } from './print-queue.ts';
import { PrintError, type PrinterTransport } from './printer-transport.ts';
import { createTransport, type TransportDeps } from './transports/create-transport.ts';
import type { SystemPrinter } from './transports/system-transport.ts';

/** The desk's printing at run time: the queue's sender, the printers' transports, their status. */
export interface DeskPrinting {
  readonly queue: PrintQueue;
  /** The `--printer` URI of this run, if one was given. */
  readonly runPrinterUri: string | null;
  /** How each printer is doing and how many slips wait. */
  status(): Promise<PrintStatus>;
  /** Push a fresh `print.status` to every window (coalesced). */
  publish(): void;
  stop(): Promise<void>;
}

export interface DeskPrintingOptions {
  readonly gate: Gate;
  readonly events: DeskEvents;
  /** This desk, as named in the leases its queue takes on print jobs. */
  readonly owner: LeaseOwner;
  readonly runPrinterUri: string | null;
  /** The Electron shell's OS-printer adapter; absent in browser mode. */
  readonly systemPrinter?: SystemPrinter | null;
  readonly backoffMs?: (attempt: number) => number;
  /** Printer time limits (tcp://, device://, cups://); tests shorten them. */
  readonly transports?: PrintTransportOptions;
}

/** What a desk may set about its printers' transports: everything but the Electron printer. */
export type PrintTransportOptions = Omit<TransportDeps, 'systemPrinter'>;

function describe(uri: string): string {
  const parsed = parsePrinterUri(uri);
  return parsed.ok ? describePrinterUri(parsed.value) : uri;
}

export function startDeskPrinting(options: DeskPrintingOptions): DeskPrinting {
  const transports = new Map<string, PrinterTransport>();
  let publishing = false;
  let stopped = false;

  function transportFor(uri: string): PrinterTransport | PrintError {
    const known = transports.get(uri);
    if (known) return known;
    const made = createTransport(uri, {
      ...options.transports,
      systemPrinter: options.systemPrinter ?? null,
    });
    if (!made.ok) return new PrintError(made.message, false);
    transports.set(uri, made.transport);
    return made.transport;
  }

  async function status(): Promise<PrintStatus> {
    const [settings, counts] = await options.gate.read(async (db) => [
      await getSetting(db, 'printing'),
      await countQueue(db),
    ]);
    const names = new Map<string, string | null>();
    if (options.runPrinterUri !== null) names.set(options.runPrinterUri, null);
    for (const printer of settings.printers) {
      if (!names.has(printer.uri)) names.set(printer.uri, printer.name);
    }
    for (const count of counts) {
      if (!names.has(count.printerUri)) names.set(count.printerUri, null);
    }
    const printers = [...names].map(([uri, name]) => {
      const count = counts.find((c) => c.printerUri === uri);
      const activity = queue.activity(uri);
      return {
        name,
        uri,
        description: describe(uri),
        state: activity.state,
        waiting: count?.waiting ?? 0,
        failed: count?.failed ?? 0,
        lastError: activity.lastError,
      };
    });
    const chosen = choosePrinter(settings, 'RECEIVE_SLIP', options.runPrinterUri);
    return {
      waiting: printers.reduce((sum, p) => sum + p.waiting, 0),
      failed: printers.reduce((sum, p) => sum + p.failed, 0),
      defaultPrinter: chosen ? printerLabel(chosen) : null,
      printers,
    };
  }

  function publish(): void {
    if (publishing || stopped) return;
    publishing = true;
    setImmediate(() => {
      publishing = false;
      status().then(
        (value) => {
          if (!stopped) options.events.emit('print.status', value);
        },
        () => undefined, // closing: nobody is listening any more
      );
    });
  }

  const queue = createPrintQueue({
    gate: options.gate,
    owner: options.owner,
    transportFor,
    onChange: publish,
    ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
  });

  return {
    queue,
    runPrinterUri: options.runPrinterUri,
    status,
    publish,
    async stop() {
      await queue.stop();
      stopped = true;
    },
  };
}

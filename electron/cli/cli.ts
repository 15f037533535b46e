import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePrinterUri } from '../../shared/printing/printer-uri.ts';
import { DeskError } from '../../shared/api/result.ts';
import { openDesk, type Desk } from '../app/desk.ts';
import { APP_VERSION } from '../app/version.ts';
import { createNodeHidBackend } from '../scanner/node-hid-adapter.ts';
import { startDeskServer } from '../server/http-server.ts';
import { defaultDataDir } from './data-dir.ts';
import { findElectronBinary } from './electron-runtime.ts';
import { openInBrowser } from './open-browser.ts';

export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const USAGE = `Usage:
  rs-desk                      start the desk (Electron where installed, else browser mode)
  rs-desk serve [--port N] [--data-dir DIR] [--printer URI] [--no-open] [--iso-port N]
                               browser mode on 127.0.0.1; --iso-port also runs the
                               ISO 18626 listener partners send messages to
  rs-desk import FILE [--data-dir DIR]
                               import partners, patrons, items and requests (all or nothing)
  rs-desk demo [--data-dir DIR]
                               load the demo data set into an empty data directory
  rs-desk backup [--to FILE] [--data-dir DIR]
                               copy the desk's database, safely while the desk runs (to
                               the backups folder in the data directory unless --to)
  rs-desk restore FILE [--data-dir DIR]
                               check a backup and put it in place of the desk's database
                               (with RS Desk closed; the database it replaces is kept)
  rs-desk bench [--quick]      measure the desk on a million requests in a temporary data
                               directory (--quick: about 10,000, as CI does)
  rs-desk --version | --help

The data directory defaults to ${defaultDataDir()} (RS_DESK_DATA_DIR overrides it).`;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

class UsageError extends Error {}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        printer: { type: 'string' },
        to: { type: 'string' },
        'iso-port': { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parsePort(text: string | undefined, flag = '--port'): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      `${flag} must be a whole number from 0 to 65535 (0 picks a free port), not "${text}".`,
    );
  }
  return port;
}

function parsePrinter(text: string | undefined): string | null {
  if (text === undefined) return null;
  const parsed = parsePrinterUri(text);
  if (!parsed.ok) throw new UsageError(`--printer: ${parsed.message}`);
  return text;
}

/** The desk for a command that opens it for a moment; the daily backup is the running desk's. */
async function withDesk<T>(dataDir: string, work: (desk: Desk) => Promise<T>): Promise<T> {
  const desk = await openDesk({ dataDir, mode: 'browser', dailyBackup: false });
  try {
    return await work(desk);
  } finally {
    await desk.close();
  }
}

/** Browser mode until a signal stops it. Resolves when the server has closed. */
async function serve(
  options: {
    port: number;
    dataDir: string;
    printer: string | null;
    open: boolean;
    isoPort: number | undefined;
  },
  io: CliIo,
): Promise<number> {
  const desk = await openDesk({
    dataDir: options.dataDir,
    mode: 'browser',
    printer: options.printer,
    // Browser mode is this machine's main process: it reads HID POS scanners as Electron would.
    hid: createNodeHidBackend(),
    isoPort: options.isoPort,
    log: io.err,
  });
  const server = await startDeskServer({
    desk,
    port: options.port,
    staticDir: RENDERER_DIR,
    onInternalError: (method, error) =>
      io.err(
        `RS Desk: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
  io.out(`RS Desk ready: ${server.url}`);
  // After the contract line, and only when partners can send: where they send to.
  const isoUrl = desk.isoListener.url();
  if (isoUrl !== null) io.out(`ISO 18626 listener: ${isoUrl}`);
  if (options.open) openInBrowser(server.url, io.err);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await desk.close();
  return 0;
}

function startElectron(binary: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(binary, [APP_ROOT, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 0));
  });
}

/** Runs one command line; returns the exit code. */
export async function runCli(argv: string[], io: CliIo = consoleIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (values.version) {
      io.out(APP_VERSION);
      return 0;
    }
    const [command, ...rest] = positionals;
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const serveOptions = () => ({
      port: parsePort(values.port),
      dataDir,
      printer: parsePrinter(values.printer),
      open: !values['no-open'],
      isoPort:
        values['iso-port'] === undefined ? undefined : parsePort(values['iso-port'], '--iso-port'),
    });
    switch (command) {
      case undefined: {
        const binary = findElectronBinary();
        if (binary) return await startElectron(binary, argv);
        io.err(
          'No Electron runtime is installed here, so RS Desk starts in browser mode (same desk, in your web browser).',
        );
        return await serve(serveOptions(), io);
      }
      case 'serve':
        if (rest.length) throw new UsageError(`serve takes no file or word "${rest[0]}".`);
        return await serve(serveOptions(), io);
      case 'import': {
        const [file, extra] = rest;
        if (!file)
          throw new UsageError(
            'import needs the file to import: rs-desk import FILE [--data-dir DIR]',
          );
        if (extra) throw new UsageError(`import takes one file; "${extra}" is one too many.`);
        const { importFile } = await import('../import/import-file.ts');
        const summary = await withDesk(dataDir, (desk) => importFile(desk.context.gate, file));
        io.out(summary.message);
        return 0;
      }
      case 'demo': {
        const { loadDemo } = await import('../demo/load-demo.ts');
        const summary = await withDesk(dataDir, (desk) => loadDemo(desk.context.gate));
        io.out(`${summary.message} Data directory: ${dataDir}`);
        return 0;
      }
      case 'backup': {
        if (rest.length) {
          throw new UsageError(
            `backup takes no file or word "${rest[0]}"; name the backup with --to FILE.`,
          );
        }
        const { backupDataDir } = await import('../backup/backup-command.ts');
        io.out(await backupDataDir({ dataDir, to: values.to }));
        return 0;
      }
      case 'restore': {
        const [file, extra] = rest;
        if (!file)
          throw new UsageError(
            'restore needs the backup to restore: rs-desk restore FILE [--data-dir DIR]',
          );
        if (extra) throw new UsageError(`restore takes one file; "${extra}" is one too many.`);
        const { restoreDataDir } = await import('../backup/restore-command.ts');
        io.out(await restoreDataDir({ dataDir, file }));
        return 0;
      }
      case 'bench': {
        if (rest.length) throw new UsageError(`bench takes no file or word "${rest[0]}".`);
        // A developer's tool, loaded only when asked for: it drives Chromium and a test printer.
        const { runBench } = await import('../../scripts/bench/run-bench.ts');
        return await runBench({ quick: values.quick }, io);
      }
      default:
        throw new UsageError(`"${command}" is not an rs-desk command.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`rs-desk: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DeskError) {
      io.err(`rs-desk: ${error.message}`);
      return 1;
    }
    io.err(`rs-desk: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

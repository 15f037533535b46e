import { spawn } from 'node:child_process';
import { formatPrinterUri, type CupsPrinterUri } from '../../../shared/printing/printer-uri.ts';
import { PrintError, type PrinterTransport, type PrintPayload } from '../printer-transport.ts';
import { checkPayloadFormat, duration, errorCode } from './transport-errors.ts';

export interface CupsTransportOptions {
  /** The program that queues jobs; default `lp` from PATH. Tests point it at a stub. */
  readonly command?: string;
  /** How long lp may take to hand the job to CUPS; default 30 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const STDERR_KEPT_CHARS = 2_000;

/** A raw job through the CUPS queue QUEUE (`cups://QUEUE`): `lp -d QUEUE -o raw -t NAME`. */
export function createCupsTransport(
  printer: CupsPrinterUri,
  options: CupsTransportOptions = {},
): PrinterTransport {
  const command = options.command ?? 'lp';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport: PrinterTransport = {
    uri: formatPrinterUri(printer),
    format: 'escpos',
    send: async (payload: PrintPayload) => {
      checkPayloadFormat(transport, payload);
      await runLp(command, printer.queue, payload, timeoutMs);
    },
  };
  return transport;
}

/**
 * Resolves when lp exits 0, i.e. CUPS has spooled the job; printing then is CUPS's business.
 * The job goes on stdin and the arguments as an argv array, so no shell ever reads a queue name
 * or a job title.
 */
function runLp(
  command: string,
  queue: string,
  payload: PrintPayload,
  timeoutMs: number,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, ['-d', queue, '-o', 'raw', '-t', payload.name], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    let settled = false;
    const settle = (error?: PrintError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === undefined) resolve();
      else reject(error);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(
        new PrintError(
          `lp did not hand the job to CUPS queue ${queue} within ${duration(timeoutMs)}: ` +
            'is the CUPS service (cupsd) running?',
          true,
        ),
      );
    }, timeoutMs);

    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < STDERR_KEPT_CHARS) stderr += chunk;
    });
    // lp may exit before reading all of stdin (an unknown queue, say); its exit status and
    // stderr say why, so the broken pipe itself is not the story.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => settle(spawnError(command, queue, error)));
    child.on('close', (code, signal) => {
      if (code === 0) settle();
      else settle(exitError(queue, stderr.slice(0, STDERR_KEPT_CHARS).trim(), code, signal));
    });
    child.stdin.end(payload.bytes);
  });
}

function spawnError(command: string, queue: string, error: Error): PrintError {
  const code = errorCode(error);
  if (code === 'ENOENT') {
    return new PrintError(
      `The lp command (${command}) was not found: install CUPS (cups-client) to print to ` +
        `cups://${queue}.`,
      false,
      { cause: error },
    );
  }
  if (code === 'EACCES') {
    return new PrintError(
      `The lp command (${command}) may not be run (${code}): check that it is executable.`,
      false,
      { cause: error },
    );
  }
  return new PrintError(`Could not run the lp command (${command}): ${error.message}`, true, {
    cause: error,
  });
}

function exitError(
  queue: string,
  stderr: string,
  code: number | null,
  signal: NodeJS.Signals | null,
): PrintError {
  const how =
    code === null ? `was stopped by ${signal ?? 'a signal'}` : `exited with status ${code}`;
  const detail = stderr === '' ? `lp ${how}` : `${stderr} (lp ${how})`;
  // English CUPS says "The printer or class does not exist."; that will not mend itself. Other
  // failures ("Scheduler not responding") may, so they stay retryable, whatever the language.
  const unknownQueue = /does not exist/i.test(stderr);
  return new PrintError(
    `CUPS did not take the job for queue ${queue}: ${detail}` +
      (unknownQueue ? ' — lpstat -e lists the queues on this computer.' : ''),
    !unknownQueue,
  );
}

import { Socket } from 'node:net';
import { formatPrinterUri, type TcpPrinterUri } from '../../../shared/printing/printer-uri.ts';
import { PrintError, type PrinterTransport, type PrintPayload } from '../printer-transport.ts';
import { checkPayloadFormat, duration, errorCode } from './transport-errors.ts';

export interface TcpTransportOptions {
  /** How long the printer may take to accept the connection; default 5 s. */
  readonly connectTimeoutMs?: number;
  /** How long the printer may go without taking any data; default 10 s. */
  readonly writeTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_WRITE_TIMEOUT_MS = 10_000;
// Written in slices so a stall can say how far the job got: a write callback fires when its
// slice is in the kernel's send buffer.
const SLICE_BYTES = 64 * 1024;

/** Raw ESC/POS to a network printer's raw port (`tcp://HOST:PORT`, usually 9100). */
export function createTcpTransport(
  printer: TcpPrinterUri,
  options: TcpTransportOptions = {},
): PrinterTransport {
  const timeouts = {
    connectMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    writeMs: options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
  };
  const transport: PrinterTransport = {
    uri: formatPrinterUri(printer),
    format: 'escpos',
    send: async (payload: PrintPayload) => {
      checkPayloadFormat(transport, payload);
      await sendRaw(printer, payload.bytes, timeouts);
    },
  };
  return transport;
}

interface Progress {
  connected: boolean;
  accepted: number;
  readonly total: number;
}

/**
 * Resolves once the printer has closed its side after our end of the job, as CUPS's socket backend
 * does by default (its `waiteof`). That close is all a raw port ever confirms: the socket's
 * 'finish' only says the bytes left this process, and a jammed printer's network buffers swallow a
 * whole slip it never reads. A printer that holds the connection while it prints is waited for as
 * long as it keeps taking or sending anything, up to the write timeout of silence.
 *
 * Any failure after connecting resets the connection (RST), so the printer's network stack drops
 * what it had not read: a jammed printer does not print the tail of a job later, on top of the
 * whole job the retry sends.
 */
function sendRaw(
  printer: TcpPrinterUri,
  bytes: Uint8Array,
  timeouts: { readonly connectMs: number; readonly writeMs: number },
): Promise<void> {
  const where = printer.host.includes(':')
    ? `[${printer.host}]:${printer.port}`
    : `${printer.host}:${printer.port}`;
  const progress: Progress = { connected: false, accepted: 0, total: bytes.byteLength };

  return new Promise<void>((resolve, reject) => {
    const socket = new Socket();
    let settled = false;
    /** Every byte and our end of job are in the kernel. */
    let handedOver = false;
    /** The printer closed its side: it read the job to the end. */
    let confirmed = false;
    const fail = (message: string, cause?: unknown): void => {
      if (progress.connected && !socket.destroyed) socket.resetAndDestroy();
      else socket.destroy();
      if (settled) return;
      settled = true;
      reject(new PrintError(message, true, cause === undefined ? undefined : { cause }));
    };
    const succeedWhenDone = (): void => {
      if (settled || !handedOver || !confirmed) return;
      settled = true;
      socket.destroy();
      resolve();
    };

    // One idle timer owned by the socket covers every phase and dies with it.
    socket.setTimeout(timeouts.connectMs);
    socket.on('timeout', () => {
      if (!progress.connected) {
        fail(
          `Printer at ${where} did not answer within ${duration(timeouts.connectMs)}: ` +
            'is it switched on and on the network?',
        );
      } else if (!handedOver) {
        fail(
          `Printer at ${where} stopped taking data after ${progress.accepted} of ` +
            `${progress.total} bytes (nothing for ${duration(timeouts.writeMs)}): ` +
            'is it out of paper, jammed or open?',
        );
      } else {
        fail(
          `Printer at ${where} did not finish the job (no word from it for ` +
            `${duration(timeouts.writeMs)} after the last byte): is it out of paper, jammed or open?`,
        );
      }
    });
    socket.on('error', (error) => fail(socketErrorMessage(error, printer, where, progress), error));
    socket.on('close', () => {
      if (!settled) fail(droppedMessage(where, progress));
    });
    socket.on('end', () => {
      confirmed = true;
      succeedWhenDone();
    });
    socket.once('connect', () => {
      progress.connected = true;
      socket.setTimeout(timeouts.writeMs);
      // Status bytes a printer sends back are read and dropped: closing a socket with unread
      // data makes the kernel send a reset, which can discard the tail of the job.
      socket.resume();
      for (let offset = 0; offset < progress.total; offset += SLICE_BYTES) {
        const slice = bytes.subarray(offset, Math.min(offset + SLICE_BYTES, progress.total));
        socket.write(slice, (error) => {
          if (!error) progress.accepted += slice.byteLength;
        });
      }
      socket.end();
    });
    socket.once('finish', () => {
      handedOver = true;
      succeedWhenDone();
    });
    socket.connect({ host: printer.host, port: printer.port });
  });
}

function droppedMessage(where: string, progress: Progress): string {
  return (
    `Printer at ${where} dropped the connection after ${progress.accepted} of ` +
    `${progress.total} bytes: was it switched off or restarted?`
  );
}

function socketErrorMessage(
  error: Error,
  printer: TcpPrinterUri,
  where: string,
  progress: Progress,
): string {
  const code = errorCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `Printer at ${where} refused the connection: is it switched on and online?`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return (
        `Printer at ${where} cannot be reached (${code}): is it switched on and connected ` +
        'to the network?'
      );
    case 'ETIMEDOUT':
      return `Printer at ${where} did not answer (${code}): is it switched on and on the network?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return (
        `No printer called '${printer.host}' was found on the network (${code}): check the ` +
        'address in Settings → Printers, and that the printer is switched on.'
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return progress.connected
        ? droppedMessage(where, progress)
        : `Printer at ${where} reset the connection: is it busy with another computer's job?`;
    default:
      return `Could not send the job to the printer at ${where}: ${error.message}`;
  }
}

import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatPrinterUri, type DevicePrinterUri } from '../../../shared/printing/printer-uri.ts';
import { PrintError, type PrinterTransport, type PrintPayload } from '../printer-transport.ts';
import { checkPayloadFormat, duration, errorCode } from './transport-errors.ts';

export interface DeviceTransportOptions {
  /** How long the device may go without taking any data; default 10 s. */
  readonly writeTimeoutMs?: number;
}

const DEFAULT_WRITE_TIMEOUT_MS = 10_000;
const SLICE_BYTES = 16 * 1024;
const BUSY_RETRY_MS = 20;

/*
 * Write-only, never created (a missing /dev/usb/lp0 means unplugged, not "make a file"), appended
 * (a regular file standing in for a device collects jobs one after another, as paper would), and
 * non-blocking: usblp answers EAGAIN while the printer is busy instead of parking a libuv thread
 * indefinitely. O_NONBLOCK and O_NOCTTY are absent on Windows, where `| undefined` adds nothing.
 */
const OPEN_FLAGS =
  constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK | constants.O_NOCTTY;

/** Raw ESC/POS to a printer's device file (`device:///dev/usb/lp0`). */
export function createDeviceTransport(
  printer: DevicePrinterUri,
  options: DeviceTransportOptions = {},
): PrinterTransport {
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  const transport: PrinterTransport = {
    uri: formatPrinterUri(printer),
    format: 'escpos',
    send: async (payload: PrintPayload) => {
      checkPayloadFormat(transport, payload);
      await writeToDevice(printer.path, payload.bytes, writeTimeoutMs);
    },
  };
  return transport;
}

async function writeToDevice(path: string, bytes: Uint8Array, timeoutMs: number): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(path, error);
  }
  const total = bytes.byteLength;
  let written = 0;
  let waitingSince = Date.now();
  try {
    while (written < total) {
      const left = timeoutMs - (Date.now() - waitingSince);
      const length = Math.min(SLICE_BYTES, total - written);
      const taken =
        left > 0 ? await withinTime(handle.write(bytes, written, length), left) : 'timeout';
      if (taken === 'timeout') {
        throw new PrintError(
          `Printer device ${path} stopped taking data after ${written} of ${total} bytes ` +
            `(nothing for ${duration(timeoutMs)}): is it switched on, with paper and its cover shut?`,
          true,
        );
      }
      if (taken === 'busy' || taken === 0) {
        await sleep(Math.min(BUSY_RETRY_MS, left));
        continue;
      }
      written += taken;
      waitingSince = Date.now();
    }
  } catch (error) {
    // Not awaited: FileHandle.close waits for a write that may be stuck in a driver; the handle
    // closes once that write returns.
    handle.close().catch(() => undefined);
    if (error instanceof PrintError) throw error;
    throw writeError(path, error, written, total);
  }
  await handle.close();
}

/** Bytes written, 'busy' for EAGAIN, or 'timeout' when a blocking driver did not return in time. */
async function withinTime(
  write: Promise<{ bytesWritten: number }>,
  ms: number,
): Promise<number | 'busy' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const written = write.then(
    (result) => result.bytesWritten,
    (error: unknown) => {
      if (errorCode(error) === 'EAGAIN') return 'busy' as const;
      throw error;
    },
  );
  // A write that loses the race and later fails must not surface as an unhandled rejection.
  written.catch(() => undefined);
  try {
    return await Promise.race([written, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function openError(path: string, error: unknown): PrintError {
  const code = errorCode(error);
  const options = { cause: error };
  switch (code) {
    case 'ENOENT':
      return new PrintError(
        `Printer device ${path} is not there: is it plugged in and switched on?`,
        true,
        options,
      );
    case 'ENXIO':
    case 'ENODEV':
      return new PrintError(
        `Printer device ${path} has no printer behind it (${code}): is it plugged in and switched on?`,
        true,
        options,
      );
    case 'EACCES':
    case 'EPERM':
      return new PrintError(
        `RS Desk may not write to printer device ${path} (${code}): add the desk's user to the ` +
          "group that owns the device (usually 'lp': sudo usermod -aG lp USER, then log in " +
          'again), or add a udev rule that gives it access.',
        false,
        options,
      );
    case 'EISDIR':
      return new PrintError(`${path} is a folder, not a printer device.`, false, options);
    case 'EBUSY':
      return new PrintError(`Printer device ${path} is in use by another program.`, true, options);
    default:
      return new PrintError(
        `Could not open printer device ${path}: ${messageOf(error)}`,
        true,
        options,
      );
  }
}

function writeError(path: string, error: unknown, written: number, total: number): PrintError {
  const code = errorCode(error);
  const where = `after ${written} of ${total} bytes`;
  if (code === 'EIO' || code === 'ENODEV' || code === 'ENXIO') {
    return new PrintError(
      `Printer device ${path} stopped working ${where} (${code}): was it unplugged or switched off?`,
      true,
      { cause: error },
    );
  }
  return new PrintError(
    `Could not write to printer device ${path} ${where}: ${messageOf(error)}`,
    true,
    { cause: error },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

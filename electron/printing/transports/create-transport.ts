import { parsePrinterUri } from '../../../shared/printing/printer-uri.ts';
import type { PrinterTransport } from '../printer-transport.ts';
import { createCupsTransport, type CupsTransportOptions } from './cups-transport.ts';
import { createDeviceTransport, type DeviceTransportOptions } from './device-transport.ts';
import { createPdfTransport, type PdfTransportOptions } from './pdf-transport.ts';
import { createSystemTransport, type SystemPrinter } from './system-transport.ts';
import { createTcpTransport, type TcpTransportOptions } from './tcp-transport.ts';

/** What transports may need from outside: timeouts, the lp command, the Electron printer. */
export interface TransportDeps {
  readonly tcp?: TcpTransportOptions;
  readonly device?: DeviceTransportOptions;
  readonly cups?: CupsTransportOptions;
  readonly pdf?: PdfTransportOptions;
  /** The Electron shell's electron-pos-printer adapter; absent in browser mode. */
  readonly systemPrinter?: SystemPrinter | null;
}

export type CreateTransportResult =
  | { readonly ok: true; readonly transport: PrinterTransport }
  | { readonly ok: false; readonly message: string };

/** The transport for a printer URI, or why the URI cannot be used (words for staff). */
export function createTransport(uriText: string, deps: TransportDeps = {}): CreateTransportResult {
  const parsed = parsePrinterUri(uriText);
  if (!parsed.ok) return parsed;
  const printer = parsed.value;
  switch (printer.scheme) {
    case 'tcp':
      return { ok: true, transport: createTcpTransport(printer, deps.tcp) };
    case 'device':
      return { ok: true, transport: createDeviceTransport(printer, deps.device) };
    case 'cups':
      return { ok: true, transport: createCupsTransport(printer, deps.cups) };
    case 'pdf':
      return { ok: true, transport: createPdfTransport(printer, deps.pdf) };
    case 'system':
      return { ok: true, transport: createSystemTransport(printer, deps.systemPrinter ?? null) };
  }
}

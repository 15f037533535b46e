import { formatPrinterUri, type SystemPrinterUri } from '../../../shared/printing/printer-uri.ts';
import { PrintError, type PrinterTransport, type PrintPayload } from '../printer-transport.ts';
import { checkPayloadFormat } from './transport-errors.ts';

/**
 * Prints through the operating system's driver with electron-pos-printer. Only the Electron shell
 * can provide one (it needs a BrowserWindow); `bytes` is the JSON of electron-pos-printer data.
 */
export interface SystemPrinter {
  print(printerName: string, bytes: Uint8Array): Promise<void>;
}

export const SYSTEM_PRINTER_UNAVAILABLE =
  'system:// printers work only in the desktop app; in browser mode use tcp://, device://, ' +
  'cups:// or pdf://';

/** An OS printer by name (`system://NAME`), through the shell's SystemPrinter when there is one. */
export function createSystemTransport(
  printer: SystemPrinterUri,
  systemPrinter: SystemPrinter | null = null,
): PrinterTransport {
  const transport: PrinterTransport = {
    uri: formatPrinterUri(printer),
    format: 'pos-printer',
    send: async (payload: PrintPayload) => {
      checkPayloadFormat(transport, payload);
      if (systemPrinter === null) throw new PrintError(SYSTEM_PRINTER_UNAVAILABLE, false);
      try {
        await systemPrinter.print(printer.name, payload.bytes);
      } catch (error) {
        if (error instanceof PrintError) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        // Driver errors are mostly "offline" or "paper out"; trying again later is the cure.
        throw new PrintError(`System printer '${printer.name}' did not print: ${detail}`, true, {
          cause: error,
        });
      }
    },
  };
  return transport;
}

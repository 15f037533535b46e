/**
 * How rendered slips reach a printer (DESIGN.md §7 printer URIs). The print queue calls `send` and
 * marks a job done only when it resolves, i.e. when the transport has handed over every byte.
 */

import type { PayloadFormat } from '../../shared/printing/printer-uri.ts';

/** What a printer is sent: ESC/POS bytes, a PDF file, or electron-pos-printer data as JSON. */
export type { PayloadFormat };

export interface PrintPayload {
  readonly format: PayloadFormat;
  readonly bytes: Uint8Array;
  /** A file-name stem naming the job ("receive-slip-B-1001"), for pdf:// files and lp job titles. */
  readonly name: string;
}

export interface PrinterTransport {
  /** The printer URI this transport sends to. */
  readonly uri: string;
  /** The payload format this printer takes. */
  readonly format: PayloadFormat;
  /** Resolves once the printer (or file, or spooler) has taken every byte; rejects with PrintError. */
  send(payload: PrintPayload): Promise<void>;
}

/**
 * Why a job did not print, in words staff can act on. `retryable` is true when trying again later
 * may work (printer off, unplugged, busy); false when it never will (bad URI, unsupported here).
 */
export class PrintError extends Error {
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PrintError';
    this.retryable = retryable;
  }
}

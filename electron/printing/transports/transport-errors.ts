/** What the transports share in reporting failure: the payload check and wording for errors. */

import type { PayloadFormat } from '../../../shared/printing/printer-uri.ts';
import { PrintError, type PrinterTransport, type PrintPayload } from '../printer-transport.ts';

const FORMAT_NAMES: Readonly<Record<PayloadFormat, string>> = {
  escpos: 'ESC/POS bytes',
  pdf: 'a PDF',
  'pos-printer': 'electron-pos-printer data',
};

/**
 * Refuses a payload rendered for another kind of printer: sent anyway, a thermal printer would
 * print a PDF as pages of gibberish. Never retryable, since the same job would fail again.
 */
export function checkPayloadFormat(
  transport: Pick<PrinterTransport, 'uri' | 'format'>,
  payload: PrintPayload,
): void {
  if (payload.format === transport.format) return;
  throw new PrintError(
    `Printer ${transport.uri} takes ${FORMAT_NAMES[transport.format]}, but job ` +
      `'${payload.name}' was rendered as ${FORMAT_NAMES[payload.format]}.`,
    false,
  );
}

/** The errno code of a Node system error (`ECONNREFUSED`, `ENOENT`), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Milliseconds in words for messages: "300 ms", "5 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

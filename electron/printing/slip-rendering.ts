import { renderEscPos } from '../../shared/printing/escpos-renderer.ts';
import { encodePosPrinterJob } from '../../shared/printing/pos-printer-data.ts';
import type { ChosenPrinter } from '../../shared/printing/printer-choice.ts';
import type { SlipDocument, SlipLayout } from '../../shared/printing/slip-document.ts';
import { loadSlipFonts } from './slip-fonts.ts';
import type { PayloadFormat } from './printer-transport.ts';

/** A document repeated `copies` times: each copy ends in its own cut, so they come out apart. */
export function withCopies(doc: SlipDocument, copies: number): SlipDocument {
  if (copies <= 1) return doc;
  const blocks = Array.from({ length: copies }, () => doc.blocks).flat();
  return { ...doc, blocks };
}

/**
 * The bytes a printer is sent for a slip, in the format its URI takes: ESC/POS for tcp, device and
 * cups printers; a PDF for pdf:// folders; electron-pos-printer data (JSON) for system printers.
 */
export async function renderForPrinter(
  doc: SlipDocument,
  printer: ChosenPrinter,
  format: PayloadFormat,
  copies: number,
): Promise<Uint8Array> {
  const layout: SlipLayout = { paperWidth: printer.paperWidth, barcode: printer.barcode };
  const all = withCopies(doc, copies);
  switch (format) {
    case 'escpos':
      return renderEscPos(all, { layout, codePage: printer.codePage });
    case 'pdf': {
      // pdf-lib and fontkit load with the first PDF slip, not with every desk (most print ESC/POS).
      const { renderPdf } = await import('../../shared/printing/pdf-renderer.ts');
      return renderPdf(all, { layout, fonts: await loadSlipFonts() });
    }
    case 'pos-printer':
      return encodePosPrinterJob(all, layout);
  }
}

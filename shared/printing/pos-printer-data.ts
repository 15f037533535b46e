/**
 * Maps a slip document to electron-pos-printer's print data (DESIGN.md §7, `system://` printers):
 * one HTML line per block, which the library lays out in a hidden window as wide as the paper and
 * prints through the OS driver. Pure, so it is tested here and only the adapter in the Electron
 * shell imports the library.
 *
 * What the library's renderer does with this data decides three things here:
 * - A text line's value is set as innerHTML in a window with Node integration, so every text value
 *   is HTML-escaped: a title or name from a partner's request must never become markup.
 * - Barcodes are drawn by JsBarcode with no `format` passed, i.e. its default, Code 128. There is
 *   no way to ask for Codabar, so a layout's Codabar preference cannot apply here.
 * - The whole job is one page as tall as its content, so there is no page boundary to cut at: a
 *   `cut` block maps to nothing, and the driver cuts at the end of the job (its own setting).
 */
import {
  columnsFor,
  type SlipBlock,
  type SlipDocument,
  type SlipLayout,
  type TextSize,
} from './slip-document.ts';

/** The CSS properties this mapping sets (a subset of electron-pos-printer's PrintDataStyle). */
export interface PosPrintStyle {
  fontSize?: string;
  fontWeight?: string;
  fontFamily?: string;
  textAlign?: string;
  overflowWrap?: string;
  borderTop?: string;
  margin?: string;
  height?: string;
}

/** The fields of electron-pos-printer's PosPrintData this mapping uses, structurally. */
export interface PosPrintLine {
  type: 'text' | 'barCode';
  /** HTML for 'text' (escaped here); the encoded data for 'barCode'. */
  value: string;
  style?: PosPrintStyle;
  /** Barcode alignment; ignored by the library when `style` is set. */
  position?: 'left' | 'center' | 'right';
  /** Barcode module width in CSS pixels, as a string (the library parses it). */
  width?: string;
  /** Barcode bar height in CSS pixels, as a string. */
  height?: string;
  /** Font size of the value printed under a barcode, in pixels. */
  fontsize?: number;
  displayValue?: boolean;
}

/** Paper widths as electron-pos-printer names its page sizes. */
export function posPrinterPageSize(paperWidth: SlipLayout['paperWidth']): '58mm' | '80mm' {
  return paperWidth === 58 ? '58mm' : '80mm';
}

/** 12 px is the size of the thermal printer's own 12 × 24-dot font; sizes 2 and 3 multiply it. */
const FONT_PX = { 1: 12, 2: 24, 3: 36 } as const;
const LINE_PX = 15;
const FONT_FAMILY = 'Arial, Helvetica, sans-serif';
/** The printable width per paper size in CSS pixels: the 48 and 72 mm a thermal head covers. */
const PRINTABLE_PX = { 58: 181, 80: 272 } as const;
const BARCODE_HEIGHT_PX = '40';
/** JsBarcode's default margin, 10 px either side of the bars. */
const BARCODE_MARGINS_PX = 20;

/** The slip as electron-pos-printer lines, top to bottom; `cut` blocks leave no line. */
export function toPosPrinterData(doc: SlipDocument, layout: SlipLayout): PosPrintLine[] {
  return doc.blocks.flatMap((block) => linesFor(block, layout));
}

function linesFor(block: SlipBlock, layout: SlipLayout): PosPrintLine[] {
  switch (block.type) {
    case 'text':
      return [textLine(block.text, block.size ?? 1, block.bold ?? false, block.align ?? 'left')];
    case 'field': {
      const size = block.size ?? 1;
      const bold = block.bold ?? false;
      const oneLine = `${block.label}: ${block.value}`;
      // The same test as the ESC/POS renderer, so both print a field the same way.
      if (oneLine.length * size <= columnsFor(layout.paperWidth)) {
        return [textLine(oneLine, size, bold, 'left')];
      }
      return [
        textLine(`${block.label}:`, size, bold, 'left'),
        textLine(block.value, size, bold, 'left'),
      ];
    }
    case 'barcode':
      return [
        ...(block.caption === undefined ? [] : [textLine(block.caption, 1, false, 'center')]),
        {
          type: 'barCode',
          value: block.value,
          width: fitsAtTwoPixels(block.value, layout) ? '2' : '1',
          height: BARCODE_HEIGHT_PX,
          displayValue: true,
          fontsize: FONT_PX[1],
          position: 'center',
        },
      ];
    case 'rule':
      return [
        {
          type: 'text',
          value: '',
          style: {
            borderTop: block.style === 'double' ? '3px double #000' : '1px solid #000',
            margin: '6px 0',
          },
        },
      ];
    case 'space':
      return block.lines > 0
        ? [{ type: 'text', value: '', style: { height: `${block.lines * LINE_PX}px` } }]
        : [];
    case 'cut':
      return [];
  }
}

function textLine(
  text: string,
  size: TextSize,
  bold: boolean,
  align: 'left' | 'center' | 'right',
): PosPrintLine {
  return {
    type: 'text',
    value: escapeHtml(text),
    style: {
      fontSize: `${FONT_PX[size]}px`,
      fontWeight: bold ? 'bold' : 'normal',
      fontFamily: FONT_FAMILY,
      textAlign: align,
      // A long unbroken word (a URL, an ID) wraps instead of running off the paper.
      overflowWrap: 'anywhere',
    },
  };
}

/**
 * Whether the Code 128 symbol fits the paper with 2-pixel modules; else 1-pixel ones are used
 * (a clipped barcode does not scan). JsBarcode packs all-digit values two digits a symbol.
 */
function fitsAtTwoPixels(value: string, layout: SlipLayout): boolean {
  const symbols = /^[0-9]+$/.test(value) ? Math.ceil(value.length / 2) + 1 : value.length;
  const modules = 11 * (symbols + 2) + 13;
  return modules * 2 + BARCODE_MARGINS_PX <= PRINTABLE_PX[layout.paperWidth];
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** What a system:// print job stores and sends: the page size with the lines, as JSON bytes. */
export interface PosPrinterJob {
  readonly pageSize: '58mm' | '80mm';
  readonly lines: PosPrintLine[];
}

export function encodePosPrinterJob(doc: SlipDocument, layout: SlipLayout): Uint8Array {
  const job: PosPrinterJob = {
    pageSize: posPrinterPageSize(layout.paperWidth),
    lines: toPosPrinterData(doc, layout),
  };
  return new TextEncoder().encode(JSON.stringify(job));
}

export function decodePosPrinterJob(bytes: Uint8Array): PosPrinterJob {
  const job = JSON.parse(new TextDecoder().decode(bytes)) as Partial<PosPrinterJob>;
  if ((job.pageSize !== '58mm' && job.pageSize !== '80mm') || !Array.isArray(job.lines)) {
    throw new Error('The stored system-printer job is not electron-pos-printer data.');
  }
  return { pageSize: job.pageSize, lines: job.lines };
}

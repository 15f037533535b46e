/**
 * Renders a slip document as ESC/POS bytes for a thermal printer (DESIGN.md §7), through the
 * receipt-printer-encoder library: it initialises the printer, selects the code page with ESC t,
 * encodes text in it, wraps words at the line width divided by the text size, and emits styles
 * (ESC E, GS !), barcodes (GS h / GS w / GS H / GS k) and the cut (GS V).
 *
 * Where the library stops short, this file prepares the data rather than bypassing it:
 * - Code 128: the library only prefixes `{B` and sends the rest as is, but Epson's reference wants
 *   a literal `{` sent as `{{`, and code set C takes each pair of digits as one byte (0–99), not as
 *   two ASCII digits. We hand the library finished `{B…` / `{C…` data, which it passes through.
 * - Codabar: the library prints it with the NUL-terminated GS k 6 and adds no start/stop
 *   characters, which Epson requires; we use GS k 71 (explicit length) and add them.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import './codepage-definitions.ts';
import type { EscPosCodePage } from './code-pages.ts';
import {
  barcodeSymbologyFor,
  columnsFor,
  type SlipBlock,
  type SlipDocument,
  type SlipLayout,
  type TextSize,
} from './slip-document.ts';

export interface EscPosOptions {
  layout: SlipLayout;
  codePage: EscPosCodePage;
}

/** Font A is 12 dots wide, so the printable width in dots is 12 × the columns (384 / 576). */
const DOTS_PER_COLUMN = 12;
/** About 10 mm at 203 dpi: tall enough for a handheld scanner held at an angle. */
const BARCODE_HEIGHT_DOTS = 80;
/** Both symbologies need about ten modules of white either side to be read. */
const QUIET_ZONE_MODULES = 20;
/** Lines fed before GS V: the cutter sits above the print head, so the last line must pass it. */
const FEED_BEFORE_CUT = 4;
/** Epson's function-B number for Codabar (GS k 71 n d1…dn). */
const CODABAR_FUNCTION_B = 71;
/** Codabar must start and end with one of A–D; scanners strip them, so which one is moot. */
const CODABAR_START_STOP = 'A';
/** Long all-digit values (Alma request IDs, item barcodes) are packed two digits a symbol. */
const MIN_DIGITS_FOR_CODE_SET_C = 4;

/**
 * The slip as ESC/POS bytes, its text in `codePage`. The library's 'epson' mapping gives the same
 * ESC t table numbers as ESC_POS_CODE_PAGES (the golden tests hold it to that).
 */
export function renderEscPos(doc: SlipDocument, options: EscPosOptions): Uint8Array {
  const columns = columnsFor(options.layout.paperWidth);
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    codepageMapping: 'epson',
    // LF alone, as Epson's reference prints a line; a CR after it feeds a second, empty line on
    // printers set to auto line feed.
    newline: '\n',
    feedBeforeCut: FEED_BEFORE_CUT,
    // The human-readable value is our own text line, which belongs right under the bars.
    feedAfterBlock: false,
    errors: 'strict',
  });
  encoder.initialize().codepage(options.codePage);

  for (const block of doc.blocks) {
    renderBlock(encoder, block, options.layout, columns);
  }
  return encoder.encode();
}

function renderBlock(
  encoder: ReceiptPrinterEncoder,
  block: SlipBlock,
  layout: SlipLayout,
  columns: number,
): void {
  switch (block.type) {
    case 'text':
      encoder.align(block.align ?? 'left');
      styled(encoder, block.size ?? 1, block.bold ?? false, [block.text]);
      encoder.align('left');
      return;
    case 'field':
      renderField(encoder, block, columns);
      return;
    case 'barcode':
      renderBarcode(encoder, block, layout, columns);
      return;
    case 'rule':
      encoder.line((block.style === 'double' ? '=' : '-').repeat(columns));
      return;
    case 'space':
      // The library feeds one line for newline(0), so a zero-line space is skipped here.
      if (block.lines > 0) encoder.newline(block.lines);
      return;
    case 'cut':
      encoder.cut('partial');
      return;
  }
}

/**
 * Prints `lines` in a style. The style is switched off before the last line feed: switched off
 * after it, the library would first switch it back on for the next line, then off again.
 */
function styled(
  encoder: ReceiptPrinterEncoder,
  size: TextSize,
  bold: boolean,
  lines: readonly string[],
): void {
  encoder.size(size, size).bold(bold);
  lines.forEach((line, index) => {
    if (index > 0) encoder.newline();
    encoder.text(line);
  });
  encoder.bold(false).size(1, 1).newline();
}

function renderField(
  encoder: ReceiptPrinterEncoder,
  block: Extract<SlipBlock, { type: 'field' }>,
  columns: number,
): void {
  const size = block.size ?? 1;
  const oneLine = `${block.label}: ${block.value}`;
  const lines = oneLine.length * size <= columns ? [oneLine] : [`${block.label}:`, block.value];
  styled(encoder, size, block.bold ?? false, lines);
}

function renderBarcode(
  encoder: ReceiptPrinterEncoder,
  block: Extract<SlipBlock, { type: 'barcode' }>,
  layout: SlipLayout,
  columns: number,
): void {
  const symbol =
    barcodeSymbologyFor(block.value, layout.barcode) === 'CODABAR'
      ? codabarSymbol(block.value)
      : code128Symbol(block.value);
  const printableDots = columns * DOTS_PER_COLUMN;
  // GS w 3 (library width 2) reads best; narrow to GS w 2 when the symbol would not fit, since a
  // printer given a barcode wider than the paper feeds blank paper instead.
  const width = (symbol.modules + QUIET_ZONE_MODULES) * 3 <= printableDots ? 2 : 1;

  encoder.align('center');
  if (block.caption !== undefined) encoder.line(block.caption);
  encoder.barcode(symbol.data, symbol.symbology, {
    height: BARCODE_HEIGHT_DOTS,
    width,
    // The printer's own HRI would show Codabar's start/stop letters and use the HRI font; the
    // value as a text line reads the same in every symbology and stays in the bytes for search.
    text: 'none',
  });
  encoder.line(block.value);
  encoder.align('left');
}

interface BarcodeSymbol {
  /** The GS k data, as the library passes it on. */
  data: string;
  symbology: 'code128' | typeof CODABAR_FUNCTION_B;
  /** Width of the symbol in modules, quiet zones excluded. */
  modules: number;
}

/**
 * GS k 73 data per Epson's reference: a code set selection first; `{` doubled. An all-digit value
 * goes in code set C, each pair of digits as one byte; an odd last digit switches back to B.
 */
function code128Data(value: string): string {
  if (/^[0-9]+$/.test(value) && value.length >= MIN_DIGITS_FOR_CODE_SET_C) {
    const pairs = value.slice(0, value.length - (value.length % 2)).match(/../g) ?? [];
    const packed = pairs.map((pair) => String.fromCharCode(Number(pair))).join('');
    const tail = value.length % 2 === 1 ? `{B${value.slice(-1)}` : '';
    return `{C${packed}${tail}`;
  }
  return `{B${value.replaceAll('{', '{{')}`;
}

function code128Symbol(value: string): BarcodeSymbol {
  const data = code128Data(value);
  // Each `{x` pair (code set switch or escaped brace) is one symbol character.
  const symbolChars = data.length - (data.match(/\{./g) ?? []).length - 1;
  // Start + data + check character at 11 modules each, and the 13-module stop pattern.
  return { data, symbology: 'code128', modules: 11 * (symbolChars + 2) + 13 };
}

function codabarSymbol(value: string): BarcodeSymbol {
  const data = `${CODABAR_START_STOP}${value}${CODABAR_START_STOP}`;
  // Epson's wide bars are 2.5 narrow ones: 10–11.5 modules a character plus the gap after it.
  return { data, symbology: CODABAR_FUNCTION_B, modules: data.length * 12 };
}

/**
 * Renders a slip document as a PDF shaped like the thermal slip (DESIGN.md §7, pdf:// printers):
 * one receipt-length page per cut, as wide as the paper, text sized to hold the printer's
 * characters per line, and barcodes drawn as vector bars that a scanner (or zbarimg) can read.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import {
  columnsFor,
  type Align,
  type SlipBlock,
  type SlipDocument,
  type SlipLayout,
  type TextSize,
} from './slip-document.ts';
import { BAR_HEIGHT_MM, fitBarcode, PRINT_WIDTH_MM } from './slip-geometry.ts';
import { wrapText } from './wrap-text.ts';

export interface SlipFonts {
  /** TrueType bytes; the slips use DejaVu Sans (assets/fonts/), which covers Latin-1 and more. */
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface PdfRenderOptions {
  layout: SlipLayout;
  fonts: SlipFonts;
}

const POINTS_PER_MM = 72 / 25.4;
const VERTICAL_MARGIN_MM = 4;
const LINE_HEIGHT = 1.3;
/** A typical slip line, to size text so that columnsFor(paper) characters fill the print width. */
const SIZING_SAMPLE = 'Hold until: 2026-12-20  B-1001  QA76.9 .A43 2019  Ada Lovelace';
const BAR_HEIGHT = BAR_HEIGHT_MM * POINTS_PER_MM;
const BLACK = rgb(0, 0, 0);

/** Draws a measured piece at `top` (PDF y of its upper edge). */
interface Piece {
  height: number;
  draw(page: PDFPage, top: number): void;
}

interface Frame {
  regular: PDFFont;
  bold: PDFFont;
  /** Point size of TextSize 1; sizes 2 and 3 are multiples, like the printer's magnification. */
  baseSize: number;
  left: number;
  width: number;
  pageWidth: number;
  layout: SlipLayout;
}

/** The slip as PDF bytes: a page per stretch between cuts, each page as long as its content. */
export async function renderPdf(doc: SlipDocument, options: PdfRenderOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(doc.title);
  pdf.setCreator('RS Desk');
  pdf.registerFontkit(fontkit);
  // Subsetting keeps a slip at a few kilobytes instead of carrying two 700 KB fonts. It is safe
  // with DejaVu only because its glyph records are word-aligned: @pdf-lib/fontkit writes subsets
  // with a short loca table, which garbles glyphs of fonts that are not (pdf-lib issue #1232).
  const regular = await pdf.embedFont(options.fonts.regular, { subset: true });
  const bold = await pdf.embedFont(options.fonts.bold, { subset: true });

  const { paperWidth } = options.layout;
  const pageWidth = paperWidth * POINTS_PER_MM;
  const width = PRINT_WIDTH_MM[paperWidth] * POINTS_PER_MM;
  const average = regular.widthOfTextAtSize(SIZING_SAMPLE, 1) / SIZING_SAMPLE.length;
  const frame: Frame = {
    regular,
    bold,
    baseSize: width / (columnsFor(paperWidth) * average),
    left: (pageWidth - width) / 2,
    width,
    pageWidth,
    layout: options.layout,
  };

  const margin = VERTICAL_MARGIN_MM * POINTS_PER_MM;
  for (const blocks of splitAtCuts(doc.blocks)) {
    const pieces = blocks.map((block) => measureBlock(block, frame));
    const content = pieces.reduce((sum, piece) => sum + piece.height, 0);
    const page = pdf.addPage([pageWidth, content + 2 * margin]);
    let top = page.getHeight() - margin;
    for (const piece of pieces) {
      piece.draw(page, top);
      top -= piece.height;
    }
  }
  return pdf.save();
}

type DrawnBlock = Exclude<SlipBlock, { type: 'cut' }>;

/** Stretches of blocks between cuts; a trailing cut or two cuts in a row add no blank page. */
function splitAtCuts(blocks: readonly SlipBlock[]): DrawnBlock[][] {
  const pages: DrawnBlock[][] = [[]];
  for (const block of blocks) {
    if (block.type === 'cut') pages.push([]);
    else pages[pages.length - 1]?.push(block);
  }
  const filled = pages.filter((page) => page.length > 0);
  return filled.length > 0 ? filled : [[]];
}

function measureBlock(block: DrawnBlock, frame: Frame): Piece {
  switch (block.type) {
    case 'text':
      return textPiece(block.text, frame, {
        size: block.size ?? 1,
        bold: block.bold ?? false,
        align: block.align ?? 'left',
      });
    case 'field':
      return fieldPiece(block, frame);
    case 'barcode':
      return barcodePiece(block.value, block.caption, frame);
    case 'rule':
      return rulePiece(block.style ?? 'single', frame);
    case 'space':
      return { height: Math.max(0, block.lines) * lineHeight(1, frame), draw: () => {} };
  }
}

function pointSize(size: TextSize, frame: Frame): number {
  return frame.baseSize * size;
}

function lineHeight(size: TextSize, frame: Frame): number {
  return pointSize(size, frame) * LINE_HEIGHT;
}

interface TextStyle {
  size: TextSize;
  bold: boolean;
  align: Align;
}

function textPiece(text: string, frame: Frame, style: TextStyle): Piece {
  const font = style.bold ? frame.bold : frame.regular;
  const size = pointSize(style.size, frame);
  const lines = wrapText(text, (line) => font.widthOfTextAtSize(line, size), frame.width);
  const step = lineHeight(style.size, frame);
  return {
    height: lines.length * step,
    draw(page, top) {
      lines.forEach((line, index) => {
        const lineWidth = font.widthOfTextAtSize(line, size);
        const x = frame.left + alignOffset(style.align, frame.width - lineWidth);
        page.drawText(line, { x, y: baseline(top - index * step, size), size, font, color: BLACK });
      });
    },
  };
}

function alignOffset(align: Align, slack: number): number {
  if (align === 'center') return slack / 2;
  return align === 'right' ? slack : 0;
}

/** Baseline of a line whose box starts at `top`: the leading split above and below the glyphs. */
function baseline(top: number, size: number): number {
  return top - size * ((LINE_HEIGHT - 1) / 2 + 0.8);
}

/** `Label: value` on one line when it fits, else the label and the value wrapped beneath it. */
function fieldPiece(block: Extract<SlipBlock, { type: 'field' }>, frame: Frame): Piece {
  const textSize = block.size ?? 1;
  const size = pointSize(textSize, frame);
  const valueFont = block.bold ? frame.bold : frame.regular;
  const label = `${block.label}: `;
  const labelWidth = frame.regular.widthOfTextAtSize(label, size);
  const oneLine = labelWidth + valueFont.widthOfTextAtSize(block.value, size) <= frame.width;
  if (!oneLine) {
    const labelPiece = textPiece(label.trimEnd(), frame, { size: 1, bold: false, align: 'left' });
    const valuePiece = textPiece(block.value, frame, {
      size: textSize,
      bold: block.bold ?? false,
      align: 'left',
    });
    return stack([labelPiece, valuePiece]);
  }
  return {
    height: lineHeight(textSize, frame),
    draw(page, top) {
      const y = baseline(top, size);
      page.drawText(label, { x: frame.left, y, size, font: frame.regular, color: BLACK });
      const x = frame.left + labelWidth;
      page.drawText(block.value, { x, y, size, font: valueFont, color: BLACK });
    },
  };
}

function stack(pieces: readonly Piece[]): Piece {
  return {
    height: pieces.reduce((sum, piece) => sum + piece.height, 0),
    draw(page, top) {
      let at = top;
      for (const piece of pieces) {
        piece.draw(page, at);
        at -= piece.height;
      }
    },
  };
}

function rulePiece(style: 'single' | 'double', frame: Frame): Piece {
  const height = lineHeight(1, frame);
  const thickness = 0.75;
  return {
    height,
    draw(page, top) {
      const middle = top - height / 2;
      const offsets = style === 'double' ? [1.25, -1.25] : [0];
      for (const offset of offsets) {
        const y = middle + offset;
        page.drawLine({
          start: { x: frame.left, y },
          end: { x: frame.left + frame.width, y },
          thickness,
          color: BLACK,
        });
      }
    },
  };
}

/**
 * Caption, bars and the value beneath, centred, sized by fitBarcode. A value that cannot be drawn
 * is printed as text with the reason, so the rest of the slip still prints and staff can key the
 * value in.
 */
function barcodePiece(value: string, caption: string | undefined, frame: Frame): Piece {
  const center = { size: 1, bold: false, align: 'center' } as const;
  const parts: Piece[] = [];
  if (caption) parts.push(textPiece(caption, frame, center));
  const fit = fitBarcode(value, frame.layout);
  if (!fit.ok) {
    parts.push(textPiece(value, frame, { ...center, bold: true }));
    parts.push(textPiece(`(${fit.reason})`, frame, center));
    return stack(parts);
  }
  const module = fit.moduleMm * POINTS_PER_MM;
  const gap = pointSize(1, frame) * 0.4;
  parts.push({
    height: BAR_HEIGHT + 2 * gap,
    draw(page, top) {
      const y = top - gap - BAR_HEIGHT;
      let x = (frame.pageWidth - fit.modules * module) / 2;
      fit.runs.forEach((run, index) => {
        const width = run * module;
        // Even runs are bars, odd runs the spaces between them.
        if (index % 2 === 0) page.drawRectangle({ x, y, width, height: BAR_HEIGHT, color: BLACK });
        x += width;
      });
    },
  });
  parts.push(textPiece(value, frame, center));
  return stack(parts);
}

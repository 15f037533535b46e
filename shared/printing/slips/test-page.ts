/**
 * A printer test page (Settings → Printers → Print test page): shows that the printer is the one
 * meant, that its code page prints patrons' accented names, and that every size and barcode reads.
 */
import { ESC_POS_CODE_PAGES } from '../code-pages.ts';
import type { SlipOrigin } from '../slip-data.ts';
import { columnsFor, type SlipBlock, type SlipDocument } from '../slip-document.ts';
import { slipFooter, slipHeader } from './slip-text.ts';

export interface TestPageInput {
  printerName: string;
  uri: string;
  paperWidth: 58 | 80;
  codePage: string;
  origin: SlipOrigin;
}

export const TEST_PAGE_NAMES = 'José Núñez · Zoë Ångström · François Müller';
export const TEST_PAGE_BARCODES = { code128: 'RS-DESK-TEST', numeric: '31234000123453' } as const;

export function buildTestPage(input: TestPageInput): SlipDocument {
  const columns = columnsFor(input.paperWidth);
  const blocks: SlipBlock[] = [
    ...slipHeader(input.origin, 'PRINTER TEST PAGE'),
    { type: 'field', label: 'Printer', value: input.printerName },
    { type: 'field', label: 'URI', value: input.uri },
    {
      type: 'field',
      label: 'Paper',
      value: `${input.paperWidth} mm, ${columns} characters a line`,
    },
    { type: 'field', label: 'Code page', value: codePageText(input.codePage) },
    { type: 'rule' },
    { type: 'text', text: 'Accented names:' },
    { type: 'text', text: TEST_PAGE_NAMES },
    { type: 'rule' },
    { type: 'text', text: 'Size 1 normal' },
    { type: 'text', text: 'Size 1 bold', bold: true },
    { type: 'text', text: 'Size 2', size: 2 },
    { type: 'text', text: 'Size 2 bold', size: 2, bold: true },
    { type: 'text', text: 'Size 3', size: 3 },
    { type: 'text', text: 'Size 3 bold', size: 3, bold: true },
    { type: 'rule' },
    // Exactly one line wide: if it wraps, the paper width setting is wrong for this printer.
    { type: 'text', text: ruler(columns) },
    { type: 'rule', style: 'double' },
    { type: 'barcode', value: TEST_PAGE_BARCODES.code128, caption: 'Code 128' },
    { type: 'barcode', value: TEST_PAGE_BARCODES.numeric, caption: 'Numeric (Codabar if chosen)' },
    ...slipFooter(input.origin),
  ];
  return { kind: 'TEST_PAGE', title: `Printer test page ${input.printerName}`, blocks };
}

function codePageText(codePage: string): string {
  const known = Object.entries(ESC_POS_CODE_PAGES).find(([name]) => name === codePage);
  return known ? `${codePage}, ${known[1].label}` : codePage;
}

/** `.........1.........2..` marking every tenth column with its tens digit. */
function ruler(columns: number): string {
  let line = '';
  for (let column = 1; column <= columns; column += 1) {
    line += column % 10 === 0 ? String((column / 10) % 10) : '.';
  }
  return line;
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSlipFonts } from '../../../electron/printing/slip-fonts.ts';
import { renderPdf, type SlipFonts } from '../../../shared/printing/pdf-renderer.ts';
import type { SlipDocument, SlipLayout } from '../../../shared/printing/slip-document.ts';
import { decodePdfBarcodes, pdfText } from '../../helpers/pdf-reading.ts';

const run = promisify(execFile);
const POINTS_PER_MM = 72 / 25.4;

let fonts: SlipFonts;
let dir: string;
let files = 0;

beforeAll(async () => {
  fonts = await loadSlipFonts();
  dir = await mkdtemp(join(tmpdir(), 'rs-desk-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A receive slip for a borrowed item, then a pull slip after a cut: two pages. */
const receiveAndPull: SlipDocument = {
  kind: 'RECEIVE_SLIP',
  title: 'Receive slip B-1001',
  blocks: [
    { type: 'text', text: 'HOLD FOR PATRON', size: 2, bold: true, align: 'center' },
    { type: 'field', label: 'Patron', value: 'José Núñez', size: 2, bold: true },
    { type: 'field', label: 'Hold until', value: '2026-12-20', size: 2, bold: true },
    { type: 'field', label: 'Pickup', value: 'Main Library Circulation Desk' },
    {
      type: 'field',
      label: 'Title',
      value: 'Sketch of the Analytical Engine invented by Charles Babbage',
    },
    { type: 'field', label: 'Lender', value: 'University at Albany, SUNY' },
    { type: 'rule' },
    { type: 'barcode', value: 'B-1001', caption: 'Request ID' },
    { type: 'barcode', value: '78239000001', caption: 'External Identifier' },
    { type: 'space', lines: 2 },
    { type: 'cut' },
    { type: 'text', text: 'Pull slip', size: 2, bold: true },
    { type: 'field', label: 'Requested for', value: 'Zoë Ångström' },
    { type: 'field', label: 'Call number', value: 'QA76.9 .A43 2019' },
    { type: 'rule', style: 'double' },
    { type: 'barcode', value: '31234000123453', caption: 'Item barcode' },
    { type: 'barcode', value: 'ABC-xyz-42', caption: 'Partner reference' },
    { type: 'cut' },
  ],
};

async function renderToFile(doc: SlipDocument, layout: SlipLayout): Promise<string> {
  files += 1;
  const path = join(dir, `slip-${files}.pdf`);
  await writeFile(path, await renderPdf(doc, { layout, fonts }));
  return path;
}

async function pageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const loaded = await PDFDocument.load(await readFile(pdf));
  return loaded.getPages().map((page) => page.getSize());
}

describe('PDF slips (DESIGN.md §7)', () => {
  it.each([58, 80] as const)(
    'draws Code 128 barcodes a scanner reads back exactly, on %i mm paper',
    async (paperWidth) => {
      const pdf = await renderToFile(receiveAndPull, { paperWidth, barcode: 'CODE128' });
      expect(await decodePdfBarcodes(pdf)).toEqual(
        ['31234000123453', '78239000001', 'ABC-xyz-42', 'B-1001'].sort(),
      );
    },
  );

  it('prints numeric values as Codabar A…A on a Codabar desk and the rest as Code 128', async () => {
    const doc: SlipDocument = {
      kind: 'SHIPPING_SLIP',
      title: 'Shipping slip L-2001',
      blocks: [
        { type: 'text', text: 'Supplied to: NAM', bold: true },
        { type: 'barcode', value: '31234000123453', caption: 'Item barcode' },
        { type: 'barcode', value: 'L-2001', caption: 'Request ID' },
      ],
    };
    const pdf = await renderToFile(doc, { paperWidth: 58, barcode: 'CODABAR' });
    // zbarimg reports Codabar with its start and stop characters.
    expect(await decodePdfBarcodes(pdf)).toEqual(['A31234000123453A', 'L-2001']);
  });

  it('keeps accented patron names intact in the embedded font', async () => {
    const pdf = await renderToFile(receiveAndPull, { paperWidth: 80, barcode: 'CODE128' });
    const stdout = await pdfText(pdf);
    expect(stdout).toContain('José Núñez');
    expect(stdout).toContain('Zoë Ångström');
  });

  it('draws the glyphs of the subset font, not blank boxes', async () => {
    const doc: SlipDocument = {
      kind: 'TEST_PAGE',
      title: 'Glyphs',
      blocks: [{ type: 'text', text: 'José Núñez Zoë Ångström', size: 3, bold: true }],
    };
    const pdf = await renderToFile(doc, { paperWidth: 80, barcode: 'CODE128' });
    const prefix = join(dir, 'glyphs');
    await run('pdftoppm', ['-r', '72', '-gray', '-singlefile', pdf, prefix]);
    const pgm = await readFile(`${prefix}.pgm`);
    // Binary PGM: "P5\n<width> <height>\n255\n" then one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    const pixels = pgm.subarray(header?.[0].length ?? pgm.length);
    const dark = pixels.filter((value) => value < 128).length;
    expect(dark / pixels.length).toBeGreaterThan(0.02);
    expect((await readFile(pdf)).length).toBeLessThan(40_000);
  });

  it.each([
    [58, 164.41],
    [80, 226.77],
  ] as const)('makes pages %i mm (%f pt) wide, one per cut', async (paperWidth, points) => {
    const pdf = await renderToFile(receiveAndPull, { paperWidth, barcode: 'CODE128' });
    const sizes = await pageSizes(pdf);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(paperWidth * POINTS_PER_MM, 5);
      expect(size.width).toBeCloseTo(points, 1);
      // Receipt length: fitted to the content, not a sheet of A4.
      expect(size.height).toBeGreaterThan(100);
      expect(size.height).toBeLessThan(paperWidth * POINTS_PER_MM * 3);
    }
  });

  it('prints a value too long for the paper as text with a note instead of bars', async () => {
    const value = 'NAM-ILL-REQUEST-2026-ABCDEFGHIJ';
    const doc: SlipDocument = {
      kind: 'RETURN_SLIP',
      title: 'Return slip',
      blocks: [{ type: 'barcode', value, caption: 'External Identifier' }],
    };
    const pdf = await renderToFile(doc, { paperWidth: 58, barcode: 'CODE128' });
    expect(await decodePdfBarcodes(pdf)).toEqual([]);
    const stdout = await pdfText(pdf);
    expect(stdout).toContain('too long to print as a barcode');
  });
});

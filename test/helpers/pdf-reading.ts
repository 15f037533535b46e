import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Reading a PDF back the way a person would: its pages as pictures a scanner reads, and its text. */

const run = promisify(execFile);

/** Every barcode zbarimg reads on a 300 dpi rendering (pdftoppm) of each page, sorted. */
export async function decodePdfBarcodes(pdf: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rs-desk-pdf-pages-'));
  try {
    await run('pdftoppm', ['-r', '300', '-png', pdf, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((name) => name.endsWith('.png'));
    if (pages.length === 0) throw new Error(`pdftoppm made no page images of ${pdf}`);
    const decoded: string[] = [];
    for (const page of pages) decoded.push(...(await zbar(join(dir, page))));
    return decoded.sort();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function zbar(image: string): Promise<string[]> {
  try {
    const { stdout } = await run('zbarimg', ['--raw', '-q', image]);
    return stdout.split('\n').filter((line) => line.length > 0);
  } catch (error) {
    // zbarimg exits 4 when the image holds no barcode at all.
    if ((error as { code?: unknown }).code === 4) return [];
    throw error;
  }
}

/** The PDF's text as pdftotext extracts it (UTF-8): proves the embedded font maps its glyphs. */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
  return stdout;
}

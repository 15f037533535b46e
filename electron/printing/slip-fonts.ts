import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SlipFonts } from '../../shared/printing/pdf-renderer.ts';

const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
const FONTS_DIR = join('assets', 'fonts');

let cached: Promise<SlipFonts> | null = null;

/**
 * The slip fonts shipped in assets/fonts/ (never the system's: the desk must print the same
 * everywhere, and CI machines and Windows desks have no DejaVu). Read once and kept, since every
 * PDF slip embeds them; a failed read is not kept, so the next print tries again.
 */
export function loadSlipFonts(): Promise<SlipFonts> {
  cached ??= readSlipFonts().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function readSlipFonts(): Promise<SlipFonts> {
  const dir = await findFontsDir(dirname(fileURLToPath(import.meta.url)));
  const [regular, bold] = await Promise.all([
    readFile(join(dir, FONT_FILES.regular)),
    readFile(join(dir, FONT_FILES.bold)),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}

/**
 * Walks up from this module to the folder holding assets/fonts/. The depth differs between runs
 * from source (electron/printing/), the built bundle (out/main/) and the packaged app (out/main/
 * inside app.asar, which Electron's fs reads through), so searching beats a fixed '../../'.
 */
export async function findFontsDir(from: string): Promise<string> {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, FONTS_DIR);
    try {
      await access(join(candidate, FONT_FILES.regular));
      return candidate;
    } catch {
      if (dirname(dir) === dir) {
        throw new Error(
          `The slip fonts (${FONTS_DIR}/${FONT_FILES.regular}) were not found above ${from}; ` +
            'PDF slips cannot be made. Reinstall RS Desk.',
        );
      }
    }
  }
}

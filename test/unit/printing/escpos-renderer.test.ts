import { describe, expect, it } from 'vitest';
import { ESC_POS_CODE_PAGES, type EscPosCodePage } from '../../../shared/printing/code-pages.ts';
import { renderEscPos } from '../../../shared/printing/escpos-renderer.ts';
import type {
  SlipBlock,
  SlipDocument,
  SlipLayout,
} from '../../../shared/printing/slip-document.ts';

/*
 * Golden tests against Epson's ESC/POS command reference. Expected commands are written out as
 * hex, never produced by the encoder library, so a change in the library shows up here.
 */

const LAYOUT_80: SlipLayout = { paperWidth: 80, barcode: 'CODE128' };
const LAYOUT_58: SlipLayout = { paperWidth: 58, barcode: 'CODE128' };

function render(
  blocks: SlipBlock[],
  layout: SlipLayout = LAYOUT_80,
  codePage: EscPosCodePage = 'cp858',
): Uint8Array {
  const doc: SlipDocument = { kind: 'TEST_PAGE', title: 'Test', blocks };
  return renderEscPos(doc, { layout, codePage });
}

/** `hex('1B 40')` → [0x1b, 0x40] */
function hex(text: string): number[] {
  return text.split(/\s+/).map((byte) => parseInt(byte, 16));
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

/** Where `sequence` first occurs in `bytes` at or after `from`, or -1. */
function indexOfSequence(bytes: Uint8Array, sequence: readonly number[], from = 0): number {
  for (let start = from; start + sequence.length <= bytes.length; start++) {
    if (sequence.every((byte, offset) => bytes[start + offset] === byte)) return start;
  }
  return -1;
}

function expectSequence(bytes: Uint8Array, sequence: readonly number[]): void {
  expect(indexOfSequence(bytes, sequence), `expected ${toHex(sequence)} in the output`).not.toBe(
    -1,
  );
}

function toHex(bytes: Iterable<number>): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/**
 * The printed width of every text line, in size-1 columns, by stepping over the commands this
 * renderer may send. An unknown command fails the test rather than being counted as text.
 */
function printedLineWidths(bytes: Uint8Array): number[] {
  const widths: number[] = [];
  let width = 0;
  let magnification = 1;
  let i = 0;
  const at = (index: number): number => bytes[index] ?? 0;
  while (i < bytes.length) {
    const byte = at(i);
    const next = at(i + 1);
    if (byte === 0x0a) {
      widths.push(width);
      width = 0;
      i += 1;
    } else if (byte === 0x1b && next === 0x40)
      i += 2; // ESC @
    else if (byte === 0x1c && next === 0x2e)
      i += 2; // FS . (Kanji off)
    else if (byte === 0x1b && [0x4d, 0x74, 0x45, 0x61].includes(next))
      i += 3; // ESC M/t/E/a n
    else if (byte === 0x1d && next === 0x21) {
      magnification = (at(i + 2) >> 4) + 1; // GS ! n: width in the high nibble
      i += 3;
    } else if (byte === 0x1d && [0x68, 0x77, 0x48, 0x56].includes(next))
      i += 3; // GS h/w/H/V n
    else if (byte === 0x1d && next === 0x6b)
      i += 4 + at(i + 3); // GS k m n d1…dn
    else if (byte >= 0x20) {
      width += magnification;
      i += 1;
    } else throw new Error(`unexpected command ${toHex([byte, next])} at ${i}`);
  }
  return widths;
}

describe('renderEscPos: commands', () => {
  it('prints a small slip as exactly the commands of the Epson reference', () => {
    const bytes = render([
      { type: 'text', text: 'Hold', size: 2, bold: true },
      { type: 'text', text: 'Zoë' },
      { type: 'cut' },
    ]);
    expect(toHex(bytes)).toBe(
      toHex([
        ...hex('1B 40'), // ESC @: initialise
        ...hex('1C 2E'), // FS .: Kanji mode off, so bytes 0x80–0xFF are single characters
        ...hex('1B 4D 00'), // ESC M 0: font A (12 × 24 dots)
        ...hex('1D 21 11'), // GS ! 0x11: double width and height
        ...hex('1B 45 01'), // ESC E 1: emphasis on
        ...hex('1B 74 13'), // ESC t 19: code page PC858
        ...ascii('Hold'),
        ...hex('1B 45 00'), // ESC E 0: emphasis off
        ...hex('1D 21 00'), // GS ! 0: normal size
        ...hex('0A'), // LF: print the line
        ...[0x5a, 0x6f, 0x89], // "Zoë" in PC858
        ...hex('0A'),
        ...hex('0A 0A 0A 0A'), // feed the last line past the cutter
        ...hex('1D 56 01'), // GS V 1: partial cut
        ...hex('0A'),
      ]),
    );
  });

  it('prints size 3 as triple width and height', () => {
    expectSequence(render([{ type: 'text', text: 'Hold', size: 3 }]), [
      ...hex('1D 21 22'), // GS ! 0x22
      ...hex('1B 74 13'),
      ...ascii('Hold'),
      ...hex('1D 21 00'),
    ]);
  });

  it('prints a Code 128 value with the code set B selection Epson requires, and the value below', () => {
    const bytes = render([{ type: 'barcode', value: 'B-1001', caption: 'Request ID' }]);
    const caption = indexOfSequence(bytes, ascii('Request ID'));
    const barcode = indexOfSequence(bytes, [
      ...hex('1B 61 01'), // ESC a 1: centre
      ...hex('1D 68 50'), // GS h 80: bar height in dots
      ...hex('1D 77 03'), // GS w 3: module width
      ...hex('1D 48 00'), // GS H 0: no printer HRI; the value is printed as text below
      ...hex('1D 6B 49 08 7B 42'), // GS k 73 (Code 128), n = 8, "{B"
      ...ascii('B-1001'),
      ...hex('1B 61 00'), // ESC a 0: left
    ]);
    const value = indexOfSequence(bytes, ascii('B-1001'), barcode + 15);
    expect(caption).toBeGreaterThan(-1);
    expect(barcode).toBeGreaterThan(caption);
    expect(value).toBeGreaterThan(barcode);
  });

  it('packs an even-length all-digit value in code set C, two digits a byte', () => {
    expectSequence(
      render([{ type: 'barcode', value: '20240001' }]),
      hex('1D 6B 49 06 7B 43 14 18 00 01'), // "{C", then 20 24 00 01 as bytes
    );
  });

  it('ends an odd-length all-digit value in code set B', () => {
    expectSequence(
      render([{ type: 'barcode', value: '1234567' }]),
      hex('1D 6B 49 08 7B 43 0C 22 38 7B 42 37'), // "{C" 12 34 56, "{B" "7"
    );
  });

  it('sends a brace in a Code 128 value twice, as the reference requires', () => {
    expectSequence(
      render([{ type: 'barcode', value: 'A{1' }]),
      hex('1D 6B 49 06 7B 42 41 7B 7B 31'),
    );
  });

  it('prints Codabar with GS k 71 and start/stop characters when the layout prefers it', () => {
    const bytes = render([{ type: 'barcode', value: '31234000123456' }], {
      paperWidth: 80,
      barcode: 'CODABAR',
    });
    expectSequence(bytes, [
      ...hex('1D 6B 47 10'), // GS k 71 (Codabar), n = 16
      ...ascii('A31234000123456A'),
    ]);
  });

  it('falls back to Code 128 for a value Codabar cannot encode', () => {
    const bytes = render([{ type: 'barcode', value: 'B-1001' }], {
      paperWidth: 80,
      barcode: 'CODABAR',
    });
    expectSequence(bytes, [...hex('1D 6B 49 08 7B 42'), ...ascii('B-1001')]);
    expect(indexOfSequence(bytes, hex('1D 6B 47'))).toBe(-1);
  });

  it('narrows the bars of a long value on 58 mm paper, where GS w 3 would not fit', () => {
    const long = render([{ type: 'barcode', value: 'RS-2025-000123456' }], LAYOUT_58);
    expectSequence(long, hex('1D 77 02 1D 48 00 1D 6B 49'));
    const short = render([{ type: 'barcode', value: 'B-1001' }], LAYOUT_58);
    expectSequence(short, hex('1D 77 03 1D 48 00 1D 6B 49'));
  });

  it('prints rules across the paper and spaces as line feeds', () => {
    expectSequence(render([{ type: 'rule' }], LAYOUT_58), [...ascii('-'.repeat(32)), 0x0a]);
    const bytes = render([
      { type: 'rule', style: 'double' },
      { type: 'space', lines: 3 },
    ]);
    expectSequence(bytes, [...ascii('='.repeat(48)), ...hex('0A 0A 0A 0A')]);
    expect(render([{ type: 'space', lines: 0 }])).toEqual(render([]));
  });
});

describe('renderEscPos: code pages', () => {
  // Epson's ESC t table numbers, from the command reference.
  const TABLES: Record<EscPosCodePage, number> = {
    cp437: 0x00,
    cp850: 0x02,
    cp860: 0x03,
    cp863: 0x04,
    cp865: 0x05,
    windows1252: 0x10,
    cp852: 0x12,
    cp858: 0x13,
    'iso8859-15': 0x28,
  };

  it.each(Object.entries(TABLES))('selects %s with ESC t %i', (codePage, table) => {
    expect(ESC_POS_CODE_PAGES[codePage as EscPosCodePage].table).toBe(table);
    const bytes = render([{ type: 'text', text: 'x' }], LAYOUT_80, codePage as EscPosCodePage);
    expect(Array.from(bytes.slice(7, 10))).toEqual([0x1b, 0x74, table]);
  });

  // The accented letters of the test names, from each code page's published table.
  const LETTERS: Partial<Record<EscPosCodePage, Record<string, number>>> = {
    cp437: { é: 0x82, ú: 0xa3, ñ: 0xa4, ë: 0x89, Å: 0x8f, ö: 0x94 },
    cp850: { é: 0x82, ú: 0xa3, ñ: 0xa4, ë: 0x89, Å: 0x8f, ö: 0x94, Ú: 0xe9 },
    cp858: { é: 0x82, ú: 0xa3, ñ: 0xa4, ë: 0x89, Å: 0x8f, ö: 0x94, Ú: 0xe9 },
    windows1252: { é: 0xe9, ú: 0xfa, ñ: 0xf1, ë: 0xeb, Å: 0xc5, ö: 0xf6, Ú: 0xda },
    'iso8859-15': { é: 0xe9, ú: 0xfa, ñ: 0xf1, ë: 0xeb, Å: 0xc5, ö: 0xf6, Ú: 0xda },
  };

  it.each(Object.entries(LETTERS))('prints accented names in %s', (codePage, letters) => {
    const names = ['José Núñez', 'Zoë Ångström', ...('Ú' in letters ? ['Úrsula'] : [])];
    const bytes = render(
      names.map((text) => ({ type: 'text', text })),
      LAYOUT_80,
      codePage as EscPosCodePage,
    );
    for (const name of names) {
      expectSequence(
        bytes,
        Array.from(name, (char) => letters[char] ?? char.charCodeAt(0)),
      );
    }
  });
});

describe('renderEscPos: layout', () => {
  const title =
    'Proceedings of the International Symposium on Interlibrary Loan and Document Supply, ' +
    'volume 12: resource sharing across borders (supplementary materials)';

  it.each([
    [58, 32],
    [80, 48],
  ] as const)('wraps %i mm paper at %i columns, at every text size', (paperWidth, columns) => {
    const layout: SlipLayout = { paperWidth, barcode: 'CODE128' };
    for (const size of [1, 2, 3] as const) {
      const widths = printedLineWidths(
        render([{ type: 'text', text: title, size, align: 'center' }], layout),
      );
      expect(Math.max(...widths)).toBeLessThanOrEqual(columns);
      expect(Math.max(...widths)).toBeGreaterThan(columns - 12);
    }
  });

  it('prints a field on one line when it fits, else the label above the value', () => {
    const short = render([{ type: 'field', label: 'Due', value: '2025-03-01' }], LAYOUT_58);
    expectSequence(short, [...ascii('Due: 2025-03-01'), 0x0a]);
    const long = render(
      [{ type: 'field', label: 'Pickup', value: 'Main Library, Circulation Desk' }],
      LAYOUT_58,
    );
    expectSequence(long, [
      ...ascii('Pickup:'),
      0x0a,
      ...ascii('Main Library, Circulation Desk'),
      0x0a,
    ]);
    expect(Math.max(...printedLineWidths(long))).toBeLessThanOrEqual(32);
  });

  it("puts every barcode's value in the bytes as printed text", () => {
    const values = ['B-1001', '31234000123456', '0123456789012345678'];
    const bytes = render(
      values.map((value) => ({ type: 'barcode', value, caption: 'Item' })),
      LAYOUT_58,
    );
    for (const value of values) expectSequence(bytes, ascii(value));
    expect(Math.max(...printedLineWidths(bytes))).toBeLessThanOrEqual(32);
  });
});

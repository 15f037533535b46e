import { describe, expect, it } from 'vitest';
import {
  posPrinterPageSize,
  toPosPrinterData,
  type PosPrintLine,
} from '../../../shared/printing/pos-printer-data.ts';
import type { SlipBlock, SlipLayout } from '../../../shared/printing/slip-document.ts';

const LAYOUT_80: SlipLayout = { paperWidth: 80, barcode: 'CODE128' };
const LAYOUT_58: SlipLayout = { paperWidth: 58, barcode: 'CODE128' };

function map(blocks: SlipBlock[], layout: SlipLayout = LAYOUT_80): PosPrintLine[] {
  return toPosPrinterData({ kind: 'RECEIVE_SLIP', title: 'Receive slip B-1001', blocks }, layout);
}

const TEXT_STYLE = {
  fontFamily: 'Arial, Helvetica, sans-serif',
  overflowWrap: 'anywhere',
};

describe('toPosPrinterData', () => {
  it('maps text sizes to font sizes, bold to font weight and alignment to text-align', () => {
    expect(
      map([
        { type: 'text', text: 'José Núñez', size: 3, bold: true, align: 'center' },
        { type: 'text', text: 'Hold until 2025-03-01', size: 2 },
        { type: 'text', text: 'Main Library' },
      ]),
    ).toEqual([
      {
        type: 'text',
        value: 'José Núñez',
        style: { ...TEXT_STYLE, fontSize: '36px', fontWeight: 'bold', textAlign: 'center' },
      },
      {
        type: 'text',
        value: 'Hold until 2025-03-01',
        style: { ...TEXT_STYLE, fontSize: '24px', fontWeight: 'normal', textAlign: 'left' },
      },
      {
        type: 'text',
        value: 'Main Library',
        style: { ...TEXT_STYLE, fontSize: '12px', fontWeight: 'normal', textAlign: 'left' },
      },
    ]);
  });

  it('escapes HTML in text, since the library sets it as innerHTML in a Node-enabled window', () => {
    const [line] = map([
      { type: 'field', label: 'Title', value: '<img src=x onerror="require(1)"> & Sons' },
    ]);
    expect(line?.value).toBe('Title: &lt;img src=x onerror=&quot;require(1)&quot;&gt; &amp; Sons');
  });

  it('prints a field on one line when it fits the paper, else the label above the value', () => {
    expect(
      map([{ type: 'field', label: 'Due', value: '2025-03-01' }], LAYOUT_58).map((l) => l.value),
    ).toEqual(['Due: 2025-03-01']);
    const long = map(
      [{ type: 'field', label: 'Pickup', value: 'Main Library, Circulation Desk', bold: true }],
      LAYOUT_58,
    );
    expect(long.map((l) => [l.value, l.style?.fontWeight])).toEqual([
      ['Pickup:', 'bold'],
      ['Main Library, Circulation Desk', 'bold'],
    ]);
    expect(
      map([{ type: 'field', label: 'Pickup', value: 'Main Library, Circulation Desk' }], LAYOUT_80),
    ).toHaveLength(1);
  });

  it('prints a barcode with its caption above and its value below, unescaped', () => {
    expect(map([{ type: 'barcode', value: 'B-1001', caption: 'Request ID' }])).toEqual([
      {
        type: 'text',
        value: 'Request ID',
        style: { ...TEXT_STYLE, fontSize: '12px', fontWeight: 'normal', textAlign: 'center' },
      },
      {
        type: 'barCode',
        value: 'B-1001',
        width: '2',
        height: '40',
        displayValue: true,
        fontsize: 12,
        position: 'center',
      },
    ]);
  });

  it('draws Code 128 even when the layout prefers Codabar, the only symbology the library draws', () => {
    const [line] = map([{ type: 'barcode', value: '31234000123456' }], {
      paperWidth: 80,
      barcode: 'CODABAR',
    });
    expect(line).toMatchObject({ type: 'barCode', value: '31234000123456' });
    expect(line).not.toHaveProperty('format');
  });

  it('narrows the bars of a value that would not fit the printable width at 2 px a module', () => {
    const [onNarrowPaper] = map([{ type: 'barcode', value: 'B-1001' }], LAYOUT_58);
    expect(onNarrowPaper?.width).toBe('1');
    const [onWidePaper] = map([{ type: 'barcode', value: 'B-1001' }], LAYOUT_80);
    expect(onWidePaper?.width).toBe('2');
    const [longOnWidePaper] = map([{ type: 'barcode', value: 'RS-2025-000123456' }], LAYOUT_80);
    expect(longOnWidePaper?.width).toBe('1');
  });

  it('draws rules as borders and spaces as empty lines of that height', () => {
    expect(
      map([{ type: 'rule' }, { type: 'rule', style: 'double' }, { type: 'space', lines: 2 }]),
    ).toEqual([
      { type: 'text', value: '', style: { borderTop: '1px solid #000', margin: '6px 0' } },
      { type: 'text', value: '', style: { borderTop: '3px double #000', margin: '6px 0' } },
      { type: 'text', value: '', style: { height: '30px' } },
    ]);
    expect(map([{ type: 'space', lines: 0 }])).toEqual([]);
  });

  it('maps a cut to nothing: the job is one page and the driver cuts at its end', () => {
    expect(
      map([{ type: 'text', text: 'A' }, { type: 'cut' }, { type: 'text', text: 'B' }]).map(
        (l) => l.value,
      ),
    ).toEqual(['A', 'B']);
  });

  it('names the page size as electron-pos-printer does', () => {
    expect(posPrinterPageSize(58)).toBe('58mm');
    expect(posPrinterPageSize(80)).toBe('80mm');
  });
});

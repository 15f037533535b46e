import { describe, expect, it } from 'vitest';
import type {
  PullSlipData,
  ReceiveSlipData,
  ReturnSlipData,
  ShippingSlipData,
  SlipAddress,
  SlipOrigin,
} from '../../../shared/printing/slip-data.ts';
import type { SlipBlock, SlipDocument } from '../../../shared/printing/slip-document.ts';
import { buildSlip } from '../../../shared/printing/slips/build-slip.ts';
import { buildPullSlips, compareCallNumbers } from '../../../shared/printing/slips/pull-slip.ts';
import { buildReceiveSlip } from '../../../shared/printing/slips/receive-slip.ts';
import { buildReturnSlip } from '../../../shared/printing/slips/return-slip.ts';
import { buildShippingSlip } from '../../../shared/printing/slips/shipping-slip.ts';
import {
  addressLines,
  formatLabel,
  formatSlipDate,
} from '../../../shared/printing/slips/slip-text.ts';
import { buildTestPage } from '../../../shared/printing/slips/test-page.ts';

const origin: SlipOrigin = {
  institution: 'Gelman Library',
  deskName: 'Resource Sharing Desk',
  printedAt: '2026-12-04T14:05:00.000Z',
};

const lenderAddress: SlipAddress = {
  line1: 'Interlibrary Loan, Lauinger Library',
  line2: '3700 O St NW',
  locality: 'Washington',
  region: 'DC',
  postalCode: '20057',
  country: 'USA',
};

const receive: ReceiveSlipData = {
  requestId: 'B-1001',
  externalId: 'GT-55012',
  title: 'The Structure of Scientific Revolutions',
  author: 'Kuhn, Thomas S.',
  patronName: 'José Núñez',
  patronBarcode: '21234000998877',
  pickupLocation: 'Gelman Circulation Desk',
  holdUntil: '2026-12-18',
  lenderName: 'Georgetown University',
  lenderCode: 'DGU',
  dueDate: '2027-01-15',
  tempBarcode: 'ILL-000123',
  lenderItemBarcode: '39876000111222',
  pieces: 1,
};

const returnData: ReturnSlipData = {
  requestId: 'B-1001',
  externalId: 'GT-55012',
  title: 'The Structure of Scientific Revolutions',
  author: 'Kuhn, Thomas S.',
  partnerName: 'Georgetown University',
  partnerAddress: lenderAddress,
  dueDate: '2027-01-15',
  tempBarcode: 'ILL-000123',
  noteToPartner: 'Thank you!',
};

const shipping: ShippingSlipData = {
  requestId: 'L-2001',
  externalId: 'AU-8812',
  partnerSymbol: 'DAU',
  partnerName: 'American University',
  partnerAddress: { ...lenderAddress, line1: 'Bender Library ILL', line2: null },
  itemBarcode: '31234000123453',
  title: 'Zoë Ångström: Letters',
  author: null,
  callNumber: 'PT9875 .A5 2001',
  dueDate: '2027-02-01',
  format: 'PHYSICAL',
};

function pull(overrides: Partial<PullSlipData>): PullSlipData {
  return {
    requestId: 'L-3000',
    externalId: 'X-1',
    location: 'Stacks',
    callNumber: 'QA76.9 .D3',
    title: 'A book',
    author: null,
    itemBarcode: '31234000000001',
    partnerName: 'Howard University',
    partnerCode: 'DHU',
    neededBy: null,
    levelOfService: null,
    ...overrides,
  };
}

/** Every string a desk worker would read on the slip. */
function printedText(block: SlipBlock): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'field':
      return [block.label, block.value];
    case 'barcode':
      return [block.value, block.caption ?? ''];
    default:
      return [];
  }
}

const allText = (doc: SlipDocument): string[] => doc.blocks.flatMap(printedText);
const sizeOf = (block: SlipBlock): number =>
  block.type === 'text' || block.type === 'field' ? (block.size ?? 1) : 1;
const indexOfText = (doc: SlipDocument, text: string): number =>
  doc.blocks.findIndex((block) => printedText(block).some((line) => line.includes(text)));
const blockWith = (doc: SlipDocument, text: string): SlipBlock | undefined =>
  doc.blocks[indexOfText(doc, text)];
const barcodes = (doc: SlipDocument) =>
  doc.blocks.flatMap((block) => (block.type === 'barcode' ? [block] : []));

describe('formatSlipDate', () => {
  it('prints day, month name and year so no reader mistakes the order', () => {
    expect(formatSlipDate('2026-12-04')).toBe('Fri 4 Dec 2026');
    expect(formatSlipDate('2027-01-15')).toBe('Fri 15 Jan 2027');
    expect(formatSlipDate('2026-07-01')).toBe('Wed 1 Jul 2026');
  });

  it('knows leap days, and refuses to invent a day that does not exist', () => {
    expect(formatSlipDate('2028-02-29')).toBe('Tue 29 Feb 2028');
    expect(formatSlipDate('2000-02-29')).toBe('Tue 29 Feb 2000');
    expect(formatSlipDate('2027-02-29')).toBe('2027-02-29');
  });

  it('uses the UTC date of a timestamp near midnight', () => {
    expect(formatSlipDate('2026-12-04T23:59:59Z')).toBe('Fri 4 Dec 2026');
    expect(formatSlipDate('2026-12-05T00:00:00.000Z')).toBe('Sat 5 Dec 2026');
    expect(formatSlipDate('2026-12-04T23:30:00-05:00')).toBe('Sat 5 Dec 2026');
    expect(formatSlipDate('2026-12-04T23:30:00')).toBe('Fri 4 Dec 2026');
  });

  it('prints text that is not a date as given rather than blocking the slip', () => {
    expect(formatSlipDate('end of term')).toBe('end of term');
  });
});

describe('slip text', () => {
  it('lays out an address and skips its empty parts', () => {
    expect(addressLines(lenderAddress)).toEqual([
      'Interlibrary Loan, Lauinger Library',
      '3700 O St NW',
      'Washington, DC 20057',
      'USA',
    ]);
    expect(
      addressLines({
        line1: 'Bender Library',
        line2: ' ',
        locality: null,
        region: 'DC',
        postalCode: null,
        country: null,
      }),
    ).toEqual(['Bender Library', 'DC']);
  });

  it('names formats as staff read them', () => {
    expect(formatLabel('PHYSICAL')).toBe('Physical');
    expect(formatLabel('PHYSICAL_NON_RETURNABLE')).toBe('Physical (non-returnable)');
    expect(formatLabel('DIGITAL')).toBe('Digital');
  });
});

describe('receive slip / hold strap', () => {
  const doc = buildReceiveSlip(receive, origin);

  it('prints the patron name and Hold Until at the largest size, before the title', () => {
    const largest = Math.max(...doc.blocks.map(sizeOf));
    const patron = blockWith(doc, 'José Núñez');
    const holdUntil = blockWith(doc, 'Fri 18 Dec 2026');
    expect(patron && sizeOf(patron)).toBe(largest);
    expect(holdUntil && sizeOf(holdUntil)).toBe(largest);
    expect(patron).toMatchObject({ bold: true });
    expect(holdUntil).toMatchObject({ label: 'Hold until', bold: true });
    const title = indexOfText(doc, receive.title);
    expect(indexOfText(doc, 'José Núñez')).toBeLessThan(title);
    expect(indexOfText(doc, 'Fri 18 Dec 2026')).toBeLessThan(title);
  });

  it('gives pickup location, lender, due date and scannable request and item barcodes', () => {
    expect(allText(doc)).toEqual(
      expect.arrayContaining([
        'Gelman Circulation Desk',
        'Georgetown University (DGU)',
        'Fri 15 Jan 2027',
        'Kuhn, Thomas S.',
      ]),
    );
    expect(barcodes(doc).map((b) => [b.caption, b.value])).toEqual([
      ['Request ID', 'B-1001'],
      ['Item barcode', 'ILL-000123'],
    ]);
    expect(doc.title).toBe('Receive slip B-1001');
  });

  it("falls back to the lender's item barcode and counts pieces when there are several", () => {
    const multi = buildReceiveSlip({ ...receive, tempBarcode: null, pieces: 3 }, origin);
    expect(barcodes(multi).map((b) => b.value)).toContain('39876000111222');
    expect(blockWith(multi, 'Pieces')).toMatchObject({ value: '3' });
    expect(indexOfText(doc, 'Pieces')).toBe(-1);
  });

  it('leaves out the Hold Until line when there is no date', () => {
    const noDate = buildReceiveSlip({ ...receive, holdUntil: null }, origin);
    expect(indexOfText(noDate, 'Hold until')).toBe(-1);
  });
});

describe('return slip', () => {
  const doc = buildReturnSlip(returnData, origin);

  it('leads with the partner name and address, printed large', () => {
    const lines = ['Georgetown University', ...addressLines(lenderAddress)];
    const returnTo = indexOfText(doc, 'Return to:');
    lines.forEach((line, offset) => {
      const block = doc.blocks[returnTo + 1 + offset];
      expect(block).toMatchObject({ type: 'text', text: line, size: 2 });
    });
  });

  it('carries the External Identifier as a barcode with the exact value', () => {
    expect(barcodes(doc)).toContainEqual({
      type: 'barcode',
      value: 'GT-55012',
      caption: 'External Identifier',
    });
    expect(allText(doc)).toEqual(
      expect.arrayContaining(['Fri 15 Jan 2027', 'Thank you!', 'B-1001']),
    );
  });
});

describe('shipping slip', () => {
  it('names the borrower and carries their reference and the item barcode', () => {
    const doc = buildShippingSlip(shipping, origin);
    expect(allText(doc)).toEqual(
      expect.arrayContaining(['DAU', 'American University', 'Bender Library ILL', 'Physical']),
    );
    expect(barcodes(doc).map((b) => b.value)).toEqual(['AU-8812', '31234000123453']);
    expect(allText(doc).join(' ')).not.toMatch(/non-returnable/i);
  });

  it('says plainly that a non-returnable copy is not to be returned, and gives no due date', () => {
    const doc = buildShippingSlip({ ...shipping, format: 'PHYSICAL_NON_RETURNABLE' }, origin);
    expect(blockWith(doc, 'Non-returnable: do not return')).toMatchObject({ size: 2, bold: true });
    expect(indexOfText(doc, 'Non-returnable')).toBeLessThan(indexOfText(doc, shipping.title));
    expect(indexOfText(doc, 'Due')).toBe(-1);
  });
});

describe('pull slips', () => {
  it('print in shelf order: location first, then call number by value', () => {
    // Plain string sorting would put 'Stacks 10' before 'Stacks 2', and QA100 before QA76.9.
    const batch = [
      pull({ requestId: 'L-1', location: 'Stacks 10', callNumber: 'A1' }),
      pull({ requestId: 'L-2', location: 'Stacks 2', callNumber: 'QA100 .B2' }),
      pull({ requestId: 'L-3', location: 'Stacks 2', callNumber: 'QA76.9 .D3' }),
      pull({ requestId: 'L-4', location: null, callNumber: 'A1' }),
      pull({ requestId: 'L-5', location: 'Stacks 2', callNumber: null }),
      pull({ requestId: 'L-6', location: 'Stacks 2', callNumber: 'QA76.73 .J38' }),
    ];
    const doc = buildPullSlips(batch, origin);
    const order = barcodes(doc)
      .filter((b) => b.caption === 'Request ID')
      .map((b) => b.value);
    expect(order).toEqual(['L-6', 'L-3', 'L-2', 'L-5', 'L-1', 'L-4']);
    expect(doc.title).toBe('Pull slips (6)');
    expect(doc.blocks.filter((b) => b.type === 'cut')).toHaveLength(6);
  });

  it('compares call numbers as the shelves are ordered', () => {
    const shelf = ['QA100', 'QA76.9', 'QA76', 'Q1', 'QA76.73 .J4', 'QA76.73 .J38', null, 'v.10'];
    expect([...shelf].sort(compareCallNumbers)).toEqual([
      'Q1',
      'QA76',
      'QA76.73 .J38',
      'QA76.73 .J4',
      'QA76.9',
      'QA100',
      'v.10',
      null,
    ]);
    expect(compareCallNumbers('v.2', 'v.10')).toBeLessThan(0);
  });

  it('puts location and call number first and large, and makes a rush stand out', () => {
    const doc = buildSlip(
      { kind: 'PULL_SLIP', data: [pull({ levelOfService: 'Rush', neededBy: '2026-12-07' })] },
      origin,
    );
    expect(blockWith(doc, 'RUSH')).toMatchObject({ size: 2, bold: true });
    expect(blockWith(doc, 'Stacks')).toMatchObject({ size: 2, bold: true });
    expect(blockWith(doc, 'QA76.9 .D3')).toMatchObject({ size: 2, bold: true });
    expect(indexOfText(doc, 'QA76.9 .D3')).toBeLessThan(indexOfText(doc, 'A book'));
    expect(allText(doc)).toEqual(
      expect.arrayContaining(['Howard University (DHU)', 'Mon 7 Dec 2026']),
    );
    expect(doc.title).toBe('Pull slip L-3000');
  });

  it('refuses an empty batch and says why', () => {
    expect(() => buildPullSlips([], origin)).toThrow(/no pull slips to print/i);
  });
});

describe('test page', () => {
  const doc = buildTestPage({
    printerName: 'Desk thermal',
    uri: 'tcp://10.0.0.20:9100',
    paperWidth: 58,
    codePage: 'cp858',
    origin,
  });

  it('names the printer and shows accented names, every size and both test barcodes', () => {
    const text = allText(doc);
    expect(text).toEqual(
      expect.arrayContaining([
        'Desk thermal',
        'tcp://10.0.0.20:9100',
        'José Núñez · Zoë Ångström · François Müller',
      ]),
    );
    expect(text.join(' ')).toMatch(/58 mm/);
    expect(text.join(' ')).toMatch(/cp858/);
    expect(new Set(doc.blocks.map(sizeOf))).toEqual(new Set([1, 2, 3]));
    expect(barcodes(doc).map((b) => b.value)).toEqual(['RS-DESK-TEST', '31234000123453']);
  });

  it('prints a ruler exactly one line wide', () => {
    expect(allText(doc)).toContain('.........1.........2.........3..');
  });
});

describe('every slip', () => {
  const sparseAddress: SlipAddress = {
    line1: null,
    line2: null,
    locality: null,
    region: null,
    postalCode: null,
    country: null,
  };
  const sparse: SlipDocument[] = [
    buildReceiveSlip(
      {
        ...receive,
        author: null,
        patronBarcode: null,
        pickupLocation: null,
        holdUntil: null,
        dueDate: null,
        tempBarcode: null,
        lenderItemBarcode: null,
      },
      origin,
    ),
    buildReturnSlip(
      {
        ...returnData,
        author: null,
        partnerAddress: sparseAddress,
        dueDate: null,
        tempBarcode: null,
        noteToPartner: null,
      },
      origin,
    ),
    buildShippingSlip(
      {
        ...shipping,
        partnerSymbol: null,
        partnerAddress: sparseAddress,
        itemBarcode: null,
        callNumber: null,
        dueDate: null,
      },
      origin,
    ),
    buildPullSlips(
      [
        pull({ location: null, callNumber: null, itemBarcode: null }),
        pull({ requestId: 'L-9', levelOfService: null }),
      ],
      origin,
    ),
  ];
  const full: SlipDocument[] = [
    buildSlip({ kind: 'RECEIVE_SLIP', data: receive }, origin),
    buildSlip({ kind: 'RETURN_SLIP', data: returnData }, origin),
    buildSlip({ kind: 'SHIPPING_SLIP', data: shipping }, origin),
    buildSlip({ kind: 'PULL_SLIP', data: [pull({})] }, origin),
    buildSlip(
      {
        kind: 'TEST_PAGE',
        data: { printerName: 'P', uri: 'pdf:///tmp', paperWidth: 80, codePage: 'cp437' },
      },
      origin,
    ),
  ];

  it('ends with a cut', () => {
    for (const doc of [...sparse, ...full]) expect(doc.blocks.at(-1)).toEqual({ type: 'cut' });
  });

  it('never prints "null" or "undefined" when optional details are missing', () => {
    for (const doc of sparse) {
      for (const text of allText(doc)) expect(text).not.toMatch(/null|undefined|NaN/);
    }
  });

  it('names the desk it came from and when it was printed', () => {
    for (const doc of full) {
      expect(allText(doc)).toEqual(
        expect.arrayContaining(['Resource Sharing Desk', 'Printed Fri 4 Dec 2026 14:05 UTC']),
      );
    }
  });
});

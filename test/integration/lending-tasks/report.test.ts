import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { addLendingRequest, addMainStacksRequest } from '../../helpers/lending-desk.ts';

/**
 * Print Slip Report through the API: the Excel workbook read back with exceljs and the XML checked
 * by xmllint, both independent of the code that wrote them.
 */

let desk: BorrowingDesk | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

const START = new Date('2026-11-23T12:00:00Z');
const HEADERS = [
  'Request ID',
  'External Identifier',
  'Partner',
  'Title',
  'Author',
  'ISBN',
  'Location',
  'Call Number',
  'Item Barcode',
  'Status',
  'Needed By',
  'Due Date',
  'Level of Service',
];
const ACCENTED_TITLE = 'Cien años de soledad & otros <relatos>';

/** L-2001 (Science Library), L-2003 (Main Stacks) and L-2012, an unshelved request by José Núñez. */
async function reportDesk(): Promise<BorrowingDesk> {
  const opened = await openBorrowingDesk({ start: START });
  await addMainStacksRequest(opened);
  await addLendingRequest(opened, {
    requestId: 'L-2012',
    externalId: '000777',
    partner: 'VTECH',
    title: ACCENTED_TITLE,
    author: 'Núñez, José',
    status: 'WILL_SUPPLY',
    levelOfService: 'Rush',
  });
  return opened;
}

function reported(d: BorrowingDesk): Record<string, number> {
  return Object.fromEntries(
    d
      .rows<{ id: string; reported: number }>(
        'SELECT request_id AS id, reported FROM lending_requests ORDER BY request_id',
      )
      .map((r) => [r.id, r.reported]),
  );
}

function fileOf(content: string, name: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'rs-desk-report-'));
  const path = join(scratch, name);
  writeFileSync(path, Buffer.from(content, 'base64'));
  return path;
}

function xpath(file: string, expression: string): string {
  // xmllint ends its answer with a newline of its own.
  return execFileSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' }).replace(
    /\n$/,
    '',
  );
}

describe('lending.report', () => {
  it('downloads an Excel workbook of the chosen requests in shelf order, each marked reported', async () => {
    desk = await reportDesk();
    const report = await call(desk.client, 'lending.report', {
      selection: { requestIds: ['L-2012', 'L-2001', 'L-2003'] },
      format: 'xlsx',
    });
    expect(report).toMatchObject({
      fileName: 'lending-requests-2026-11-23.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      rows: 3,
    });
    expect(report.message).toBe(
      'Report of 3 requests ready as Excel workbook lending-requests-2026-11-23.xlsx, in shelf order (location, then call number); each is marked Request Reported.',
    );

    const workbook = new ExcelJS.Workbook();
    // A fresh ArrayBuffer, which is what exceljs's typings ask for.
    await workbook.xlsx.load(new Uint8Array(Buffer.from(report.content, 'base64')).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Lending requests']);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('The workbook has no sheet.');
    const row = (n: number) => HEADERS.map((_, i) => sheet.getRow(n).getCell(i + 1).value);
    expect(sheet.rowCount).toBe(4);
    expect(row(1)).toEqual(HEADERS);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(40);
    // Main Stacks, then the Science Library, then the request with no item yet.
    expect(row(2)[0]).toBe('L-2003');
    expect(row(3)).toEqual([
      'L-2001',
      '33100042',
      'University at Buffalo, SUNY',
      'Introduction to Algorithms',
      'Cormen, Thomas H.',
      '9780262046305',
      'Science Library',
      'QA76.6 .C662 2022',
      '31234000123456',
      'Created lending request',
      new Date('2026-12-20T00:00:00Z'),
      null,
      'Standard',
    ]);
    expect(row(4)).toEqual([
      'L-2012',
      '000777',
      'Virginia Tech',
      ACCENTED_TITLE,
      'Núñez, José',
      null,
      null,
      null,
      null,
      'Will supply',
      null,
      null,
      'Rush',
    ]);
    expect(reported(desk)).toEqual({ 'L-2001': 1, 'L-2002': 0, 'L-2003': 1, 'L-2012': 1 });
  });

  it('downloads a well-formed XML document with one element per request, accents and markup intact', async () => {
    desk = await reportDesk();
    const report = await call(desk.client, 'lending.report', {
      selection: { requestIds: ['L-2001', 'L-2012'] },
      format: 'xml',
    });
    expect(report).toMatchObject({
      fileName: 'lending-requests-2026-11-23.xml',
      mimeType: 'application/xml',
      rows: 2,
    });
    const file = fileOf(report.content, report.fileName);
    // Throws, failing the test, unless the document is well-formed.
    execFileSync('xmllint', ['--noout', file]);
    expect(xpath(file, 'count(/lendingRequestsReport/request)')).toBe('2');
    expect(xpath(file, 'string(//request[requestId="L-2012"]/title)')).toBe(ACCENTED_TITLE);
    expect(xpath(file, 'string(//request[requestId="L-2012"]/author)')).toBe('Núñez, José');
    expect(xpath(file, 'string(//request[requestId="L-2012"]/partner/@code)')).toBe('VTECH');
    expect(xpath(file, 'string(//request[requestId="L-2001"]/location)')).toBe('Science Library');
    expect(xpath(file, 'string(//request[requestId="L-2001"]/status/@code)')).toBe('CREATED');
    expect(xpath(file, 'string(//request[requestId="L-2001"]/neededBy)')).toBe('2026-12-20');
    expect(xpath(file, 'count(//request[requestId="L-2001"]/dueDate/node())')).toBe('0');
    expect(reported(desk)).toEqual({ 'L-2001': 1, 'L-2002': 0, 'L-2003': 0, 'L-2012': 1 });
  });

  it('reports everything the current filter lists', async () => {
    desk = await reportDesk();
    const report = await call(desk.client, 'lending.report', {
      selection: { filter: { partner: ['VTECH'] } },
      format: 'xml',
    });
    expect(report.rows).toBe(2);
    const file = fileOf(report.content, report.fileName);
    expect(xpath(file, 'string(/lendingRequestsReport/request[1]/requestId)')).toBe('L-2002');
    expect(reported(desk)).toEqual({ 'L-2001': 0, 'L-2002': 1, 'L-2003': 0, 'L-2012': 1 });
  });

  it('refuses a selection that names no request, and marks nothing', async () => {
    desk = await reportDesk();
    const refused = await refusal(desk.client, 'lending.report', {
      selection: { requestIds: ['L-9999'] },
      format: 'xlsx',
    });
    expect(refused.code).toBe('NOT_FOUND');
    expect(Object.values(reported(desk))).toEqual([0, 0, 0, 0]);
  });
});

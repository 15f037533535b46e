import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../shared/api/client.ts';
import type { Input, Output } from '../../shared/api/contract.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { NOT_HANDLED_MESSAGE } from '../../electron/services/scan-service.ts';
import { openTempDesk, type TempDesk } from '../helpers/temp-desk.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/import/good.json');

let temp: TempDesk;
let client: DeskClient;

beforeEach(async () => {
  temp = await openTempDesk();
  await importFile(temp.desk.context.gate, FIXTURE);
  client = createInProcessClient(
    temp.desk.handlers,
    (event, listener) => temp.desk.events.on(event, listener),
    undefined,
    { checkOutput: true },
  );
});
afterEach(() => temp.dispose());

async function scan(
  screen: Input<'scans.submit'>['screen'],
  raw: string,
): Promise<Output<'scans.submit'>> {
  const result = await client.call('scans.submit', { source: 'wedge', raw, screen });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('a scan is classified for the screen it was made on', () => {
  it('finds an External Identifier at Receiving Items, at both partners that issued it', async () => {
    const result = await scan('Receiving Items', '78239000001');
    expect(result.outcome).toBe('OK');
    expect(result.matches.map((m) => [m.requestId, m.partnerCode]).sort()).toEqual([
      ['B-1001', 'SUNYALB'],
      ['B-1002', 'SUNYBUF'],
    ]);
  });

  it('says what was scanned and what Receiving Items needs when an item barcode is scanned', async () => {
    const result = await scan('Receiving Items', '31234000123456');
    expect(result).toMatchObject({ outcome: 'ERROR', code: 'WRONG_KIND' });
    expect(result.message).toMatch(
      /^You scanned the item barcode of request L-2001 \(an item we lend\); Receiving Items needs the External Identifier from the paperwork\./,
    );
  });

  it('names a request ID scanned at Receiving Items, in any case', async () => {
    const result = await scan('Receiving Items', 'b-1003');
    expect(result.message).toBe(
      'You scanned the request ID of borrowing request B-1003; Receiving Items needs the External Identifier from the paperwork.',
    );
  });

  it("gives the seed's advice when an External Identifier is scanned at Return Items", async () => {
    const result = await scan('Return Items', '00041771');
    expect(result.code).toBe('WRONG_KIND');
    expect(result.message).toContain(
      'Return Items needs the item barcode, not the External Identifier',
    );
  });

  it('says nothing matches, and what to scan, for an unknown value', async () => {
    const result = await scan('Scan In Items', '39999999999999');
    expect(result).toMatchObject({ outcome: 'ERROR', code: 'NOT_FOUND' });
    expect(result.message).toContain('Nothing in this desk matches 39999999999999');
  });

  it('strips an AIM identifier and names the symbology', async () => {
    const result = await scan('Receiving Items', ']C000041771\r\n');
    expect(result).toMatchObject({ value: '00041771', symbology: 'Code 128', outcome: 'OK' });
  });

  it('warns about a library barcode whose check digit is wrong, but still looks it up', async () => {
    // 31234000123453 has a good mod-10 check digit; the fixture's 31234000123456 does not.
    const good = await scan('Scan In Items', '31234000123453');
    expect(good.warnings).toEqual([]);
    const doubtful = await scan('Scan In Items', '31234000123456');
    expect(doubtful.warnings).toHaveLength(1);
    expect(doubtful.message).toContain('Check digit of 31234000123456 does not match');
    expect(doubtful.matches.map((m) => m.requestId)).toContain('L-2001');
  });
});

describe('the scan journal', () => {
  it('keeps every scan with its outcome, newest first', async () => {
    await scan('Receiving Items', '78239000001');
    await scan('Receiving Items', '31234000123456');
    const recent = await client.call('scans.recent', { limit: 5 });
    if (!recent.ok) throw new Error(recent.error.message);
    expect(recent.value.map((s) => [s.value, s.outcome, s.screen])).toEqual([
      ['31234000123456', 'ERROR', 'Receiving Items'],
      ['78239000001', 'OK', 'Receiving Items'],
    ]);
    expect(recent.value[0]?.message).toContain('Receiving Items needs the External Identifier');
  });

  it('has written a scan before handling it: a scan whose handling fails stays, shown as not applied', async () => {
    // Break the lookups after the journal write: the items table disappears.
    temp.desk.context.db.sqlite.exec('ALTER TABLE items RENAME TO items_gone');
    const result = await client.call('scans.submit', {
      source: 'hid',
      raw: '31234000123456',
      screen: 'Scan In Items',
    });
    expect(result.ok).toBe(false);
    temp.desk.context.db.sqlite.exec('ALTER TABLE items_gone RENAME TO items');
    const recent = await client.call('scans.recent', { limit: 1 });
    if (!recent.ok) throw new Error(recent.error.message);
    expect(recent.value[0]).toMatchObject({
      source: 'hid',
      value: '31234000123456',
      outcome: 'PENDING',
      message: NOT_HANDLED_MESSAGE,
      applied: null,
    });
  });

  it('refuses a scan from an unknown screen, naming the field', async () => {
    const result = await client.call('scans.submit', {
      source: 'wedge',
      raw: 'x',
      screen: 'Kitchen' as never,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('screen');
  });
});

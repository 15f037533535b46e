import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../shared/api/client.ts';
import type { EventPayload } from '../../shared/api/contract.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import type { Result } from '../../shared/api/result.ts';
import type { Desk } from '../../electron/app/desk.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { openTempDesk, type TempDesk } from '../helpers/temp-desk.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/import/good.json');

let temp: TempDesk;

function clientOf(desk: Desk): DeskClient {
  return createInProcessClient(
    desk.handlers,
    (event, listener) => desk.events.on(event, listener),
    undefined,
    { checkOutput: true },
  );
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function storedRows(desk: Desk): { key: string; value: string }[] {
  return desk.context.db.sqlite.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
    key: string;
    value: string;
  }[];
}

beforeEach(async () => {
  temp = await openTempDesk();
});
afterEach(() => temp.dispose());

describe('desk settings', () => {
  it('gives every setting with its default on a new desk', async () => {
    const settings = value(await clientOf(temp.desk).call('settings.get', {}));
    expect(settings.soundsMuted).toBe(false);
    expect(settings.scanner).toEqual({
      minLength: 4,
      maxGapMs: 50,
      prefix: '',
      suffix: '',
      hidVendorId: null,
      hidProductId: null,
    });
    expect(settings.deskName).toBe('Resource Sharing Desk');
  });

  it('keeps a saved setting after the desk is closed and its data directory opened again', async () => {
    const scanner = { minLength: 6, maxGapMs: 30, prefix: '$', suffix: '#' };
    const saved = value(
      await clientOf(temp.desk).call('settings.update', { key: 'scanner', value: scanner }),
    );
    expect(saved.scanner).toEqual({ ...scanner, hidVendorId: null, hidProductId: null });
    const reopened = await temp.reopen();
    const settings = value(await clientOf(reopened).call('settings.get', {}));
    expect(settings.scanner).toEqual(saved.scanner);
    expect(settings.soundsMuted).toBe(false);
  });

  it('tells every window and the main process which setting changed, after it is stored', async () => {
    const seen: EventPayload<'settings.changed'>[] = [];
    let storedWhenTold: boolean | undefined;
    temp.desk.events.on('settings.changed', (payload) => {
      seen.push(payload);
      storedWhenTold = storedRows(temp.desk).some((row) => row.key === 'soundsMuted');
    });
    value(await clientOf(temp.desk).call('settings.update', { key: 'soundsMuted', value: true }));
    expect(seen).toEqual([{ key: 'soundsMuted' }]);
    expect(storedWhenTold).toBe(true);
  });

  it('refuses a value its setting does not allow, naming the setting and the field, and stores nothing', async () => {
    const client = clientOf(temp.desk);
    value(await client.call('settings.update', { key: 'scanner', value: { prefix: '$' } }));
    const before = storedRows(temp.desk);
    const told: unknown[] = [];
    temp.desk.events.on('settings.changed', (payload) => told.push(payload));

    const result = await client.call('settings.update', {
      key: 'scanner',
      value: { minLength: 1, maxGapMs: 50, prefix: '', suffix: '', hidVendorId: 70000 },
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain('scanner.minLength: must be at least 2');
    expect(result.error.message).toContain('scanner.hidVendorId: must be at most 65535');
    expect(result.error.issues).toEqual([
      { path: 'scanner.minLength', message: 'must be at least 2' },
      { path: 'scanner.hidVendorId', message: 'must be at most 65535' },
    ]);
    expect(storedRows(temp.desk)).toEqual(before);
    expect(told).toEqual([]);
    expect(value(await client.call('settings.get', {})).scanner.prefix).toBe('$');
  });

  it('refuses a setting that does not exist, and a value of the wrong kind, in plain words', async () => {
    const client = clientOf(temp.desk);
    const unknown = await client.call('settings.update', { key: 'colour' as never, value: 'red' });
    expect(!unknown.ok && unknown.error.message).toContain('key');
    const wrongKind = await client.call('settings.update', { key: 'soundsMuted', value: 'yes' });
    expect(!wrongKind.ok && wrongKind.error.message).toContain(
      'soundsMuted: must be on or off (true or false)',
    );
  });
});

describe('scan normalising follows the scanner settings', () => {
  it('strips the configured prefix and suffix from a scan before looking it up', async () => {
    await importFile(temp.desk.context.gate, FIXTURE);
    const client = clientOf(temp.desk);
    value(
      await client.call('settings.update', {
        key: 'scanner',
        value: { prefix: '$', suffix: '#' },
      }),
    );
    const result = value(
      await client.call('scans.submit', {
        source: 'wedge',
        raw: '$00041771#\r',
        screen: 'Receiving Items',
      }),
    );
    expect(result).toMatchObject({ value: '00041771', outcome: 'OK', alreadyHandled: false });
    expect(result.message).toContain('request B-1003');
  });
});

import { describe, expect, it } from 'vitest';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import type { FeedbackTone } from '../../../renderer/features/scan-desk/scan-slice.ts';
import type { Output, ScanResult } from '../../../shared/api/contract.ts';
import { deskSettings } from '../../../shared/settings/setting-update.ts';
import { FakeDeskClient } from './fake-desk-client.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const DEFAULTS: Output<'settings.get'> = deskSettings.parse({});

function scanResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    scanId: 7,
    value: '00041771',
    symbology: 'Code 128',
    outcome: 'OK',
    code: null,
    message: 'Found the External Identifier of request B-1003 (a borrowing request).',
    warnings: [],
    matches: [],
    alreadyHandled: false,
    ...overrides,
  };
}

/** A store over a fake desk whose settings live in `stored`, with the tones it played. */
function deskWith(stored = DEFAULTS) {
  let settings = stored;
  const played: FeedbackTone[] = [];
  const client = new FakeDeskClient()
    .answer('settings.get', () => ({ ok: true, value: settings }))
    .answer('settings.update', ({ key, value }) => {
      settings = { ...settings, [key]: value };
      return { ok: true, value: settings };
    })
    .answer('scans.recent', () => ({ ok: true, value: [] }));
  const store = createDeskStore(client, {
    mode: 'browser',
    feedback: { play: (tone) => played.push(tone) },
  });
  return { client, store, played, stored: () => settings };
}

describe('settings in the renderer', () => {
  it('loads the stored settings and reads them again when any window saves one', async () => {
    const { client, store } = deskWith({ ...DEFAULTS, soundsMuted: true });
    const stop = store.getState().followSettings();
    await store.getState().loadSettings();
    expect(store.getState().settings.values?.soundsMuted).toBe(true);

    client.answer('settings.get', () => ({
      ok: true,
      value: { ...DEFAULTS, scanner: { ...DEFAULTS.scanner, prefix: '$' } },
    }));
    client.emit('settings.changed', { key: 'scanner' });
    await settle();
    expect(store.getState().settings.values?.scanner.prefix).toBe('$');
    stop();
  });

  it('stores the mute toggle as the soundsMuted setting, and a muted desk plays no tone', async () => {
    const { client, store, played, stored } = deskWith();
    await store.getState().loadSettings();
    await store.getState().setMuted(true);
    expect(client.callsOf('settings.update')).toEqual([{ key: 'soundsMuted', value: true }]);
    expect(stored().soundsMuted).toBe(true);

    client.answer('scans.submit', () => ({ ok: true, value: scanResult() }));
    await store.getState().submitScan('Receiving Items', '00041771', 'wedge');
    expect(played).toEqual([]);
    await store.getState().setMuted(false);
    await store.getState().submitScan('Receiving Items', '00041771', 'wedge');
    expect(played).toEqual(['success']);
  });
});

describe('HID scans in a window', () => {
  it('takes a pushed HID scan by its scanId', async () => {
    const { client, store } = deskWith();
    client.answer('scans.submit', () => ({ ok: true, value: scanResult() }));
    const stop = store.getState().followHidScans('Receiving Items');
    client.emit('scan.hid', {
      scanId: 7,
      value: ']C000041771',
      symbology: 'Code 128',
      device: 'Test scanner',
    });
    await settle();
    expect(client.callsOf('scans.submit')).toEqual([
      { source: 'hid', raw: ']C000041771', screen: 'Receiving Items', scanId: 7 },
    ]);
    expect(store.getState().scanning.last?.value).toBe('00041771');
    stop();
  });

  it('says nothing about a HID scan another window already took', async () => {
    const { client, store, played } = deskWith();
    client.answer('scans.submit', () => ({
      ok: true,
      value: scanResult({ alreadyHandled: true }),
    }));
    await store.getState().submitScan('Receiving Items', ']C000041771', 'hid', 7);
    expect(store.getState().scanning.last).toBeNull();
    expect(store.getState().scanning.error).toBeNull();
    expect(store.getState().scanning.inFlight).toBe(0);
    expect(played).toEqual([]);
  });
});

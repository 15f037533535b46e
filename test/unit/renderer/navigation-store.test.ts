import { describe, expect, it } from 'vitest';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import {
  SCREENS,
  screenForShortcut,
  screenFromHash,
} from '../../../renderer/features/navigation/screens.ts';
import { FakeDeskClient } from './fake-desk-client.ts';
import { borrowingDetail } from './fixtures.ts';

/** Lets the store's pending calls to the fake client finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('navigation and request detail', () => {
  it('names the eight desk screens exactly as the contract does, in Alt+1…Alt+8 order', () => {
    expect(SCREENS.map((screen) => screen.name)).toEqual([
      'Receiving Items',
      'Return Items',
      'Shipping Items',
      'Scan In Items',
      'Lending Requests',
      'Borrowing Requests',
      'Partner Messages',
      'Settings',
    ]);
    expect(screenForShortcut(6)).toBe('borrowing');
    expect(screenForShortcut(8)).toBe('settings');
    expect(screenForShortcut(9)).toBeUndefined();
  });

  it('reopens the screen named in the address after a reload', () => {
    expect(screenFromHash('#/scan-in')).toBe('scan-in');
    expect(screenFromHash('#/nowhere')).toBeUndefined();
    const store = createDeskStore(new FakeDeskClient(), {
      mode: 'browser',
      initialScreen: 'settings',
    });
    expect(store.getState().screen).toBe('settings');
  });

  it('opens a request from its list, loads its detail, and goes back to the same list', async () => {
    const client = new FakeDeskClient().answer('requests.detail', (input) => ({
      ok: true,
      value: borrowingDetail(input.requestId),
    }));
    const store = createDeskStore(client, { mode: 'browser', initialScreen: 'borrowing' });

    store.getState().openRequestDetail('borrowing', 'B-1001');
    expect(store.getState().openRequest).toEqual({ kind: 'borrowing', requestId: 'B-1001' });
    await settle();

    expect(client.callsOf('requests.detail')).toEqual([{ kind: 'borrowing', requestId: 'B-1001' }]);
    expect(store.getState().detail.request?.requestId).toBe('B-1001');

    store.getState().closeRequestDetail();
    expect(store.getState().openRequest).toBeNull();
    expect(store.getState().screen).toBe('borrowing');
    expect(store.getState().returnTo).toEqual({ kind: 'borrowing', requestId: 'B-1001' });
  });

  it("shows the envelope's message when a request cannot be found", async () => {
    const client = new FakeDeskClient().answer('requests.detail', (input) => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: `There is no borrowing request ${input.requestId}.` },
    }));
    const store = createDeskStore(client, { mode: 'browser' });
    await store.getState().loadDetail('borrowing', 'B-404');
    expect(store.getState().detail).toEqual({
      request: null,
      loading: false,
      error: 'There is no borrowing request B-404.',
    });
  });

  it('closes the detail view when another screen is chosen', () => {
    const client = new FakeDeskClient().answer('requests.detail', (input) => ({
      ok: true,
      value: borrowingDetail(input.requestId),
    }));
    const store = createDeskStore(client, { mode: 'browser' });
    store.getState().openRequestDetail('lending', 'L-2001');
    expect(store.getState().screen).toBe('lending');
    store.getState().goTo('settings');
    expect(store.getState().openRequest).toBeNull();
    expect(store.getState().screen).toBe('settings');
  });
});

describe('desk info and pushed events', () => {
  it('keeps desk.info for the status bar and Settings', async () => {
    const client = new FakeDeskClient().answer('desk.info', () => ({
      ok: true,
      value: {
        institution: 'GW Libraries',
        deskName: 'Gelman Resource Sharing',
        version: '0.1.0',
        mode: 'browser',
        dataDir: '/tmp/rs-desk',
        printer: 'tcp://10.0.0.5:9100',
        counts: { partners: 3, borrowing: 40, lending: 35 },
      },
    }));
    const store = createDeskStore(client, { mode: 'browser' });
    await store.getState().loadDeskInfo();
    expect(store.getState().desk.info?.deskName).toBe('Gelman Resource Sharing');
    expect(store.getState().desk.error).toBeNull();
  });

  it('follows print.status events and refreshes the open request when it changes', async () => {
    let status = 'SHIPPED_PHYSICALLY';
    const client = new FakeDeskClient().answer('requests.detail', (input) => ({
      ok: true,
      value: borrowingDetail(input.requestId, status),
    }));
    const store = createDeskStore(client, { mode: 'browser' });
    const stop = store.getState().connectEvents();

    const offline = {
      waiting: 2,
      failed: 0,
      defaultPrinter: 'tcp://10.0.0.5:9100',
      printers: [
        {
          name: null,
          uri: 'tcp://10.0.0.5:9100',
          description: 'network printer 10.0.0.5 port 9100',
          state: 'offline' as const,
          waiting: 2,
          failed: 0,
          lastError: 'The printer at 10.0.0.5:9100 refused the connection.',
        },
      ],
    };
    client.emit('print.status', offline);
    expect(store.getState().printing.status).toEqual(offline);

    await store.getState().loadDetail('borrowing', 'B-1001');
    store.getState().openRequestDetail('borrowing', 'B-1001');
    status = 'RECEIVED';
    client.emit('requests.changed', { kind: 'borrowing', requestId: 'B-1001' });
    client.emit('requests.changed', { kind: 'borrowing', requestId: 'B-9999' });
    await settle();
    expect(store.getState().detail.request?.statusLabel).toBe('Physically received by library');
    expect(client.callsOf('requests.detail')).toHaveLength(3);

    stop();
    client.emit('print.status', { waiting: 0, failed: 0, defaultPrinter: null, printers: [] });
    expect(store.getState().printing.status).toEqual(offline);
  });
});

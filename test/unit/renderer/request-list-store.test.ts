import { describe, expect, it } from 'vitest';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import { FakeDeskClient } from './fake-desk-client.ts';
import { borrowingPage } from './fixtures.ts';
import { lendingPage } from './lending-tasks-fixtures.ts';

function deskWith(client: FakeDeskClient) {
  return createDeskStore(client, { mode: 'browser', initialScreen: 'borrowing' });
}

describe('request list slice', () => {
  it('asks for the first page without filters when the list first opens', async () => {
    const client = new FakeDeskClient().answer('borrowing.list', () => ({
      ok: true,
      value: borrowingPage(1, 50, 50),
    }));
    const store = deskWith(client);

    await store.getState().borrowing.ensureLoaded();
    await store.getState().borrowing.ensureLoaded();

    expect(client.callsOf('borrowing.list')).toEqual([{ limit: 50 }]);
    const list = store.getState().borrowing;
    expect(list.rows).toHaveLength(50);
    expect(list.total).toBe(120);
    expect(list.nextAfter).toBe(50);
    expect(list.loading).toBeNull();
  });

  it('sends the Find text and facet filters together, from the first page', async () => {
    const client = new FakeDeskClient().answer('borrowing.list', () => ({
      ok: true,
      value: borrowingPage(1, 2, null, 2),
    }));
    const store = deskWith(client);
    const list = () => store.getState().borrowing;

    await list().find('  Lovelace  ');
    await list().toggleFilter('status', {
      value: 'SHIPPED_PHYSICALLY',
      label: 'Shipped physically',
    });
    await list().toggleFilter('partner', {
      value: 'SUNYALB',
      label: 'University at Albany, SUNY',
      count: 2,
    });
    await list().toggleFilter('status', {
      value: 'RECEIVED',
      label: 'Physically received by library',
    });

    expect(client.callsOf('borrowing.list').at(-1)).toEqual({
      find: 'Lovelace',
      status: ['SHIPPED_PHYSICALLY', 'RECEIVED'],
      partner: ['SUNYALB'],
      limit: 50,
    });
  });

  it('takes a facet filter off when it is pressed again, and clears everything on Clear', async () => {
    const client = new FakeDeskClient().answer('borrowing.list', () => ({
      ok: true,
      value: borrowingPage(1, 2, null, 2),
    }));
    const store = deskWith(client);
    const list = () => store.getState().borrowing;
    const shipped = { value: 'SHIPPED_PHYSICALLY', label: 'Shipped physically' };

    await list().find('Lovelace');
    await list().toggleFilter('status', shipped);
    await list().toggleFilter('status', shipped);
    expect(client.callsOf('borrowing.list').at(-1)).toEqual({ find: 'Lovelace', limit: 50 });

    await list().toggleFilter('status', shipped);
    await list().clearFilters();
    expect(client.callsOf('borrowing.list').at(-1)).toEqual({ limit: 50 });
    expect(list().filters).toEqual({ find: '', status: [], partner: [] });
  });

  it('appends the next page on Load more, asking after the previous nextAfter', async () => {
    const client = new FakeDeskClient().answer('borrowing.list', (input) =>
      input.after === undefined
        ? { ok: true, value: borrowingPage(1, 50, 50) }
        : input.after === 50
          ? { ok: true, value: borrowingPage(51, 50, 100) }
          : { ok: true, value: borrowingPage(101, 20, null) },
    );
    const store = deskWith(client);
    const list = () => store.getState().borrowing;

    await list().toggleFilter('status', {
      value: 'SHIPPED_PHYSICALLY',
      label: 'Shipped physically',
    });
    await list().loadMore();
    await list().loadMore();
    await list().loadMore(); // nothing more: no call

    const calls = client.callsOf('borrowing.list');
    expect(calls).toHaveLength(3);
    expect(calls[1]).toEqual({ status: ['SHIPPED_PHYSICALLY'], after: 50, limit: 50 });
    expect(calls[2]).toEqual({ status: ['SHIPPED_PHYSICALLY'], after: 100, limit: 50 });
    expect(
      list()
        .rows.map((row) => row.requestId)
        .slice(48, 52),
    ).toEqual(['B-1049', 'B-1050', 'B-1051', 'B-1052']);
    expect(list().rows).toHaveLength(120);
    expect(list().nextAfter).toBeNull();
    expect(store.getState().announcement).toBe('Showing 120 of 120 borrowing requests');
  });

  it("shows the envelope's message when the list cannot be loaded, and clears it on success", async () => {
    let fail = true;
    const client = new FakeDeskClient().answer('borrowing.list', () =>
      fail
        ? {
            ok: false,
            error: { code: 'UNAVAILABLE', message: "RS Desk's server is not answering." },
          }
        : { ok: true, value: borrowingPage(1, 3, null, 3) },
    );
    const store = deskWith(client);

    await store.getState().borrowing.ensureLoaded();
    expect(store.getState().borrowing.error).toBe("RS Desk's server is not answering.");
    expect(store.getState().borrowing.loading).toBeNull();
    expect(store.getState().borrowing.total).toBeNull();

    fail = false;
    await store.getState().borrowing.reload();
    expect(store.getState().borrowing.error).toBeNull();
    expect(store.getState().borrowing.total).toBe(3);
  });

  it('keeps the rows already shown when Load more fails', async () => {
    const client = new FakeDeskClient().answer('borrowing.list', (input) =>
      input.after === undefined
        ? { ok: true, value: borrowingPage(1, 50, 50) }
        : {
            ok: false,
            error: { code: 'INTERNAL', message: 'RS Desk could not complete borrowing.list.' },
          },
    );
    const store = deskWith(client);
    await store.getState().borrowing.reload();
    await store.getState().borrowing.loadMore();

    expect(store.getState().borrowing.rows).toHaveLength(50);
    expect(store.getState().borrowing.error).toBe('RS Desk could not complete borrowing.list.');
    expect(store.getState().borrowing.nextAfter).toBe(50);
  });

  it('ignores a slow answer to an older search once a newer one has arrived', async () => {
    let releaseOld: () => void = () => {};
    const client = new FakeDeskClient().answer('borrowing.list', (input) =>
      input.find === 'old'
        ? new Promise((resolve) => {
            releaseOld = () => resolve({ ok: true, value: borrowingPage(900, 1, null, 1) });
          })
        : { ok: true, value: borrowingPage(1, 2, null, 2) },
    );
    const store = deskWith(client);

    const old = store.getState().borrowing.find('old');
    await store.getState().borrowing.find('new');
    releaseOld();
    await old;

    expect(store.getState().borrowing.filters.find).toBe('new');
    expect(store.getState().borrowing.rows.map((row) => row.requestId)).toEqual([
      'B-1001',
      'B-1002',
    ]);
  });

  it('announces the count in the status region', async () => {
    const client = new FakeDeskClient().answer('borrowing.list', () => ({
      ok: true,
      value: borrowingPage(1, 42, null, 42),
    }));
    const store = deskWith(client);
    await store.getState().borrowing.reload();
    expect(store.getState().announcement).toBe('42 borrowing requests');
  });

  it('keeps the borrowing and lending lists apart', async () => {
    const client = new FakeDeskClient()
      .answer('borrowing.list', () => ({ ok: true, value: borrowingPage(1, 5, null, 5) }))
      .answer('lending.list', () => ({ ok: true, value: lendingPage(1, 0, null, 0) }));
    const store = deskWith(client);
    await store.getState().borrowing.find('Lovelace');
    await store.getState().lending.ensureLoaded();

    expect(client.callsOf('lending.list')).toEqual([{ tab: 'ALL', activity: 'ACTIVE', limit: 50 }]);
    expect(store.getState().lending.total).toBe(0);
    expect(store.getState().borrowing.total).toBe(5);
    expect(store.getState().announcement).toBe('No lending requests');
  });
});

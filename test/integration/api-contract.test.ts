import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../shared/api/client.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import type { Result } from '../../shared/api/result.ts';
import { importFile } from '../../electron/import/import-file.ts';
import type { DeskServer } from '../../electron/server/http-server.ts';
import { createHttpClient } from '../../renderer/api/http-client.ts';
import { openTempDesk, serveTempDesk, type TempDesk } from '../helpers/temp-desk.ts';

/**
 * One suite, two transports: whatever the renderer sees over HTTP it must also see in-process
 * (and so over Electron IPC, which binds the same dispatcher), envelope and messages included.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/import/good.json');

interface Transport {
  open(temp: TempDesk): Promise<{ client: DeskClient; close: () => Promise<void> }>;
}

const TRANSPORTS: Record<string, Transport> = {
  'in-process services': {
    open: async (temp) => ({
      client: createInProcessClient(
        temp.desk.handlers,
        (event, listener) => temp.desk.events.on(event, listener),
        undefined,
        { checkOutput: true },
      ),
      close: async () => undefined,
    }),
  },
  'HTTP transport': {
    open: async (temp) => {
      const server: DeskServer = await serveTempDesk(temp.desk);
      return {
        client: createHttpClient({
          baseUrl: server.origin,
          token: server.token,
          sessionId: 'contract-suite-session',
          fetch: globalThis.fetch,
        }),
        close: () => server.close(),
      };
    },
  },
};

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function error<T>(result: Result<T>): { code: string; message: string } {
  if (result.ok) throw new Error('expected an error envelope, got ok');
  return result.error;
}

for (const [name, transport] of Object.entries(TRANSPORTS)) {
  describe(`API contract over the ${name}`, () => {
    let temp: TempDesk;
    let client: DeskClient;
    let close: () => Promise<void>;

    beforeAll(async () => {
      temp = await openTempDesk();
      await importFile(temp.desk.context.gate, FIXTURE);
      ({ client, close } = await transport.open(temp));
    });
    afterAll(async () => {
      await close();
      await temp.dispose();
    });

    it('desk.info counts what was imported', async () => {
      const info = value(await client.call('desk.info', {}));
      expect(info.counts).toEqual({ partners: 3, borrowing: 3, lending: 2 });
      expect(info.deskName).toBe('Resource Sharing Desk');
      expect(info.dataDir).toBe(temp.dataDir);
    });

    it('partners.list gives profiles and addresses but never a security code', async () => {
      const result = await client.call('partners.list', {});
      const partners = value(result);
      expect(partners.map((p) => p.code)).toEqual(['SUNYALB', 'SUNYBUF', 'VTECH']);
      const albany = partners[0];
      expect(albany?.lendingWorkflow).toBe('Peer to Peer Lending');
      expect(albany?.address.locality).toBe('Albany');
      expect(JSON.stringify(result)).not.toMatch(/securityCode|security_code/);
    });

    it('borrowing.list finds one External Identifier at two partners', async () => {
      const page = value(await client.call('borrowing.list', { find: '78239000001' }));
      expect(page.rows.map((r) => [r.requestId, r.partnerCode]).sort()).toEqual([
        ['B-1001', 'SUNYALB'],
        ['B-1002', 'SUNYBUF'],
      ]);
      expect(page.total).toBe(2);
    });

    it('borrowing.list matches request IDs regardless of case', async () => {
      const page = value(await client.call('borrowing.list', { find: 'b-1003' }));
      expect(page.rows.map((r) => r.requestId)).toEqual(['B-1003']);
      expect(page.rows[0]?.statusLabel).toBe('Request sent to partner');
    });

    it('borrowing.list facets count the requests the other filters leave', async () => {
      const all = value(await client.call('borrowing.list', {}));
      expect(all.total).toBe(3);
      expect(all.facets.status.reduce((n, f) => n + f.count, 0)).toBe(3);
      const byStatus = Object.fromEntries(all.facets.status.map((f) => [f.value, f.count]));
      expect(byStatus).toEqual({ SHIPPED_PHYSICALLY: 1, RECEIVED: 1, SENT: 1 });
      const albany = value(await client.call('borrowing.list', { partner: ['SUNYALB'] }));
      expect(albany.rows.every((r) => r.partnerCode === 'SUNYALB')).toBe(true);
      expect(albany.facets.partner.find((f) => f.value === 'SUNYBUF')?.count).toBe(1);
    });

    it('borrowing.list pages by keyset without repeating a row', async () => {
      const first = value(await client.call('borrowing.list', { limit: 2 }));
      expect(first.rows).toHaveLength(2);
      expect(first.nextAfter).not.toBeNull();
      const second = value(
        await client.call('borrowing.list', { limit: 2, after: first.nextAfter ?? 0 }),
      );
      expect(second.rows).toHaveLength(1);
      expect(second.nextAfter).toBeNull();
      const ids = [...first.rows, ...second.rows].map((r) => r.requestId);
      expect(new Set(ids).size).toBe(3);
    });

    it('lending.list finds by title words and shows Alma status names', async () => {
      const page = value(await client.call('lending.list', { find: 'algorithms' }));
      expect(page.rows.map((r) => r.requestId)).toEqual(['L-2001']);
      expect(page.rows[0]?.statusLabel).toBe('Created lending request');
    });

    it('refuses a status the list does not know, naming it', async () => {
      const failure = error(await client.call('borrowing.list', { status: ['SHIPED'] }));
      expect(failure.code).toBe('INVALID_INPUT');
      expect(failure.message).toContain('SHIPED is not a borrowing status');
    });

    it('refuses an unknown input field, naming it', async () => {
      const failure = error(await client.call('borrowing.list', { colour: 'red' } as never));
      expect(failure.code).toBe('INVALID_INPUT');
      expect(failure.message).toContain('colour');
    });

    it('requests.detail gives partner, patron and history', async () => {
      const detail = value(
        await client.call('requests.detail', { kind: 'borrowing', requestId: 'B-1001' }),
      );
      expect(detail.patron?.name).toBe('Ada Lovelace');
      expect(detail.partner.name).toBe('University at Albany, SUNY');
      expect(detail.statusLabel).toBe('Shipped physically');
      expect(detail.history).toEqual([
        expect.objectContaining({
          action: 'IMPORT',
          actionLabel: 'Imported',
          toStatus: 'SHIPPED_PHYSICALLY',
        }),
      ]);
    });

    it('requests.detail says when an ID belongs to the other kind of request', async () => {
      const failure = error(
        await client.call('requests.detail', { kind: 'borrowing', requestId: 'L-2001' }),
      );
      expect(failure.code).toBe('NOT_FOUND');
      expect(failure.message).toContain('L-2001 is a lending request');
    });

    it('requests.detail says what to do when nothing has the ID', async () => {
      const failure = error(
        await client.call('requests.detail', { kind: 'lending', requestId: 'L-9999' }),
      );
      expect(failure.code).toBe('NOT_FOUND');
      expect(failure.message).toMatch(/No lending request has the ID L-9999\. Check the ID/);
    });

    it('refuses an empty request ID, naming the field', async () => {
      const failure = error(
        await client.call('requests.detail', { kind: 'lending', requestId: '  ' }),
      );
      expect(failure.code).toBe('INVALID_INPUT');
      expect(failure.message).toContain('requestId');
    });

    it('receives a request, refuses a second receive by its code, and undoes it in the same session', async () => {
      const lookup = value(await client.call('receiving.lookup', { value: '00041771' }));
      expect(lookup.candidates.map((c) => [c.requestId, c.blocked])).toEqual([['B-1003', null]]);

      const received = value(
        await client.call('receiving.receive', {
          requestId: 'B-1003',
          tempBarcode: 'T-CONTRACT-1',
        }),
      );
      expect(received).toMatchObject({
        outcome: 'RECEIVED',
        statusLabel: 'Physically received by library',
        slip: null,
      });
      expect(received.outcome === 'RECEIVED' ? received.message : '').toContain(
        'No printer is set up',
      );
      const again = error(
        await client.call('receiving.receive', {
          requestId: 'B-1003',
          tempBarcode: 'T-CONTRACT-1',
        }),
      );
      expect(again.code).toBe('ALREADY_DONE');

      const last = value(await client.call('desk.lastAction', {}));
      expect(last?.description).toContain('B-1003');
      const undone = value(await client.call('desk.undo', {}));
      expect(undone).toMatchObject({ requestId: 'B-1003', statusLabel: 'Request sent to partner' });
    });

    it('ships a lending request, checks it in and undoes that; pull slips need a printer', async () => {
      const pull = error(await client.call('lending.printPullSlips', { requestIds: ['L-2001'] }));
      expect(pull.code).toBe('UNAVAILABLE');

      const lookup = value(await client.call('shipping.lookup', { value: '33100042' }));
      expect(lookup).toMatchObject({ scanned: 'REQUEST', readyToShip: true });
      const dueDate = lookup.request?.proposedDueDate ?? '';
      const shipped = value(
        await client.call('shipping.ship', {
          requestId: 'L-2001',
          itemBarcode: '31234000123456',
          dueDate,
        }),
      );
      expect(shipped).toMatchObject({ statusLabel: 'Shipped physically', dueDate, slip: null });

      const checkedIn = value(await client.call('scanIn.checkIn', { value: '31234000123456' }));
      expect(checkedIn).toMatchObject({
        statusLabel: 'Request completed',
        location: 'Science Library',
      });
      const undone = value(await client.call('desk.undo', { actionId: checkedIn.actionId }));
      expect(undone).toMatchObject({ requestId: 'L-2001', statusLabel: 'Shipped physically' });
    });

    it('names a method that does not exist', async () => {
      const failure = error(await client.call('requests.shred' as never, {} as never));
      expect(failure).toEqual({
        code: 'UNKNOWN_METHOD',
        message: 'RS Desk has no method "requests.shred".',
      });
    });
  });
}

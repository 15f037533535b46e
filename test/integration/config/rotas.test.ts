import { afterEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import {
  openInboundDesk,
  outcomeOf,
  supplierMessage,
  type InboundDesk,
} from '../../helpers/iso-inbound.ts';
import { deskStaff } from '../../helpers/task-operators.ts';

/** Rotas: a rejected borrowing request goes on to the next lender, until the rota ends. */

let desk: BorrowingDesk | undefined;
let inbound: InboundDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  await inbound?.dispose();
  desk = inbound = undefined;
});

interface Outgoing {
  partner: string;
  channel: string;
  kind: string;
}

function outbox(from: Pick<BorrowingDesk, 'rows'>, requestId: string): Outgoing[] {
  return from.rows<Outgoing>(
    `SELECT p.code AS partner, m.channel, m.kind FROM partner_messages m
     JOIN borrowing_requests r ON r.id = m.borrowing_request_id
     JOIN partners p ON p.id = m.partner_id
     WHERE r.request_id = ? AND m.direction = 'OUT' ORDER BY m.id`,
    requestId,
  );
}

describe('rota templates', () => {
  it('saves an ordered list of lenders, refusing unknown and repeated ones, and Operators', async () => {
    desk = await openBorrowingDesk({ printer: 'none' });
    const { grace, ada } = await deskStaff(desk);
    const saved = await call(grace, 'rotas.save', {
      name: 'SUNY first',
      partners: ['sunybuf', 'SUNYALB', 'VTECH'],
    });
    expect(saved.partners.map((p) => p.code)).toEqual(['SUNYBUF', 'SUNYALB', 'VTECH']);
    expect((await call(ada, 'rotas.list', {})).map((r) => r.name)).toEqual(['SUNY first']);

    const unknown = await refusal(grace, 'rotas.save', {
      name: 'X',
      partners: ['SUNYALB', 'NOPE'],
    });
    expect(unknown.message).toContain('No partner has the code NOPE');
    const twice = await refusal(grace, 'rotas.save', {
      name: 'X',
      partners: ['SUNYALB', 'sunyalb'],
    });
    expect(twice.message).toContain('University at Albany, SUNY is in the rota twice');
    const namesake = await refusal(grace, 'rotas.save', {
      name: 'suny FIRST',
      partners: ['VTECH'],
    });
    expect(namesake.code).toBe('CONFLICT');
    const operator = await refusal(ada, 'rotas.save', { name: 'Mine', partners: ['VTECH'] });
    expect(operator.code).toBe('FORBIDDEN');
  });
});

describe('Partner rejected with a rota', () => {
  it('sends the request to each next lender in turn, and says when the rota ends', async () => {
    desk = await openBorrowingDesk({ printer: 'none' });
    const { ada } = await deskStaff(desk);
    expect((await call(ada, 'borrowing.rota', { requestId: 'B-1003' })).message).toBe(
      'B-1003 has no rota: if University at Albany, SUNY cannot supply, staff choose what to do.',
    );
    // B-1003 is Sent to SUNYALB; its rota goes on to SUNYBUF (ISO 18626), then VTECH (email).
    const rota = await call(ada, 'borrowing.setRota', {
      requestId: 'B-1003',
      partners: ['SUNYBUF', 'VTECH'],
    });
    expect(rota.rota.map((p) => [p.code, p.current])).toEqual([
      ['SUNYALB', true],
      ['SUNYBUF', false],
      ['VTECH', false],
    ]);
    expect(rota.message).toContain('goes to University at Buffalo, SUNY, then Virginia Tech');

    const first = await call(ada, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1003',
      action: 'PARTNER_REJECTED',
    });
    expect(first.status).toBe('SENT');
    expect(first.message).toContain('Next in the rota: University at Buffalo, SUNY');
    let detail = await call(ada, 'requests.detail', { kind: 'borrowing', requestId: 'B-1003' });
    expect(detail.partner.code).toBe('SUNYBUF');
    expect(detail.externalId).toBe('B-1003');
    expect(detail.history.slice(-3).map((e) => [e.action, e.toStatus])).toEqual([
      ['PARTNER_REJECTED', 'REJECTED'],
      ['ROTA_NEXT', null],
      ['SEND', 'SENT'],
    ]);
    expect(outbox(desk, 'B-1003').at(-1)).toMatchObject({
      partner: 'SUNYBUF',
      channel: 'iso18626',
    });
    const now = await call(ada, 'borrowing.rota', { requestId: 'B-1003' });
    expect(now.rota.filter((p) => p.current).map((p) => p.code)).toEqual(['SUNYBUF']);
    expect(now.message).toContain('if it cannot supply, the request goes to Virginia Tech');

    const sentBefore = outbox(desk, 'B-1003').length;
    await call(ada, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1003',
      action: 'PARTNER_REJECTED',
    });
    detail = await call(ada, 'requests.detail', { kind: 'borrowing', requestId: 'B-1003' });
    expect(detail).toMatchObject({ status: 'SENT', partner: { code: 'VTECH' } });
    // The desk sends email partners no message for Send to partner (partner-message-kinds.ts).
    expect(outbox(desk, 'B-1003')).toHaveLength(sentBefore);

    const last = await call(ada, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1003',
      action: 'PARTNER_REJECTED',
    });
    expect(last.status).toBe('REJECTED');
    expect(last.message).not.toContain('Next in the rota');
    detail = await call(ada, 'requests.detail', { kind: 'borrowing', requestId: 'B-1003' });
    expect(detail.partner.code).toBe('VTECH');
  });

  it('skips an inactive lender', async () => {
    desk = await openBorrowingDesk({ printer: 'none' });
    const { ada } = await deskStaff(desk);
    await call(ada, 'borrowing.setRota', { requestId: 'B-1003', partners: ['SUNYBUF', 'VTECH'] });
    desk.rows("UPDATE partners SET active = 0 WHERE code = 'SUNYBUF' RETURNING id");
    const moved = await call(ada, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1003',
      action: 'PARTNER_REJECTED',
    });
    expect(moved.message).toContain('Next in the rota: Virginia Tech');
  });
});

describe('ISO 18626 Unfilled with a rota', () => {
  it('moves the request to the next lender and queues the Request to it, without an alert', async () => {
    inbound = await openInboundDesk();
    const d = inbound;
    const client: DeskClient = createInProcessClient(
      d.desk.handlers,
      (event, listener) => d.desk.events.on(event, listener),
      { id: 'test-window', transport: 'in-process', operatorId: null },
    );
    await call(client, 'borrowing.setRota', {
      requestId: 'B-2',
      partners: ['PEER', 'GONE', 'OTHER'],
    });
    const unfilled = await d.send(
      supplierMessage('Unfilled', {
        ours: 'B-2',
        reason: 'RequestResponse',
        reasonUnfilled: 'NotOnShelf',
      }),
    );
    expect(outcomeOf(unfilled)).toBe('OK');
    expect(d.status('borrowing', 'B-2')).toBe('SENT');
    const detail = await call(client, 'requests.detail', { kind: 'borrowing', requestId: 'B-2' });
    // GONE is inactive, so OTHER is next.
    expect(detail.partner.code).toBe('OTHER');
    const rejected = detail.history.find((e) => e.action === 'PARTNER_REJECTED');
    expect(rejected?.note).toContain('Next partner in the rota: ');
    expect(outbox(d, 'B-2').at(-1)).toMatchObject({ partner: 'OTHER', channel: 'iso18626' });
    expect(
      d.rows(
        "SELECT 1 FROM request_alerts a JOIN borrowing_requests r ON r.id = a.borrowing_request_id WHERE r.request_id = 'B-2'",
      ),
    ).toEqual([]);
  });
});

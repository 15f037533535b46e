import { describe, expect, it } from 'vitest';
import type {
  MessageState,
  MessagesStatus,
  PartnerMessageRow,
} from '../../../shared/api/contract-messages.ts';
import type { Output } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import {
  messageStateText,
  messagesStatusText,
  tabCount,
} from '../../../renderer/features/messages/messages-selectors.ts';
import { FakeDeskClient } from './fake-desk-client.ts';

/** The Partner Messages slice and what it says, against a fake desk. */

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function message(part: Partial<PartnerMessageRow> = {}): PartnerMessageRow {
  return {
    id: 7,
    direction: 'OUT',
    partnerCode: 'SUNYALB',
    correspondent: 'University at Albany, SUNY',
    requestKind: 'borrowing',
    requestId: 'B-1001',
    channel: 'iso18626',
    kind: 'Received',
    state: 'PENDING',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    waitsFor: null,
    createdAt: '2026-11-23T12:00:00.000Z',
    sentAt: null,
    ...part,
  };
}

const COUNTS: Record<MessageState, number> = {
  PENDING: 2,
  FAILED: 1,
  SENT: 5,
  WITHDRAWN: 0,
  RECEIVED: 3,
};

function listOf(rows: PartnerMessageRow[]): Result<Output<'messages.list'>> {
  return { ok: true, value: { rows, nextAfter: null, counts: COUNTS } };
}

describe('what the desk says about partner messages', () => {
  it('counts a tab, All being every state together', () => {
    expect(tabCount(COUNTS, 'ALL')).toBe(11);
    expect(tabCount(COUNTS, 'FAILED')).toBe(1);
    expect(tabCount(null, 'SENT')).toBeNull();
  });

  it('says why a message has not gone: retrying, waiting its turn, or stopped', () => {
    expect(messageStateText(message())).toBe('Waiting to go');
    expect(messageStateText(message({ waitsFor: 3 }))).toBe('Waiting for message 3 to go first');
    expect(messageStateText(message({ attempts: 2, lastError: 'Could not reach them' }))).toBe(
      'Waiting to retry (try 2 did not go: Could not reach them)',
    );
    expect(
      messageStateText(message({ state: 'FAILED', lastError: 'UnrecognisedDataValue: x' })),
    ).toBe('Failed: UnrecognisedDataValue: x');
    expect(messageStateText(message({ state: 'SENT' }))).toBe('Sent');
  });

  it('sums up the outbox for the status bar', () => {
    const status = (pending: number, failed: number): MessagesStatus => ({ pending, failed });
    expect(messagesStatusText(null)).toBe('Connecting…');
    expect(messagesStatusText(status(0, 0))).toBe('All partner messages sent');
    expect(messagesStatusText(status(2, 0))).toBe('2 partner messages waiting');
    expect(messagesStatusText(status(1, 1))).toBe('1 partner message waiting, 1 failed');
    expect(messagesStatusText(status(0, 3))).toBe('3 partner messages failed');
  });
});

describe('the Partner Messages list', () => {
  it('loads when the screen opens and follows pushed changes only while it is open', async () => {
    const client = new FakeDeskClient().answer('messages.list', () => listOf([message()]));
    const store = createDeskStore(client, { mode: 'browser' });
    const stopEvents = store.getState().connectEvents();

    const unwatch = store.getState().watchMessages();
    await settle();
    expect(store.getState().messages).toMatchObject({ rows: [message()], counts: COUNTS });
    client.emit('messages.status', { pending: 1, failed: 0 });
    await settle();
    expect(client.callsOf('messages.list')).toHaveLength(2);
    expect(store.getState().messages.status).toEqual({ pending: 1, failed: 0 });

    unwatch();
    client.emit('messages.status', { pending: 0, failed: 0 });
    await settle();
    expect(client.callsOf('messages.list')).toHaveLength(2);
    stopEvents();
  });

  it('shows the tab chosen last, even when an earlier tab answers after it', async () => {
    const answers: ((result: Result<Output<'messages.list'>>) => void)[] = [];
    const client = new FakeDeskClient().answer(
      'messages.list',
      () => new Promise((resolve) => answers.push(resolve)),
    );
    const store = createDeskStore(client, { mode: 'browser' });
    const failedTab = store.getState().showMessageTab('FAILED');
    const sentTab = store.getState().showMessageTab('SENT');
    answers[1]?.(listOf([message({ id: 9, state: 'SENT' })]));
    answers[0]?.(listOf([message({ id: 8, state: 'FAILED' })]));
    await Promise.all([failedTab, sentTab]);

    expect(client.callsOf('messages.list')).toEqual([
      { state: 'FAILED', limit: 50 },
      { state: 'SENT', limit: 50 },
    ]);
    expect(store.getState().messages.tab).toBe('SENT');
    expect(store.getState().messages.rows.map((row) => row.id)).toEqual([9]);
  });

  it('retries a message, says so, and reads the list and the open message again', async () => {
    const client = new FakeDeskClient()
      .answer('messages.list', () => listOf([message({ state: 'FAILED' })]))
      .answer('messages.detail', () => ({
        ok: true,
        value: { message: message(), content: { type: 'xml', xml: '<x/>' } },
      }))
      .answer('messages.retry', () => ({ ok: true, value: message() }))
      .answer('messages.status', () => ({ ok: true, value: { pending: 1, failed: 0 } }));
    const store = createDeskStore(client, { mode: 'browser' });
    store.getState().watchMessages();
    await store.getState().openMessage(7);

    await store.getState().retryMessage(7);
    expect(store.getState().announcement).toBe(
      'Sending ISO 18626 Received to University at Albany, SUNY now.',
    );
    expect(client.callsOf('messages.list').length).toBeGreaterThanOrEqual(2);
    expect(client.callsOf('messages.detail')).toHaveLength(2);
    expect(store.getState().messages.status).toEqual({ pending: 1, failed: 0 });
  });

  it('says why a withdrawal was refused and changes nothing', async () => {
    const client = new FakeDeskClient().answer('messages.withdraw', () => ({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          'Withdrawing a partner message needs a Fulfillment Services Manager; ask a manager to withdraw it, or to sign in at this desk.',
      },
    }));
    const store = createDeskStore(client, { mode: 'browser' });
    await store.getState().withdrawMessage(7);
    expect(store.getState().announcement).toMatch(/^Withdrawing a partner message needs a /);
    expect(client.callsOf('messages.list')).toEqual([]);
  });

  it("keeps a pushed status over an answer asked for before it, and lists a request's messages", async () => {
    let answer: (result: Result<MessagesStatus>) => void = () => undefined;
    const client = new FakeDeskClient()
      .answer('messages.status', () => new Promise((resolve) => (answer = resolve)))
      .answer('messages.list', () => listOf([message({ state: 'SENT' })]));
    const store = createDeskStore(client, { mode: 'browser' });
    const stopEvents = store.getState().connectEvents();
    const stopRequest = store.getState().watchRequestMessages('borrowing', 'B-1001');

    const asked = store.getState().loadMessagesStatus();
    client.emit('messages.status', { pending: 0, failed: 0 });
    answer({ ok: true, value: { pending: 1, failed: 0 } });
    await asked;
    await settle();

    expect(store.getState().messages.status).toEqual({ pending: 0, failed: 0 });
    expect(client.callsOf('messages.list')).toContainEqual({
      requestKind: 'borrowing',
      requestId: 'B-1001',
      limit: 100,
    });
    expect(store.getState().messages.request?.rows.map((row) => row.state)).toEqual(['SENT']);
    stopRequest();
    expect(store.getState().messages.request).toBeNull();
    stopEvents();
  });
});

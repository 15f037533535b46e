import { describe, expect, it } from 'vitest';
import type { PrintStatus } from '../../../shared/api/contract-printing.ts';
import type { Result } from '../../../shared/api/result.ts';
import { createDeskStore } from '../../../renderer/app/desk-store.ts';
import { FakeDeskClient } from './fake-desk-client.ts';

const printer = (state: 'printing' | 'idle', waiting: number): PrintStatus => ({
  waiting,
  failed: 0,
  defaultPrinter: 'tcp://10.0.0.5:9100',
  printers: [
    {
      name: null,
      uri: 'tcp://10.0.0.5:9100',
      description: 'network printer 10.0.0.5 port 9100',
      state,
      waiting,
      failed: 0,
      lastError: null,
    },
  ],
});

describe('the printer status in the status bar', () => {
  it('keeps a pushed status over an answer that was asked for before it', async () => {
    let answer: (result: Result<PrintStatus>) => void = () => undefined;
    const client = new FakeDeskClient().answer(
      'printing.status',
      () => new Promise<Result<PrintStatus>>((resolve) => (answer = resolve)),
    );
    const store = createDeskStore(client, { mode: 'browser' });
    const stop = store.getState().connectEvents();

    const asked = store.getState().loadPrintStatus();
    // The slip prints while the question is on its way; the desk pushes the newer state.
    client.emit('print.status', printer('idle', 0));
    answer({ ok: true, value: printer('printing', 1) });
    await asked;

    expect(store.getState().printing.status).toEqual(printer('idle', 0));
    stop();
  });

  it('takes the answer when nothing newer was pushed', async () => {
    const client = new FakeDeskClient().answer('printing.status', () => ({
      ok: true,
      value: printer('printing', 1),
    }));
    const store = createDeskStore(client, { mode: 'browser' });
    await store.getState().loadPrintStatus();
    expect(store.getState().printing.status).toEqual(printer('printing', 1));
  });
});

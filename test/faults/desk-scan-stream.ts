import type { DeskClient } from '../../shared/api/client.ts';
import type { ImportFileContent } from '../../shared/import/import-format.ts';
import type { ScanScreen } from '../../shared/scanning/scan-kinds.ts';
import { call } from '../helpers/borrowing-desk.ts';

/**
 * A stream of desk scans for the fault tests: fresh requests in batches, and the four desk steps
 * made the way the desk's windows make them — the scan journaled and judged (`scans.submit`), the
 * screen's lookup, then the step — each timed from the scan to the step's answer, as staff wait.
 */

/** Desk steps the fault tests stream: three print a slip, all four queue a partner message. */
export type DeskStep = 'receive' | 'return' | 'ship' | 'scanIn';

export interface BorrowingTarget {
  readonly requestId: string;
  readonly externalId: string;
  /** The item's own barcode, given at Receiving Items; Return Items finds the request by it. */
  readonly tempBarcode: string;
}

export interface LendingTarget {
  readonly requestId: string;
  readonly itemBarcode: string;
}

export interface StreamBatch {
  readonly borrowing: readonly BorrowingTarget[];
  readonly lending: readonly LendingTarget[];
}

export interface StepAnswer {
  readonly step: DeskStep;
  readonly requestId: string;
  /** From the scan to the step's answer. */
  readonly ms: number;
  /** The slip the step queued, if it printed one. */
  readonly slipId: number | null;
  /** The partner message it queued ("ISO 18626 Received"), if any. */
  readonly partnerMessage: string | null;
}

/**
 * `size` borrowing requests (Shipped physically, at `borrowingPartner`) and `size` lending requests
 * (Created, for an item of our own, at `lendingPartner`), named by `tag` so batches never meet.
 * `tag` is a few capital letters or digits.
 */
export function streamBatch(tag: string, size: number): StreamBatch {
  const n = (i: number) => String(i).padStart(3, '0');
  const code = [...tag].map((c) => c.charCodeAt(0).toString().padStart(2, '0')).join('');
  return {
    borrowing: Array.from({ length: size }, (_, i) => ({
      requestId: `B-${tag}-${n(i)}`,
      externalId: `88${code}${n(i)}`,
      tempBarcode: `39${code}${n(i)}`,
    })),
    lending: Array.from({ length: size }, (_, i) => ({
      requestId: `L-${tag}-${n(i)}`,
      itemBarcode: `31${code}${n(i)}`,
    })),
  };
}

/** The import file for batches, on good.json's partners and patrons. */
export function batchImport(
  batches: readonly StreamBatch[],
  partners: { readonly borrowing: string; readonly lending: string } = {
    borrowing: 'SUNYALB',
    lending: 'SUNYBUF',
  },
): ImportFileContent {
  const borrowing = batches.flatMap((b) => b.borrowing);
  const lending = batches.flatMap((b) => b.lending);
  return {
    items: lending.map((t) => ({
      barcode: t.itemBarcode,
      title: `Loan ${t.requestId}`,
      callNumber: `QA76.${t.itemBarcode.slice(-3)}`,
      location: 'Main Stacks',
      library: 'MAIN',
    })),
    borrowingRequests: borrowing.map((t) => ({
      requestId: t.requestId,
      externalId: t.externalId,
      partner: partners.borrowing,
      patron: 'P100',
      title: `Borrowed ${t.requestId}`,
      status: 'SHIPPED_PHYSICALLY',
      format: 'PHYSICAL',
    })),
    lendingRequests: lending.map((t) => ({
      requestId: t.requestId,
      externalId: `X${t.itemBarcode}`,
      partner: partners.lending,
      title: `Loan ${t.requestId}`,
      status: 'CREATED',
      requestedFormat: 'PHYSICAL',
      itemBarcode: t.itemBarcode,
    })),
  };
}

/** A due date a month from now, as Shipping Items would offer. */
export function dueDate(): string {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
}

async function scan(client: DeskClient, raw: string, screen: ScanScreen): Promise<void> {
  await call(client, 'scans.submit', { source: 'wedge', raw, screen });
}

/** One desk step on one request, from its first scan to its answer. */
export async function runStep(
  client: DeskClient,
  step: DeskStep,
  target: BorrowingTarget | LendingTarget,
): Promise<StepAnswer> {
  const started = performance.now();
  const effects = await (async (): Promise<{
    slip: { id: number } | null;
    partnerMessage: string | null;
  }> => {
    switch (step) {
      case 'receive': {
        const t = target as BorrowingTarget;
        await scan(client, t.externalId, 'Receiving Items');
        await call(client, 'receiving.lookup', { value: t.externalId });
        const done = await call(client, 'receiving.receive', {
          requestId: t.requestId,
          tempBarcode: t.tempBarcode,
          notifyPatron: false,
        });
        if (done.outcome !== 'RECEIVED') throw new Error(`${t.requestId}: ${done.message}`);
        return done;
      }
      case 'return': {
        const t = target as BorrowingTarget;
        await scan(client, t.tempBarcode, 'Return Items');
        await call(client, 'returning.lookup', { value: t.tempBarcode });
        return call(client, 'returning.return', { requestId: t.requestId });
      }
      case 'ship': {
        const t = target as LendingTarget;
        await scan(client, t.requestId, 'Shipping Items');
        await call(client, 'shipping.lookup', { value: t.requestId });
        await scan(client, t.itemBarcode, 'Shipping Items');
        await call(client, 'shipping.lookup', { value: t.itemBarcode });
        return call(client, 'shipping.ship', {
          requestId: t.requestId,
          itemBarcode: t.itemBarcode,
          dueDate: dueDate(),
        });
      }
      case 'scanIn': {
        const t = target as LendingTarget;
        await scan(client, t.itemBarcode, 'Scan In Items');
        return call(client, 'scanIn.checkIn', { value: t.itemBarcode });
      }
    }
  })();
  return {
    step,
    requestId: target.requestId,
    ms: performance.now() - started,
    slipId: effects.slip?.id ?? null,
    partnerMessage: effects.partnerMessage,
  };
}

/**
 * Every step of a batch, one after another as at one desk: each borrowing request received and
 * each loan shipped, then each borrowed book returned and each loan scanned in. `afterEach` sees
 * every answer the moment it arrives.
 */
export async function runStream(
  client: DeskClient,
  batch: StreamBatch,
  afterEach: (answer: StepAnswer) => void = () => undefined,
): Promise<StepAnswer[]> {
  const answers: StepAnswer[] = [];
  const run = async (step: DeskStep, target: BorrowingTarget | LendingTarget) => {
    const answer = await runStep(client, step, target);
    answers.push(answer);
    afterEach(answer);
  };
  for (let i = 0; i < batch.borrowing.length; i++) {
    await run('receive', batch.borrowing[i] as BorrowingTarget);
    await run('ship', batch.lending[i] as LendingTarget);
  }
  for (let i = 0; i < batch.borrowing.length; i++) {
    await run('return', batch.borrowing[i] as BorrowingTarget);
    await run('scanIn', batch.lending[i] as LendingTarget);
  }
  return answers;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { PrintJob, RequestSlipKind } from '../../shared/api/contract-printing.ts';
import { DeskError } from '../../shared/api/result.ts';
import { choosePrinter, printerLabel } from '../../shared/printing/printer-choice.ts';
import type { SlipDocument, SlipKind } from '../../shared/printing/slip-document.ts';
import { buildSlip } from '../../shared/printing/slips/build-slip.ts';
import type { Orm } from '../../db/database.ts';
import {
  getPrintJob,
  lastSlipJob,
  listPrintJobs,
  retryPrintJob,
  withdrawPrintJob,
} from '../../db/repositories/print-jobs-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import {
  borrowingSlipSource,
  lendingSlipSource,
} from '../../db/repositories/slip-data-repository.ts';
import { NO_PRINTER, originOf, queueSlip, toPrintJob } from './slip-jobs.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * Print use cases: a slip for requests, its preview, reprints, the queue's jobs. Each stores the
 * rendered job in one transaction and then wakes the queue, which sends it.
 */

function requestRefs(kind: SlipKind, id: number) {
  return kind === 'RECEIVE_SLIP' || kind === 'RETURN_SLIP'
    ? { borrowingRequestId: id }
    : { lendingRequestId: id };
}

/** Builds a request slip from the database; refuses a request of the other kind by name. */
async function buildRequestSlip(
  db: Orm,
  kind: RequestSlipKind,
  requestIds: readonly string[],
): Promise<{ doc: SlipDocument; requestRowId: number | null }> {
  if (kind !== 'PULL_SLIP' && requestIds.length !== 1) {
    throw new DeskError('INVALID_INPUT', 'Only pull slips print for several requests at once.');
  }
  const origin = await originOf(db);
  if (kind === 'RECEIVE_SLIP' || kind === 'RETURN_SLIP') {
    const requestId = requestIds[0] ?? '';
    const source = await borrowingSlipSource(db, requestId);
    if (!source) {
      throw new DeskError(
        'NOT_FOUND',
        `There is no borrowing request ${requestId}; ${kind === 'RECEIVE_SLIP' ? 'receive' : 'return'} slips print for borrowing requests.`,
      );
    }
    const doc =
      kind === 'RECEIVE_SLIP'
        ? buildSlip({ kind, data: source.receive }, origin)
        : buildSlip({ kind, data: source.return }, origin);
    return { doc, requestRowId: source.id };
  }
  const sources = [];
  for (const requestId of requestIds) {
    const source = await lendingSlipSource(db, requestId);
    if (!source) {
      throw new DeskError(
        'NOT_FOUND',
        `There is no lending request ${requestId}; ${kind === 'PULL_SLIP' ? 'pull' : 'shipping'} slips print for lending requests.`,
      );
    }
    sources.push(source);
  }
  const [first] = sources;
  if (kind === 'SHIPPING_SLIP' && first) {
    return { doc: buildSlip({ kind, data: first.shipping }, origin), requestRowId: first.id };
  }
  return {
    doc: buildSlip({ kind: 'PULL_SLIP', data: sources.map((s) => s.pull) }, origin),
    // A batch belongs to no single request; one pull slip belongs to its request's history.
    requestRowId: sources.length === 1 && first ? first.id : null,
  };
}

/** A stored job as the API shows it. */
async function printerFor(ctx: DeskContext, db: Orm, kind: SlipKind) {
  const settings = await getSetting(db, 'printing');
  const printer = choosePrinter(settings, kind, ctx.printing.runPrinterUri);
  if (!printer) throw new DeskError('UNAVAILABLE', NO_PRINTER);
  const copies = kind === 'TEST_PAGE' ? 1 : settings.slips[kind].copies;
  return { printer, copies };
}

function afterQueued(ctx: DeskContext): void {
  ctx.printing.queue.wake();
  ctx.printing.publish();
}

export async function printSlip(
  ctx: DeskContext,
  input: ParsedInput<'printing.printSlip'>,
): Promise<Output<'printing.printSlip'>> {
  const job = await ctx.gate.transaction(async (tx) => {
    const { doc, requestRowId } = await buildRequestSlip(tx, input.kind, input.requestIds);
    const { printer, copies } = await printerFor(ctx, tx, input.kind);
    const row = await queueSlip(tx, {
      doc,
      printer,
      copies,
      ...(requestRowId !== null ? requestRefs(input.kind, requestRowId) : {}),
    });
    return toPrintJob(row, requestRowId !== null ? (input.requestIds[0] ?? null) : null);
  });
  afterQueued(ctx);
  return job;
}

export async function previewSlip(
  ctx: DeskContext,
  input: ParsedInput<'printing.preview'>,
): Promise<Output<'printing.preview'>> {
  return ctx.gate.read(async (db) => {
    const { doc } = await buildRequestSlip(db, input.kind, input.requestIds);
    const settings = await getSetting(db, 'printing');
    const printer = choosePrinter(settings, input.kind, ctx.printing.runPrinterUri);
    return {
      document: doc,
      paperWidth: printer?.paperWidth ?? 80,
      barcode: printer?.barcode ?? 'CODE128',
      printer: printer ? printerLabel(printer) : null,
    };
  });
}

export async function listJobs(
  ctx: DeskContext,
  input: ParsedInput<'printing.jobs'>,
): Promise<Output<'printing.jobs'>> {
  return ctx.gate.read(async (db) => {
    let filter: Parameters<typeof listPrintJobs>[1] = { limit: input.limit };
    if (input.requestId !== undefined) {
      const borrowing = await borrowingSlipSource(db, input.requestId);
      const lending = borrowing ? undefined : await lendingSlipSource(db, input.requestId);
      if (!borrowing && !lending) {
        throw new DeskError('NOT_FOUND', `There is no request ${input.requestId}.`);
      }
      filter = borrowing
        ? { borrowingRequestId: borrowing.id, limit: input.limit }
        : { lendingRequestId: lending?.id ?? 0, limit: input.limit };
    }
    const rows = await listPrintJobs(db, filter);
    return rows.map((row) => toPrintJob(row, row.requestId));
  });
}

async function jobWithRequest(db: Orm, id: number): Promise<PrintJob> {
  const [row] = await listPrintJobs(db, { limit: 1, jobId: id });
  if (!row) throw new DeskError('NOT_FOUND', `There is no print job ${id}.`);
  return toPrintJob(row, row.requestId);
}

export async function reprint(
  ctx: DeskContext,
  input: ParsedInput<'printing.reprint'>,
): Promise<Output<'printing.reprint'>> {
  const job = await ctx.gate.transaction(async (tx) => {
    const original =
      input.jobId === undefined ? await lastSlipJob(tx) : await getPrintJob(tx, input.jobId);
    if (!original) {
      throw new DeskError(
        'NOT_FOUND',
        input.jobId === undefined
          ? 'No slip has been printed yet, so there is nothing to reprint.'
          : `There is no print job ${input.jobId}.`,
      );
    }
    if (original.document === null) {
      throw new DeskError('NOT_FOUND', `Print job ${original.id} kept no slip to print again.`);
    }
    const doc = JSON.parse(original.document) as SlipDocument;
    const { printer, copies } = await printerFor(ctx, tx, doc.kind);
    const row = await queueSlip(tx, {
      doc,
      printer,
      copies,
      borrowingRequestId: original.borrowingRequestId,
      lendingRequestId: original.lendingRequestId,
    });
    return jobWithRequest(tx, row.id);
  });
  afterQueued(ctx);
  return job;
}

export async function retryJob(
  ctx: DeskContext,
  input: ParsedInput<'printing.retry'>,
): Promise<Output<'printing.retry'>> {
  const job = await ctx.gate.transaction(async (tx) => {
    if (!(await retryPrintJob(tx, input.jobId))) await refuseFinished(tx, input.jobId, 'retry');
    return jobWithRequest(tx, input.jobId);
  });
  afterQueued(ctx);
  return job;
}

export async function withdrawJob(
  ctx: DeskContext,
  input: ParsedInput<'printing.withdraw'>,
): Promise<Output<'printing.withdraw'>> {
  const job = await ctx.gate.transaction(async (tx) => {
    if (!(await withdrawPrintJob(tx, input.jobId)))
      await refuseFinished(tx, input.jobId, 'withdraw');
    return jobWithRequest(tx, input.jobId);
  });
  ctx.printing.publish();
  return job;
}

async function refuseFinished(db: Orm, id: number, verb: string): Promise<never> {
  const row = await getPrintJob(db, id);
  if (!row) throw new DeskError('NOT_FOUND', `There is no print job ${id}.`);
  const state = row.state === 'DONE' ? 'has printed' : 'was withdrawn';
  throw new DeskError(
    'ALREADY_DONE',
    `Print job ${id} (${row.title}) ${state}, so there is nothing to ${verb}; use Reprint to print it again.`,
  );
}

export async function testPrint(
  ctx: DeskContext,
  input: ParsedInput<'printing.testPrint'>,
): Promise<Output<'printing.testPrint'>> {
  const job = await ctx.gate.transaction(async (tx) => {
    const settings = await getSetting(tx, 'printing');
    const printer =
      input.printer === null
        ? choosePrinter(settings, 'TEST_PAGE', ctx.printing.runPrinterUri)
        : settings.printers.find((p) => p.name === input.printer);
    if (!printer) {
      throw new DeskError(
        input.printer === null ? 'UNAVAILABLE' : 'NOT_FOUND',
        input.printer === null
          ? NO_PRINTER
          : `There is no printer called "${input.printer}" in Settings → Printers.`,
      );
    }
    const doc = buildSlip(
      {
        kind: 'TEST_PAGE',
        data: {
          printerName: printerLabel(printer),
          uri: printer.uri,
          paperWidth: printer.paperWidth,
          codePage: printer.codePage,
        },
      },
      await originOf(tx),
    );
    const row = await queueSlip(tx, { doc, printer, copies: 1 });
    return toPrintJob(row, null);
  });
  afterQueued(ctx);
  return job;
}

export async function getPrintStatus(ctx: DeskContext): Promise<Output<'printing.status'>> {
  return ctx.printing.status();
}

import { z } from 'zod';
import { SLIP_KINDS } from '../printing/slip-document.ts';

/**
 * The printing part of the API contract (DESIGN.md §7): slips for requests, previews, the print
 * queue and its status. contract.ts spreads these methods into the one table.
 */

const size = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const align = z.enum(['left', 'center', 'right']);

/** shared/printing/slip-document.ts SlipBlock, for previews crossing the API. */
const slipBlock = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string(),
    size: size.optional(),
    bold: z.boolean().optional(),
    align: align.optional(),
  }),
  z.object({
    type: z.literal('field'),
    label: z.string(),
    value: z.string(),
    size: size.optional(),
    bold: z.boolean().optional(),
  }),
  z.object({ type: z.literal('barcode'), value: z.string(), caption: z.string().optional() }),
  z.object({ type: z.literal('rule'), style: z.enum(['single', 'double']).optional() }),
  z.object({ type: z.literal('space'), lines: z.number().int() }),
  z.object({ type: z.literal('cut') }),
]);

export const slipDocumentSchema = z.object({
  kind: z.enum(SLIP_KINDS),
  title: z.string(),
  blocks: z.array(slipBlock),
});

/** Slips made for requests (the test page is made for a printer). */
export const REQUEST_SLIP_KINDS = [
  'RECEIVE_SLIP',
  'RETURN_SLIP',
  'SHIPPING_SLIP',
  'PULL_SLIP',
] as const;
export type RequestSlipKind = (typeof REQUEST_SLIP_KINDS)[number];
const requestSlipKind = z.enum(REQUEST_SLIP_KINDS);

const requestIds = z.array(z.string().trim().min(1).max(100)).min(1).max(500);

const printerStatus = z.object({
  /** The printer's name in Settings; null for the run's `--printer`. */
  name: z.string().nullable(),
  uri: z.string(),
  /** "network printer 10.0.0.5 port 9100" */
  description: z.string(),
  state: z.enum(['idle', 'printing', 'offline', 'failed']),
  waiting: z.number().int(),
  failed: z.number().int(),
  lastError: z.string().nullable(),
});
export type PrinterStatus = z.infer<typeof printerStatus>;

export const printStatusSchema = z.object({
  /** Slips waiting to print, on every printer. */
  waiting: z.number().int(),
  /** Slips that will not print without help (Retry or Withdraw). */
  failed: z.number().int(),
  /** The printer a receive slip would go to now, by name or URI; null when there is none. */
  defaultPrinter: z.string().nullable(),
  printers: z.array(printerStatus),
});
export type PrintStatus = z.infer<typeof printStatusSchema>;

export const printJobSchema = z.object({
  id: z.number().int(),
  slipKind: z.enum(SLIP_KINDS),
  title: z.string(),
  requestId: z.string().nullable(),
  printer: z.string(),
  state: z.enum(['PENDING', 'DONE', 'FAILED', 'WITHDRAWN']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

const jobId = z.strictObject({ jobId: z.number().int().positive() });

export const printingMethods = {
  /** Each printer's state and how many slips wait (status bar, Settings). */
  'printing.status': { access: 'open', input: z.strictObject({}), output: printStatusSchema },
  /** Queue a slip for requests: one request, or several for a batch of pull slips. */
  'printing.printSlip': {
    input: z.strictObject({ kind: requestSlipKind, requestIds }),
    output: printJobSchema,
  },
  /** The slip as it would print now, for the on-screen preview. */
  'printing.preview': {
    input: z.strictObject({ kind: requestSlipKind, requestIds }),
    output: z.object({
      document: slipDocumentSchema,
      paperWidth: z.union([z.literal(58), z.literal(80)]),
      barcode: z.enum(['CODE128', 'CODABAR']),
      printer: z.string().nullable(),
    }),
  },
  /** Print jobs, newest first: one request's slips, or the whole queue's latest. */
  'printing.jobs': {
    input: z.strictObject({
      requestId: z.string().trim().min(1).max(100).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.array(printJobSchema),
  },
  /** Print a stored slip again (the last one when no job is named) on its slip kind's printer now. */
  'printing.reprint': {
    input: z.strictObject({ jobId: z.number().int().positive().optional() }),
    output: printJobSchema,
  },
  /** Try a waiting or failed job now. */
  'printing.retry': { input: jobId, output: printJobSchema },
  /** Take a waiting or failed job out of the queue without printing it. */
  'printing.withdraw': { input: jobId, output: printJobSchema },
  /** Print the test page on a printer from Settings (by name), or on the run's `--printer` (null). */
  'printing.testPrint': {
    input: z.strictObject({ printer: z.string().max(60).nullable() }),
    output: printJobSchema,
  },
} as const;

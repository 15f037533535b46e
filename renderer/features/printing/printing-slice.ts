import type { DeskClient } from '../../../shared/api/client.ts';
import type {
  PrintJob,
  PrintStatus,
  RequestSlipKind,
} from '../../../shared/api/contract-printing.ts';
import type { Output } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

export type SlipPreviewData = Output<'printing.preview'>;

export interface PrintingSlice {
  printing: {
    /** The latest print status, from `printing.status` or a pushed `print.status`. */
    readonly status: PrintStatus | null;
    /** Recent jobs of the whole queue (Settings → Print queue), newest first. */
    readonly jobs: readonly PrintJob[];
    /** Jobs of the request on show (its Slips section). */
    readonly requestJobs: { readonly requestId: string; readonly jobs: readonly PrintJob[] } | null;
    readonly preview: SlipPreviewData | null;
    readonly error: string | null;
  };
  loadPrintStatus: () => Promise<void>;
  /** A pushed `print.status`: show it, and refresh the job lists on show (a job may have printed). */
  printStatusArrived: (status: PrintStatus) => void;
  loadPrintJobs: (requestId?: string) => Promise<void>;
  /** Queue a slip for requests; says what happened in the desk's message line. */
  printSlip: (kind: RequestSlipKind, requestIds: string[]) => Promise<boolean>;
  previewSlip: (kind: RequestSlipKind, requestIds: string[]) => Promise<void>;
  closePreview: () => void;
  /** Print a stored slip again; the last one made when no job is named (F9). */
  reprint: (jobId?: number) => Promise<boolean>;
  retryPrintJob: (jobId: number) => Promise<void>;
  withdrawPrintJob: (jobId: number) => Promise<void>;
  testPrint: (printer: string | null) => Promise<boolean>;
}

function queuedText(job: PrintJob): string {
  return `${job.title}: sent to ${job.printer}.`;
}

export function createPrintingSlice(client: DeskClient): DeskSlice<PrintingSlice> {
  return (set, get) => {
    const patch = (part: Partial<PrintingSlice['printing']>) =>
      set((state) => ({ printing: { ...state.printing, ...part } }));
    // A status asked for can answer after a newer one was pushed (the job printed meanwhile):
    // the answer is kept only when nothing was pushed while it was on its way.
    let pushed = 0;

    /** After a job changed: refresh what is on show and say what happened. */
    async function settle(result: Result<unknown>, done: string | null): Promise<boolean> {
      if (!result.ok) {
        patch({ error: result.error.message });
        get().announce(result.error.message);
        return false;
      }
      patch({ error: null });
      if (done !== null) get().announce(done);
      const shown = get().printing.requestJobs;
      await Promise.all([
        get().loadPrintStatus(),
        get().loadPrintJobs(),
        shown ? get().loadPrintJobs(shown.requestId) : Promise.resolve(),
      ]);
      return true;
    }

    return {
      printing: { status: null, jobs: [], requestJobs: null, preview: null, error: null },
      async loadPrintStatus() {
        const before = pushed;
        const result = await client.call('printing.status', {});
        if (result.ok && pushed === before) patch({ status: result.value });
      },
      printStatusArrived(status) {
        pushed += 1;
        patch({ status });
        const shown = get().printing.requestJobs;
        if (shown) void get().loadPrintJobs(shown.requestId);
        if (get().printing.jobs.length > 0) void get().loadPrintJobs();
      },
      async loadPrintJobs(requestId) {
        const result = await client.call(
          'printing.jobs',
          requestId === undefined ? { limit: 20 } : { requestId, limit: 50 },
        );
        if (!result.ok) return;
        if (requestId === undefined) patch({ jobs: result.value });
        else patch({ requestJobs: { requestId, jobs: result.value } });
      },
      async printSlip(kind, requestIds) {
        const result = await client.call('printing.printSlip', { kind, requestIds });
        return settle(result, result.ok ? queuedText(result.value) : null);
      },
      async previewSlip(kind, requestIds) {
        const result = await client.call('printing.preview', { kind, requestIds });
        if (result.ok) patch({ preview: result.value, error: null });
        else patch({ preview: null, error: result.error.message });
      },
      closePreview() {
        patch({ preview: null });
      },
      async reprint(jobId) {
        const result = await client.call('printing.reprint', jobId === undefined ? {} : { jobId });
        return settle(result, result.ok ? `Reprint: ${queuedText(result.value)}` : null);
      },
      async retryPrintJob(jobId) {
        const result = await client.call('printing.retry', { jobId });
        await settle(result, result.ok ? `Trying ${result.value.title} again now.` : null);
      },
      async withdrawPrintJob(jobId) {
        const result = await client.call('printing.withdraw', { jobId });
        await settle(
          result,
          result.ok ? `${result.value.title} withdrawn: it will not print.` : null,
        );
      },
      async testPrint(printer) {
        const result = await client.call('printing.testPrint', { printer });
        return settle(result, result.ok ? `Test page sent to ${result.value.printer}.` : null);
      },
    };
  };
}

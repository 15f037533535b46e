import type { PrintJob } from '../../../shared/api/contract-printing.ts';

const JOB_STATE: Record<PrintJob['state'], string> = {
  PENDING: 'Waiting to print',
  DONE: 'Printed',
  FAILED: 'Failed',
  WITHDRAWN: 'Withdrawn',
};

/** "Printed", "Waiting to print (try 3: the printer refused …)", "Failed: …". */
export function jobStateText(job: PrintJob): string {
  const state = JOB_STATE[job.state];
  if (job.lastError === null || job.state === 'DONE' || job.state === 'WITHDRAWN') return state;
  return job.state === 'PENDING'
    ? `${state} (try ${job.attempts}: ${job.lastError})`
    : `${state}: ${job.lastError}`;
}

/** A job can be tried again now, or withdrawn, only while it has not printed. */
export function isOpenJob(job: PrintJob): boolean {
  return job.state === 'PENDING' || job.state === 'FAILED';
}

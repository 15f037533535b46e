import type { Orm } from '../../db/database.ts';
import { getPrintJob, withdrawPrintJob } from '../../db/repositories/print-jobs-repository.ts';

/** What became of one slip an undone action had queued. */
export interface SlipOutcome {
  /** "receive slip" */
  readonly name: string;
  /** Withdrawn unprinted; withdrawn while its bytes were on the way; or out of the printer already. */
  readonly outcome: 'WITHDRAWN' | 'IN_FLIGHT' | 'PRINTED';
}

const SLIP_NAMES: Readonly<Record<string, string>> = {
  RECEIVE_SLIP: 'receive slip',
  RETURN_SLIP: 'return slip',
  SHIPPING_SLIP: 'shipping slip',
  PULL_SLIP: 'pull slip',
};

/**
 * Withdraws the slips an undone action queued that have not printed. A job the queue is sending
 * at this moment is withdrawn too (it will not be retried), but it may still come out of the
 * printer, and staff are told so rather than promised it did not print.
 */
export async function withdrawActionSlips(
  tx: Orm,
  jobIds: readonly number[],
): Promise<SlipOutcome[]> {
  const outcomes: SlipOutcome[] = [];
  for (const id of jobIds) {
    const job = await getPrintJob(tx, id);
    if (!job) continue;
    const name = SLIP_NAMES[job.slipKind] ?? 'slip';
    if (job.state === 'DONE') {
      outcomes.push({ name, outcome: 'PRINTED' });
      continue;
    }
    // A leased job is being sent right now, by this desk or another on the same data directory.
    const sending = job.state === 'PENDING' && job.leaseOwner !== null;
    await withdrawPrintJob(tx, id);
    outcomes.push({ name, outcome: sending ? 'IN_FLIGHT' : 'WITHDRAWN' });
  }
  return outcomes;
}

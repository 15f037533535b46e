import { transition } from '../../../shared/domain/transitions.ts';
import { formatSlipDate } from '../../../shared/printing/slips/slip-text.ts';
import {
  itemBarcodeOf,
  lendingByRequestId,
} from '../../../db/repositories/lending-desk-repository.ts';
import { overdueLendingCandidates } from '../../../db/repositories/scheduled-jobs-repository.ts';
import { changeStatus } from '../../services/desk-action-recorder.ts';
import { queueImpliedMessage } from '../../services/desk-messages.ts';
import { deskDate } from '../../services/desk-time.ts';
import { moveEach, type JobContext, type JobReport } from './job-run.ts';

/**
 * Alma's "Send Overdue Message to Resource Sharing Borrowing Partner" job: a loan still out after
 * its due date becomes Overdue, and the borrower is told (ISO 18626 Overdue, or the Borrower
 * Overdue letter), once: an Overdue request is not picked up again.
 */

export const OVERDUE_JOB_TITLE = 'Send Overdue Message to Resource Sharing Borrowing Partner';

async function markOverdue(ctx: JobContext, id: number): Promise<number | null> {
  return ctx.gate.transaction(async (tx) => {
    const now = ctx.now();
    // Checked again inside the transaction: it may have come back since the search.
    const current = (await overdueLendingCandidates(tx, deskDate(now), id))[0];
    if (!current) return null;
    const row = await lendingByRequestId(tx, current.requestId);
    if (!row) return null;
    const step = transition('lending', row.status, 'MARK_OVERDUE', row.profile);
    if (!step.ok) return null;
    const at = now.toISOString();
    await changeStatus(tx, {
      kind: 'lending',
      rowId: row.id,
      action: 'MARK_OVERDUE',
      from: step.from,
      to: step.to,
      at,
      operatorId: null,
      note: `${OVERDUE_JOB_TITLE}: it was due back on ${formatSlipDate(current.dueDate)}.`,
    });
    const { messageIds } = await queueImpliedMessage(tx, {
      request: { kind: 'lending', ...row },
      partner: row.partner,
      profile: row.profile,
      action: 'MARK_OVERDUE',
      from: step.from,
      to: step.to,
      at,
      note: null,
      details: { dueDate: current.dueDate, itemBarcode: itemBarcodeOf(row) },
    });
    return messageIds.length;
  });
}

/** One run: every loan past its due date becomes Overdue, with its message to the borrower. */
export async function runOverdueLoansJob(ctx: JobContext): Promise<JobReport> {
  const today = deskDate(ctx.now());
  const candidates = await ctx.gate.read((db) => overdueLendingCandidates(db, today));
  return moveEach(ctx, candidates, 'lending', (c) => markOverdue(ctx, c.id));
}

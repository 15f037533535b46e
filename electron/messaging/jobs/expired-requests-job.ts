import { addOpenDays, type Weekday } from '../../../shared/domain/dates.ts';
import { transition } from '../../../shared/domain/transitions.ts';
import type { RequestKind } from '../../../shared/domain/statuses.ts';
import { formatSlipDate } from '../../../shared/printing/slips/slip-text.ts';
import type { Orm } from '../../../db/database.ts';
import { borrowingByRequestId } from '../../../db/repositories/borrowing-desk-repository.ts';
import { lendingByRequestId } from '../../../db/repositories/lending-desk-repository.ts';
import {
  borrowingExpiryCandidates,
  lendingExpiryCandidates,
  type ExpiryCandidate,
} from '../../../db/repositories/scheduled-jobs-repository.ts';
import { getSetting } from '../../../db/repositories/settings-repository.ts';
import { changeStatus } from '../../services/desk-action-recorder.ts';
import { queueImpliedMessage, type MessagePartner } from '../../services/desk-messages.ts';
import { deskDate } from '../../services/desk-time.ts';
import type { WorkflowProfile } from '../../../shared/domain/workflow-profiles.ts';
import { combineReports, moveEach, type JobContext, type JobReport } from './job-run.ts';

/**
 * Alma's "Expired Resource Sharing Requests" job: a request the partner has not answered within
 * its expiry days becomes Expired. The days are resource-sharing working days (the desk's closed
 * weekdays do not count), from the day a lending request arrived, or a borrowing request was last
 * sent to this partner. A request expires on the first run after its last working day.
 */

export const EXPIRED_JOB_TITLE = 'Expired Resource Sharing Requests';

/** The last working day the partner had to answer, and whether it is over by `today`. */
export function expiryOf(
  candidate: ExpiryCandidate,
  today: string,
  closed: readonly Weekday[],
): { readonly expired: boolean; readonly sinceDay: string; readonly lastDay: string } {
  const instant = new Date(candidate.since);
  const sinceDay = Number.isNaN(instant.getTime())
    ? candidate.since.slice(0, 10)
    : deskDate(instant);
  const lastDay = addOpenDays(sinceDay, candidate.expiryDays, closed);
  return { expired: today > lastDay, sinceDay, lastDay };
}

interface Expiring {
  readonly kind: RequestKind;
  readonly request: {
    readonly id: number;
    readonly requestId: string;
    readonly externalId: string;
    readonly title: string;
    readonly status: string;
  };
  readonly partner: MessagePartner & { readonly protocol: 'iso18626' | 'email' };
  readonly profile: WorkflowProfile | undefined;
}

async function expiringRequest(
  tx: Orm,
  kind: RequestKind,
  requestId: string,
): Promise<Expiring | null> {
  const row =
    kind === 'lending'
      ? await lendingByRequestId(tx, requestId)
      : await borrowingByRequestId(tx, requestId);
  return row ? { kind, request: row, partner: row.partner, profile: row.profile } : null;
}

function historyNote(
  kind: RequestKind,
  candidate: ExpiryCandidate,
  sinceDay: string,
  lastDay: string,
): string {
  const days = `${candidate.expiryDays} working day${candidate.expiryDays === 1 ? '' : 's'}`;
  const what = kind === 'lending' ? 'Not supplied' : 'No answer from the partner';
  return `${EXPIRED_JOB_TITLE}: ${what} within ${days} of ${formatSlipDate(sinceDay)} (the last day was ${formatSlipDate(lastDay)}).`;
}

async function expireOne(
  ctx: JobContext,
  kind: RequestKind,
  candidate: ExpiryCandidate,
): Promise<number | null> {
  return ctx.gate.transaction(async (tx) => {
    const now = ctx.now();
    const today = deskDate(now);
    const closed = (await getSetting(tx, 'closedWeekdays')) as Weekday[];
    // Checked again inside the transaction: a desk step may have answered it since the search.
    const current = (
      kind === 'lending'
        ? await lendingExpiryCandidates(tx, candidate.id)
        : await borrowingExpiryCandidates(tx, candidate.id)
    )[0];
    if (!current) return null;
    const expiry = expiryOf(current, today, closed);
    if (!expiry.expired) return null;
    const target = await expiringRequest(tx, kind, current.requestId);
    if (!target) return null;
    const step = transition(kind, target.request.status, 'EXPIRE', target.profile);
    if (!step.ok) return null;
    const at = now.toISOString();
    await changeStatus(tx, {
      kind,
      rowId: target.request.id,
      action: 'EXPIRE',
      from: step.from,
      to: step.to,
      at,
      operatorId: null,
      note: historyNote(kind, current, expiry.sinceDay, expiry.lastDay),
    });
    const { messageIds } = await queueImpliedMessage(tx, {
      request: { kind, ...target.request },
      partner: target.partner,
      profile: target.profile,
      action: 'EXPIRE',
      from: step.from,
      to: step.to,
      at,
      note: null,
      details: { expiryDays: current.expiryDays, lastDay: expiry.lastDay },
    });
    return messageIds.length;
  });
}

/** One run: every lending and borrowing request past its partner's expiry days becomes Expired. */
export async function runExpiredRequestsJob(ctx: JobContext): Promise<JobReport> {
  const { lending, borrowing, closed } = await ctx.gate.read(async (db) => ({
    lending: await lendingExpiryCandidates(db),
    borrowing: await borrowingExpiryCandidates(db),
    closed: (await getSetting(db, 'closedWeekdays')) as Weekday[],
  }));
  const today = deskDate(ctx.now());
  const due = (list: ExpiryCandidate[]) => list.filter((c) => expiryOf(c, today, closed).expired);
  const byKind = async (kind: RequestKind, list: ExpiryCandidate[]) =>
    moveEach(ctx, due(list), kind, (c) => expireOne(ctx, kind, c));
  return combineReports(await byKind('lending', lending), await byKind('borrowing', borrowing));
}

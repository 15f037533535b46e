import type { Gate } from '../../../db/gate.ts';
import type { DeskEvents } from '../../app/desk-events.ts';

/** What a daily job is given: the database door, pushed events and the desk's clock. */
export interface JobContext {
  readonly gate: Gate;
  readonly events: DeskEvents;
  readonly now: () => Date;
}

/** What one run of a job did. */
export interface JobReport {
  /** The requests it moved, by request ID. */
  readonly changed: readonly string[];
  /** Requests it could not move, each with why (it tries them again on its next run). */
  readonly failed: readonly string[];
  /** How many partner messages it queued. */
  readonly messages: number;
}

/**
 * Moves each request in its own transaction, so one that cannot be moved does not hold back the
 * rest, and every move is all or nothing. `move` answers the number of messages it queued, or
 * null when the request no longer qualifies (a desk step got there first).
 */
export async function moveEach<C extends { readonly requestId: string }>(
  ctx: JobContext,
  candidates: readonly C[],
  kind: 'borrowing' | 'lending',
  move: (candidate: C) => Promise<number | null>,
): Promise<JobReport> {
  const changed: string[] = [];
  const failed: string[] = [];
  let messages = 0;
  for (const candidate of candidates) {
    try {
      const queued = await move(candidate);
      if (queued === null) continue;
      changed.push(candidate.requestId);
      messages += queued;
      ctx.events.emit('requests.changed', { kind, requestId: candidate.requestId });
    } catch (error) {
      failed.push(
        `${candidate.requestId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { changed, failed, messages };
}

export function combineReports(...reports: readonly JobReport[]): JobReport {
  return {
    changed: reports.flatMap((r) => r.changed),
    failed: reports.flatMap((r) => r.failed),
    messages: reports.reduce((sum, r) => sum + r.messages, 0),
  };
}

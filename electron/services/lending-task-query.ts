import { ROLE_LABELS } from '../../shared/api/contract-operators.ts';
import { lendingFilter, type LendingFilter } from '../../shared/api/contract-lending-tasks.ts';
import { describeIssues } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { bucketStarts } from '../../shared/domain/date-buckets.ts';
import type { Viewer } from '../../shared/domain/lending-tasks.ts';
import type { BucketStart, LendingTaskQuery } from '../../db/repositories/lending-task-filter.ts';
import { checkStatuses } from './requests-service.ts';

/**
 * The task list's filter made ready for the repository: checked (status codes the desk knows, a
 * tab this viewer may open) and given the date buckets of the desk's calendar day, in desk time.
 */

/** The first instant of a desk calendar day (YYYY-MM-DD), in UTC as the timestamps are stored. */
export function deskDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** The seed's date buckets for `today`, each with its first day and that day's first instant. */
export function deskBuckets(today: string): BucketStart[] {
  return bucketStarts(today).map((b) => ({
    bucket: b.bucket,
    day: b.from,
    instant: deskDayStart(b.from),
  }));
}

/**
 * `filter` as a repository query for `viewer` on the desk's calendar day `today`. Refuses a
 * status the desk does not know, and Assigned to Others for anyone but a Manager (the seed shows
 * that tab only to a Fulfillment Services Manager).
 */
export function lendingTaskQuery(
  filter: LendingFilter,
  viewer: Viewer,
  today: string,
): LendingTaskQuery {
  const checked = lendingFilter.safeParse(filter);
  if (!checked.success) {
    throw new DeskError(
      'INVALID_INPUT',
      `The task list filter is not valid: ${describeIssues(checked.error)}.`,
    );
  }
  const parsed = checked.data;
  checkStatuses('lending', parsed.status);
  if (parsed.tab === 'ASSIGNED_TO_OTHERS' && !viewer.manager) {
    throw new DeskError(
      'FORBIDDEN',
      `Assigned to Others shows other people's tasks, which only a ${ROLE_LABELS.MANAGER} sees; use Assigned to Me or Unassigned, or ask a manager.`,
    );
  }
  return { filter: parsed, viewer, buckets: deskBuckets(today) };
}

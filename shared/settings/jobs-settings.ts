import { z } from 'zod';

/**
 * The desk's daily jobs (electron/messaging/scheduled-jobs.ts), Alma's Fulfillment Jobs: each runs
 * once a day at its time, in the desk machine's time zone, and at start-up when a run was missed.
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const dailyTime = z
  .string()
  .trim()
  .regex(TIME, { error: 'Write the time as HH:MM on the 24-hour clock, like 06:00.' });

export const jobsSettings = z.object({
  /** Expired Resource Sharing Requests: requests nobody answered within the partner's expiry days. */
  expiryTime: dailyTime.default('06:00'),
  /** Send Overdue Message to Resource Sharing Borrowing Partner. */
  overdueTime: dailyTime.default('06:00'),
});
export type JobsSettings = z.output<typeof jobsSettings>;

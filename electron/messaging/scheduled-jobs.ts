import { addDays } from '../../shared/domain/dates.ts';
import type { JobsSettings } from '../../shared/settings/jobs-settings.ts';
import type { Orm } from '../../db/database.ts';
import { getHidden, setHidden } from '../../db/repositories/hidden-settings-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import { deskDate } from '../services/desk-time.ts';
import { BACKUP_JOB_TITLE, runBackupJob, type BackupJobContext } from './jobs/backup-job.ts';
import { EXPIRED_JOB_TITLE, runExpiredRequestsJob } from './jobs/expired-requests-job.ts';
import type { JobReport } from './jobs/job-run.ts';
import { OVERDUE_JOB_TITLE, runOverdueLoansJob } from './jobs/overdue-loans-job.ts';

/**
 * The desk's daily jobs: Alma's Fulfillment Jobs Expired Resource Sharing Requests and Send
 * Overdue Message to Resource Sharing Borrowing Partner, and the desk's own Back up the database.
 * Each runs once a day at its time (desk time; Settings hold the two Alma jobs' times), and at
 * start-up when the desk was not running at its last time. A journal row per job holds the day of its last run, so a restart
 * never runs it twice for one day; a run cut short is simply done again (a request already moved
 * is no longer picked up). A `background` job is not waited for at start-up: the desk answers
 * while it runs.
 */

export const DAILY_JOBS = {
  EXPIRED_REQUESTS: {
    title: EXPIRED_JOB_TITLE,
    time: (s: JobsSettings) => s.expiryTime,
    run: runExpiredRequestsJob,
    background: false,
  },
  OVERDUE_MESSAGES: {
    title: OVERDUE_JOB_TITLE,
    time: (s: JobsSettings) => s.overdueTime,
    run: runOverdueLoansJob,
    background: false,
  },
  BACKUP: {
    title: BACKUP_JOB_TITLE,
    // As the day starts on a desk left running overnight, else when the desk first opens that day.
    time: () => '00:00',
    run: runBackupJob,
    background: true,
  },
} as const;

export type JobName = keyof typeof DAILY_JOBS;
const JOB_NAMES = Object.keys(DAILY_JOBS) as JobName[];

/** The journal's record of a job's last run. */
export interface JobRun extends JobReport {
  readonly job: JobName;
  /** The scheduled day this run stood for (YYYY-MM-DD). */
  readonly day: string;
  readonly ranAt: string;
}

const journalKey = (job: JobName) => `job:${job}` as const;

export async function lastRun(db: Orm, job: JobName): Promise<JobRun | null> {
  const text = await getHidden(db, journalKey(job));
  if (text === null) return null;
  try {
    return JSON.parse(text) as JobRun;
  } catch {
    return null;
  }
}

/**
 * The day whose run is the latest one due at `now` for a job at `time` (HH:MM): today once the
 * time has come, else yesterday.
 */
export function dueDay(now: Date, time: string): string {
  const today = deskDate(now);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const reached = now.getHours() * 60 + now.getMinutes() >= hh * 60 + mm;
  return reached ? today : addDays(today, -1);
}

export interface ScheduledJobsOptions extends Omit<BackupJobContext, 'signal'> {
  /** A run queued partner messages: wake the outbox sender. */
  readonly onMessagesQueued?: () => void;
  /** Whether to run the daily backup (default true); see DeskOptions.dailyBackup. */
  readonly backup?: boolean;
  /** How often to look whether a job is due; a minute unless a test says otherwise. */
  readonly checkEveryMs?: number;
}

export interface ScheduledJobs {
  /** Runs every job whose day has come and not yet run; answers the runs it made. */
  runDue(): Promise<JobRun[]>;
  /** No more runs; a run in progress finishes first. */
  stop(): Promise<void>;
}

/**
 * Starts the daily jobs: runs the ones a closed desk missed before it answers (so a desk opening
 * after 06:00 has expired what should be), then looks once a minute whether another is due.
 */
export async function startScheduledJobs(options: ScheduledJobsOptions): Promise<ScheduledJobs> {
  let stopped = false;
  let tail: Promise<JobRun[]> = Promise.resolve([]);
  // Closing the desk stops a backup under way rather than waiting for it.
  const stopping = new AbortController();
  const context: BackupJobContext = { ...options, signal: stopping.signal };

  async function runJob(job: JobName, day: string): Promise<JobRun> {
    const report = await DAILY_JOBS[job].run(context);
    const run: JobRun = { job, day, ranAt: options.now().toISOString(), ...report };
    await options.gate.transaction((tx) => setHidden(tx, journalKey(job), JSON.stringify(run)));
    if (report.messages > 0) options.onMessagesQueued?.();
    return run;
  }

  async function runDueNow(jobs: readonly JobName[]): Promise<JobRun[]> {
    const runs: JobRun[] = [];
    for (const job of jobs) {
      if (stopped) break;
      const { settings, last } = await options.gate.read(async (db) => ({
        settings: await getSetting(db, 'jobs'),
        last: await lastRun(db, job),
      }));
      const day = dueDay(options.now(), DAILY_JOBS[job].time(settings));
      if (last !== null && last.day >= day) continue;
      runs.push(await runJob(job, day));
    }
    return runs;
  }

  const ours = JOB_NAMES.filter((job) => job !== 'BACKUP' || options.backup !== false);

  function runDue(jobs: readonly JobName[] = ours): Promise<JobRun[]> {
    // One run at a time: a check that comes while one runs waits for it, then finds little to do.
    const run = () => runDueNow(jobs);
    const next = tail.then(run, run);
    tail = next.catch(() => []);
    return next;
  }

  // A failure here (the database gone) must not stop the desk opening: the next check tries again.
  await runDue(ours.filter((job) => !DAILY_JOBS[job].background)).catch(() => []);
  // The background jobs (the backup) start now and run while the desk answers.
  void runDue().catch(() => []);
  const timer = setInterval(() => {
    if (!stopped) void runDue().catch(() => []);
  }, options.checkEveryMs ?? 60_000);
  timer.unref();

  return {
    runDue,
    async stop() {
      stopped = true;
      clearInterval(timer);
      stopping.abort();
      await tail;
    },
  };
}

import type { DeskClient } from '../../../shared/api/client.ts';
import type { BulkOutcome, LendingSelection } from '../../../shared/api/contract-lending-tasks.ts';
import type { Output } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { selectionOf } from './lending-tasks-query.ts';

export type BulkAction = 'pullSlips' | 'changeStatus' | 'report' | 'remove' | 'removeAlerts';
export type ReportFormat = 'xlsx' | 'xml';
export type ReportFile = Output<'lending.report'>;

export interface LendingBulk {
  /** The bulk action on its way, if any: one at a time. */
  readonly busy: BulkAction | null;
  /** What the last bulk action did, with the requests it left as they were and why. */
  readonly outcome: {
    readonly message: string;
    readonly skipped: BulkOutcome['skipped'];
  } | null;
  /** Pull slips for the chosen requests, in shelf order, in one job. True when sent. */
  printPullSlips: () => Promise<boolean>;
  /** Change Status: the chosen requests to `status`, with an optional note. */
  changeStatus: (status: string, note: string) => Promise<boolean>;
  /** Print Slip Report: the file to download, or null when it could not be made. */
  report: (format: ReportFormat) => Promise<ReportFile | null>;
  /** Remove Requests (Manager): closed ones leave the list; history stays. */
  remove: () => Promise<boolean>;
  removeAlerts: () => Promise<boolean>;
}

export interface LendingBulkSlice {
  lendingBulk: LendingBulk;
}

interface Said {
  readonly message: string;
  readonly skipped?: BulkOutcome['skipped'];
}

/**
 * The task list's bulk actions over the chosen rows or "all matching" (issue "5 · Lending desk",
 * part 4): each says its outcome in the desk's message line, and the list is read again after it.
 */
export function createLendingBulkSlice(client: DeskClient): DeskSlice<LendingBulkSlice> {
  return (set, get) => {
    const patch = (changes: Partial<LendingBulk>): void => {
      set((state) => ({ lendingBulk: { ...state.lendingBulk, ...changes } }));
    };

    /** Runs one bulk action on the current choice; null when it was not done (and why is said). */
    async function run<T extends Said>(
      action: BulkAction,
      failed: string,
      call: (selection: LendingSelection) => Promise<Result<T>>,
    ): Promise<T | null> {
      if (get().lendingBulk.busy !== null) return null;
      const { chosen, filters, total } = get().lending;
      const picked = selectionOf(chosen, filters, total);
      if ('refusal' in picked) {
        get().announce(picked.refusal);
        return null;
      }
      patch({ busy: action, outcome: null });
      const result = await call(picked.selection);
      if (!result.ok) {
        patch({ busy: null });
        get().announce(`${failed}: ${result.error.message}`);
        return null;
      }
      // Read again first: a list read again announces its count, and the outcome must be heard last.
      await get().lending.reload();
      const { message, skipped = [] } = result.value;
      patch({ busy: null, outcome: { message, skipped } });
      get().announce(message);
      return result.value;
    }

    const lendingBulk: LendingBulk = {
      busy: null,
      outcome: null,
      async printPullSlips() {
        const done = await run('pullSlips', 'Pull slips not printed', (selection) =>
          client.call('lending.printPullSlips', selection),
        );
        if (done) await get().loadPrintStatus();
        return done !== null;
      },
      async changeStatus(status, note) {
        if (!status) {
          get().announce('Choose the new status first, then Change Status.');
          return false;
        }
        const text = note.trim();
        const done = await run('changeStatus', 'Status not changed', (selection) =>
          client.call('lending.changeStatus', {
            selection,
            status,
            ...(text ? { note: text } : {}),
          }),
        );
        return done !== null;
      },
      report: (format) =>
        run('report', 'Report not made', (selection) =>
          client.call('lending.report', { selection, format }),
        ),
      async remove() {
        const done = await run('remove', 'Not removed', (selection) =>
          client.call('lending.remove', { selection }),
        );
        return done !== null;
      },
      async removeAlerts() {
        const done = await run('removeAlerts', 'Alerts not removed', (selection) =>
          client.call('lending.removeAlerts', { selection }),
        );
        return done !== null;
      },
    };
    return { lendingBulk };
  };
}

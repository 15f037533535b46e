import { DeskError } from '../../shared/api/result.ts';
import { markScanApplied, scanApplication } from '../../db/repositories/scans-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { formatWhen } from './desk-time.ts';

/**
 * A desk action and the scan that led to it (Receiving, Return, Shipping, Scan In). The scan's
 * journal id is the action's idempotency key: the action marks the scan applied in its own
 * transaction, so the two commit together or not at all. A call repeated after its answer was lost
 * (the desk stopped, the network dropped) finds the scan applied and is refused with what it was
 * applied as, and nothing happens twice; a scan whose action never committed stays unapplied, and
 * Recent scans says so, for staff to scan it again. A value typed by hand has no scan and no key.
 */

/**
 * Refuses, before anything is written, an action whose scan is not in the journal or was applied
 * already. Call it first inside the action's transaction; `markApplied` ends the same transaction.
 */
export async function requireUnappliedScan(
  ctx: DeskContext,
  scanId: number | undefined,
): Promise<void> {
  if (scanId === undefined) return;
  const scan = await scanApplication(ctx.db.sqlite, scanId);
  if (!scan) {
    throw new DeskError(
      'NOT_FOUND',
      `The desk has no scan number ${scanId}, so nothing was changed. Scan the item again.`,
    );
  }
  if (scan.appliedActionId !== null) {
    const as = scan.appliedAs ?? `desk action ${scan.appliedActionId}`;
    const when = scan.appliedAt ? ` on ${formatWhen(scan.appliedAt)}` : '';
    throw new DeskError(
      'ALREADY_DONE',
      `This scan of ${scan.value} was already applied: ${as}${when}. Nothing was changed.`,
    );
  }
}

/** Marks the scan applied as the action just recorded; the last write of the action's transaction. */
export async function markApplied(
  ctx: DeskContext,
  scanId: number | undefined,
  actionId: number,
  at: string,
): Promise<void> {
  if (scanId === undefined) return;
  // requireUnappliedScan ran in this transaction, so only a caller that skipped it gets here.
  if (!(await markScanApplied(ctx.db.sqlite, scanId, actionId, at))) {
    throw new DeskError(
      'ALREADY_DONE',
      `Scan ${scanId} was applied already, so nothing was changed. Scan the item again if it still needs doing.`,
    );
  }
}

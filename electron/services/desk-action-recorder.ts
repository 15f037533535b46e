import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import type { RequestKind } from '../../shared/domain/statuses.ts';
import { actionLabel, transition } from '../../shared/domain/transitions.ts';
import type { WorkflowProfile } from '../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../../db/database.ts';
import {
  updateBorrowing,
  type BorrowingChanges,
} from '../../db/repositories/borrowing-desk-repository.ts';
import { insertDeskAction } from '../../db/repositories/desk-actions-repository.ts';
import { updateLending } from '../../db/repositories/desk-requests-repository.ts';
import { insertRequestEvent } from '../../db/repositories/request-events-repository.ts';

/**
 * What every desk step shares: the status change with its history event, and the record Undo
 * works from. Each runs inside the step's one transaction.
 */

/** How long after a desk action its window may still undo it. */
export const UNDO_WINDOW_MS = 5 * 60_000;

const PAST: Readonly<Record<RequestKind, Readonly<Record<string, string>>>> = {
  borrowing: { RECEIVE: 'Received', RETURN_TO_PARTNER: 'Returned to partner' },
  lending: {
    SHIP: 'Shipped',
    SCAN_IN: 'Checked in',
    CONDITIONAL: 'Conditional reply',
    REJECT: 'Rejected',
    RENEW: 'Renewed',
  },
};

/** How the Undo button and the history name what an action did: "Received", "Loan to patron". */
export function pastLabel(kind: RequestKind, action: string): string {
  return PAST[kind][action] ?? actionLabel(kind, action);
}

/**
 * Refuses a desk step the transition table or the partner's workflow profile does not allow: the
 * profile's own words when the workflow leaves the step out, else `wrongStatus` (given the table's
 * explanation), which says what the step needs in the screen's terms.
 */
export function requireTransition(
  kind: RequestKind,
  status: string,
  action: string,
  profile: WorkflowProfile | undefined,
  wrongStatus: (reason: string) => string,
): void {
  const step = transition(kind, status, action, profile);
  if (step.ok) return;
  throw step.reason === 'NOT_IN_PROFILE'
    ? new DeskError('NOT_IN_PROFILE', step.message)
    : new DeskError('WRONG_STATUS', wrongStatus(step.message));
}

export interface StatusChange {
  readonly kind: RequestKind;
  readonly rowId: number;
  readonly action: string;
  readonly from: string;
  readonly to: string;
  /** Columns the step sets besides the status (received date, Hold Until, barcode, pieces). */
  readonly changes?: Omit<BorrowingChanges, 'status' | 'updatedAt'>;
  readonly at: string;
  readonly operatorId: number | null;
  readonly note: string | null;
}

/** Moves the request and writes its history event (who, when, from, to, note); returns the event id. */
export async function changeStatus(tx: Orm, change: StatusChange): Promise<number> {
  const set = { ...change.changes, status: change.to, updatedAt: change.at };
  if (change.kind === 'borrowing') await updateBorrowing(tx, change.rowId, set);
  else await updateLending(tx, change.rowId, { status: set.status, updatedAt: set.updatedAt });
  return insertRequestEvent(tx, {
    kind: change.kind,
    requestRowId: change.rowId,
    at: change.at,
    operatorId: change.operatorId,
    action: change.action,
    fromStatus: change.from,
    toStatus: change.to,
    note: change.note,
  });
}

export interface DeskActionRecord {
  readonly session: Session;
  readonly change: StatusChange;
  readonly requestId: string;
  /** The changed columns as they were before, Undo's restore point. */
  readonly before: Record<string, unknown>;
  readonly eventId: number;
  readonly printJobIds: readonly number[];
  readonly messageIds: readonly number[];
}

/** Records a desk action for its window's Undo; returns its id. */
export async function recordDeskAction(tx: Orm, record: DeskActionRecord): Promise<number> {
  const { change } = record;
  return insertDeskAction(tx, {
    sessionId: record.session.id,
    operatorId: record.session.operatorId,
    at: change.at,
    kind: change.kind,
    requestRowId: change.rowId,
    action: change.action,
    description: `${pastLabel(change.kind, change.action)} ${record.requestId}`,
    fromStatus: change.from,
    toStatus: change.to,
    before: record.before,
    eventId: record.eventId,
    printJobIds: [...record.printJobIds],
    messageIds: [...record.messageIds],
  });
}

import { eq } from 'drizzle-orm';
import type { RequestKind } from '../../shared/domain/statuses.ts';
import type { WorkflowProfile } from '../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../database.ts';
import {
  borrowingRequests as br,
  lendingRequests as lr,
  partners,
  workflowProfiles,
} from '../schema.ts';
import { borrowingByRequestId, parseProfile } from './borrowing-desk-repository.ts';

/** A request of either kind as a row action (Loan to patron, Will supply, …) needs it. */
export interface ActionTarget {
  readonly kind: RequestKind;
  readonly id: number;
  readonly requestId: string;
  readonly externalId: string;
  readonly title: string;
  readonly status: string;
  readonly dueDate: string | null;
  readonly partner: {
    readonly id: number;
    readonly code: string;
    readonly name: string;
    readonly symbol: string | null;
    readonly protocol: 'iso18626' | 'email';
    readonly email: string | null;
  };
  /** The partner's workflow profile for this kind of request, if it has one. */
  readonly profile: WorkflowProfile | undefined;
}

/** The request columns a lending row action changes, and so Undo may restore. */
export interface LendingChanges {
  status?: string;
  /** Shipping Items records the item it shipped when the request named none. */
  itemId?: number | null;
  itemBarcode?: string | null;
  dueDate?: string | null;
  suppliedFormat?: string | null;
  shippingCost?: number | null;
  note?: string | null;
  /** Conditional: the reason and the date for reply. */
  conditionReason?: string | null;
  replyBy?: string | null;
  /** Reject: the ISO 18626 ReasonUnfilled code. */
  rejectReason?: string | null;
  printed?: boolean;
  updatedAt?: string;
}
export const LENDING_UNDOABLE = [
  'status',
  'itemId',
  'itemBarcode',
  'dueDate',
  'suppliedFormat',
  'shippingCost',
  'note',
  'conditionReason',
  'replyBy',
  'rejectReason',
] as const satisfies readonly (keyof LendingChanges)[];

/** One request of `kind` by its request ID (any case), with its partner and workflow profile. */
export async function actionTarget(
  db: Orm,
  kind: RequestKind,
  requestId: string,
): Promise<ActionTarget | undefined> {
  if (kind === 'borrowing') {
    const row = await borrowingByRequestId(db, requestId);
    return row && { ...row, kind };
  }
  const row = db
    .select({ r: lr, p: partners, w: workflowProfiles })
    .from(lr)
    .innerJoin(partners, eq(partners.id, lr.partnerId))
    .leftJoin(workflowProfiles, eq(workflowProfiles.id, partners.lendingWorkflowId))
    .where(eq(lr.requestId, requestId))
    .get();
  if (!row) return undefined;
  const { r, p, w } = row;
  return {
    kind,
    id: r.id,
    requestId: r.requestId,
    externalId: r.externalId,
    title: r.title,
    status: r.status,
    dueDate: r.dueDate,
    partner: {
      id: p.id,
      code: p.code,
      name: p.name,
      symbol: p.symbol,
      protocol: p.protocol,
      email: p.email,
    },
    profile: parseProfile(w?.name ?? null, w?.type ?? null, w?.steps ?? null),
  };
}

/** Writes the columns a lending row action changed (or Undo restores). */
export async function updateLending(db: Orm, id: number, changes: LendingChanges): Promise<void> {
  db.update(lr).set(changes).where(eq(lr.id, id)).run();
}

/** A request's request ID and status by its row id (what Undo checks before it restores). */
export async function requestState(
  db: Orm,
  kind: RequestKind,
  rowId: number,
): Promise<{ requestId: string; status: string } | undefined> {
  const table = kind === 'borrowing' ? br : lr;
  return db
    .select({ requestId: table.requestId, status: table.status })
    .from(table)
    .where(eq(table.id, rowId))
    .get();
}

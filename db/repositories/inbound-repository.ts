import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { WorkflowProfile } from '../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../database.ts';
import {
  borrowingRequests as br,
  lendingRequests as lr,
  partnerMessages,
  partners,
  workflowProfiles,
} from '../schema.ts';
import { parseProfile } from './borrowing-desk-repository.ts';

/**
 * What the ISO 18626 listener reads and writes besides the desk steps' own repositories: the
 * partners a message may come from, the inbound journal, new lending requests' IDs, and the
 * columns a partner's Loaned fills in on a borrowing request.
 */

const lendingProfile = alias(workflowProfiles, 'lending_profile');
const borrowingProfile = alias(workflowProfiles, 'borrowing_profile');

/** A partner as the listener knows it, credentials included: this never leaves the main process. */
export interface InboundPartner {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly symbol: string;
  readonly protocol: 'iso18626' | 'email';
  readonly email: string | null;
  readonly isoVersion: '1.2' | '2021';
  readonly accountId: string | null;
  readonly securityCode: string | null;
  readonly active: boolean;
  readonly lendingProfile: WorkflowProfile | undefined;
  readonly borrowingProfile: WorkflowProfile | undefined;
}

/** Every partner with a symbol (a partner's agency id is its symbol), oldest first. */
export async function partnersWithSymbols(db: Orm): Promise<InboundPartner[]> {
  return db
    .select({ p: partners, l: lendingProfile, b: borrowingProfile })
    .from(partners)
    .leftJoin(lendingProfile, eq(lendingProfile.id, partners.lendingWorkflowId))
    .leftJoin(borrowingProfile, eq(borrowingProfile.id, partners.borrowingWorkflowId))
    .where(isNotNull(partners.symbol))
    .orderBy(partners.id)
    .all()
    .flatMap(({ p, l, b }) =>
      p.symbol === null
        ? []
        : [
            {
              id: p.id,
              code: p.code,
              name: p.name,
              symbol: p.symbol,
              protocol: p.protocol,
              email: p.email,
              isoVersion: p.isoVersion,
              accountId: p.accountId,
              securityCode: p.securityCode,
              active: p.active,
              lendingProfile: parseProfile(l?.name ?? null, l?.type ?? null, l?.steps ?? null),
              borrowingProfile: parseProfile(b?.name ?? null, b?.type ?? null, b?.steps ?? null),
            },
          ],
    );
}

export interface InboundMessage {
  readonly partnerId: number;
  readonly borrowingRequestId?: number;
  readonly lendingRequestId?: number;
  /** The ISO 18626 message kind, action or status: Request, Received, Loaned, … */
  readonly kind: string;
  /** The XML as received. */
  readonly body: string;
  readonly at: string;
}

/** Journals a message a partner sent (direction IN, state RECEIVED); returns its id. */
export async function insertInboundMessage(db: Orm, message: InboundMessage): Promise<number> {
  return db
    .insert(partnerMessages)
    .values({
      direction: 'IN',
      state: 'RECEIVED',
      channel: 'iso18626',
      partnerId: message.partnerId,
      borrowingRequestId: message.borrowingRequestId ?? null,
      lendingRequestId: message.lendingRequestId ?? null,
      kind: message.kind,
      body: message.body,
      createdAt: message.at,
      sentAt: message.at,
    })
    .returning({ id: partnerMessages.id })
    .get().id;
}

/**
 * The highest number among lending request IDs of the form L-<number>, or 0: a new request from a
 * partner is numbered after it. Reads the request ID index's L- range only.
 */
export async function highestLendingNumber(db: Orm): Promise<number> {
  const row = db
    .select({ n: sql<number | null>`max(CAST(substr(${lr.requestId}, 3) AS INTEGER))` })
    .from(lr)
    .where(and(gte(lr.requestId, 'L-0'), lt(lr.requestId, 'L-:')))
    .get();
  return row?.n ?? 0;
}

/** What a partner's Loaned tells a borrowing request besides its status. */
export interface LoanedColumns {
  lenderItemBarcode?: string;
  dueDate?: string;
  externalId?: string;
  updatedAt: string;
}

/** Writes the lender's item barcode, due date and request ID onto a borrowing request. */
export async function recordLoanedColumns(
  db: Orm,
  rowId: number,
  columns: LoanedColumns,
): Promise<void> {
  db.update(br).set(columns).where(eq(br.id, rowId)).run();
}

/** Whether another borrowing request of this partner already has this External Identifier. */
export async function borrowingExternalIdTaken(
  db: Orm,
  externalId: string,
  partnerId: number,
  exceptRowId: number,
): Promise<boolean> {
  const row = db
    .select({ id: br.id })
    .from(br)
    .where(and(eq(br.externalId, externalId), eq(br.partnerId, partnerId)))
    .get();
  return row !== undefined && row.id !== exceptRowId;
}

import { alias } from 'drizzle-orm/sqlite-core';
import { asc, eq, sql } from 'drizzle-orm';
import type { PartnerConfig } from '../../shared/api/contract-config.ts';
import type { Orm } from '../database.ts';
import { partners, workflowProfiles } from '../schema.ts';
import { toPartnerSummary, type PartnerRow } from './partners-repository.ts';

/**
 * Partners as Settings edits them (issue "9 · Configuration"). The security code is written here
 * and read only by the messaging and the export; what Settings gets says whether one is set.
 */

const lendingProfile = alias(workflowProfiles, 'lending_profile');
const borrowingProfile = alias(workflowProfiles, 'borrowing_profile');

/** What a partner save writes: `securityCode` null removes it, absent keeps it. */
export interface PartnerValues {
  readonly code: string;
  readonly name: string;
  readonly symbol: string | null;
  readonly protocol: 'iso18626' | 'email';
  readonly endpoint: string | null;
  readonly email: string | null;
  readonly isoVersion: '1.2' | '2021';
  readonly accountId: string | null;
  readonly securityCode?: string | null;
  readonly addressLine1: string | null;
  readonly addressLine2: string | null;
  readonly locality: string | null;
  readonly region: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly lendingWorkflowId: number | null;
  readonly borrowingWorkflowId: number | null;
  readonly expiryDays: number | null;
  readonly loanPeriodDays: number | null;
  readonly active: boolean;
}

/** A partner row with its profile names: what the config and the export are built from. */
export interface PartnerWithProfiles {
  readonly row: PartnerRow;
  readonly lendingWorkflow: string | null;
  readonly borrowingWorkflow: string | null;
}

function query(db: Orm) {
  return db
    .select({ p: partners, lending: lendingProfile.name, borrowing: borrowingProfile.name })
    .from(partners)
    .leftJoin(lendingProfile, eq(lendingProfile.id, partners.lendingWorkflowId))
    .leftJoin(borrowingProfile, eq(borrowingProfile.id, partners.borrowingWorkflowId));
}

export function toPartnerConfig(p: PartnerWithProfiles): PartnerConfig {
  return {
    ...toPartnerSummary(p.row, p.lendingWorkflow, p.borrowingWorkflow),
    accountId: p.row.accountId,
    securityCodeSet: p.row.securityCode !== null && p.row.securityCode !== '',
  };
}

/** Every partner with its profile names, by name. */
export async function listPartnerRows(db: Orm): Promise<PartnerWithProfiles[]> {
  return query(db)
    .orderBy(asc(partners.name))
    .all()
    .map((r) => ({ row: r.p, lendingWorkflow: r.lending, borrowingWorkflow: r.borrowing }));
}

/** A partner by its code, any letter case (codes are typed and scanned). */
export async function findPartnerByCode(
  db: Orm,
  code: string,
): Promise<PartnerWithProfiles | undefined> {
  const r = query(db).where(eq(partners.code, code)).get();
  return r ? { row: r.p, lendingWorkflow: r.lending, borrowingWorkflow: r.borrowing } : undefined;
}

export async function insertPartner(db: Orm, values: PartnerValues): Promise<void> {
  db.insert(partners).values(values).run();
}

export async function updatePartner(db: Orm, id: number, values: PartnerValues): Promise<void> {
  db.update(partners)
    .set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(eq(partners.id, id))
    .run();
}

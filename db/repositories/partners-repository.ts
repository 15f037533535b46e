import { alias } from 'drizzle-orm/sqlite-core';
import { asc, eq, sql } from 'drizzle-orm';
import type { PartnerSummary } from '../../shared/api/contract.ts';
import type { Orm } from '../database.ts';
import { partners, workflowProfiles } from '../schema.ts';

const lendingProfile = alias(workflowProfiles, 'lending_profile');
const borrowingProfile = alias(workflowProfiles, 'borrowing_profile');

export type PartnerRow = typeof partners.$inferSelect;

/** The public face of a partner: never its security code. */
export function toPartnerSummary(
  p: PartnerRow,
  lendingWorkflow: string | null,
  borrowingWorkflow: string | null,
): PartnerSummary {
  return {
    code: p.code,
    name: p.name,
    symbol: p.symbol,
    protocol: p.protocol,
    endpoint: p.endpoint,
    email: p.email,
    isoVersion: p.isoVersion,
    address: {
      line1: p.addressLine1,
      line2: p.addressLine2,
      locality: p.locality,
      region: p.region,
      postalCode: p.postalCode,
      country: p.country,
    },
    lendingWorkflow,
    borrowingWorkflow,
    expiryDays: p.expiryDays,
    loanPeriodDays: p.loanPeriodDays,
    active: p.active,
  };
}

function partnerQuery(db: Orm) {
  return db
    .select({ p: partners, lending: lendingProfile.name, borrowing: borrowingProfile.name })
    .from(partners)
    .leftJoin(lendingProfile, eq(lendingProfile.id, partners.lendingWorkflowId))
    .leftJoin(borrowingProfile, eq(borrowingProfile.id, partners.borrowingWorkflowId));
}

/** Every partner, by name. */
export async function listPartners(db: Orm): Promise<PartnerSummary[]> {
  return partnerQuery(db)
    .orderBy(asc(partners.name))
    .all()
    .map((r) => toPartnerSummary(r.p, r.lending, r.borrowing));
}

/** One partner by its database id, with its profile names. */
export async function getPartnerById(db: Orm, id: number): Promise<PartnerSummary | undefined> {
  const r = partnerQuery(db).where(eq(partners.id, id)).get();
  return r ? toPartnerSummary(r.p, r.lending, r.borrowing) : undefined;
}

export async function countPartners(db: Orm): Promise<number> {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(partners)
      .get()?.n ?? 0
  );
}

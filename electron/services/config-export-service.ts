import {
  listPartnerRows,
  type PartnerWithProfiles,
} from '../../db/repositories/partner-config-repository.ts';
import { listProfiles } from '../../db/repositories/workflow-profiles-repository.ts';
import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { ImportFileContent } from '../../shared/import/import-format.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * The configuration export (issue "9 · Configuration", part 6): this desk's workflow profiles and
 * partners as an import file (DESIGN.md §6), so `rs-desk import` sets up a second desk the same way. Security codes are
 * secrets shared with each partner: they go into the file only when asked for.
 */

type PartnerFileRecord = NonNullable<ImportFileContent['partners']>[number];

/** A field the file would leave empty is left out, as a person writing the file would. */
function present<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

function partnerRecord(p: PartnerWithProfiles, withSecrets: boolean): PartnerFileRecord {
  const { row } = p;
  const address = present({
    line1: row.addressLine1,
    line2: row.addressLine2,
    locality: row.locality,
    region: row.region,
    postalCode: row.postalCode,
    country: row.country,
  });
  return present({
    code: row.code,
    name: row.name,
    symbol: row.symbol,
    protocol: row.protocol,
    endpoint: row.endpoint,
    email: row.email,
    isoVersion: row.isoVersion,
    accountId: row.accountId,
    securityCode: withSecrets ? row.securityCode : null,
    address: Object.keys(address).length > 0 ? address : null,
    lendingWorkflow: p.lendingWorkflow,
    borrowingWorkflow: p.borrowingWorkflow,
    expiryDays: row.expiryDays,
    loanPeriodDays: row.loanPeriodDays,
    active: row.active,
  });
}

/** The file's name says what it holds and when, so two exports do not overwrite each other. */
function fileName(at: Date): string {
  return `rs-desk-configuration-${at.toISOString().slice(0, 10)}.json`;
}

export async function exportConfiguration(
  ctx: DeskContext,
  input: ParsedInput<'config.export'>,
): Promise<Output<'config.export'>> {
  const [profiles, rows] = await ctx.gate.read(
    async (db) => [await listProfiles(db), await listPartnerRows(db)] as const,
  );
  const content: ImportFileContent = {
    workflowProfiles: profiles.map(({ name, type, steps }) => ({ name, type, steps })),
    partners: rows.map((p) => partnerRecord(p, input.includeSecurityCodes)),
  };
  return { fileName: fileName(ctx.now()), json: `${JSON.stringify(content, null, 2)}\n` };
}

import type { Orm } from '../../db/database.ts';
import {
  findPartnerByCode,
  insertPartner,
  listPartnerRows,
  toPartnerConfig,
  updatePartner,
  type PartnerValues,
} from '../../db/repositories/partner-config-repository.ts';
import { findProfileByName } from '../../db/repositories/workflow-profiles-repository.ts';
import type { PartnerConfig } from '../../shared/api/contract-config.ts';
import type { ParsedInput } from '../../shared/api/contract.ts';
import { DeskError, type FieldIssue } from '../../shared/api/result.ts';
import { partnerReachProblems } from '../../shared/config/partner-checks.ts';
import {
  DEFAULT_BORROWING_PROFILE,
  DEFAULT_LENDING_PROFILE,
  type ProfileType,
} from '../../shared/domain/workflow-profiles.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * Settings → Partners (issue "9 · Configuration", part 1): add, change and deactivate partners.
 * A partner is never deleted: requests refer to it, and a deactivated one keeps its history.
 */

type SaveInput = ParsedInput<'partners.save'>;

/** Every partner with its ISO account; the security code only as "set" or not. */
export function listPartnerConfig(ctx: DeskContext): Promise<PartnerConfig[]> {
  return ctx.gate.read(async (db) => (await listPartnerRows(db)).map(toPartnerConfig));
}

function refuse(code: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND', issues: FieldIssue[]): DeskError {
  return new DeskError(code, issues.map((i) => i.message).join(' '), issues);
}

/** The profile a partner's field names, or the seed's profile of that type when it names none. */
async function profileId(
  db: Orm,
  field: 'lendingWorkflow' | 'borrowingWorkflow',
  type: ProfileType,
  name: string | null,
): Promise<number> {
  const fallback = type === 'LENDING' ? DEFAULT_LENDING_PROFILE : DEFAULT_BORROWING_PROFILE;
  const profile = await findProfileByName(db, name ?? fallback.name);
  const kind = type.toLowerCase();
  if (!profile) {
    throw refuse('INVALID_INPUT', [
      {
        path: field,
        message: `"${name ?? fallback.name}" is not a workflow profile in this desk: choose one of the ${kind} profiles listed under Workflow profiles, or add it there first.`,
      },
    ]);
  }
  if (profile.type !== type) {
    throw refuse('INVALID_INPUT', [
      {
        path: field,
        message: `"${profile.name}" is a ${profile.type.toLowerCase()} profile: the ${kind} workflow needs a ${kind} profile such as "${fallback.name}".`,
      },
    ]);
  }
  return profile.id;
}

async function valuesOf(db: Orm, input: SaveInput): Promise<PartnerValues> {
  const problems = partnerReachProblems(input);
  if (problems.length > 0) throw refuse('INVALID_INPUT', problems);
  const values: PartnerValues = {
    code: input.code,
    name: input.name,
    symbol: input.symbol,
    protocol: input.protocol,
    endpoint: input.endpoint,
    email: input.email,
    isoVersion: input.isoVersion,
    accountId: input.accountId,
    addressLine1: input.address.line1,
    addressLine2: input.address.line2,
    locality: input.address.locality,
    region: input.address.region,
    postalCode: input.address.postalCode,
    country: input.address.country,
    lendingWorkflowId: await profileId(db, 'lendingWorkflow', 'LENDING', input.lendingWorkflow),
    borrowingWorkflowId: await profileId(
      db,
      'borrowingWorkflow',
      'BORROWING',
      input.borrowingWorkflow,
    ),
    expiryDays: input.expiryDays,
    loanPeriodDays: input.loanPeriodDays,
    active: input.active,
  };
  if (input.securityCode === undefined) return values;
  return { ...values, securityCode: input.securityCode || null };
}

/**
 * Adds a partner (no `editing`) or changes the one `editing` names. A partner's code does not
 * change: requests, import files and partners' messages refer to it.
 */
export async function savePartner(ctx: DeskContext, input: SaveInput): Promise<PartnerConfig> {
  return ctx.gate.transaction(async (tx) => {
    const values = await valuesOf(tx, input);
    if (input.editing === undefined) {
      const taken = await findPartnerByCode(tx, input.code);
      if (taken) {
        throw refuse('CONFLICT', [
          {
            path: 'code',
            message: `The code ${taken.row.code} is already ${taken.row.name}'s: each partner needs its own code. Choose another code, or edit ${taken.row.name} instead.`,
          },
        ]);
      }
      await insertPartner(tx, values);
    } else {
      const before = await findPartnerByCode(tx, input.editing);
      if (!before) {
        throw refuse('NOT_FOUND', [
          {
            path: 'editing',
            message: `No partner has the code ${input.editing}: it may have been changed at another desk. Reload Settings and try again.`,
          },
        ]);
      }
      if (before.row.code.toLowerCase() !== input.code.toLowerCase()) {
        throw refuse('INVALID_INPUT', [
          {
            path: 'code',
            message: `A partner's code cannot change (requests and import files refer to ${before.row.code}): keep ${before.row.code}, or add a new partner with the code ${input.code}.`,
          },
        ]);
      }
      await updatePartner(tx, before.row.id, { ...values, code: before.row.code });
    }
    const saved = await findPartnerByCode(tx, input.code);
    if (!saved) throw new Error(`partner ${input.code} was not there after saving it`);
    return toPartnerConfig(saved);
  });
}

import { asc, eq, or, sql } from 'drizzle-orm';
import type { WorkflowProfileRow } from '../../shared/api/contract-config.ts';
import type { ProfileType } from '../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../database.ts';
import { partners, workflowProfiles } from '../schema.ts';

/** What a profile save writes. */
export interface ProfileValues {
  readonly name: string;
  readonly type: ProfileType;
  readonly steps: readonly string[];
}

/** Steps are stored as a JSON array; a damaged value reads as no steps rather than stopping Settings. */
function parseSteps(json: string): string[] {
  try {
    const steps: unknown = JSON.parse(json);
    return Array.isArray(steps) ? steps.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

function profileQuery(db: Orm) {
  const followers = sql<number>`(SELECT count(*) FROM ${partners} WHERE ${or(
    eq(partners.lendingWorkflowId, workflowProfiles.id),
    eq(partners.borrowingWorkflowId, workflowProfiles.id),
  )})`;
  return db.select({ w: workflowProfiles, followers }).from(workflowProfiles);
}

type ProfileQueryRow = { w: typeof workflowProfiles.$inferSelect; followers: number };

function toRow({ w, followers }: ProfileQueryRow): WorkflowProfileRow {
  return {
    id: w.id,
    name: w.name,
    type: w.type,
    steps: parseSteps(w.steps),
    builtin: w.builtin,
    partners: followers,
  };
}

/** Every profile: borrowing first, then by name. */
export async function listProfiles(db: Orm): Promise<WorkflowProfileRow[]> {
  return profileQuery(db)
    .orderBy(asc(workflowProfiles.type), asc(workflowProfiles.name))
    .all()
    .map(toRow);
}

export async function getProfile(db: Orm, id: number): Promise<WorkflowProfileRow | undefined> {
  const row = profileQuery(db).where(eq(workflowProfiles.id, id)).get();
  return row ? toRow(row) : undefined;
}

/** A profile by name, any letter case (as the import reads names). */
export async function findProfileByName(
  db: Orm,
  name: string,
): Promise<WorkflowProfileRow | undefined> {
  const row = profileQuery(db)
    .where(sql`${workflowProfiles.name} = ${name} COLLATE NOCASE`)
    .get();
  return row ? toRow(row) : undefined;
}

export async function insertProfile(db: Orm, values: ProfileValues): Promise<number> {
  const row = db
    .insert(workflowProfiles)
    .values({ ...values, steps: JSON.stringify(values.steps), builtin: false })
    .returning({ id: workflowProfiles.id })
    .get();
  return row.id;
}

export async function updateProfile(db: Orm, id: number, values: ProfileValues): Promise<void> {
  db.update(workflowProfiles)
    .set({ ...values, steps: JSON.stringify(values.steps) })
    .where(eq(workflowProfiles.id, id))
    .run();
}

import { sql } from 'drizzle-orm';
import type { ProfileRecord } from '../../shared/import/import-format.ts';
import type { ProfileRef } from '../../shared/import/import-references.ts';
import type { Orm } from '../database.ts';
import { workflowProfiles } from '../schema.ts';

/**
 * The import file's workflow profiles (issue 9): a profile the desk has (same name, any case)
 * takes the file's steps, a new one is added. Returns every profile after, for the partners.
 */
export function writeFileProfiles(tx: Orm, file: readonly ProfileRecord[]): ProfileRef[] {
  for (const profile of file) {
    const steps = JSON.stringify(profile.steps);
    const held = tx
      .select({ id: workflowProfiles.id })
      .from(workflowProfiles)
      .where(sql`${workflowProfiles.name} = ${profile.name} COLLATE NOCASE`)
      .get();
    if (held) {
      tx.update(workflowProfiles)
        .set({ steps })
        .where(sql`${workflowProfiles.id} = ${held.id}`)
        .run();
    } else {
      tx.insert(workflowProfiles)
        .values({ name: profile.name, type: profile.type, steps, builtin: false })
        .run();
    }
  }
  return tx.select().from(workflowProfiles).all();
}

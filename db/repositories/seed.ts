import { eq } from 'drizzle-orm';
import {
  DEFAULT_BORROWING_PROFILE,
  DEFAULT_LENDING_PROFILE,
} from '../../shared/domain/workflow-profiles.ts';
import type { Gate } from '../gate.ts';
import { settings, workflowProfiles } from '../schema.ts';
import { DEFAULT_SETTINGS } from './settings-repository.ts';

/**
 * A new data directory starts with the seed's two workflow profiles and the default desk settings,
 * so partners can name "Peer to Peer Borrowing"/"Peer to Peer Lending" straight away. Idempotent.
 */
export async function ensureDefaults(gate: Gate): Promise<void> {
  await gate.transaction(async (tx) => {
    for (const profile of [DEFAULT_BORROWING_PROFILE, DEFAULT_LENDING_PROFILE]) {
      const existing = tx
        .select({ id: workflowProfiles.id })
        .from(workflowProfiles)
        .where(eq(workflowProfiles.name, profile.name))
        .get();
      if (!existing) {
        tx.insert(workflowProfiles)
          .values({
            name: profile.name,
            type: profile.type,
            steps: JSON.stringify(profile.steps),
            builtin: true,
          })
          .run();
      }
    }
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      tx.insert(settings)
        .values({ key, value: JSON.stringify(value) })
        .onConflictDoNothing()
        .run();
    }
  });
}

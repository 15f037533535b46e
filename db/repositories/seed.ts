import { eq } from 'drizzle-orm';
import {
  DEFAULT_BORROWING_PROFILE,
  DEFAULT_LENDING_PROFILE,
} from '../../shared/domain/workflow-profiles.ts';
import type { Gate } from '../gate.ts';
import { workflowProfiles } from '../schema.ts';

/**
 * A new data directory starts with the seed's two workflow profiles (settings read their defaults
 * from shared/settings/desk-settings.ts until changed), so partners can name "Peer to Peer Borrowing"/"Peer to Peer Lending" straight away. Idempotent.
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
  });
}

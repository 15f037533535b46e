import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { settings } from '../schema.ts';

/**
 * Rows of the settings table that are not settings: the SMTP password and the daily jobs' journal.
 * settings.get reads only the keys of shared/settings/desk-settings.ts, so these never reach a
 * window; the ':' in every key keeps them apart from any setting's name.
 */
export type HiddenKey = 'secret:smtpPassword' | `job:${string}`;

export async function getHidden(db: Orm, key: HiddenKey): Promise<string | null> {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

/** Writes a hidden value; null removes it. */
export async function setHidden(db: Orm, key: HiddenKey, value: string | null): Promise<void> {
  if (value === null) {
    db.delete(settings).where(eq(settings.key, key)).run();
    return;
  }
  db.insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}

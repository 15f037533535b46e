import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { settings } from '../schema.ts';

/** Desk settings with their defaults; issue #9 gives them an editor. */
export const DEFAULT_SETTINGS = {
  institution: 'Your Institution',
  deskName: 'Resource Sharing Desk',
  /** Days an item waits on the hold shelf. */
  holdShelfDays: 7,
  /** Weekdays (0 = Sunday) the desk does not process resource sharing. */
  closedWeekdays: [0, 6],
} as const;

export type SettingKey = keyof typeof DEFAULT_SETTINGS;

/** Reads one setting, falling back to its default. */
export async function getSetting<K extends SettingKey>(
  db: Orm,
  key: K,
): Promise<(typeof DEFAULT_SETTINGS)[K]> {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as (typeof DEFAULT_SETTINGS)[K]) : DEFAULT_SETTINGS[key];
}

/** Writes one setting. */
export async function setSetting<K extends SettingKey>(
  db: Orm,
  key: K,
  value: (typeof DEFAULT_SETTINGS)[K],
): Promise<void> {
  db.insert(settings)
    .values({ key, value: JSON.stringify(value) })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
    .run();
}

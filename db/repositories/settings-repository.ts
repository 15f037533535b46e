import { eq } from 'drizzle-orm';
import {
  defaultSetting,
  deskSettingsSchema,
  type SettingKey,
  type SettingValue,
} from '../../shared/settings/desk-settings.ts';
import type { Orm } from '../database.ts';
import { settings } from '../schema.ts';

export type { SettingKey, SettingValue };

/** Reads one setting; a missing or no longer valid value reads as its default. */
export async function getSetting<K extends SettingKey>(db: Orm, key: K): Promise<SettingValue<K>> {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return defaultSetting(key);
  const parsed = deskSettingsSchema[key].safeParse(safeJson(row.value));
  return parsed.success ? (parsed.data as SettingValue<K>) : defaultSetting(key);
}

/** Writes one setting; the caller has validated it against the schema. */
export async function setSetting<K extends SettingKey>(
  db: Orm,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const json = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: json })
    .onConflictDoUpdate({ target: settings.key, set: { value: json } })
    .run();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

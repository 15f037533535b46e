import { eq, sql } from 'drizzle-orm';
import {
  defaultSetting,
  deskSettingsSchema,
  type SettingKey,
  type SettingValue,
} from '../../shared/settings/desk-settings.ts';
import type { Orm } from '../database.ts';
import { preparedQuery } from '../prepared.ts';
import { settings } from '../schema.ts';

export type { SettingKey, SettingValue };

const settingQuery = (db: Orm) =>
  db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare();

/**
 * Each key's stored text and what it parsed to. A desk step reads several settings, and another
 * desk on the same data directory may change one at any time, so each read still reads the row;
 * only the parse is skipped while the text is the same. Values are frozen: callers share them.
 */
const parsedSettings = new Map<SettingKey, { readonly text: string; readonly value: unknown }>();

/** Reads one setting; a missing or no longer valid value reads as its default. */
export async function getSetting<K extends SettingKey>(db: Orm, key: K): Promise<SettingValue<K>> {
  const row = preparedQuery(db, settingQuery).get({ key });
  if (!row) return defaultSetting(key);
  const known = parsedSettings.get(key);
  if (known?.text === row.value) return known.value as SettingValue<K>;
  const parsed = deskSettingsSchema[key].safeParse(safeJson(row.value));
  const value = parsed.success ? deepFreeze(parsed.data as SettingValue<K>) : defaultSetting(key);
  parsedSettings.set(key, { text: row.value, value });
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
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

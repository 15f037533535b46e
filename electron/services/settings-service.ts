import type { Orm } from '../../db/database.ts';
import { getSetting, setSetting } from '../../db/repositories/settings-repository.ts';
import {
  SETTING_KEYS,
  type DeskSettings,
  type SettingKey,
  type SettingValue,
} from '../../shared/settings/desk-settings.ts';
import type { SettingUpdate } from '../../shared/settings/setting-update.ts';
import type { DeskContext } from './desk-context.ts';

async function readAll(db: Orm): Promise<DeskSettings> {
  const entries = await Promise.all(
    SETTING_KEYS.map(async (key) => [key, await getSetting(db, key)] as const),
  );
  return Object.fromEntries(entries) as DeskSettings;
}

/** Every setting, defaults filled in (Settings, and each window's live scanner thresholds). */
export function getSettings(ctx: DeskContext): Promise<DeskSettings> {
  return ctx.gate.read(readAll);
}

/**
 * Saves one setting, already checked against its schema by the contract, and answers every setting
 * as now stored. `settings.changed` goes out after the commit, so whoever reads again sees it.
 */
export async function updateSetting(
  ctx: DeskContext,
  update: SettingUpdate,
): Promise<DeskSettings> {
  const settings = await ctx.gate.transaction(async (tx) => {
    // The union pairs each key with its own value type; TypeScript cannot follow that through.
    const { key, value } = update as { key: SettingKey; value: SettingValue<SettingKey> };
    await setSetting(tx, key, value);
    return readAll(tx);
  });
  ctx.events.emit('settings.changed', { key: update.key });
  return settings;
}

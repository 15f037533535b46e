import type { DeskClient } from '../../../shared/api/client.ts';
import type { BackupStatus } from '../../../shared/api/contract-backup.ts';
import type { Input } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { DeskSettings } from '../../../shared/settings/desk-settings.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

export interface SettingsSlice {
  settings: {
    /** Every setting as the desk stores it; null until it has answered. */
    readonly values: DeskSettings | null;
    readonly error: string | null;
  };
  loadSettings: () => Promise<void>;
  /** Saves one setting; a refusal comes back with its field issues for the form to show. */
  updateSetting: (update: Input<'settings.update'>) => Promise<Result<DeskSettings>>;
  /** Reads the settings again whenever any window saves one; returns the stop. */
  followSettings: () => () => void;
  /** Settings → Backup: the folder and the last automatic backup (Manager only). */
  backup: { readonly status: BackupStatus | null; readonly error: string | null };
  loadBackupStatus: () => Promise<void>;
}

export function createSettingsSlice(client: DeskClient): DeskSlice<SettingsSlice> {
  return (set, get) => ({
    settings: { values: null, error: null },
    backup: { status: null, error: null },

    async loadBackupStatus() {
      const result = await client.call('backup.status', {});
      set((state) => ({
        backup: result.ok
          ? { status: result.value, error: null }
          : { ...state.backup, error: result.error.message },
      }));
    },

    async loadSettings() {
      const result = await client.call('settings.get', {});
      set((state) => ({
        settings: result.ok
          ? { values: result.value, error: null }
          : { ...state.settings, error: result.error.message },
      }));
    },

    async updateSetting(update) {
      const result = await client.call('settings.update', update);
      if (result.ok) set({ settings: { values: result.value, error: null } });
      return result;
    },

    followSettings() {
      return client.on('settings.changed', ({ key }) => {
        void get().loadSettings();
        if (key === 'backup' && get().backup.status !== null) void get().loadBackupStatus();
        // The header and status bar show these through desk.info.
        if (key === 'institution' || key === 'deskName') void get().loadDeskInfo();
      });
    },
  });
}

import type { DeskClient } from '../../../shared/api/client.ts';
import type {
  PartnerConfig,
  RotaTemplate,
  WorkflowProfileRow,
} from '../../../shared/api/contract-config.ts';
import type { Input, Output } from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

/**
 * Settings → Partners and Workflow profiles as a Manager edits them (issue "9 · Configuration").
 * The desk checks every change; this slice keeps the lists and reads them again after a save.
 */
export interface ConfigSlice {
  config: {
    /** Every partner with its ISO account; null until loaded. */
    readonly partners: readonly PartnerConfig[] | null;
    readonly profiles: readonly WorkflowProfileRow[] | null;
    readonly rotas: readonly RotaTemplate[] | null;
    readonly error: string | null;
  };
  loadConfig: () => Promise<void>;
  savePartner: (input: Input<'partners.save'>) => Promise<Result<PartnerConfig>>;
  saveProfile: (input: Input<'profiles.save'>) => Promise<Result<WorkflowProfileRow>>;
  saveRota: (input: Input<'rotas.save'>) => Promise<Result<RotaTemplate>>;
  exportConfig: (input: Input<'config.export'>) => Promise<Result<Output<'config.export'>>>;
}

export function createConfigSlice(client: DeskClient): DeskSlice<ConfigSlice> {
  return (set, get) => {
    const patch = (changes: Partial<ConfigSlice['config']>) =>
      set((state) => ({ config: { ...state.config, ...changes } }));

    return {
      config: { partners: null, profiles: null, rotas: null, error: null },

      async loadConfig() {
        const [partners, profiles, rotas] = await Promise.all([
          client.call('partners.config', {}),
          client.call('profiles.list', {}),
          client.call('rotas.list', {}),
        ]);
        if (!partners.ok) patch({ error: partners.error.message });
        else if (!profiles.ok) patch({ error: profiles.error.message });
        else if (!rotas.ok) patch({ error: rotas.error.message });
        else {
          patch({
            partners: partners.value,
            profiles: profiles.value,
            rotas: rotas.value,
            error: null,
          });
        }
      },

      async savePartner(input) {
        const result = await client.call('partners.save', input);
        if (result.ok) {
          // The plain partner list (and its counts) is what the rest of Settings shows.
          await Promise.all([get().loadConfig(), get().loadPartners()]);
        }
        return result;
      },

      async saveProfile(input) {
        const result = await client.call('profiles.save', input);
        if (result.ok) await get().loadConfig();
        return result;
      },

      async saveRota(input) {
        const result = await client.call('rotas.save', input);
        if (result.ok) await get().loadConfig();
        return result;
      },

      exportConfig(input) {
        return client.call('config.export', input);
      },
    };
  };
}

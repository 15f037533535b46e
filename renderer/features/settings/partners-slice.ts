import type { DeskClient } from '../../../shared/api/client.ts';
import type { PartnerSummary } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

export interface PartnersSlice {
  partners: {
    /** null until the list has arrived. */
    readonly rows: readonly PartnerSummary[] | null;
    readonly loading: boolean;
    readonly error: string | null;
  };
  loadPartners: () => Promise<void>;
}

export function createPartnersSlice(client: DeskClient): DeskSlice<PartnersSlice> {
  return (set) => ({
    partners: { rows: null, loading: false, error: null },
    async loadPartners() {
      set((state) => ({ partners: { ...state.partners, loading: true, error: null } }));
      const result = await client.call('partners.list', {});
      set((state) => ({
        partners: result.ok
          ? { rows: result.value, loading: false, error: null }
          : { rows: state.partners.rows, loading: false, error: result.error.message },
      }));
    },
  });
}

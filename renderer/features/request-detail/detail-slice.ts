import type { DeskClient } from '../../../shared/api/client.ts';
import type { RequestDetail } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import type { ListKind } from '../request-lists/list-query.ts';

export interface DetailSlice {
  detail: {
    /** The request on show; kept while a refresh of the same request is on its way. */
    readonly request: RequestDetail | null;
    readonly loading: boolean;
    readonly error: string | null;
  };
  loadDetail: (kind: ListKind, requestId: string) => Promise<void>;
}

export function createDetailSlice(client: DeskClient): DeskSlice<DetailSlice> {
  let latest = 0;
  return (set) => ({
    detail: { request: null, loading: false, error: null },
    async loadDetail(kind, requestId) {
      const call = ++latest;
      set((state) => {
        const shown = state.detail.request;
        const same = shown?.kind === kind && shown.requestId === requestId;
        return { detail: { request: same ? shown : null, loading: true, error: null } };
      });
      const result = await client.call('requests.detail', { kind, requestId });
      if (call !== latest) return;
      set((state) => ({
        detail: result.ok
          ? { request: result.value, loading: false, error: null }
          : { request: state.detail.request, loading: false, error: result.error.message },
      }));
    },
  });
}

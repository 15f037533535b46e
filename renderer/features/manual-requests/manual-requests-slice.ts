import type { DeskClient } from '../../../shared/api/client.ts';
import type { RequestRota, RotaTemplate } from '../../../shared/api/contract-config.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { Input } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

/** What a manual request form shows after saving: the desk's sentence, or its refusal. */
export interface ManualOutcome {
  readonly ok: boolean;
  readonly message: string;
  /** The field a refusal is about, when it is about one. */
  readonly field?: string | undefined;
}

/**
 * Requests typed in at the desk (issue "9 · Configuration", part 5): a lending request, and a
 * borrowing request for a patron, optionally with a rota and sent to its first lender at once.
 */
export interface ManualRequestsSlice {
  /** The rota templates to choose from (empty when the desk cannot say). */
  listRotas: () => Promise<readonly RotaTemplate[]>;
  /** A borrowing request's rota, and giving it one. */
  requestRota: (requestId: string) => Promise<Result<RequestRota>>;
  setRequestRota: (requestId: string, partners: readonly string[]) => Promise<Result<RequestRota>>;
  createLending: (input: Input<'lending.create'>) => Promise<ManualOutcome>;
  createBorrowing: (
    input: Input<'borrowing.create'>,
    then: { readonly rota: readonly string[]; readonly send: boolean },
  ) => Promise<ManualOutcome>;
}

export function createManualRequestsSlice(client: DeskClient): DeskSlice<ManualRequestsSlice> {
  return () => ({
    async listRotas() {
      const result = await client.call('rotas.list', {});
      return result.ok ? result.value : [];
    },

    requestRota(requestId) {
      return client.call('borrowing.rota', { requestId });
    },

    setRequestRota(requestId, partners) {
      return client.call('borrowing.setRota', { requestId, partners: [...partners] });
    },

    async createLending(input) {
      const result = await client.call('lending.create', input);
      if (!result.ok) {
        return { ok: false, message: result.error.message, field: result.error.issues?.[0]?.path };
      }
      return { ok: true, message: result.value.message };
    },

    async createBorrowing(input, then) {
      const created = await client.call('borrowing.create', input);
      if (!created.ok) {
        return {
          ok: false,
          message: created.error.message,
          field: created.error.issues?.[0]?.path,
        };
      }
      const { requestId } = created.value;
      const said = [created.value.message];
      // Each step is its own change: a refusal after the first says what was done and what was not.
      if (then.rota.length > 0) {
        const rota = await client.call('borrowing.setRota', {
          requestId,
          partners: [...then.rota],
        });
        said.push(rota.ok ? rota.value.message : `The rota was not set: ${rota.error.message}`);
      }
      if (then.send) {
        const sent = await client.call('requests.act', {
          kind: 'borrowing',
          requestId,
          action: 'SEND',
        });
        said.push(sent.ok ? sent.value.message : `It was not sent: ${sent.error.message}`);
      }
      return { ok: true, message: said.join(' ') };
    },
  });
}

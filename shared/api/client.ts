import type { EventName, EventPayload, Input, Method, Output } from './contract.ts';
import type { Result } from './result.ts';

/** What the renderer (and tests) talk to, whichever transport is underneath. */
export interface DeskClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

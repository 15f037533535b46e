import type { DeskClient } from '../../../shared/api/client.ts';
import type {
  EventName,
  EventPayload,
  Input,
  Method,
  Output,
} from '../../../shared/api/contract.ts';
import type { Result } from '../../../shared/api/result.ts';

type Answer<M extends Method> = (input: Input<M>) => Result<Output<M>> | Promise<Result<Output<M>>>;

/**
 * A DeskClient standing in for the transport in store tests: answers each method from a function
 * the test gives, records every call, and lets the test push events.
 */
export class FakeDeskClient implements DeskClient {
  readonly calls: { method: Method; input: unknown }[] = [];
  private readonly answers = new Map<Method, (input: unknown) => unknown>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  answer<M extends Method>(method: M, answer: Answer<M>): this {
    this.answers.set(method, answer as (input: unknown) => unknown);
    return this;
  }

  async call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    this.calls.push({ method, input });
    const answer = this.answers.get(method);
    if (!answer)
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No answer for ${method}` } };
    return (await answer(input)) as Result<Output<M>>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  callsOf(method: Method): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.input);
  }
}

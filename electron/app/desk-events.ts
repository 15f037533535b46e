import type { EventName, EventPayload } from '../../shared/api/contract.ts';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** Pushed events (HID scans, print status, request changes), fanned out to every window. */
export interface DeskEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
  /** Every event, for transports that forward all of them (IPC, server-sent events). */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
}

export function createDeskEvents(): DeskEvents {
  const any = new Set<(event: EventName, payload: unknown) => void>();
  const byName = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    emit(event, payload) {
      for (const listener of byName.get(event) ?? []) listener(payload);
      for (const listener of any) listener(event, payload);
    },
    on(event, listener) {
      const set = byName.get(event) ?? new Set();
      byName.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    onAny(listener) {
      any.add(listener);
      return () => any.delete(listener);
    },
  };
}

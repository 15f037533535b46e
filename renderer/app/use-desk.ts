import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DeskState } from './desk-state.ts';
import type { DeskStore } from './desk-store.ts';

export const DeskStoreContext = createContext<DeskStore | null>(null);

export function useDeskStore(): DeskStore {
  const store = useContext(DeskStoreContext);
  if (!store) throw new Error('useDesk needs the DeskStoreContext that App provides.');
  return store;
}

/** Reads from the desk store; the selector must return stored values, not fresh objects. */
export function useDesk<T>(selector: (state: DeskState) => T): T {
  return useStore(useDeskStore(), selector);
}

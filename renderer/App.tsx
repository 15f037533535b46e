import { DeskLayout } from './app/DeskLayout.tsx';
import type { DeskStore } from './app/desk-store.ts';
import { DeskStoreContext } from './app/use-desk.ts';

/** The desk's root: give it the store createDeskStore built around this window's client. */
export function App({ store }: { store: DeskStore }) {
  return (
    <DeskStoreContext value={store}>
      <DeskLayout />
    </DeskStoreContext>
  );
}

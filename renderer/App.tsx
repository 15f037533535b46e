import type { DeskStore } from './app/desk-store.ts';
import { DeskStoreContext } from './app/use-desk.ts';
import { SignInGate } from './features/operators/SignInGate.tsx';

/**
 * The desk's root: give it the store createDeskStore built around this window's client. The
 * sign-in screen stands in for the desk while operators exist and nobody is signed in here.
 */
export function App({ store }: { store: DeskStore }) {
  return (
    <DeskStoreContext value={store}>
      <SignInGate />
    </DeskStoreContext>
  );
}

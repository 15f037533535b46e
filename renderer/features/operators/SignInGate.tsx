import { useEffect } from 'react';
import { DeskLayout } from '../../app/DeskLayout.tsx';
import { useDesk, useDeskStore } from '../../app/use-desk.ts';
import { needsSignIn } from './operators-slice.ts';
import { SignInScreen } from './SignInScreen.tsx';

/**
 * The desk, or the sign-in screen in its place when operators exist and nobody is signed in at
 * this window. A desk with no operators (setup mode) opens straight onto its screens, as before.
 * Should the desk not answer who is signed in, the desk is shown and says it is not reachable.
 */
export function SignInGate() {
  const store = useDeskStore();
  const known = useDesk(
    (state) => state.operators.session !== null || state.operators.sessionError !== null,
  );
  const signIn = useDesk(needsSignIn);

  useEffect(() => {
    void store.getState().loadSession();
  }, [store]);

  if (!known) {
    return (
      <p className="connecting" role="status">
        Connecting to the desk…
      </p>
    );
  }
  return signIn ? <SignInScreen /> : <DeskLayout />;
}

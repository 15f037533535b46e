import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLE_LABELS, type Operator } from '../../../shared/api/contract-operators.ts';
import { DeskHeader } from '../../app/DeskHeader.tsx';
import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';

/**
 * Who is at the desk: staff choose their name; an operator with a PIN types it (Enter signs in).
 * The desk says why a sign-in was refused, or why this window was signed out.
 */
export function SignInScreen() {
  const roster = useDesk((state) => state.operators.roster);
  const notice = useDesk((state) => state.operators.notice);
  const signingIn = useDesk((state) => state.operators.signingIn);
  const loadRoster = useDesk((state) => state.loadRoster);
  const loadDeskInfo = useDesk((state) => state.loadDeskInfo);
  const signIn = useDesk((state) => state.signIn);
  const clearNotice = useDesk((state) => state.clearSignInNotice);
  const [chosen, setChosen] = useState<Operator | null>(null);

  useEffect(() => {
    void loadRoster();
    void loadDeskInfo();
  }, [loadRoster, loadDeskInfo]);

  function choose(operator: Operator): void {
    if (chosen?.id !== operator.id) clearNotice();
    if (operator.hasPin) setChosen(operator);
    else void signIn(operator.id);
  }

  return (
    <div className="sign-in-desk">
      <DeskHeader />
      <main className="desk-main sign-in">
        <ScreenHeading>Sign in</ScreenHeading>
        <p className="lead">Choose your name to work at this desk.</p>
        {notice !== null && <ErrorAlert message={notice} />}
        {roster === null ? (
          <p className="muted">Loading the operators…</p>
        ) : (
          <ul className="operator-roster" aria-label="Operators">
            {roster.map((operator) => (
              <li key={operator.id}>
                <button
                  type="button"
                  className={chosen?.id === operator.id ? undefined : 'secondary'}
                  aria-pressed={chosen?.id === operator.id}
                  disabled={signingIn}
                  onClick={() => choose(operator)}
                >
                  <span className="operator-name">{operator.name}</span>
                  <span className="operator-role">{ROLE_LABELS[operator.role]}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {chosen && (
          <PinForm
            key={chosen.id}
            operator={chosen}
            busy={signingIn}
            onSubmit={(pin) => signIn(chosen.id, pin)}
            onCancel={() => {
              clearNotice();
              setChosen(null);
            }}
          />
        )}
      </main>
    </div>
  );
}

/** The PIN of the operator chosen; a refused PIN is cleared for the next try. */
function PinForm({
  operator,
  busy,
  onSubmit,
  onCancel,
}: {
  operator: Operator;
  busy: boolean;
  onSubmit: (pin: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [pin, setPin] = useState('');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    field.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (await onSubmit(pin)) return;
    setPin('');
    field.current?.focus();
  }

  return (
    <form
      className="settings-form pin-form"
      aria-label={`Sign in as ${operator.name}`}
      onSubmit={(event) => void submit(event)}
    >
      <div className="settings-field">
        <label htmlFor="sign-in-pin">PIN for {operator.name}</label>
        <input
          ref={field}
          id="sign-in-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(event) => setPin(event.target.value)}
        />
      </div>
      <p className="form-buttons">
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Choose someone else
        </button>
      </p>
    </form>
  );
}

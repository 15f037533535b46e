import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import {
  SCANNER_TEXT,
  deskNameText,
  modeText,
  operatorText,
  printerText,
} from './status-bar-selectors.ts';

/** The desk's state at a glance: which desk, who is signed in, printer, scanner, mode. */
export function StatusBar() {
  const desk = useDesk((state) => state.desk);
  const printStatus = useDesk((state) => state.printing.status);
  const loadPrintStatus = useDesk((state) => state.loadPrintStatus);
  const reprint = useDesk((state) => state.reprint);
  const session = useDesk((state) => state.operators.session);
  const signOut = useDesk((state) => state.signOut);

  useEffect(() => {
    void loadPrintStatus();
  }, [loadPrintStatus]);

  const items: [string, string][] = [
    ['Desk', deskNameText(desk)],
    ['Operator', operatorText(session)],
    ['Printer', printerText(printStatus, desk)],
    ['Scanner', SCANNER_TEXT],
    ['Mode', modeText(desk)],
  ];
  return (
    <footer className="status-bar">
      <dl>
        {items.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="status-actions">
        {session?.operator && (
          <button type="button" className="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        )}
        <button
          type="button"
          className="secondary"
          aria-keyshortcuts="F9"
          onClick={() => void reprint()}
        >
          Reprint last slip (F9)
        </button>
      </div>
    </footer>
  );
}

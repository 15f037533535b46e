import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { messagesStatusText } from '../messages/messages-selectors.ts';
import {
  SCANNER_TEXT,
  deskNameText,
  modeText,
  operatorText,
  printerText,
} from './status-bar-selectors.ts';

/** The desk's state at a glance: which desk, who is signed in, printer, partner messages, scanner, mode. */
export function StatusBar() {
  const desk = useDesk((state) => state.desk);
  const printStatus = useDesk((state) => state.printing.status);
  const loadPrintStatus = useDesk((state) => state.loadPrintStatus);
  const messagesStatus = useDesk((state) => state.messages.status);
  const loadMessagesStatus = useDesk((state) => state.loadMessagesStatus);
  const reprint = useDesk((state) => state.reprint);
  const session = useDesk((state) => state.operators.session);
  const signOut = useDesk((state) => state.signOut);

  useEffect(() => {
    void loadPrintStatus();
  }, [loadPrintStatus]);

  useEffect(() => {
    void loadMessagesStatus();
  }, [loadMessagesStatus]);

  const items: [string, string][] = [
    ['Desk', deskNameText(desk)],
    ['Operator', operatorText(session)],
    ['Printer', printerText(printStatus, desk)],
    ['Messages', messagesStatusText(messagesStatus)],
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

import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import {
  NO_OPERATOR,
  SCANNER_TEXT,
  deskNameText,
  modeText,
  printerText,
} from './status-bar-selectors.ts';

/** The desk's state at a glance: which desk, who is signed in, printer, scanner, mode. */
export function StatusBar() {
  const desk = useDesk((state) => state.desk);
  const printStatus = useDesk((state) => state.printing.status);
  const loadPrintStatus = useDesk((state) => state.loadPrintStatus);
  const reprint = useDesk((state) => state.reprint);

  useEffect(() => {
    void loadPrintStatus();
  }, [loadPrintStatus]);

  const items: [string, string][] = [
    ['Desk', deskNameText(desk)],
    ['Operator', NO_OPERATOR],
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
      <button
        type="button"
        className="secondary"
        aria-keyshortcuts="F9"
        onClick={() => void reprint()}
      >
        Reprint last slip (F9)
      </button>
    </footer>
  );
}

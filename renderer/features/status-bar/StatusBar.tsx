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
  const items: [string, string][] = [
    ['Desk', deskNameText(desk)],
    ['Operator', NO_OPERATOR],
    ['Printer', printerText(desk)],
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
    </footer>
  );
}

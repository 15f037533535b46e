import { deskNameText } from '../features/status-bar/status-bar-selectors.ts';
import { useDesk } from './use-desk.ts';

/** The banner across the top: the app and which desk this is (the desk and the sign-in screen). */
export function DeskHeader() {
  const desk = useDesk((state) => state.desk);
  return (
    <header className="desk-header">
      <span className="app-name">RS Desk</span>
      <span className="header-desk-name">{deskNameText(desk)}</span>
    </header>
  );
}

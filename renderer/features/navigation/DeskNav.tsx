import type { MouseEvent } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { SCREENS, hashOf, type ScreenId } from './screens.ts';

/** The desk's screens; the entries' names are a contract (DESIGN.md §1). */
export function DeskNav() {
  const screen = useDesk((state) => state.screen);
  const goTo = useDesk((state) => state.goTo);

  function follow(event: MouseEvent<HTMLAnchorElement>, id: ScreenId): void {
    // A new tab or window (Ctrl/Cmd/Shift/middle click) keeps the browser's own behaviour.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    goTo(id);
  }

  return (
    <nav aria-label="Desk screens" className="desk-nav">
      <ul>
        {SCREENS.map((entry, index) => (
          <li key={entry.id}>
            <a
              href={hashOf(entry.id)}
              aria-current={entry.id === screen ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
              onClick={(event) => follow(event, entry.id)}
            >
              {entry.name}
            </a>
            <kbd aria-hidden="true">Alt+{index + 1}</kbd>
          </li>
        ))}
      </ul>
    </nav>
  );
}

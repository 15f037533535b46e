import type { ReactNode } from 'react';

/**
 * The view's one h1. It can take focus (tabIndex -1) so the layout can move focus to it when the
 * view changes, and a screen reader starts reading at the new view.
 */
export function ScreenHeading({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h1 tabIndex={-1} className="screen-heading" id={id}>
      {children}
    </h1>
  );
}

import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LendingTaskRow } from '../../../shared/api/contract-lending-tasks.ts';
import {
  LENDING_ROW_ACTIONS,
  type LendingRowAction,
} from '../../../shared/domain/lending-tasks.ts';
import { useDesk } from '../../app/use-desk.ts';
import { restoreActionFocusIfLost } from './action-focus.ts';
import { isImmediate, type LendingActionTarget } from './lending-action-kinds.ts';
import { menuMove } from './menu-keys.ts';

/** The row actions menu of a Lending Requests row. */
export function LendingRowActionsMenu({ row }: { readonly row: LendingTaskRow }) {
  return <LendingActionsMenu target={row} />;
}

/**
 * "Actions for L-2001": a menu button whose menu holds exactly the actions the desk offers this
 * operator on this request (role, status and the partner's workflow profile decided them). The
 * menu opens in the top layer, so a scrolling list never clips it, and follows its button when
 * the list scrolls; it closes on Escape, Tab, a choice or a click elsewhere.
 */
export function LendingActionsMenu({ target }: { readonly target: LendingActionTarget }) {
  const choose = useDesk((state) => state.chooseLendingAction);
  const running = useDesk((state) => state.lendingActions.running);
  const refused = useDesk((state) => state.lendingActions.refused);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  // Space chooses on keydown and focus is back on the button before its keyup, which would
  // otherwise press the button and open the menu again.
  const swallowSpaceUp = useRef(false);
  const menuId = useId();
  const { requestId, actions } = target;
  const busy = running?.requestId === requestId;

  useLayoutEffect(() => {
    const list = menu.current;
    const anchor = button.current;
    if (!open || !list || !anchor) return;
    if (!list.matches(':popover-open')) list.showPopover();
    // The menu follows its button when the list or the page scrolls, or the window resizes.
    const place = () => placeBelow(list, anchor);
    place();
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!list.contains(target) && !anchor.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside, true);
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      document.removeEventListener('pointerdown', closeOutside, true);
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open]);

  useEffect(() => {
    if (open) items.current[active]?.focus({ preventScroll: true });
  }, [open, active]);

  if (actions.length === 0) return null;

  function openAt(index: number): void {
    setActive(index);
    setOpen(true);
  }

  function take(action: LendingRowAction): void {
    setOpen(false);
    button.current?.focus();
    // A dialog puts focus back itself when it closes; Ship item leaves for Shipping Items.
    const backHere = isImmediate(action) && action !== 'SHIP';
    void choose(target, action).then(() => {
      if (backHere) restoreActionFocusIfLost(requestId);
    });
  }

  function onButtonKey(event: KeyboardEvent<HTMLButtonElement>): void {
    swallowSpaceUp.current = false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : actions.length - 1);
    }
  }

  function onMenuKey(event: KeyboardEvent<HTMLUListElement>): void {
    const move = menuMove(event.key, active, actions.length);
    if (!move) return;
    if (move.kind === 'close' && !move.backToButton) {
      setOpen(false);
      return;
    }
    // Escape must not also leave the detail view, nor Space scroll the page.
    event.preventDefault();
    event.stopPropagation();
    if (move.kind === 'focus') setActive(move.index);
    else if (move.kind === 'close') {
      setOpen(false);
      button.current?.focus();
    } else {
      const action = actions[active];
      swallowSpaceUp.current = event.key === ' ';
      if (action) take(action);
    }
  }

  return (
    <span className="row-actions">
      <button
        ref={button}
        type="button"
        className="secondary row-actions-button"
        data-lending-actions={requestId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={onButtonKey}
        onKeyUp={(event) => {
          if (event.key === ' ' && swallowSpaceUp.current) event.preventDefault();
          swallowSpaceUp.current = false;
        }}
      >
        {busy ? 'Working…' : 'Actions'}
        <span className="visually-hidden"> for {requestId}</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          popover="manual"
          role="menu"
          aria-label={`Actions for ${requestId}`}
          className="row-actions-menu"
          onKeyDown={onMenuKey}
          onBlur={(event) => {
            if (!menu.current?.contains(event.relatedTarget)) setOpen(false);
          }}
        >
          {actions.map((action, index) => (
            <li
              key={action}
              ref={(element) => {
                items.current[index] = element;
              }}
              role="menuitem"
              tabIndex={-1}
              aria-haspopup={isImmediate(action) ? undefined : 'dialog'}
              onClick={() => take(action)}
              onPointerMove={() => {
                if (index !== active) setActive(index);
              }}
            >
              {LENDING_ROW_ACTIONS[action]}
            </li>
          ))}
        </ul>
      )}
      {refused?.requestId === requestId && (
        <span role="alert" className="row-action-refused">
          {refused.message}
        </span>
      )}
    </span>
  );
}

/** Under the button, right edges aligned; above it when there is no room below. */
function placeBelow(list: HTMLElement, anchor: HTMLElement): void {
  const margin = 8;
  const at = anchor.getBoundingClientRect();
  const size = list.getBoundingClientRect();
  const fitsBelow = at.bottom + 2 + size.height <= window.innerHeight - margin;
  const top = fitsBelow ? at.bottom + 2 : Math.max(margin, at.top - 2 - size.height);
  const left = Math.min(
    Math.max(margin, at.right - size.width),
    window.innerWidth - size.width - margin,
  );
  list.style.top = `${top}px`;
  list.style.left = `${left}px`;
}

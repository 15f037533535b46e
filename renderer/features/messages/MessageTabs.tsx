import { useRef, type KeyboardEvent } from 'react';
import type { MessageState } from '../../../shared/api/contract-messages.ts';
import { MESSAGE_TABS, tabCount, type MessageTab } from './messages-selectors.ts';

export const messageTabId = (tab: MessageTab) => `message-tab-${tab.toLowerCase()}`;

/**
 * The Partner Messages tabs by state, each with its count. ARIA tabs: one tab stop; arrow keys,
 * Home and End move between tabs and show the one reached.
 */
export function MessageTabs({
  current,
  counts,
  panelId,
  onShow,
}: {
  current: MessageTab;
  counts: Readonly<Record<MessageState, number>> | null;
  panelId: string;
  onShow: (tab: MessageTab) => void;
}) {
  const list = useRef<HTMLDivElement>(null);

  function keyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const at = MESSAGE_TABS.findIndex((t) => t.tab === current);
    const last = MESSAGE_TABS.length - 1;
    const to: Record<string, number> = {
      ArrowRight: at === last ? 0 : at + 1,
      ArrowLeft: at === 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    const next = MESSAGE_TABS[to[event.key] ?? -1];
    if (!next) return;
    event.preventDefault();
    onShow(next.tab);
    list.current?.querySelector<HTMLElement>(`#${messageTabId(next.tab)}`)?.focus();
  }

  return (
    <div
      ref={list}
      role="tablist"
      aria-label="Partner messages by state"
      className="task-tabs"
      onKeyDown={keyDown}
    >
      {MESSAGE_TABS.map(({ tab, label }) => {
        const selected = tab === current;
        const count = tabCount(counts, tab);
        return (
          <button
            key={tab}
            id={messageTabId(tab)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className="task-tab"
            onClick={() => {
              if (!selected) onShow(tab);
            }}
          >
            {label}
            {count !== null && <span className="tab-count"> ({count})</span>}
          </button>
        );
      })}
    </div>
  );
}

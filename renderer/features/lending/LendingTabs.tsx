import { useRef, type KeyboardEvent } from 'react';
import type { LendingTab } from '../../../shared/domain/lending-tasks.ts';
import type { TabOnShow } from './lending-tasks-selectors.ts';

/**
 * The task list's tabs by assignment (All tasks, Assigned to Me, Unassigned, Assigned to Others),
 * each with its count; the count is marked when the tab holds requests (the seed's indicator).
 * ARIA tabs: one tab stop, arrow keys, Home and End move between tabs and show the one reached.
 */
export function LendingTabs({
  tabs,
  current,
  panelId,
  tabId,
  onShow,
}: {
  tabs: readonly TabOnShow[];
  current: LendingTab;
  panelId: string;
  tabId: (tab: LendingTab) => string;
  onShow: (tab: LendingTab) => void;
}) {
  const list = useRef<HTMLDivElement>(null);

  function keyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const at = tabs.findIndex((t) => t.tab === current);
    const to: Record<string, number> = {
      ArrowRight: (at + 1) % tabs.length,
      ArrowLeft: (at - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = tabs[to[event.key] ?? -1];
    if (!next) return;
    event.preventDefault();
    onShow(next.tab);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(next.tab))}`)?.focus();
  }

  return (
    <div
      ref={list}
      role="tablist"
      aria-label="Lending tasks by assignment"
      className="task-tabs"
      onKeyDown={keyDown}
    >
      {tabs.map(({ tab, label, count }) => {
        const selected = tab === current;
        return (
          <button
            key={tab}
            id={tabId(tab)}
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
            {count !== null && (
              <span className={count > 0 ? 'tab-count has-requests' : 'tab-count'}> ({count})</span>
            )}
          </button>
        );
      })}
    </div>
  );
}

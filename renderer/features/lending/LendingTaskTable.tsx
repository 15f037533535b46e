import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { LendingTaskRow } from '../../../shared/api/contract-lending-tasks.ts';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { LendingRowActionsMenu } from '../lending-actions/LendingRowActionsMenu.tsx';
import { RequestIdButton } from '../request-lists/RequestIdButton.tsx';
import { canLoadMore } from '../request-lists/list-selectors.ts';
import { isChosen, type LendingFilters } from './lending-tasks-query.ts';
import { allShownChosen, alertsText, printedText } from './lending-tasks-selectors.ts';

/** Actions sit beside the Request ID: the row's work is at hand without scrolling sideways. */
const COLUMNS = [
  'Request ID',
  'Actions',
  'External Identifier',
  'Title',
  'Partner',
  'Status',
  'Assigned to',
  'Location',
  'Call number',
  'Needed by',
  'Due date',
  'Printed/Reported',
  'Alerts',
] as const;
/** A row's height before it is measured (a line or two); rows are measured as they render. */
const ROW_ESTIMATE = 48;
/** The next page is asked for when the last rendered row is this close to the end. */
const LOAD_AHEAD = 15;

/**
 * Where the list was scrolled when the screen last closed, and under which filters: coming back
 * from a request's detail view lands on the same rows, so focus can return to the request's row.
 */
const lastPlace: { filters: LendingFilters | null; offset: number } = { filters: null, offset: 0 };

/**
 * The task list's rows in a real table whose body is virtualised: only the rows in view (and a
 * few either side) are in the page, between two spacer rows that keep the scroll height, so 100,000
 * requests scroll as easily as ten. The next keyset page loads as the end comes into view.
 */
export function LendingTaskTable() {
  const list = useDesk((state) => state.lending);
  const open = useDesk((state) => state.openRequestDetail);
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, filters, loadMore } = list;
  const startAt = lastPlace.filters === filters ? lastPlace.offset : 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- the compiler rightly declines to memoise a virtualizer (it mutates itself as the reader scrolls); nothing here is memoised
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => rows[index]?.requestId ?? index,
    overscan: 8,
    initialOffset: startAt,
    // Before the first measure, assume a screenful so the first render already has rows to focus.
    initialRect: { width: 1200, height: 720 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const nearEnd = lastIndex >= rows.length - LOAD_AHEAD;
  const more = nearEnd && canLoadMore(list);

  useEffect(() => {
    if (more) void loadMore();
  }, [more, loadMore]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = startAt;
    return () => {
      lastPlace.filters = filters;
      lastPlace.offset = element.scrollTop;
    };
    // Only on mount and when the filters change (startAt follows them): later scrolling is the reader's.
  }, [filters, startAt]);

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const allChosen = allShownChosen(list);
  return (
    <div ref={scroller} className="task-scroll">
      <table
        className="results task-table"
        aria-rowcount={list.total !== null ? list.total + 1 : undefined}
      >
        <caption className="visually-hidden">Lending requests</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="select-cell">
              <input
                type="checkbox"
                aria-label="Choose all requests on show"
                checked={allChosen}
                onChange={() => list.chooseShown(!allChosen)}
              />
            </th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && <SpacerRow height={top} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TaskRow
                key={item.key}
                row={row}
                index={item.index}
                chosen={isChosen(list.chosen, row.requestId)}
                onChoose={() => list.toggleChosen(row.requestId)}
                onOpen={() => open('lending', row.requestId)}
                measure={virtualizer.measureElement}
              />
            );
          })}
          {bottom > 0 && <SpacerRow height={bottom} />}
        </tbody>
      </table>
    </div>
  );
}

/** Keeps the scroll height of the rows not in the page; hidden from assistive technology. */
function SpacerRow({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="spacer-row">
      <td colSpan={COLUMNS.length + 1} style={{ height }} />
    </tr>
  );
}

function TaskRow({
  row,
  index,
  chosen,
  onChoose,
  onOpen,
  measure,
}: {
  row: LendingTaskRow;
  index: number;
  chosen: boolean;
  onChoose: () => void;
  onOpen: () => void;
  measure: (element: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      className={
        [index % 2 === 1 ? 'striped' : '', chosen ? 'chosen' : ''].join(' ').trim() || undefined
      }
    >
      <td className="select-cell">
        <input
          type="checkbox"
          aria-label={`Choose ${row.requestId}`}
          checked={chosen}
          onChange={onChoose}
        />
      </td>
      <td>
        <RequestIdButton requestId={row.requestId} onOpen={onOpen} />
      </td>
      <td>
        <LendingRowActionsMenu row={row} />
      </td>
      <td className="code">{row.externalId}</td>
      <td className="wrap-cell title-cell">{row.title}</td>
      <td className="wrap-cell">{row.partnerName}</td>
      <td>{row.statusLabel}</td>
      <td>{row.assignedTo ?? ''}</td>
      <td>{row.location ?? ''}</td>
      <td className="code">{row.callNumber ?? ''}</td>
      <td className="nowrap">
        <DateText value={row.neededBy} empty="" />
      </td>
      <td className="nowrap">
        <DateText value={row.dueDate} empty="" />
      </td>
      <td>{printedText(row)}</td>
      <td>{alertsText(row.alerts)}</td>
    </tr>
  );
}

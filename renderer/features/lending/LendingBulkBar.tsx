import { useId, useRef, useState } from 'react';
import { LENDING_STATUSES } from '../../../shared/domain/statuses.ts';
import { useDesk } from '../../app/use-desk.ts';
import { BulkDialog, ChangeStatusDialog, ReportDialog, chosenWords } from './BulkDialogs.tsx';
import { saveDownload } from './download-file.ts';
import { chosenCount, selectionOf } from './lending-tasks-query.ts';
import { canChooseAllMatching, choiceText, viewerIsManager } from './lending-tasks-selectors.ts';

type Asking = 'changeStatus' | 'report' | 'remove' | 'removeAlerts';

/** "Print pull slips (3)" */
export function pullSlipLabel(count: number): string {
  return count === 0 ? 'Print pull slips' : `Print pull slips (${count})`;
}

/**
 * The bulk actions over the chosen rows or all matching: Print pull slips, Change Status, Print
 * Slip Report, Remove Requests (Managers) and Remove Alerts; all but pull slips ask first.
 */
export function LendingBulkBar() {
  const list = useDesk((state) => state.lending);
  const bulk = useDesk((state) => state.lendingBulk);
  const announce = useDesk((state) => state.announce);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [status, setStatus] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  const statusSelect = useRef<HTMLSelectElement>(null);
  const id = useId();

  const count = chosenCount(list.chosen, list.total);
  const matching = list.chosen.mode === 'matching';
  const picked = selectionOf(list.chosen, list.filters, list.total);
  const blocked = 'refusal' in picked ? picked.refusal : null;
  const unavailable = blocked !== null || bulk.busy !== null;

  /** Opens a confirmation unless nothing can be done; focus comes back to the button after. */
  function ask(what: Asking, button: HTMLElement): void {
    if (blocked !== null) {
      announce(blocked);
      return;
    }
    if (bulk.busy !== null) return;
    if (what === 'changeStatus' && !status) {
      announce('Choose the new status first, then Change Status.');
      statusSelect.current?.focus();
      return;
    }
    opener.current = button;
    setAsking(what);
  }
  const close = () => setAsking(null);
  const dialogProps = {
    count,
    matching,
    busy: bulk.busy !== null,
    onCancel: close,
    restoreFocus: () => opener.current?.focus(),
  };

  return (
    <div className="bulk-actions" role="group" aria-label="Actions on chosen requests">
      <p className="bulk-choice">
        <span>{choiceText(list)}</span>
        {canChooseAllMatching(list) && (
          <button type="button" className="link-button" onClick={list.chooseAllMatching}>
            Choose all {list.total} matching
          </button>
        )}
        {count > 0 && (
          <button type="button" className="link-button" onClick={list.clearChoice}>
            Clear choice
          </button>
        )}
      </p>
      <div className="bulk-buttons">
        <button
          type="button"
          aria-disabled={unavailable}
          aria-describedby={`${id}-hint`}
          onClick={() => {
            if (blocked !== null) announce(blocked);
            else if (bulk.busy === null) void bulk.printPullSlips();
          }}
        >
          {bulk.busy === 'pullSlips' ? 'Printing pull slips…' : pullSlipLabel(count)}
        </button>
        <span className="bulk-status">
          <label htmlFor={`${id}-status`}>New status</label>
          <select
            id={`${id}-status`}
            ref={statusSelect}
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">Choose a status</option>
            {Object.entries(LENDING_STATUSES).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-disabled={unavailable}
            aria-describedby={`${id}-hint`}
            onClick={(event) => ask('changeStatus', event.currentTarget)}
          >
            Change Status
          </button>
        </span>
        <button
          type="button"
          aria-disabled={unavailable}
          aria-describedby={`${id}-hint`}
          onClick={(event) => ask('report', event.currentTarget)}
        >
          Print Slip Report
        </button>
        <button
          type="button"
          className="secondary"
          aria-disabled={unavailable}
          aria-describedby={`${id}-hint`}
          onClick={(event) => ask('removeAlerts', event.currentTarget)}
        >
          Remove Alerts
        </button>
        {viewerIsManager(list) && (
          <button
            type="button"
            className="secondary"
            aria-disabled={unavailable}
            aria-describedby={`${id}-hint`}
            onClick={(event) => ask('remove', event.currentTarget)}
          >
            Remove Requests
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="muted bulk-hint">
        {blocked ??
          (count > 0
            ? 'Pull slips print in location and call number order, in one job.'
            : 'Choose requests with their check boxes, or all matching.')}
      </p>
      {bulk.outcome && bulk.outcome.skipped.length > 0 && (
        <details className="bulk-skipped">
          <summary>
            {bulk.outcome.skipped.length} left as{' '}
            {bulk.outcome.skipped.length === 1 ? 'it was' : 'they were'}
          </summary>
          <ul>
            {bulk.outcome.skipped.map((skip) => (
              <li key={skip.requestId}>
                <span className="code">{skip.requestId}</span>: {skip.reason}
              </li>
            ))}
          </ul>
        </details>
      )}

      {asking === 'changeStatus' && (
        <ChangeStatusDialog
          {...dialogProps}
          status={status}
          onConfirm={(note) => {
            void bulk.changeStatus(status, note).then(close);
          }}
        />
      )}
      {asking === 'report' && (
        <ReportDialog
          {...dialogProps}
          onConfirm={(format) => {
            void bulk.report(format).then((file) => {
              if (file) saveDownload(file);
              close();
            });
          }}
        />
      )}
      {asking === 'remove' && (
        <BulkDialog
          {...dialogProps}
          title="Remove Requests"
          confirmLabel="Remove"
          onConfirm={() => void bulk.remove().then(close)}
        >
          <p className="dialog-lead">
            Remove {chosenWords(count, matching)} from the task list and the scan screens? Only
            closed requests (Request completed, Shipped digitally, Rejected, Cancelled, Expired) are
            removed; their history stays.
          </p>
        </BulkDialog>
      )}
      {asking === 'removeAlerts' && (
        <BulkDialog
          {...dialogProps}
          title="Remove Alerts"
          confirmLabel="Remove alerts"
          onConfirm={() => void bulk.removeAlerts().then(close)}
        >
          <p className="dialog-lead">
            Clear the alerts of {chosenWords(count, matching)}? The requests themselves stay as they
            are.
          </p>
        </BulkDialog>
      )}
    </div>
  );
}

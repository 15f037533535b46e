import { useRef, type ReactNode } from 'react';
import type { LendingTaskDetail } from '../../../shared/api/contract-lending-tasks.ts';
import { REJECT_REASONS, formatLabel } from '../../../shared/domain/lending-tasks.ts';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ModalDialog } from '../../ui/ModalDialog.tsx';
import { restoreActionFocus } from './action-focus.ts';
import { RequestLine } from './ActionDialogFrame.tsx';
import type { LendingActionDialog } from './lending-actions-slice.ts';

/**
 * More details (seed): what the task list's row does not show — assignment, formats, the
 * condition or reject reason, printed and reported, the alerts — and the way to the request's
 * full record and history.
 */
export function MoreDetailsDialog({ dialog }: { dialog: LendingActionDialog }) {
  const close = useDesk((state) => state.closeLendingAction);
  const openDetail = useDesk((state) => state.openRequestDetail);
  const openRequest = useDesk((state) => state.openRequest);
  const closeButton = useRef<HTMLButtonElement>(null);
  const { target, task, loading, error } = dialog;
  const inDetailView =
    openRequest?.kind === 'lending' && openRequest.requestId === target.requestId;

  return (
    <ModalDialog
      title={`More details: ${target.requestId}`}
      initialFocus={closeButton}
      onCancel={close}
      restoreFocus={() => restoreActionFocus(target.requestId)}
      className="action-dialog"
    >
      <RequestLine target={target} />
      {loading && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      {task && <TaskFacts task={task} />}
      <div className="dialog-buttons">
        <button type="button" ref={closeButton} onClick={close}>
          Close
        </button>
        {!inDetailView && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              close();
              openDetail('lending', target.requestId);
            }}
          >
            Open the request and its history
          </button>
        )}
      </div>
    </ModalDialog>
  );
}

function TaskFacts({ task }: { task: LendingTaskDetail }) {
  const facts: [string, ReactNode][] = [
    ['Assigned to', task.assignedTo?.name ?? 'Unassigned'],
    ['Requested format', formatLabel(task.requestedFormat)],
    ['Supplied format', formatLabel(task.suppliedFormat)],
    ['Level of service', task.levelOfService ?? 'Not set'],
    ['Pull slip', task.printed ? 'Printed' : 'Not printed'],
    ['Slip report', task.reported ? 'Reported' : 'Not reported'],
  ];
  if (task.shippingCost !== null) facts.push(['Shipping cost', task.shippingCost.toFixed(2)]);
  if (task.conditionReason !== null) facts.push(['Condition', task.conditionReason]);
  if (task.replyBy !== null) facts.push(['Date for reply', <DateText value={task.replyBy} />]);
  if (task.rejectReason !== null) {
    const label = (REJECT_REASONS as Record<string, string>)[task.rejectReason];
    facts.push(['Reject reason', label ?? task.rejectReason]);
  }
  if (task.candidates.length > 0) {
    facts.push(['Locate found', `${task.candidates.length} items to choose from (use Locate)`]);
  }
  return (
    <>
      <dl className="dialog-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="dialog-subheading">Alerts</h3>
      {task.alerts.length === 0 ? (
        <p>No alerts.</p>
      ) : (
        <ul className="action-alerts" aria-label="Alerts">
          {task.alerts.map((alert) => (
            <li key={alert.id}>
              {alert.message}{' '}
              <span className="muted">
                (<DateText value={alert.at} instant />)
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

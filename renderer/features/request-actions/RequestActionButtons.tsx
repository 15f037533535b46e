import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import type { ListKind } from '../request-lists/list-query.ts';
import { rowActions } from './request-actions.ts';

/**
 * A request's row actions (Loan to patron, Returned by patron) as its status allows them; in the
 * list, a screen reader names the row's request with its table cell. `onDone` runs after the desk
 * did it and the list or detail was read again (to put focus somewhere that still exists).
 */
export function RequestActionButtons({
  kind,
  requestId,
  status,
  onDone,
}: {
  kind: ListKind;
  requestId: string;
  status: string;
  onDone: () => void;
}) {
  const act = useDesk((state) => state.actOnRequest);
  const busy = useDesk((state) => state.requestActions.busy);
  const actions = rowActions(kind, status);
  if (actions.length === 0) return null;
  return (
    <span className="request-actions">
      {actions.map(({ action, label }) => (
        <button
          key={action}
          type="button"
          className="secondary"
          aria-disabled={busy !== null}
          onClick={() => {
            if (busy) return;
            void act(kind, requestId, action).then((done) => {
              if (done) onDone();
            });
          }}
        >
          {busy?.requestId === requestId && busy.action === action ? `${label}…` : label}
        </button>
      ))}
    </span>
  );
}

/** Why the desk refused a row action, announced at once; `requestId` limits it to one request. */
export function RequestActionError({ requestId }: { requestId?: string }) {
  const error = useDesk((state) => state.requestActions.error);
  if (!error || (requestId !== undefined && error.requestId !== requestId)) return null;
  return <ErrorAlert message={`${error.requestId}: ${error.message}`} />;
}

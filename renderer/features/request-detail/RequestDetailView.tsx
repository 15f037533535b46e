import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { detailFields, type DetailField } from './detail-fields.ts';
import { HistoryTable } from './HistoryTable.tsx';
import { RequestSlips } from '../printing/RequestSlips.tsx';
import { RequestMessages } from '../messages/RequestMessages.tsx';
import {
  RequestActionButtons,
  RequestActionError,
} from '../request-actions/RequestActionButtons.tsx';
import { rowActions } from '../request-actions/request-actions.ts';
import { LendingDetailActions } from '../lending-actions/LendingDetailActions.tsx';
import { RequestRota } from '../manual-requests/RequestRota.tsx';

/** After an action the detail is read again and its button may be gone: reading starts at the top. */
function focusHeading(): void {
  document.querySelector<HTMLElement>('.request-detail h1')?.focus();
}

/** One request, opened from its list; "Back to list" or Escape returns to the list. */
export function RequestDetailView() {
  const open = useDesk((state) => state.openRequest);
  const detail = useDesk((state) => state.detail);
  const close = useDesk((state) => state.closeRequestDetail);
  const reload = useDesk((state) => state.loadDetail);
  if (!open) return null;
  const request =
    detail.request?.requestId === open.requestId && detail.request.kind === open.kind
      ? detail.request
      : null;

  return (
    <div className="screen request-detail">
      <p>
        <button type="button" className="secondary" onClick={close} aria-keyshortcuts="Escape">
          Back to list
        </button>
      </p>
      <ScreenHeading>{request ? request.title : `Request ${open.requestId}`}</ScreenHeading>
      {detail.error !== null && (
        <ErrorAlert message={detail.error} onRetry={() => void reload(open.kind, open.requestId)} />
      )}
      {!request && detail.loading && <p className="muted">Loading…</p>}
      {request && (
        <>
          <dl className="fields">
            {detailFields(request).map((field) => (
              <div key={field.term}>
                <dt>{field.term}</dt>
                <dd className={field.kind === 'lines' ? 'lines' : undefined}>
                  <FieldValue field={field} />
                </dd>
              </div>
            ))}
          </dl>
          <RequestActionError requestId={request.requestId} />
          {rowActions(request.kind, request.status).length > 0 && (
            <section className="request-actions-section" aria-labelledby="actions-heading">
              <h2 id="actions-heading">Actions</h2>
              <RequestActionButtons
                kind={request.kind}
                requestId={request.requestId}
                status={request.status}
                onDone={focusHeading}
              />
            </section>
          )}
          {request.kind === 'lending' && <LendingDetailActions request={request} />}
          {request.kind === 'borrowing' && (
            <RequestRota requestId={request.requestId} status={request.status} />
          )}
          <RequestSlips kind={request.kind} requestId={request.requestId} />
          <RequestMessages kind={request.kind} requestId={request.requestId} />
          <HistoryTable events={request.history} />
        </>
      )}
    </div>
  );
}

function FieldValue({ field }: { field: DetailField }) {
  if (field.kind === 'date' || field.kind === 'instant') {
    return <DateText value={field.value} instant={field.kind === 'instant'} />;
  }
  return <>{field.value ?? 'Not set'}</>;
}

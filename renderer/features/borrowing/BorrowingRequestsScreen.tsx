import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import {
  RequestActionButtons,
  RequestActionError,
} from '../request-actions/RequestActionButtons.tsx';
import { RequestIdButton } from '../request-lists/RequestIdButton.tsx';
import { RequestListShell } from '../request-lists/RequestListShell.tsx';
import { ManualBorrowingForm } from '../manual-requests/ManualBorrowingForm.tsx';

/** After a row action the list is read again: focus goes back to the request's row. */
function focusRow(requestId: string): void {
  document.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(requestId)}"]`)?.focus();
}

/** Requests we borrow for our patrons: find, filter, page, open one, loan it, take it back. */
export function BorrowingRequestsScreen() {
  const list = useDesk((state) => state.borrowing);
  const open = useDesk((state) => state.openRequestDetail);
  return (
    <div className="screen">
      <ScreenHeading>Borrowing Requests</ScreenHeading>
      <RequestActionError />
      <ManualBorrowingForm />
      <RequestListShell
        list={list}
        findLabel="Find borrowing requests"
        findPlaceholder="External Identifier, request ID, barcode, title, patron"
      >
        <table className="results">
          <caption className="visually-hidden">Borrowing requests</caption>
          <thead>
            <tr>
              <th scope="col">Request ID</th>
              <th scope="col">External Identifier</th>
              <th scope="col">Title</th>
              <th scope="col">Patron</th>
              <th scope="col">Partner</th>
              <th scope="col">Status</th>
              <th scope="col">Due date</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.requestId}>
                <td>
                  <RequestIdButton
                    requestId={row.requestId}
                    onOpen={() => open('borrowing', row.requestId)}
                  />
                </td>
                <td className="code">{row.externalId}</td>
                <td>{row.title}</td>
                <td>{row.patronName}</td>
                <td>{row.partnerName}</td>
                <td>{row.statusLabel}</td>
                <td className="nowrap">
                  <DateText value={row.dueDate} empty="" />
                </td>
                <td>
                  <RequestActionButtons
                    kind="borrowing"
                    requestId={row.requestId}
                    status={row.status}
                    onDone={() => focusRow(row.requestId)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </RequestListShell>
    </div>
  );
}

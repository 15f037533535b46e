import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { RequestIdButton } from '../request-lists/RequestIdButton.tsx';
import { RequestListShell } from '../request-lists/RequestListShell.tsx';

/** Requests we borrow for our patrons: find, filter, page, open one. */
export function BorrowingRequestsScreen() {
  const list = useDesk((state) => state.borrowing);
  const open = useDesk((state) => state.openRequestDetail);
  return (
    <div className="screen">
      <ScreenHeading>Borrowing Requests</ScreenHeading>
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
              </tr>
            ))}
          </tbody>
        </table>
      </RequestListShell>
    </div>
  );
}

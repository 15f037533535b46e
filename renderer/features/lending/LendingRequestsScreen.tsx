import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { RequestIdButton } from '../request-lists/RequestIdButton.tsx';
import { RequestListShell } from '../request-lists/RequestListShell.tsx';

/** Requests partners sent us: find, filter, page, open one. Actions come with the Lending desk. */
export function LendingRequestsScreen() {
  const list = useDesk((state) => state.lending);
  const open = useDesk((state) => state.openRequestDetail);
  return (
    <div className="screen">
      <ScreenHeading>Lending Requests</ScreenHeading>
      <p className="lead">
        Find and look up lending requests here. The task list tabs, bulk actions and row actions
        (pull slips, ship, reject) arrive with issue #5 (Lending desk).
      </p>
      <RequestListShell
        list={list}
        findLabel="Find lending requests"
        findPlaceholder="External Identifier, request ID, barcode, title, partner"
      >
        <table className="results">
          <caption className="visually-hidden">Lending requests</caption>
          <thead>
            <tr>
              <th scope="col">Request ID</th>
              <th scope="col">External Identifier</th>
              <th scope="col">Title</th>
              <th scope="col">Partner</th>
              <th scope="col">Status</th>
              <th scope="col">Location</th>
              <th scope="col">Call number</th>
              <th scope="col">Needed by</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.requestId}>
                <td>
                  <RequestIdButton
                    requestId={row.requestId}
                    onOpen={() => open('lending', row.requestId)}
                  />
                </td>
                <td className="code">{row.externalId}</td>
                <td>{row.title}</td>
                <td>{row.partnerName}</td>
                <td>{row.statusLabel}</td>
                <td>{row.location ?? ''}</td>
                <td className="code">{row.callNumber ?? ''}</td>
                <td className="nowrap">
                  <DateText value={row.neededBy} empty="" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </RequestListShell>
    </div>
  );
}

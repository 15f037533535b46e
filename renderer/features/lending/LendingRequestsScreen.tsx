import { useState } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { RequestIdButton } from '../request-lists/RequestIdButton.tsx';
import { RequestListShell } from '../request-lists/RequestListShell.tsx';
import { PullSlipBar } from './PullSlipBar.tsx';
import { toggleSelection, visibleSelection } from './selection.ts';

/** Requests partners sent us: find, filter, page, open one; choose rows for pull slips. */
export function LendingRequestsScreen() {
  const list = useDesk((state) => state.lending);
  const open = useDesk((state) => state.openRequestDetail);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const ids = list.rows.map((row) => row.requestId);
  // Only rows on show count: a new search or filter leaves nothing hidden selected.
  const chosen = visibleSelection(selected, ids);
  const allChosen = ids.length > 0 && chosen.length === ids.length;

  return (
    <div className="screen">
      <ScreenHeading>Lending Requests</ScreenHeading>
      <p className="lead">
        Find and look up lending requests here. Choose requests and print their pull slips, in shelf
        order, to pull the items; then ship each one at Shipping Items.
      </p>
      <RequestListShell
        list={list}
        findLabel="Find lending requests"
        findPlaceholder="External Identifier, request ID, barcode, title, partner"
      >
        <PullSlipBar chosen={chosen} onPrinted={() => setSelected(new Set())} />
        <table className="results">
          <caption className="visually-hidden">Lending requests</caption>
          <thead>
            <tr>
              <th scope="col" className="select-cell">
                <input
                  type="checkbox"
                  aria-label="Choose all requests on show"
                  checked={allChosen}
                  onChange={() => setSelected(new Set(allChosen ? [] : ids))}
                />
              </th>
              <th scope="col">Request ID</th>
              <th scope="col">External Identifier</th>
              <th scope="col">Title</th>
              <th scope="col">Partner</th>
              <th scope="col">Status</th>
              <th scope="col">Location</th>
              <th scope="col">Call number</th>
              <th scope="col">Needed by</th>
              <th scope="col">Pull slip</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.requestId}>
                <td className="select-cell">
                  <input
                    type="checkbox"
                    aria-label={`Choose ${row.requestId}`}
                    checked={selected.has(row.requestId)}
                    onChange={() => setSelected((s) => toggleSelection(s, row.requestId))}
                  />
                </td>
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
                <td>{row.printed ? 'Printed' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </RequestListShell>
    </div>
  );
}

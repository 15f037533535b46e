import type { HistoryEvent } from '../../../shared/api/contract.ts';
import { DateText } from '../../ui/DateText.tsx';
import { TableHead } from '../../ui/TableHead.tsx';

/** The request's history, oldest first: when, what, from → to, who, and the note. */
export function HistoryTable({ events }: { events: readonly HistoryEvent[] }) {
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {events.length === 0 ? (
        <p className="muted">No history recorded yet.</p>
      ) : (
        <table className="results">
          <TableHead
            caption="History of this request"
            columns={['When', 'Action', 'Status change', 'Operator', 'Note']}
          />
          <tbody>
            {events.map((event, index) => (
              <tr key={`${event.at}-${index}`}>
                <td className="nowrap">
                  <DateText value={event.at} instant />
                </td>
                <td>{event.actionLabel}</td>
                <td>{statusChange(event)}</td>
                <td>{event.operator ?? 'System'}</td>
                <td>{event.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function statusChange(event: HistoryEvent): string {
  const from = event.fromLabel ?? event.fromStatus;
  const to = event.toLabel ?? event.toStatus;
  if (from && to) return `${from} → ${to}`;
  if (to) return `→ ${to}`;
  return from ?? '';
}

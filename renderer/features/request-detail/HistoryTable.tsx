import type { HistoryEvent } from '../../../shared/api/contract.ts';
import { DateText } from '../../ui/DateText.tsx';

/** The request's history, oldest first: when, what, from → to, who, and the note. */
export function HistoryTable({ events }: { events: readonly HistoryEvent[] }) {
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {events.length === 0 ? (
        <p className="muted">No history recorded yet.</p>
      ) : (
        <table className="results">
          <caption className="visually-hidden">History of this request</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Status change</th>
              <th scope="col">Operator</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
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

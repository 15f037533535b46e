import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import type { ListKind } from '../request-lists/list-query.ts';
import { MessageKindButton } from './MessageKindButton.tsx';
import { messageStateText } from './messages-selectors.ts';

/** A request's partner messages, newest first: what each was and how it stands. */
export function RequestMessages({ kind, requestId }: { kind: ListKind; requestId: string }) {
  const watch = useDesk((state) => state.watchRequestMessages);
  const shown = useDesk((state) => state.messages.request);

  useEffect(() => watch(kind, requestId), [watch, kind, requestId]);

  const rows = shown?.kind === kind && shown.requestId === requestId ? shown.rows : [];
  return (
    <section className="request-messages" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Partner messages</h2>
      {rows.length === 0 ? (
        <p className="muted">No partner message has been made for this request.</p>
      ) : (
        <table className="results">
          <TableHead
            caption="Partner messages of this request"
            columns={['Made', 'Message', 'To or from', 'State']}
          />
          <tbody>
            {rows.map((message) => (
              <tr key={message.id}>
                <td className="nowrap">
                  <DateText value={message.createdAt} instant />
                </td>
                <td>
                  <MessageKindButton message={message} />
                </td>
                <td>{message.correspondent}</td>
                <td className={message.state === 'FAILED' ? 'message-failed' : undefined}>
                  {messageStateText(message)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

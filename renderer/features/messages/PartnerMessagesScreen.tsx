import { useEffect, useId } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { RequestIdButton } from '../request-lists/RequestIdButton.tsx';
import { MessageActions } from './MessageActions.tsx';
import { MessageKindButton } from './MessageKindButton.tsx';
import { MessageTabs, messageTabId } from './MessageTabs.tsx';
import { messageStateText } from './messages-selectors.ts';

/**
 * Partner Messages: the outbox and inbox, newest first, by state. Each message opens to its XML or
 * letter; one that has not gone can be tried now or withdrawn. The list follows the desk live.
 */
export function PartnerMessagesScreen() {
  const messages = useDesk((state) => state.messages);
  const watch = useDesk((state) => state.watchMessages);
  const showTab = useDesk((state) => state.showMessageTab);
  const reload = useDesk((state) => state.loadMessages);
  const loadMore = useDesk((state) => state.loadMoreMessages);
  const openRequest = useDesk((state) => state.openRequestDetail);
  const panelId = useId();

  useEffect(() => watch(), [watch]);

  return (
    <div className="screen partner-messages">
      <ScreenHeading>Partner Messages</ScreenHeading>
      <MessageTabs
        current={messages.tab}
        counts={messages.counts}
        panelId={panelId}
        onShow={(tab) => void showTab(tab)}
      />
      <div id={panelId} role="tabpanel" aria-labelledby={messageTabId(messages.tab)}>
        {messages.error !== null && (
          <ErrorAlert message={messages.error} onRetry={() => void reload()} />
        )}
        {messages.rows.length === 0 ? (
          <p className="muted">{messages.loading ? 'Loading…' : 'No messages here.'}</p>
        ) : (
          <table className="results partner-messages-table">
            <TableHead
              caption="Partner messages, newest first"
              columns={['No.', 'Message', 'To or from', 'Request', 'Made', 'State']}
              actions="Actions"
            />
            <tbody>
              {messages.rows.map((message) => (
                <tr key={message.id}>
                  <td className="code">{message.id}</td>
                  <td>
                    <MessageKindButton message={message} />
                  </td>
                  <td>{message.correspondent}</td>
                  <td>
                    {message.requestId !== null && message.requestKind !== null && (
                      <RequestIdButton
                        requestId={message.requestId}
                        onOpen={() =>
                          openRequest(message.requestKind ?? 'borrowing', message.requestId ?? '')
                        }
                      />
                    )}
                  </td>
                  <td className="nowrap">
                    <DateText value={message.createdAt} instant />
                  </td>
                  <td className={message.state === 'FAILED' ? 'message-failed' : undefined}>
                    {messageStateText(message)}
                  </td>
                  <td className="row-actions">
                    <MessageActions message={message} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {messages.nextAfter !== null && (
          <p>
            <button type="button" className="secondary" onClick={() => void loadMore()}>
              Show more messages
            </button>
          </p>
        )}
      </div>
    </div>
  );
}

import { useRef } from 'react';
import type { MessageContent } from '../../../shared/api/contract-messages.ts';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { ModalDialog } from '../../ui/ModalDialog.tsx';
import { MessageActions } from './MessageActions.tsx';
import { focusMessage } from './MessageKindButton.tsx';
import { messageStateText, messageTitle } from './messages-selectors.ts';

/**
 * One partner message: who it is for, how it stands, and what it says (the XML as sent or to be
 * sent, the letter, or the XML a partner sent), with Retry now and Withdraw while it has not gone.
 * Close has focus, so Enter or Escape closes it.
 */
export function MessageDialog() {
  const open = useDesk((state) => state.messages.open);
  const close = useDesk((state) => state.closeMessage);
  const closeButton = useRef<HTMLButtonElement>(null);
  if (!open) return null;
  const { message, content } = open;
  return (
    <ModalDialog
      title={messageTitle(message)}
      className="message-dialog"
      initialFocus={closeButton}
      onCancel={close}
      restoreFocus={() => focusMessage(message.id)}
    >
      <dl className="dialog-facts">
        <div>
          <dt>Request</dt>
          <dd>{message.requestId ?? 'None'}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{messageStateText(message)}</dd>
        </div>
        <div>
          <dt>Made</dt>
          <dd>
            <DateText value={message.createdAt} instant />
          </dd>
        </div>
        {message.sentAt !== null && (
          <div>
            <dt>Sent</dt>
            <dd>
              <DateText value={message.sentAt} instant />
            </dd>
          </div>
        )}
        {message.direction === 'OUT' && (
          <div>
            <dt>Tries</dt>
            <dd>{message.attempts}</dd>
          </div>
        )}
      </dl>
      <MessageBody content={content} />
      <div className="dialog-buttons">
        <button ref={closeButton} type="button" onClick={close}>
          Close
        </button>
        <MessageActions message={message} />
      </div>
    </ModalDialog>
  );
}

function MessageBody({ content }: { content: MessageContent }) {
  switch (content.type) {
    case 'xml':
      return (
        <pre className="message-text" tabIndex={0} aria-label="The message's XML">
          {content.xml}
        </pre>
      );
    case 'letter':
      return (
        <>
          <dl className="dialog-facts">
            <div>
              <dt>To</dt>
              <dd>{content.to}</dd>
            </div>
            <div>
              <dt>Subject</dt>
              <dd>{content.subject}</dd>
            </div>
          </dl>
          <pre className="message-text" tabIndex={0} aria-label="The letter's text">
            {content.text}
          </pre>
        </>
      );
    case 'unavailable':
      return <p className="field-error">{content.reason}</p>;
  }
}

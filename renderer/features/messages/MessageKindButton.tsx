import type { PartnerMessageRow } from '../../../shared/api/contract-messages.ts';
import { useDesk } from '../../app/use-desk.ts';
import { messageKindText, messageTitle } from './messages-selectors.ts';

/** The message's kind as a button that opens what it says; focus comes back here after. */
export function MessageKindButton({ message }: { message: PartnerMessageRow }) {
  const open = useDesk((state) => state.openMessage);
  return (
    <button
      type="button"
      className="link-button"
      data-message-id={message.id}
      aria-label={`Show ${messageTitle(message)}`}
      onClick={() => void open(message.id)}
    >
      {messageKindText(message)}
    </button>
  );
}

/** Puts focus back on a message's button once its dialog has closed. */
export function focusMessage(id: number): void {
  document.querySelector<HTMLElement>(`[data-message-id="${id}"]`)?.focus();
}

import type { PartnerMessageRow } from '../../../shared/api/contract-messages.ts';
import { useDesk } from '../../app/use-desk.ts';
import { hasManagerRights } from '../operators/operators-slice.ts';
import { isOpenMessage, messageTitle } from './messages-selectors.ts';

/** Retry now and (for a Manager) Withdraw, for a message that has not gone yet. */
export function MessageActions({ message }: { message: PartnerMessageRow }) {
  const retry = useDesk((state) => state.retryMessage);
  const withdraw = useDesk((state) => state.withdrawMessage);
  const manager = useDesk(hasManagerRights);
  if (!isOpenMessage(message)) return null;
  const title = messageTitle(message);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={`Retry now: ${title}`}
        onClick={() => void retry(message.id)}
      >
        Retry now
      </button>
      {manager && (
        <button
          type="button"
          className="secondary"
          aria-label={`Withdraw ${title}`}
          onClick={() => void withdraw(message.id)}
        >
          Withdraw
        </button>
      )}
    </>
  );
}

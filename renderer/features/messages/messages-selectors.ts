import type {
  MessageState,
  MessagesStatus,
  PartnerMessageRow,
} from '../../../shared/api/contract-messages.ts';
import { describeMessage } from '../../../shared/domain/partner-message-kinds.ts';

/** What the Partner Messages screen and a request's Messages section say about messages. */

export type MessageTab = 'ALL' | MessageState;

/** The screen's tabs, in order: everything, then what needs a look first. */
export const MESSAGE_TABS: readonly { readonly tab: MessageTab; readonly label: string }[] = [
  { tab: 'ALL', label: 'All' },
  { tab: 'PENDING', label: 'Waiting' },
  { tab: 'FAILED', label: 'Failed' },
  { tab: 'SENT', label: 'Sent' },
  { tab: 'RECEIVED', label: 'Received' },
  { tab: 'WITHDRAWN', label: 'Withdrawn' },
];

/** How many messages a tab holds; null before the counts have arrived. */
export function tabCount(
  counts: Readonly<Record<MessageState, number>> | null,
  tab: MessageTab,
): number | null {
  if (!counts) return null;
  return tab === 'ALL' ? Object.values(counts).reduce((sum, n) => sum + n, 0) : counts[tab];
}

/** "ISO 18626 Loaned", "Lender Ship letter". */
export function messageKindText(row: Pick<PartnerMessageRow, 'channel' | 'kind'>): string {
  return describeMessage(row);
}

/** "ISO 18626 Loaned to University at Albany, SUNY": a message's name in a title or button. */
export function messageTitle(row: PartnerMessageRow): string {
  return `${messageKindText(row)} ${row.direction === 'IN' ? 'from' : 'to'} ${row.correspondent}`;
}

/**
 * A message's state in words: "Sent", "Waiting (try 3 did not go: …)", "Waiting for message 12
 * to go first", "Failed: …".
 */
export function messageStateText(row: PartnerMessageRow): string {
  switch (row.state) {
    case 'SENT':
      return 'Sent';
    case 'RECEIVED':
      return 'Received';
    case 'WITHDRAWN':
      return 'Withdrawn';
    case 'FAILED':
      return row.lastError === null ? 'Failed' : `Failed: ${row.lastError}`;
    case 'PENDING':
      if (row.waitsFor !== null) return `Waiting for message ${row.waitsFor} to go first`;
      if (row.lastError === null) return 'Waiting to go';
      return `Waiting to retry (try ${row.attempts} did not go: ${row.lastError})`;
  }
}

/** Whether staff can still act on it: try it now, or withdraw it. */
export function isOpenMessage(row: PartnerMessageRow): boolean {
  return row.direction === 'OUT' && (row.state === 'PENDING' || row.state === 'FAILED');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The status bar's line: "2 partner messages waiting", "1 partner message waiting, 1 failed",
 * "All partner messages sent".
 */
export function messagesStatusText(status: MessagesStatus | null): string {
  if (!status) return 'Connecting…';
  const { pending, failed } = status;
  if (pending === 0 && failed === 0) return 'All partner messages sent';
  if (pending === 0) return `${plural(failed, 'partner message', 'partner messages')} failed`;
  const waiting = `${plural(pending, 'partner message', 'partner messages')} waiting`;
  return failed === 0 ? waiting : `${waiting}, ${failed} failed`;
}

import type { DeskClient } from '../../../shared/api/client.ts';
import type {
  MessageContent,
  MessageState,
  MessagesStatus,
  PartnerMessageRow,
} from '../../../shared/api/contract-messages.ts';
import type { Input } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import type { ListKind } from '../request-lists/list-query.ts';
import { messageTitle, type MessageTab } from './messages-selectors.ts';

/** A page of the Partner Messages list. */
export const MESSAGE_PAGE = 50;

export interface OpenMessage {
  readonly message: PartnerMessageRow;
  readonly content: MessageContent;
}

export interface MessagesSlice {
  messages: {
    readonly tab: MessageTab;
    readonly rows: readonly PartnerMessageRow[];
    readonly nextAfter: number | null;
    readonly counts: Readonly<Record<MessageState, number>> | null;
    readonly loading: boolean;
    readonly error: string | null;
    /** The Partner Messages screen is on show: a pushed change reloads its list. */
    readonly watching: boolean;
    /** The message shown in the dialog, with what it says. */
    readonly open: OpenMessage | null;
    /** The outbox at a glance, from `messages.status` or a pushed one (the status bar). */
    readonly status: MessagesStatus | null;
    /** The messages of the request on show (its Messages section). */
    readonly request: {
      readonly kind: ListKind;
      readonly requestId: string;
      readonly rows: readonly PartnerMessageRow[];
    } | null;
  };
  /** The screen opened: load its list, and keep it live until the returned function is called. */
  watchMessages: () => () => void;
  showMessageTab: (tab: MessageTab) => Promise<void>;
  /** Reads the current tab again, as many rows as are on show (at least a page). */
  loadMessages: () => Promise<void>;
  loadMoreMessages: () => Promise<void>;
  openMessage: (id: number) => Promise<void>;
  closeMessage: () => void;
  retryMessage: (id: number) => Promise<void>;
  withdrawMessage: (id: number) => Promise<void>;
  loadMessagesStatus: () => Promise<void>;
  /** A pushed `messages.status`: show it, and read again whatever lists are on show. */
  messagesStatusArrived: (status: MessagesStatus) => void;
  /** A request's detail opened: list its messages and keep them live until the function is called. */
  watchRequestMessages: (kind: ListKind, requestId: string) => () => void;
}

export function createMessagesSlice(client: DeskClient): DeskSlice<MessagesSlice> {
  return (set, get) => {
    const patch = (part: Partial<MessagesSlice['messages']>) =>
      set((state) => ({ messages: { ...state.messages, ...part } }));
    // Only the latest list answer counts: a tab chosen later wins over an earlier slow one.
    let listCall = 0;
    // A status asked for can answer after a newer one was pushed; the pushed one wins.
    let pushed = 0;

    function query(tab: MessageTab): Input<'messages.list'> {
      return tab === 'ALL' ? {} : { state: tab };
    }

    async function loadPage(tab: MessageTab, limit: number, after?: number): Promise<void> {
      const call = ++listCall;
      patch({ loading: true });
      const result = await client.call('messages.list', {
        ...query(tab),
        limit,
        ...(after === undefined ? {} : { after }),
      });
      if (call !== listCall) return;
      if (!result.ok) {
        patch({ loading: false, error: result.error.message });
        return;
      }
      const { rows, nextAfter, counts } = result.value;
      patch({
        rows: after === undefined ? rows : [...get().messages.rows, ...rows],
        nextAfter,
        counts,
        loading: false,
        error: null,
      });
    }

    /** The request's messages, newest first, while its detail is still the one on show. */
    async function loadRequestMessages(kind: ListKind, requestId: string): Promise<void> {
      const result = await client.call('messages.list', {
        requestKind: kind,
        requestId,
        limit: 100,
      });
      const shown = get().messages.request;
      if (!result.ok || shown?.kind !== kind || shown.requestId !== requestId) return;
      patch({ request: { kind, requestId, rows: result.value.rows } });
    }

    /** After staff acted on a message: say what happened, and read what is on show again. */
    async function refreshAfter(row: PartnerMessageRow, done: string): Promise<void> {
      get().announce(done);
      const open = get().messages.open;
      const shown = get().messages.request;
      await Promise.all([
        get().messages.watching ? get().loadMessages() : Promise.resolve(),
        open?.message.id === row.id ? get().openMessage(row.id) : Promise.resolve(),
        shown ? loadRequestMessages(shown.kind, shown.requestId) : Promise.resolve(),
        get().loadMessagesStatus(),
      ]);
    }

    return {
      messages: {
        tab: 'ALL',
        rows: [],
        nextAfter: null,
        counts: null,
        loading: false,
        error: null,
        watching: false,
        open: null,
        status: null,
        request: null,
      },
      watchMessages() {
        patch({ watching: true });
        void get().loadMessages();
        return () => patch({ watching: false, open: null });
      },
      async showMessageTab(tab) {
        patch({ tab, rows: [], nextAfter: null });
        await loadPage(tab, MESSAGE_PAGE);
      },
      async loadMessages() {
        const { tab, rows } = get().messages;
        await loadPage(tab, Math.min(200, Math.max(MESSAGE_PAGE, rows.length)));
      },
      async loadMoreMessages() {
        const { tab, nextAfter } = get().messages;
        if (nextAfter !== null) await loadPage(tab, MESSAGE_PAGE, nextAfter);
      },
      async openMessage(id) {
        const result = await client.call('messages.detail', { id });
        if (result.ok) patch({ open: result.value, error: null });
        else get().announce(result.error.message);
      },
      closeMessage() {
        patch({ open: null });
      },
      async retryMessage(id) {
        const result = await client.call('messages.retry', { id });
        if (!result.ok) return get().announce(result.error.message);
        await refreshAfter(result.value, `Sending ${messageTitle(result.value)} now.`);
      },
      async withdrawMessage(id) {
        const result = await client.call('messages.withdraw', { id });
        if (!result.ok) return get().announce(result.error.message);
        await refreshAfter(
          result.value,
          `${messageTitle(result.value)} withdrawn: it will not be sent.`,
        );
      },
      async loadMessagesStatus() {
        const before = pushed;
        const result = await client.call('messages.status', {});
        if (result.ok && pushed === before) patch({ status: result.value });
      },
      messagesStatusArrived(status) {
        pushed += 1;
        patch({ status });
        const { watching, open, request } = get().messages;
        if (watching) void get().loadMessages();
        if (open) void get().openMessage(open.message.id);
        if (request) void loadRequestMessages(request.kind, request.requestId);
      },
      watchRequestMessages(kind, requestId) {
        patch({ request: { kind, requestId, rows: [] } });
        void loadRequestMessages(kind, requestId);
        return () => {
          if (get().messages.request?.requestId === requestId) patch({ request: null });
        };
      },
    };
  };
}

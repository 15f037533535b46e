import type { DeskSlice } from '../../app/desk-state.ts';
import type { ListKind } from '../request-lists/list-slice.ts';
import { DEFAULT_SCREEN, type ScreenId } from './screens.ts';

export interface OpenRequest {
  readonly kind: ListKind;
  readonly requestId: string;
}

export interface NavigationSlice {
  screen: ScreenId;
  /** Counts screen choices, so choosing the current screen again still brings focus into it. */
  visit: number;
  /** The request shown in the detail view, over the list it was opened from. */
  openRequest: OpenRequest | null;
  /** The request whose detail view was closed last, so its list can put focus back on its row. */
  returnTo: OpenRequest | null;
  /** Text of the layout's role="status" region. */
  announcement: string;
  goTo: (screen: ScreenId) => void;
  openRequestDetail: (kind: ListKind, requestId: string) => void;
  closeRequestDetail: () => void;
  announce: (text: string) => void;
}

const LIST_SCREEN: Record<ListKind, ScreenId> = { borrowing: 'borrowing', lending: 'lending' };

export function createNavigationSlice(
  initialScreen: ScreenId = DEFAULT_SCREEN,
): DeskSlice<NavigationSlice> {
  return (set, get) => ({
    screen: initialScreen,
    visit: 0,
    openRequest: null,
    returnTo: null,
    announcement: '',
    goTo(screen) {
      set((state) => ({
        screen,
        visit: state.visit + 1,
        openRequest: null,
        returnTo: null,
        announcement: '',
      }));
    },
    openRequestDetail(kind, requestId) {
      set({
        screen: LIST_SCREEN[kind],
        openRequest: { kind, requestId },
        returnTo: null,
        announcement: '',
      });
      void get().loadDetail(kind, requestId);
    },
    closeRequestDetail() {
      set((state) => ({ openRequest: null, returnTo: state.openRequest }));
    },
    announce(text) {
      set({ announcement: text });
    },
  });
}

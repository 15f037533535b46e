import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../shared/api/client.ts';
import type { DeskMode } from '../api/desk-mode.ts';
import { createNavigationSlice } from '../features/navigation/navigation-slice.ts';
import type { ScreenId } from '../features/navigation/screens.ts';
import { createDetailSlice } from '../features/request-detail/detail-slice.ts';
import { createListSlice } from '../features/request-lists/list-slice.ts';
import { createPrintingSlice } from '../features/printing/printing-slice.ts';
import { createMessagesSlice } from '../features/messages/messages-slice.ts';
import { createConfigSlice } from '../features/config/config-slice.ts';
import { createManualRequestsSlice } from '../features/manual-requests/manual-requests-slice.ts';
import { createPartnersSlice } from '../features/settings/partners-slice.ts';
import { createSettingsSlice } from '../features/settings/settings-slice.ts';
import { createLettersSlice } from '../features/settings/letters-slice.ts';
import { createScanSlice, type ScanFeedback } from '../features/scan-desk/scan-slice.ts';
import { createDeskInfoSlice } from '../features/status-bar/desk-info-slice.ts';
import { createReceivingSlice } from '../features/receiving/receiving-slice.ts';
import { createReturningSlice } from '../features/returning/returning-slice.ts';
import { createShippingSlice } from '../features/shipping/shipping-slice.ts';
import { createScanInSlice } from '../features/scan-in/scan-in-slice.ts';
import { createLendingTasksSlice } from '../features/lending/lending-tasks-slice.ts';
import { createLendingBulkSlice } from '../features/lending/lending-bulk-slice.ts';
import { createUndoSlice } from '../features/undo/undo-slice.ts';
import { createRequestActionsSlice } from '../features/request-actions/request-actions-slice.ts';
import { createLendingActionsSlice } from '../features/lending-actions/lending-actions-slice.ts';
import { createOperatorsSlice } from '../features/operators/operators-slice.ts';
import { watchSignedOut } from '../features/operators/session-watch.ts';
import { createScanFollowUpSlice } from './scan-follow-up.ts';
import type { DeskState } from './desk-state.ts';

export type DeskStore = StoreApi<DeskState>;

export interface DeskStoreOptions {
  readonly mode: DeskMode;
  readonly initialScreen?: ScreenId;
  /** Success, warning and error tones; silent when not given (tests). */
  readonly feedback?: ScanFeedback;
}

const SILENT: ScanFeedback = { play: () => undefined };

/**
 * The desk's one store, built from the feature slices around one client. A plain (vanilla) store,
 * so tests drive it without React; components reach it through useDesk.
 */
export function createDeskStore(deskClient: DeskClient, options: DeskStoreOptions): DeskStore {
  // "Sign in first" from the desk, whichever slice called, brings back the sign-in screen.
  const client = watchSignedOut(deskClient, (message) => store.getState().sessionLost(message));
  const store = createStore<DeskState>()((...args) => ({
    ...createOperatorsSlice(client)(...args),
    ...createNavigationSlice(options.initialScreen)(...args),
    ...createDeskInfoSlice(client, options.mode)(...args),
    ...createListSlice('borrowing', (query) => client.call('borrowing.list', query))(...args),
    ...createLendingTasksSlice(client)(...args),
    ...createDetailSlice(client)(...args),
    ...createPartnersSlice(client)(...args),
    ...createConfigSlice(client)(...args),
    ...createManualRequestsSlice(client)(...args),
    ...createSettingsSlice(client)(...args),
    ...createLettersSlice(client)(...args),
    ...createScanSlice(client, options.feedback ?? SILENT)(...args),
    ...createScanFollowUpSlice()(...args),
    ...createReceivingSlice(client)(...args),
    ...createReturningSlice(client)(...args),
    ...createShippingSlice(client)(...args),
    ...createScanInSlice(client)(...args),
    ...createLendingBulkSlice(client)(...args),
    ...createUndoSlice(client)(...args),
    ...createRequestActionsSlice(client)(...args),
    ...createLendingActionsSlice(client)(...args),
    ...createPrintingSlice(client)(...args),
    ...createMessagesSlice(client)(...args),
  }));
  return store;
}

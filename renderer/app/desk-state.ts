import type { StateCreator } from 'zustand';
import type { BorrowingRow } from '../../shared/api/contract.ts';
import type { NavigationSlice } from '../features/navigation/navigation-slice.ts';
import type { RequestList } from '../features/request-lists/list-slice.ts';
import type { DeskInfoSlice } from '../features/status-bar/desk-info-slice.ts';
import type { DetailSlice } from '../features/request-detail/detail-slice.ts';
import type { PrintingSlice } from '../features/printing/printing-slice.ts';
import type { MessagesSlice } from '../features/messages/messages-slice.ts';
import type { ConfigSlice } from '../features/config/config-slice.ts';
import type { ManualRequestsSlice } from '../features/manual-requests/manual-requests-slice.ts';
import type { PartnersSlice } from '../features/settings/partners-slice.ts';
import type { SettingsSlice } from '../features/settings/settings-slice.ts';
import type { LettersSlice } from '../features/settings/letters-slice.ts';
import type { ScanSlice } from '../features/scan-desk/scan-slice.ts';
import type { ReceivingSlice } from '../features/receiving/receiving-slice.ts';
import type { ReturningSlice } from '../features/returning/returning-slice.ts';
import type { ShippingSlice } from '../features/shipping/shipping-slice.ts';
import type { ScanInSlice } from '../features/scan-in/scan-in-slice.ts';
import type { LendingTasksSlice } from '../features/lending/lending-tasks-slice.ts';
import type { LendingBulkSlice } from '../features/lending/lending-bulk-slice.ts';
import type { UndoSlice } from '../features/undo/undo-slice.ts';
import type { RequestActionsSlice } from '../features/request-actions/request-actions-slice.ts';
import type { LendingActionsSlice } from '../features/lending-actions/lending-actions-slice.ts';
import type { OperatorsSlice } from '../features/operators/operators-slice.ts';
import type { ScanFollowUpSlice } from './scan-follow-up.ts';

/** The whole desk store: one slice per feature, combined in desk-store.ts. */
export type DeskState = OperatorsSlice &
  NavigationSlice &
  DeskInfoSlice &
  DetailSlice &
  PartnersSlice &
  ConfigSlice &
  ManualRequestsSlice &
  SettingsSlice &
  LettersSlice &
  ScanSlice &
  ScanFollowUpSlice &
  ReceivingSlice &
  ReturningSlice &
  ShippingSlice &
  ScanInSlice &
  LendingTasksSlice &
  LendingBulkSlice &
  UndoSlice &
  RequestActionsSlice &
  LendingActionsSlice &
  PrintingSlice &
  MessagesSlice & {
    borrowing: RequestList<BorrowingRow>;
  };

/** A slice sees the whole store (to call another slice's action) but contributes only `T`. */
export type DeskSlice<T> = StateCreator<DeskState, [], [], T>;

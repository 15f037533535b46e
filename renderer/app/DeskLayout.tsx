import { useEffect, useRef } from 'react';
import { BorrowingRequestsScreen } from '../features/borrowing/BorrowingRequestsScreen.tsx';
import { LendingRequestsScreen } from '../features/lending/LendingRequestsScreen.tsx';
import { LendingActionDialogHost } from '../features/lending-actions/LendingActionDialogHost.tsx';
import { MessageDialog } from '../features/messages/MessageDialog.tsx';
import { PartnerMessagesScreen } from '../features/messages/PartnerMessagesScreen.tsx';
import { DeskNav } from '../features/navigation/DeskNav.tsx';
import { hashOf, type ScreenId } from '../features/navigation/screens.ts';
import { RequestDetailView } from '../features/request-detail/RequestDetailView.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { StatusBar } from '../features/status-bar/StatusBar.tsx';
import { ReceivingScreen } from '../features/receiving/ReceivingScreen.tsx';
import { ReturnScreen } from '../features/returning/ReturnScreen.tsx';
import { useWedgeListener } from '../features/scan-desk/use-wedge-listener.ts';
import { useWedgeSettings } from '../features/scan-desk/use-wedge-settings.ts';
import { ScanInScreen } from '../features/scan-in/ScanInScreen.tsx';
import { ShippingScreen } from '../features/shipping/ShippingScreen.tsx';
import { DeskHeader } from './DeskHeader.tsx';
import { useDesk, useDeskStore } from './use-desk.ts';
import { useDeskShortcuts } from './use-desk-shortcuts.ts';
import { useViewFocus } from './use-view-focus.ts';

/** Banner, screen navigation, the current view with the desk's message line, and the status bar. */
export function DeskLayout() {
  const store = useDeskStore();
  const screen = useDesk((state) => state.screen);
  const visit = useDesk((state) => state.visit);
  const open = useDesk((state) => state.openRequest);
  const returnTo = useDesk((state) => state.returnTo);
  const announcement = useDesk((state) => state.announcement);
  const main = useRef<HTMLElement>(null);

  useDeskShortcuts(store);
  useWedgeListener(useWedgeSettings());
  useViewFocus(
    main,
    open ? `detail:${open.kind}:${open.requestId}` : `${screen}:${visit}`,
    returnTo,
  );

  useEffect(() => {
    const { loadDeskInfo, connectEvents } = store.getState();
    void loadDeskInfo();
    return connectEvents();
  }, [store]);

  useEffect(() => {
    // Scanner thresholds and the sound setting apply in every window, and change live.
    const { loadSettings, followSettings } = store.getState();
    const stop = followSettings();
    void loadSettings();
    return stop;
  }, [store]);

  useEffect(() => {
    // Replace, not push: the screen survives a reload without piling up history entries.
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hashOf(screen)}`);
  }, [screen]);

  return (
    <div className="desk">
      <DeskHeader />
      <DeskNav />
      <main ref={main} className="desk-main">
        <p role="status" aria-live="polite" className="desk-message">
          {announcement}
        </p>
        {open ? <RequestDetailView /> : <CurrentScreen screen={screen} />}
        <LendingActionDialogHost />
        <MessageDialog />
      </main>
      <StatusBar />
    </div>
  );
}

function CurrentScreen({ screen }: { screen: ScreenId }) {
  switch (screen) {
    case 'borrowing':
      return <BorrowingRequestsScreen />;
    case 'lending':
      return <LendingRequestsScreen />;
    case 'messages':
      return <PartnerMessagesScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'receiving':
      return <ReceivingScreen />;
    case 'return':
      return <ReturnScreen />;
    case 'shipping':
      return <ShippingScreen />;
    case 'scan-in':
      return <ScanInScreen />;
  }
}

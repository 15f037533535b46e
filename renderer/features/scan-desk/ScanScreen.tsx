import { useEffect, type ReactNode } from 'react';
import {
  SCREEN_NEEDS,
  type ScanScreen as ScanScreenName,
} from '../../../shared/scanning/scan-kinds.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { UndoBar } from '../undo/UndoBar.tsx';
import { OutcomeBanner } from './OutcomeBanner.tsx';
import { RecentScans } from './RecentScans.tsx';
import { ScanField } from './ScanField.tsx';
import { soundsMuted } from './scan-slice.ts';
import { useScanTarget } from './scan-targets.ts';

/** "Scan the External Identifier from the paperwork" — what this screen wants, in its words. */
function scanFieldLabel(name: ScanScreenName): string {
  return `Scan ${SCREEN_NEEDS[name].ask}`;
}

/**
 * A scan screen: one scan field that keeps focus, the outcome shown large, Undo, and the recent
 * scans. Every scan is journaled and classified; the screen's desk action follows in the store
 * (scan-follow-up.ts), and its dialogs come as `children`.
 */
export function ScanScreen({
  name,
  plan,
  children,
}: {
  name: ScanScreenName;
  plan: string;
  children?: ReactNode;
}) {
  const submitScan = useDesk((state) => state.submitScan);
  const loadRecentScans = useDesk((state) => state.loadRecentScans);
  const muted = useDesk(soundsMuted);
  const setMuted = useDesk((state) => state.setMuted);
  const followHidScans = useDesk((state) => state.followHidScans);

  useEffect(() => {
    void loadRecentScans();
  }, [loadRecentScans]);

  // A HID POS scanner's scans come over the event stream, whatever has focus.
  useEffect(() => followHidScans(name), [followHidScans, name]);
  // A wedge scan while focus is off the field (on a button, the page) still lands here.
  useScanTarget(name, (value) => void submitScan(name, value, 'wedge'));

  return (
    <div className="screen scan-screen">
      <ScreenHeading>{name}</ScreenHeading>
      <p className="lead">{plan}</p>
      <ScanField
        label={scanFieldLabel(name)}
        onSubmit={(value, source) => void submitScan(name, value, source)}
      />
      <OutcomeBanner screen={name} />
      <UndoBar />
      <p>
        <button type="button" className="link-button" onClick={() => void setMuted(!muted)}>
          {muted ? 'Turn sounds on' : 'Turn sounds off'}
        </button>
      </p>
      <RecentScans />
      {children}
    </div>
  );
}

import { useEffect, useRef } from 'react';
import {
  createWedgeDetector,
  type WedgeSettings,
} from '../../../shared/scanning/keyboard-wedge.ts';
import { isTextEntry } from '../../ui/text-entry.ts';
import { deliverScan } from './scan-targets.ts';

/**
 * One window-wide listener (capture phase) that catches a keyboard-wedge scan when focus is on no
 * text field — a button, a link, the page — and hands it to the current scan target. `settings`
 * are the stored ones (useWedgeSettings). The listener lives as long as the desk: new settings
 * reconfigure its detector rather than rebuild it, so the stored settings arriving a moment after
 * the window opens cannot drop the first keys of a scan already under way.
 */
export function useWedgeListener(settings: WedgeSettings): void {
  const initial = useRef(settings);
  const detectorRef = useRef<ReturnType<typeof createWedgeDetector> | null>(null);

  useEffect(() => {
    detectorRef.current?.configure(settings);
  }, [settings]);

  useEffect(() => {
    const detector = createWedgeDetector(initial.current, (value) => {
      deliverScan(value);
    });
    detectorRef.current = detector;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      // A held key auto-repeats about every 30 ms, fast enough to pass for a scanner's burst;
      // scanners press and release each key, so they never send repeats.
      if (event.repeat) {
        detector.reset();
        return;
      }
      // A text field keeps its own keys: a scan into the Find box searches, into a scan field scans.
      if (isTextEntry(event.target)) {
        detector.reset();
        return;
      }
      if (detector.key(event.key, event.timeStamp) === 'swallow') {
        event.preventDefault();
        event.stopPropagation();
      }
    }
    const onBlur = () => detector.reset();
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('blur', onBlur);
      detectorRef.current = null;
    };
  }, []);
}

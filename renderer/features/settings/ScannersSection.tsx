import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ScannerSettingsForm } from './ScannerSettingsForm.tsx';

/** Which scanners the desk reads and how, so a newcomer can tell why a scanner does or doesn't work. */
export function ScannersSection() {
  const scanners = useDesk((state) => state.scanning.scanners);
  const load = useDesk((state) => state.loadScannerStatus);
  const settings = useDesk((state) => state.settings);
  const loadSettings = useDesk((state) => state.loadSettings);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="scanners-heading">
      <h2 id="scanners-heading">Scanners</h2>
      <p>
        Most USB scanners type like a keyboard (keyboard-wedge mode): RS Desk tells their fast
        bursts from typing and needs no setup for them unless they add a prefix or suffix. Scanners
        in keyboard mode cannot be read through node-hid (and on Windows never can be), so they are
        always handled as wedge scanners. Scanners switched to HID POS mode (USB usage page 0x8C)
        are read directly by RS Desk and listed here.
      </p>
      {settings.error !== null && settings.values === null && (
        <ErrorAlert message={settings.error} onRetry={() => void loadSettings()} />
      )}
      {settings.values === null ? (
        settings.error === null && <p className="muted">Loading the scanner settings…</p>
      ) : (
        <ScannerSettingsForm saved={settings.values.scanner} />
      )}
      <h3>Connected HID POS scanners</h3>
      {scanners === null ? (
        <p>Looking for scanners…</p>
      ) : !scanners.hidEnabled ? (
        <p>This desk does not read HID POS scanners; keyboard-wedge scanners work as usual.</p>
      ) : scanners.connected.length === 0 ? (
        <p>No HID POS scanner is connected. Keyboard-wedge scanners work as usual.</p>
      ) : (
        <ul>
          {scanners.connected.map((s) => (
            <li key={s.path}>
              {s.product} — read by {s.readBy} (vendor {s.vendorId.toString(16).padStart(4, '0')},
              product {s.productId.toString(16).padStart(4, '0')})
            </li>
          ))}
        </ul>
      )}
      {scanners && scanners.notes.length > 0 && (
        <>
          <h3>Recent scanner notices</h3>
          <ul>
            {scanners.notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

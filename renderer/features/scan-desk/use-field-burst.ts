import { useMemo, type KeyboardEvent } from 'react';
import { createFieldBurst, type FieldScan } from './field-burst.ts';
import { useWedgeSettings } from './use-wedge-settings.ts';

type CatchBurst = (
  event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>,
  onScan: (scan: FieldScan) => void,
) => void;

/**
 * For a dialog's text fields: a keyboard-wedge scan typed into one of them is caught at its
 * terminator (which then neither submits nor adds a line) and handed to `onScan` with the value
 * the field held before, so "a scan anywhere in the dialog goes to its barcode" holds in fields too.
 * Call the returned function from the field's onKeyDown.
 */
export function useFieldBurst(): CatchBurst {
  const wedge = useWedgeSettings();
  const burst = useMemo(() => createFieldBurst(wedge), [wedge]);
  return (event, onScan) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return;
    if (event.repeat) {
      burst.reset();
      return;
    }
    const scan = burst.key(event.key, event.timeStamp, event.currentTarget.value);
    if (!scan) return;
    event.preventDefault();
    onScan(scan);
  };
}

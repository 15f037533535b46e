import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isBurst } from '../../../shared/scanning/keyboard-wedge.ts';
import { useWedgeSettings } from './use-wedge-settings.ts';

/**
 * The screen's one scan field. It keeps focus (a scanner types into whatever has it), submits on
 * Enter, and is how a person types a damaged barcode by hand. `data-scan-field` tells the
 * keyboard-wedge listener that keys here are the field's own.
 */
export function ScanField({
  label,
  onSubmit,
}: {
  label: string;
  onSubmit: (value: string, source: 'wedge' | 'manual') => void;
}) {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const wedge = useWedgeSettings();
  // Key times of what is in the field, to tell a scanner's burst from a person typing.
  const keyTimes = useRef<number[]>([]);

  useEffect(() => {
    input.current?.focus();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const text = value;
    const source = isBurst(keyTimes.current, wedge) ? 'wedge' : 'manual';
    keyTimes.current = [];
    setValue('');
    onSubmit(text, source);
    input.current?.focus();
  }

  return (
    <form className="scan-form" onSubmit={submit}>
      <label htmlFor="scan-field">{label}</label>
      <div className="scan-row">
        <input
          id="scan-field"
          ref={input}
          className="scan-field"
          data-scan-field=""
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            if (event.target.value === '') keyTimes.current = [];
          }}
          onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
            if (event.key.length === 1) keyTimes.current.push(event.timeStamp);
          }}
        />
        <button type="submit">Enter</button>
      </div>
    </form>
  );
}

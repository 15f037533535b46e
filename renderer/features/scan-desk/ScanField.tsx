import { useEffect, useRef, useState, type FormEvent } from 'react';

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
  onSubmit: (value: string) => void;
}) {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const text = value;
    setValue('');
    onSubmit(text);
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
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit">Enter</button>
      </div>
    </form>
  );
}

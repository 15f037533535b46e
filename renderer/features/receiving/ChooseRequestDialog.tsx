import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ModalDialog } from '../../ui/ModalDialog.tsx';
import { focusScanField } from '../scan-desk/scan-field-focus.ts';
import { useScanTarget } from '../scan-desk/scan-targets.ts';
import { useWedgeSettings } from '../scan-desk/use-wedge-settings.ts';
import type { ReceivingDialog } from './receiving-slice.ts';

/**
 * The same External Identifier at several partners: which book is this? Requests that cannot be
 * received (received already, or in another status) are listed with the reason but not offered. Arrow
 * keys move between the requests, Enter (or a click) chooses, the number keys choose directly,
 * Escape cancels.
 */
export function ChooseRequestDialog({
  dialog,
}: {
  dialog: Extract<ReceivingDialog, { kind: 'choose' }>;
}) {
  const choose = useDesk((state) => state.chooseReceivingRequest);
  const cancel = useDesk((state) => state.cancelReceiving);
  const hint = useDesk((state) => state.hintReceivingChoice);
  const list = useRef<HTMLOListElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const { maxGapMs } = useWedgeSettings();
  const lastKeyUp = useRef(Number.NEGATIVE_INFINITY);
  const pending = useRef<number | undefined>(undefined);

  useScanTarget('Which request?', hint);
  useEffect(() => () => window.clearTimeout(pending.current), []);

  function move(event: KeyboardEvent<HTMLOListElement>): void {
    const buttons = Array.from(
      list.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [],
    );
    const at = buttons.findIndex((button) => button === document.activeElement);
    const last = buttons.length - 1;
    const to: Record<string, number> = {
      ArrowDown: at >= last ? 0 : at + 1,
      ArrowUp: at <= 0 ? last : at - 1,
      Home: 0,
      End: last,
    };
    const index = to[event.key];
    if (index === undefined) return;
    event.preventDefault();
    buttons[index]?.focus();
  }

  // The desk's wedge listener holds back printable keys while focus is on a button (they might
  // start a scan), so a number is read when its key comes up: alone, it is a person choosing; a
  // key up within a scanner's gap of the last one is part of a scan and chooses nothing.
  function chooseByNumber(event: KeyboardEvent<HTMLOListElement>): void {
    const quiet = event.timeStamp - lastKeyUp.current > maxGapMs;
    lastKeyUp.current = event.timeStamp;
    window.clearTimeout(pending.current);
    const candidate = /^[1-9]$/.test(event.key) ? dialog.candidates[Number(event.key) - 1] : null;
    if (!quiet || !candidate || candidate.blocked !== null) return;
    pending.current = window.setTimeout(() => choose(candidate.requestId), maxGapMs + 20);
  }

  const firstChoosable = dialog.candidates.findIndex((c) => c.blocked === null);
  return (
    <ModalDialog
      title="Which request?"
      initialFocus={first}
      onCancel={cancel}
      restoreFocus={focusScanField}
      className="choose-request-dialog"
    >
      <p>
        External Identifier <span className="code">{dialog.value}</span> belongs to{' '}
        {dialog.candidates.length} requests at different partners. Choose the one on the paperwork:
        arrow keys or its number, then Enter.
      </p>
      {dialog.hint && (
        <p className="field-error" role="alert">
          {dialog.hint}
        </p>
      )}
      <ol ref={list} className="choice-list" onKeyDown={move} onKeyUp={chooseByNumber}>
        {dialog.candidates.map((candidate, index) => (
          <li key={candidate.requestId}>
            <button
              type="button"
              disabled={candidate.blocked !== null}
              ref={index === firstChoosable ? first : undefined}
              aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
              onClick={() => choose(candidate.requestId)}
            >
              <span className="choice-number" aria-hidden="true">
                {index + 1}
              </span>{' '}
              <span className="choice-text">
                <span className="choice-partner">
                  {candidate.partnerName} ({candidate.partnerCode})
                </span>{' '}
                <span>{candidate.title}</span> <span>Patron: {candidate.patronName}</span>{' '}
                <span>
                  Status: {candidate.statusLabel} · Request {candidate.requestId}
                </span>
                {candidate.blocked === 'ALREADY_RECEIVED' && (
                  <span className="choice-blocked"> Received already: not this one.</span>
                )}
                {candidate.blocked === 'WRONG_STATUS' && (
                  <span className="choice-blocked"> Cannot be received in this status.</span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <div className="dialog-buttons">
        <button type="button" className="secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

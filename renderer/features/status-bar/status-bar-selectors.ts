import type { DeskInfoSlice } from './desk-info-slice.ts';

type Desk = DeskInfoSlice['desk'];

export const NO_OPERATOR = 'No operator signed in';
export const SCANNER_TEXT = 'Keyboard-wedge scanning arrives with issue #2';

export function deskNameText(desk: Desk): string {
  if (desk.info) return desk.info.deskName;
  return desk.error ? 'Desk not reachable' : 'Connecting…';
}

const PRINT_STATE: Record<string, string> = {
  idle: 'ready',
  printing: 'printing',
  offline: 'offline',
};

/** "tcp://10.0.0.5:9100 (offline, 2 waiting)" or "No printer set". */
export function printerText(desk: Desk): string {
  const printer = desk.print ? desk.print.printer : (desk.info?.printer ?? null);
  if (!printer || desk.print?.state === 'none') return 'No printer set';
  if (!desk.print) return printer;
  const parts = [PRINT_STATE[desk.print.state] ?? desk.print.state];
  if (desk.print.waiting > 0) parts.push(`${desk.print.waiting} waiting`);
  return `${printer} (${parts.join(', ')})`;
}

export function modeText(desk: Desk): string {
  return (desk.info?.mode ?? desk.mode) === 'electron' ? 'Electron' : 'Browser mode';
}

import type { SessionState } from '../../../shared/api/contract-operators.ts';
import type { PrinterStatus, PrintStatus } from '../../../shared/api/contract-printing.ts';
import type { DeskInfoSlice } from './desk-info-slice.ts';

type Desk = DeskInfoSlice['desk'];

export const NO_OPERATOR = 'No operator signed in';
export const SETUP_MODE_TEXT = 'Setup mode (no operators yet)';
export const SCANNER_TEXT = 'Keyboard wedge ready';

/** "Ada Lovelace (Operator)": who is signed in at this window, or that nobody needs to be. */
export function operatorText(session: SessionState | null): string {
  if (session?.operator) {
    return `${session.operator.name} (${session.operator.role === 'MANAGER' ? 'Manager' : 'Operator'})`;
  }
  return session?.setupMode ? SETUP_MODE_TEXT : NO_OPERATOR;
}

export function deskNameText(desk: Desk): string {
  if (desk.info) return desk.info.deskName;
  return desk.error ? 'Desk not reachable' : 'Connecting…';
}

const PRINT_STATE: Record<PrinterStatus['state'], string> = {
  idle: 'ready',
  printing: 'printing',
  offline: 'offline',
  failed: 'needs attention',
};

/**
 * "Front desk (offline, 2 waiting)": the printer receive slips go to now, with the whole queue's
 * waiting and failed counts; "No printer set" when there is none.
 */
export function printerText(status: PrintStatus | null, desk: Desk): string {
  if (!status) return desk.info?.printer ?? 'Connecting…';
  if (status.defaultPrinter === null && status.waiting === 0 && status.failed === 0) {
    return 'No printer set';
  }
  const current =
    status.printers.find((p) => (p.name ?? p.uri) === status.defaultPrinter) ?? status.printers[0];
  const parts = current ? [PRINT_STATE[current.state]] : [];
  if (status.waiting > 0) parts.push(`${status.waiting} waiting`);
  if (status.failed > 0) parts.push(`${status.failed} failed`);
  return `${status.defaultPrinter ?? 'No printer set'} (${parts.join(', ')})`;
}

export function modeText(desk: Desk): string {
  return (desk.info?.mode ?? desk.mode) === 'electron' ? 'Electron' : 'Browser mode';
}

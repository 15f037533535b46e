import type { DeskDatabase } from '../../db/database.ts';
import type { Gate } from '../../db/gate.ts';
import type { DeskEvents } from '../app/desk-events.ts';
import type { DeskScanners } from '../app/desk-scanners.ts';
import type { DeskPrinting } from '../printing/desk-printing.ts';
import type { DeskOutbox } from '../messaging/outbox/desk-outbox.ts';

/** What every use case is given: the database door, pushed events, and how this desk runs. */
export interface DeskContext {
  readonly db: DeskDatabase;
  readonly gate: Gate;
  readonly events: DeskEvents;
  readonly mode: 'electron' | 'browser';
  readonly dataDir: string;
  readonly version: string;
  /** The default printer URI for this run, if one was given. */
  readonly printer: string | null;
  /** HID POS scanners read by this process, when it reads any. */
  readonly scanners: DeskScanners | null;
  /** The print queue's sender and the printers' status. */
  readonly printing: DeskPrinting;
  /** The partner messages' outbox sender and its counts. */
  readonly outbox: DeskOutbox;
  /** The desk's clock: desk actions, Hold Until dates and the Undo window read it (tests set it). */
  readonly now: () => Date;
}

import type Database from 'better-sqlite3';
import { seededRandom, type SeededRandom } from '../../electron/demo/seeded-random.ts';

/**
 * The benchmark's data set, written straight into a migrated desk database with prepared
 * statements in one transaction (the import path is measured on its own, part f). Half borrowing,
 * half lending, over 100 partners; most requests closed long ago, the newest few percent active,
 * as on a desk that has run for years. The requests the desk steps work on are the newest ones, in
 * the statuses their step takes, and the figures' inputs are returned with them.
 */

export interface BenchSize {
  /** Borrowing plus lending requests. */
  readonly requests: number;
  readonly items: number;
  readonly partners: number;
  readonly patrons: number;
  /** Desk steps of each kind per measured path (services, HTTP). */
  readonly steps: number;
  /** Receiving Items scans in Chromium. */
  readonly browserScans: number;
}

export const FULL_SIZE: BenchSize = {
  requests: 1_000_000,
  items: 500_000,
  partners: 100,
  patrons: 20_000,
  steps: 1000,
  browserScans: 200,
};

export const QUICK_SIZE: BenchSize = {
  requests: 10_000,
  items: 5_000,
  partners: 100,
  patrons: 500,
  steps: 100,
  browserScans: 20,
};

/** What the desk steps are measured on: each list has `steps` per path, and Chromium's scans. */
export interface BenchTargets {
  readonly receive: { requestId: string; externalId: string; tempBarcode: string }[];
  readonly returns: { requestId: string; tempBarcode: string }[];
  readonly ship: { requestId: string; itemBarcode: string }[];
  readonly scanIn: { itemBarcode: string }[];
}

export interface BenchData {
  readonly targets: BenchTargets;
  /** Request IDs and External Identifiers of closed lending requests, for the floor and Find. */
  readonly closedLending: { requestId: string; externalId: string; title: string }[];
  readonly partnerCodes: string[];
  readonly counts: { borrowing: number; lending: number; items: number };
}

/** Fraction of the (non-target) requests that are still active: the newest ones. */
const ACTIVE_SHARE = 0.05;
const YEARS = 5;
/** The active requests were created within this many days. */
const RECENT_DAYS = 90;
const DAY = 86_400_000;

const OPEN_BORROWING = ['SENT', 'WILL_SUPPLY', 'SHIPPED_PHYSICALLY', 'RECEIVED', 'LOANED'];
const CLOSED_BORROWING = ['COMPLETED', 'COMPLETED', 'COMPLETED', 'CANCELLED', 'REJECTED'];
const OPEN_LENDING = [
  'CREATED',
  'LOCATE_FAILED',
  'WILL_SUPPLY',
  'BEING_PROCESSED',
  'SHIPPED_PHYSICALLY',
  'RECEIVED_BY_PARTNER',
  'OVERDUE',
];
const CLOSED_LENDING = ['COMPLETED', 'COMPLETED', 'COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED'];
const LOCATIONS = ['Main Stacks', 'Science Library', 'Music Library', 'Offsite Storage', 'Annex'];

/** Made-up words from syllables: titles whose words repeat the way a catalogue's do. */
function vocabulary(random: SeededRandom, size: number): string[] {
  const syllables = ['al', 'ber', 'cor', 'dan', 'el', 'fin', 'gor', 'ha', 'is', 'jun', 'ka'];
  syllables.push('lo', 'mar', 'nes', 'or', 'pra', 'qui', 'ros', 'sta', 'tur', 'ul', 'ven', 'wy');
  const words = new Set<string>();
  while (words.size < size) {
    const n = random.int(2, 4);
    words.add(Array.from({ length: n }, () => random.pick(syllables)).join(''));
  }
  return [...words];
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Writes the data set into `sqlite` (migrated, empty of requests) and returns the inputs. */
export function buildBenchData(sqlite: Database.Database, size: BenchSize): BenchData {
  const random = seededRandom(20261123);
  const words = vocabulary(random, 4000);
  const title = () =>
    Array.from({ length: random.int(2, 6) }, () => capital(random.pick(words))).join(' ');
  const author = () => `${capital(random.pick(words))}, ${capital(random.pick(words))}`;
  const now = Date.now();
  const start = now - YEARS * 365 * DAY;
  // Closed requests over the years before the last quarter; the active ones within it.
  const recent = now - RECENT_DAYS * DAY;
  const stamp = (fraction: number) => {
    const closedPart = 1 - ACTIVE_SHARE;
    const at =
      fraction <= closedPart
        ? start + (fraction / closedPart) * (recent - start)
        : recent + ((fraction - closedPart) / ACTIVE_SHARE) * (RECENT_DAYS * DAY - 3_600_000);
    return new Date(at).toISOString();
  };
  const day = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString().slice(0, 10);

  const perKind = Math.floor(size.requests / 2);
  const stepTargets = 2 * size.steps;
  const borrowingTargets = 2 * stepTargets + size.browserScans;
  const lendingTargets = 2 * stepTargets;

  sqlite.pragma('synchronous = OFF');
  const build = sqlite.transaction(() => {
    const partnerCodes: string[] = [];
    // No expiry: the daily Expired job at opening would otherwise close the requests to measure.
    const insertPartner = sqlite.prepare(
      `INSERT INTO partners (code, name, symbol, protocol, endpoint, address_line1, locality, country, expiry_days, loan_period_days)
       VALUES (?, ?, ?, 'iso18626', ?, 'Interlibrary Loan', ?, 'US', NULL, 28)`,
    );
    for (let p = 1; p <= size.partners; p++) {
      const code = `P${String(p).padStart(3, '0')}`;
      const town = capital(random.pick(words));
      insertPartner.run(
        code,
        `${town} University Library`,
        `S${p}`,
        `http://127.0.0.1:9/${code}`,
        town,
      );
      partnerCodes.push(code);
    }
    const insertPatron = sqlite.prepare(
      'INSERT INTO patrons (patron_id, name, barcode, email, pickup_location) VALUES (?, ?, ?, ?, ?)',
    );
    for (let p = 1; p <= size.patrons; p++) {
      insertPatron.run(`U${p}`, author(), `2100${p}`, `u${p}@example.edu`, 'Main Library');
    }
    const insertItem = sqlite.prepare(
      'INSERT INTO items (barcode, title, author, call_number, location, library) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const itemBarcode = (i: number) => `39${String(i).padStart(12, '0')}`;
    const itemTitles: string[] = [];
    for (let i = 1; i <= size.items; i++) {
      const t = title();
      itemTitles.push(t);
      const location = random.pick(LOCATIONS);
      insertItem.run(itemBarcode(i), t, author(), `QA${i % 900}.${i % 97}`, location, 'MAIN');
    }

    const insertBorrowing = sqlite.prepare(
      `INSERT INTO borrowing_requests (request_id, external_id, partner_id, patron_id, title, author, status, due_date, temp_barcode, received_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const targets: BenchTargets = { receive: [], returns: [], ship: [], scanIn: [] };
    for (let n = 1; n <= perKind; n++) {
      const fraction = n / perKind;
      const target = n - (perKind - borrowingTargets);
      const active = fraction > 1 - ACTIVE_SHARE;
      let status = active ? random.pick(OPEN_BORROWING) : random.pick(CLOSED_BORROWING);
      let tempBarcode: string | null = status === 'SENT' ? null : `T${n}`;
      const requestId = `B-${n}`;
      const externalId = String(7_800_000_000 + n);
      if (target > 0 && target <= stepTargets + size.browserScans) {
        status = 'SHIPPED_PHYSICALLY';
        tempBarcode = null;
        targets.receive.push({ requestId, externalId, tempBarcode: `R${n}` });
      } else if (target > stepTargets + size.browserScans) {
        status = 'RECEIVED';
        targets.returns.push({ requestId, tempBarcode: `T${n}` });
      }
      const created = stamp(fraction);
      const received = status === 'RECEIVED' || status === 'LOANED' ? created : null;
      insertBorrowing.run(
        requestId,
        externalId,
        1 + (n % size.partners),
        1 + (n % size.patrons),
        title(),
        author(),
        status,
        received ? day(random.int(1, 40)) : null,
        tempBarcode,
        received,
        created,
        created,
      );
    }

    const insertLending = sqlite.prepare(
      `INSERT INTO lending_requests (request_id, external_id, partner_id, item_id, item_barcode, title, author, status, requested_format, level_of_service, due_date, printed, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PHYSICAL', ?, ?, ?, ?, ?)`,
    );
    const insertAlert = sqlite.prepare(
      `INSERT INTO request_alerts (lending_request_id, code, message, at) VALUES (?, 'LOCATE_FAILED', 'No item matches the request.', ?)`,
    );
    const closedLending: BenchData['closedLending'] = [];
    for (let n = 1; n <= perKind; n++) {
      const fraction = n / perKind;
      const target = n - (perKind - lendingTargets);
      const active = fraction > 1 - ACTIVE_SHARE;
      let status = active ? random.pick(OPEN_LENDING) : random.pick(CLOSED_LENDING);
      if (target > 0) status = target <= stepTargets ? 'CREATED' : 'SHIPPED_PHYSICALLY';
      // One item per request while there are items, so a scanned barcode names one request.
      const item = n <= size.items ? n : null;
      const located = status !== 'LOCATE_FAILED' && item !== null;
      const barcode = located ? itemBarcode(item) : null;
      const t = item !== null ? (itemTitles[item - 1] ?? title()) : title();
      const requestId = `L-${n}`;
      const externalId = String(5_500_000_000 + n);
      const created = stamp(fraction);
      const shipped = status === 'SHIPPED_PHYSICALLY' || status === 'RECEIVED_BY_PARTNER';
      const id = insertLending.run(
        requestId,
        externalId,
        1 + (n % size.partners),
        located ? item : null,
        barcode,
        t,
        author(),
        status,
        random.chance(0.1) ? 'RUSH' : null,
        // A desk's daily Overdue job marked yesterday's past-due loans already: none is left over.
        shipped ? day(random.int(1, 40)) : status === 'OVERDUE' ? day(random.int(-20, -1)) : null,
        random.chance(0.5) ? 1 : 0,
        created,
        created,
      ).lastInsertRowid;
      if (status === 'LOCATE_FAILED') insertAlert.run(id, created);
      if (target > 0 && barcode) {
        if (status === 'CREATED') targets.ship.push({ requestId, itemBarcode: barcode });
        else targets.scanIn.push({ itemBarcode: barcode });
      }
      if (!active && random.chance(0.01)) closedLending.push({ requestId, externalId, title: t });
    }
    return {
      targets,
      closedLending,
      partnerCodes,
      counts: { borrowing: perKind, lending: perKind, items: size.items },
    };
  });
  const data = build();
  sqlite.pragma('synchronous = NORMAL');
  return data;
}

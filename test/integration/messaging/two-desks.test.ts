import { afterEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import type { Session } from '../../../shared/api/dispatch.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import { defaultSetting } from '../../../shared/settings/desk-settings.ts';
import type { ImportFileContent } from '../../../shared/import/import-format.ts';
import { setSetting } from '../../../db/repositories/settings-repository.ts';
import { importJson } from '../../../electron/import/import-file.ts';
import { call, until } from '../../helpers/borrowing-desk.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

/**
 * Two RS Desks on loopback, one library borrowing from the other over ISO 18626 (issue 7 part 6):
 * each with its listener and its outbox sender, configured by import to know the other. One loan
 * goes request → ship → receive → return → check in, and after every step both sides' statuses
 * agree, with no help beyond the desk steps themselves.
 */

interface Library {
  readonly temp: TempDesk;
  readonly client: DeskClient;
  readonly logs: string[];
  readonly url: string;
  rows<T>(sql: string, ...params: unknown[]): T[];
}

const libraries: Library[] = [];
afterEach(async () => {
  for (const library of libraries.splice(0)) await library.temp.dispose();
});

async function openLibrary(agencyIdValue: string, institution: string): Promise<Library> {
  const logs: string[] = [];
  const temp = await openTempDesk({
    isoPort: 0,
    messageBackoffMs: () => 50,
    messageTimeoutMs: 3_000,
    log: (line) => logs.push(line),
  });
  await temp.desk.context.gate.transaction(async (tx) => {
    await setSetting(tx, 'institution', institution);
    await setSetting(tx, 'iso18626', { ...defaultSetting('iso18626'), agencyIdValue });
  });
  const session: Session = {
    id: `${agencyIdValue}-desk`,
    transport: 'in-process',
    operatorId: null,
  };
  const library: Library = {
    temp,
    client: createInProcessClient(
      temp.desk.handlers,
      (event, listener) => temp.desk.events.on(event, listener),
      session,
      { checkOutput: true },
    ),
    logs,
    url: temp.desk.isoListener.url() ?? '',
    rows: <T>(sql: string, ...params: unknown[]) =>
      temp.desk.context.db.sqlite.prepare(sql).all(...params) as T[],
  };
  libraries.push(library);
  return library;
}

/** The credentials the two libraries agreed for their partnership, on both partner records. */
const SHARED = { accountId: 'alpha-beta', securityCode: 'correct horse battery staple' };

const TITLE = 'The Dispossessed';
const ITEM = '39015000123457';

async function configure(borrower: Library, lender: Library, isoVersion: '1.2' | '2021') {
  const borrowerFile: ImportFileContent = {
    partners: [
      {
        code: 'BETA',
        name: 'Beta University',
        symbol: 'US-BETA',
        protocol: 'iso18626',
        endpoint: lender.url,
        isoVersion,
        ...SHARED,
        borrowingWorkflow: 'Peer to Peer Borrowing',
      },
    ],
    patrons: [{ id: 'P1', name: 'Shevek Urrasti', email: 'shevek@alpha.example.edu' }],
    borrowingRequests: [
      {
        // Until the lender answers, the External Identifier is our own request ID.
        requestId: 'B-1001',
        externalId: 'B-1001',
        partner: 'BETA',
        patron: 'P1',
        title: TITLE,
        author: 'Le Guin, Ursula K.',
        isbn: '9780061054884',
        status: 'CREATED',
        neededBy: '2026-12-20',
      },
    ],
  };
  await importJson(borrower.temp.desk.context.gate, borrowerFile, { source: 'alpha.json' });

  // The lender tells the borrower when an item is checked in (Checked In Message), which the
  // seed's Peer to Peer Lending profile leaves out.
  lender.temp.desk.context.db.sqlite
    .prepare(`INSERT INTO workflow_profiles (name, type, steps) VALUES (?, 'LENDING', ?)`)
    .run(
      'Peer to Peer Lending with Checked In Message',
      JSON.stringify([
        'BORROWER_RECALL',
        'CANCEL_REPLY',
        'CONDITIONAL',
        'LENDER_CHECK_IN',
        'PATRON_RENEWAL',
        'STAFF_RENEWAL',
        'CHECKED_IN_MESSAGE',
      ]),
    );
  const lenderFile: ImportFileContent = {
    partners: [
      {
        code: 'ALPHA',
        name: 'Alpha College',
        symbol: 'US-ALPHA',
        protocol: 'iso18626',
        endpoint: borrower.url,
        isoVersion,
        ...SHARED,
        lendingWorkflow: 'Peer to Peer Lending with Checked In Message',
        loanPeriodDays: 28,
      },
    ],
    items: [
      {
        barcode: ITEM,
        title: TITLE,
        author: 'Le Guin, Ursula K.',
        isbn: '9780061054884',
        callNumber: 'PS3562.E42 D5',
        location: 'Main Stacks',
      },
    ],
  };
  await importJson(lender.temp.desk.context.gate, lenderFile, { source: 'beta.json' });
}

interface Sides {
  readonly borrowing: string | undefined;
  readonly lending: string | undefined;
}

function sides(borrower: Library, lender: Library): Sides {
  const [b] = borrower.rows<{ status: string }>(
    `SELECT status FROM borrowing_requests WHERE request_id = 'B-1001'`,
  );
  const [l] = lender.rows<{ status: string }>(
    `SELECT status FROM lending_requests WHERE external_id = 'B-1001'`,
  );
  return { borrowing: b?.status, lending: l?.status };
}

/** Waits (with a deadline) until both desks show the expected statuses; says what they showed. */
async function agree(borrower: Library, lender: Library, expected: Sides): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = sides(borrower, lender);
  while (seen.borrowing !== expected.borrowing || seen.lending !== expected.lending) {
    if (Date.now() > deadline) {
      const failed = [
        ...borrower.rows(
          `SELECT kind, state, last_error FROM partner_messages WHERE state <> 'SENT'`,
        ),
        ...lender.rows(
          `SELECT kind, state, last_error FROM partner_messages WHERE state <> 'SENT'`,
        ),
      ];
      throw new Error(
        `The desks did not come to ${JSON.stringify(expected)}: they show ${JSON.stringify(seen)}.\n` +
          `Unsent messages: ${JSON.stringify(failed)}\nBorrower log: ${borrower.logs.join('\n')}\nLender log: ${lender.logs.join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    seen = sides(borrower, lender);
  }
}

describe.each(['1.2', '2021'] as const)('two desks on ISO 18626 %s', (isoVersion) => {
  it('run one loan from request to check-in, both sides agreeing at every step', async () => {
    const borrower = await openLibrary('US-ALPHA', 'Alpha College');
    const lender = await openLibrary('US-BETA', 'Beta University');
    await configure(borrower, lender, isoVersion);

    // Send to partner: the Request goes out; the lender has a new request, located on arrival.
    await call(borrower.client, 'requests.act', {
      kind: 'borrowing',
      requestId: 'B-1001',
      action: 'SEND',
    });
    await agree(borrower, lender, { borrowing: 'SENT', lending: 'CREATED' });
    const [lending] = lender.rows<{
      request_id: string;
      item_barcode: string;
      title: string;
      author: string;
      isbn: string;
    }>(
      `SELECT request_id, item_barcode, title, author, isbn FROM lending_requests WHERE external_id = 'B-1001'`,
    );
    expect(lending).toMatchObject({
      item_barcode: ITEM,
      title: TITLE,
      author: 'Le Guin, Ursula K.',
      isbn: '9780061054884',
    });
    const lenderId = lending?.request_id ?? '';
    // The Request names the book, not the patron.
    const [request] = lender.rows<{ body: string }>(
      `SELECT body FROM partner_messages WHERE direction = 'IN' AND kind = 'Request'`,
    );
    expect(request?.body).toContain(`ill:version="${isoVersion}"`);
    expect(request?.body).not.toMatch(/Shevek|shevek@|P1</);

    // Shipping Items on the lender: Loaned tells the borrower the item barcode and the lender's ID.
    await call(lender.client, 'shipping.ship', {
      requestId: lenderId,
      itemBarcode: ITEM,
      dueDate: '2027-01-18',
    });
    await agree(borrower, lender, {
      borrowing: 'SHIPPED_PHYSICALLY',
      lending: 'SHIPPED_PHYSICALLY',
    });
    expect(
      borrower.rows(
        `SELECT lender_item_barcode, external_id, due_date FROM borrowing_requests WHERE request_id = 'B-1001'`,
      ),
    ).toEqual([{ lender_item_barcode: ITEM, external_id: lenderId, due_date: '2027-01-18' }]);

    // Receiving Items on the borrower.
    const received = await call(borrower.client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: 'ALPHA-T-0001',
      notifyPatron: false,
    });
    expect(received.outcome).toBe('RECEIVED');
    await agree(borrower, lender, { borrowing: 'RECEIVED', lending: 'RECEIVED_BY_PARTNER' });

    // Return Items on the borrower: the book goes back.
    await call(borrower.client, 'returning.return', { requestId: 'B-1001' });
    await agree(borrower, lender, {
      borrowing: 'RETURNED_TO_PARTNER',
      lending: 'RETURNED_BY_PARTNER',
    });

    // Scan In Items on the lender: LoanCompleted completes the borrower's request too.
    await call(lender.client, 'scanIn.checkIn', { value: ITEM });
    await agree(borrower, lender, { borrowing: 'COMPLETED', lending: 'COMPLETED' });

    // Every message went through (the last is marked sent once its confirmation is in), each
    // journalled on the side that received it.
    for (const library of [borrower, lender]) {
      await until(
        () =>
          library.rows(
            `SELECT kind, state FROM partner_messages WHERE state NOT IN ('SENT', 'RECEIVED')`,
          ),
        (unsent) => unsent.length === 0,
        'every message to be sent',
      );
    }
    expect(
      borrower.rows<{ direction: string; kind: string }>(
        `SELECT direction, kind FROM partner_messages WHERE channel = 'iso18626' ORDER BY id`,
      ),
    ).toEqual([
      { direction: 'OUT', kind: 'Request' },
      { direction: 'IN', kind: 'Loaned' },
      { direction: 'OUT', kind: 'Received' },
      { direction: 'OUT', kind: 'ShippedReturn' },
      { direction: 'IN', kind: 'LoanCompleted' },
    ]);
    expect(borrower.logs).toEqual([]);
    expect(lender.logs).toEqual([]);
  });
});

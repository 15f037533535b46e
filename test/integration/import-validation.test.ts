import { describe, expect, it } from 'vitest';
import { problemText } from '../../shared/import/import-problems.ts';
import { validateImportDocument } from '../../shared/import/import-validation.ts';

/** The problems a document has, as the lines staff read. */
function problemsOf(json: unknown): string[] {
  const result = validateImportDocument(json);
  return result.ok ? [] : result.problems.map(problemText);
}

const partner = {
  code: 'SUNYALB',
  name: 'University at Albany, SUNY',
  protocol: 'iso18626',
  endpoint: 'http://127.0.0.1:9/iso18626',
};
const borrowing = {
  requestId: 'B-1001',
  externalId: '78239000001',
  partner: 'SUNYALB',
  patron: 'P100',
  title: 'Flatland',
  status: 'SENT',
};
const lending = {
  requestId: 'L-2001',
  externalId: '33100042',
  partner: 'SUNYALB',
  title: 'Walden',
  status: 'CREATED',
};

describe('validating an import file (DESIGN.md §6)', () => {
  it('normalises statuses and formats given as Alma names in any case to their codes', () => {
    const result = validateImportDocument({
      borrowingRequests: [
        { ...borrowing, status: 'physically RECEIVED by library', format: 'digital' },
      ],
      lendingRequests: [
        {
          ...lending,
          status: 'Rejected the borrower request',
          requestedFormat: 'Physical non-returnable',
        },
      ],
    });
    expect(result.ok && result.document.borrowingRequests[0]).toMatchObject({
      status: 'RECEIVED',
      format: 'DIGITAL',
    });
    expect(result.ok && result.document.lendingRequests[0]).toMatchObject({
      status: 'REJECTED',
      requestedFormat: 'PHYSICAL_NON_RETURNABLE',
    });
  });

  it('names an unknown field with the record, lists the allowed fields, and suggests a near spelling', () => {
    expect(problemsOf({ partners: [{ ...partner, colour: 'red', adress: {} }] })).toEqual([
      'partners[0].colour: unknown field — remove it (allowed: code, name, symbol, protocol, endpoint, email, isoVersion, accountId, securityCode, address, lendingWorkflow, borrowingWorkflow, expiryDays, loanPeriodDays, active)',
      'partners[0].adress: unknown field — rename it to "address" or remove it (allowed: code, name, symbol, protocol, endpoint, email, isoVersion, accountId, securityCode, address, lendingWorkflow, borrowingWorkflow, expiryDays, loanPeriodDays, active)',
    ]);
    expect(problemsOf({ partners: [{ ...partner, address: { city: 'Albany' } }] })).toEqual([
      'partners[0].address.city: unknown field — remove it (allowed: line1, line2, locality, region, postalCode, country)',
    ]);
  });

  it('refuses an unknown top-level section, and a file that is not an object', () => {
    expect(problemsOf({ requests: [] })).toEqual([
      'requests: unknown section — remove it or rename it (allowed: workflowProfiles, partners, patrons, items, borrowingRequests, lendingRequests)',
    ]);
    expect(problemsOf([borrowing])[0]).toMatch(/^The file must hold one JSON object/);
  });

  it('says a status belongs to the other side when it does', () => {
    expect(
      problemsOf({ lendingRequests: [{ ...lending, status: 'Loaned item to patron' }] }),
    ).toEqual([
      'lendingRequests[0].status: "Loaned item to patron" is a borrowing status, not a lending one — is this record in the right array? (use a code such as WILL_SUPPLY or an Alma name such as "Will supply")',
    ]);
  });

  it('asks for identifiers in quotes, so leading zeros survive', () => {
    expect(problemsOf({ lendingRequests: [{ ...lending, externalId: 33100042 }] })).toEqual([
      'lendingRequests[0].externalId: must be text in quotes, e.g. "33100042" — a bare number loses leading zeros',
    ]);
  });

  it('requires the fields a record cannot do without', () => {
    expect(
      problemsOf({
        borrowingRequests: [
          { requestId: 'B-1', externalId: '1', partner: 'SUNYALB', title: 'T', status: 'SENT' },
        ],
      }),
    ).toEqual([
      'borrowingRequests[0].patron: is missing — every borrowing request needs it; add it',
    ]);
    expect(problemsOf({ items: [{ barcode: '  ', title: 'T' }] })).toEqual([
      'items[0].barcode: must not be empty — fill it in',
    ]);
  });

  it('requires an endpoint of an ISO 18626 partner and an address of an email partner', () => {
    expect(
      problemsOf({
        partners: [
          { code: 'A', name: 'A', protocol: 'iso18626' },
          { code: 'B', name: 'B', protocol: 'email' },
        ],
      }),
    ).toEqual([
      'partners[0].endpoint: is missing — partner A uses iso18626, so give its ISO 18626 endpoint (https://…) or set "protocol": "email"',
      'partners[1].email: is missing — partner B uses email, so give the address its letters go to',
    ]);
    expect(problemsOf({ partners: [{ ...partner, protocol: 'fax' }] })).toEqual([
      'partners[0].protocol: "fax" is not a protocol (use iso18626 or email)',
    ]);
  });

  it('refuses dates that are not real calendar dates', () => {
    expect(problemsOf({ lendingRequests: [{ ...lending, neededBy: '20/12/2026' }] })).toEqual([
      'lendingRequests[0].neededBy: "20/12/2026" is not a date — write dates as YYYY-MM-DD, e.g. 2026-12-20',
    ]);
  });

  it('finds keys used twice in the file, ignoring letter case as the desk does', () => {
    expect(
      problemsOf({
        partners: [partner, { ...partner, code: 'sunyalb' }],
        patrons: [
          { id: 'P1', name: 'A', barcode: '21234000012345' },
          { id: 'P2', name: 'B', barcode: '21234000012345' },
        ],
        items: [
          { barcode: '31234000123456', title: 'T' },
          { barcode: '31234000123456', title: 'U' },
        ],
      }),
    ).toEqual([
      'partners[1].code: "sunyalb" is already the code of partners[0] — give each partner its own code',
      'patrons[1].barcode: "21234000012345" is already the barcode of patrons[0] — a barcode belongs to one patron',
      'items[1].barcode: "31234000123456" is already the barcode of items[0] — a barcode belongs to one item',
    ]);
  });

  it('allows an External Identifier once per partner and side, and refuses it twice at one partner', () => {
    const twoPartners = validateImportDocument({
      borrowingRequests: [borrowing, { ...borrowing, requestId: 'B-1002', partner: 'SUNYBUF' }],
      lendingRequests: [{ ...lending, externalId: '78239000001' }],
    });
    expect(twoPartners.ok).toBe(true);
    expect(
      problemsOf({
        borrowingRequests: [borrowing, { ...borrowing, requestId: 'B-1002', partner: 'sunyalb' }],
      }),
    ).toEqual([
      'borrowingRequests[1].externalId: "78239000001" from partner sunyalb is already used by borrowingRequests[0] — an External Identifier may repeat only at different partners',
    ]);
  });

  it('reports every problem in one pass, a duplicate even in a record with other problems', () => {
    expect(
      problemsOf({
        borrowingRequests: [borrowing, { ...borrowing, externalId: '2', status: 'Shiped' }],
      }),
    ).toEqual([
      'borrowingRequests[1].status: "Shiped" is not a borrowing status (use a code such as SHIPPED_PHYSICALLY or an Alma name such as "Shipped physically")',
      'borrowingRequests[1].requestId: "B-1001" is already the request ID of borrowingRequests[0] — request IDs must be unique across borrowing and lending requests',
    ]);
  });
});

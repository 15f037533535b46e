import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import type { PartnerInput } from '../../../shared/api/contract-config.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { deskStaff } from '../../helpers/task-operators.ts';

/** Settings → Partners: adding, changing and deactivating partners, and who may. */

let desk: BorrowingDesk;
let grace: DeskClient;
let ada: DeskClient;

beforeEach(async () => {
  desk = await openBorrowingDesk({ printer: 'none' });
  ({ grace, ada } = await deskStaff(desk));
});
afterEach(() => desk.dispose());

const CORNELL: PartnerInput = {
  code: 'CORNELL',
  name: 'Cornell University Library',
  symbol: 'COO',
  protocol: 'iso18626',
  endpoint: 'https://ill.cornell.example.edu/iso18626',
  isoVersion: '2021',
  accountId: 'RS-COO',
  securityCode: 's3cret',
  address: { line1: 'Olin Library, ILL', locality: 'Ithaca', region: 'NY', country: 'US' },
  expiryDays: 7,
  loanPeriodDays: 42,
};

describe('adding a partner', () => {
  it('lists the new partner with its profiles, and says a security code is set without showing it', async () => {
    const saved = await call(grace, 'partners.save', CORNELL);
    expect(saved).toMatchObject({
      code: 'CORNELL',
      name: 'Cornell University Library',
      protocol: 'iso18626',
      isoVersion: '2021',
      accountId: 'RS-COO',
      securityCodeSet: true,
      lendingWorkflow: 'Peer to Peer Lending',
      borrowingWorkflow: 'Peer to Peer Borrowing',
      expiryDays: 7,
      loanPeriodDays: 42,
      active: true,
      address: { line1: 'Olin Library, ILL', line2: null, locality: 'Ithaca' },
    });
    expect(JSON.stringify(saved)).not.toContain('s3cret');
    const listed = await call(ada, 'partners.list', {});
    expect(listed.map((p) => p.code)).toContain('CORNELL');
    expect(JSON.stringify(await call(grace, 'partners.config', {}))).not.toContain('s3cret');
    expect((await call(grace, 'desk.info', {})).counts.partners).toBe(4);
  });

  it('refuses a code another partner has, naming that partner', async () => {
    const error = await refusal(grace, 'partners.save', { ...CORNELL, code: 'sunyalb' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain("The code SUNYALB is already University at Albany, SUNY's");
    expect(error.issues?.[0]?.path).toBe('code');
  });

  it('refuses an ISO 18626 partner without an endpoint and an email partner without an address', async () => {
    const noEndpoint = await refusal(grace, 'partners.save', { ...CORNELL, endpoint: ' ' });
    expect(noEndpoint.message).toMatch(/An ISO 18626 partner needs its endpoint/);
    expect(noEndpoint.issues?.[0]?.path).toBe('endpoint');
    const noEmail = await refusal(grace, 'partners.save', { ...CORNELL, protocol: 'email' });
    expect(noEmail.message).toMatch(/An email partner needs its email address/);
    const badEmail = await refusal(grace, 'partners.save', {
      ...CORNELL,
      protocol: 'email',
      email: 'ill at cornell',
    });
    expect(badEmail.message).toContain('"ill at cornell" is not an email address');
    expect(desk.count('partners')).toBe(3);
  });

  it('refuses a profile that does not exist or is of the wrong type', async () => {
    const missing = await refusal(grace, 'partners.save', {
      ...CORNELL,
      lendingWorkflow: 'Express Lending',
    });
    expect(missing.message).toContain('"Express Lending" is not a workflow profile in this desk');
    const wrongType = await refusal(grace, 'partners.save', {
      ...CORNELL,
      lendingWorkflow: 'Peer to Peer Borrowing',
    });
    expect(wrongType.message).toContain('"Peer to Peer Borrowing" is a borrowing profile');
    expect(wrongType.issues?.[0]?.path).toBe('lendingWorkflow');
  });

  it('refuses a negative loan period, saying what it needs', async () => {
    const error = await refusal(grace, 'partners.save', { ...CORNELL, loanPeriodDays: -3 });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('loanPeriodDays');
  });
});

describe('changing a partner', () => {
  it('keeps the security code when none is typed, and removes it when asked', async () => {
    await call(grace, 'partners.save', CORNELL);
    const { securityCode: _kept, ...withoutCode } = CORNELL;
    const renamed = await call(grace, 'partners.save', {
      ...withoutCode,
      editing: 'CORNELL',
      name: 'Cornell University',
    });
    expect(renamed).toMatchObject({ name: 'Cornell University', securityCodeSet: true });
    const [row] = desk.rows<{ security_code: string | null }>(
      "SELECT security_code FROM partners WHERE code = 'CORNELL'",
    );
    expect(row?.security_code).toBe('s3cret');
    const cleared = await call(grace, 'partners.save', {
      ...CORNELL,
      editing: 'CORNELL',
      securityCode: null,
    });
    expect(cleared.securityCodeSet).toBe(false);
  });

  it('deactivates a partner, keeping its requests, and refuses a change of code', async () => {
    const [albany] = (await call(grace, 'partners.config', {})).filter((p) => p.code === 'SUNYALB');
    if (!albany) throw new Error('SUNYALB is not in the fixture');
    const input: PartnerInput = {
      editing: 'SUNYALB',
      code: albany.code,
      name: albany.name,
      symbol: albany.symbol,
      protocol: albany.protocol,
      endpoint: albany.endpoint,
      isoVersion: albany.isoVersion,
      address: albany.address,
      active: false,
    };
    const saved = await call(grace, 'partners.save', input);
    expect(saved.active).toBe(false);
    const list = await call(grace, 'borrowing.list', { partner: ['SUNYALB'] });
    expect(list.total).toBeGreaterThan(0);

    const recoded = await refusal(grace, 'partners.save', { ...input, code: 'ALBANY' });
    expect(recoded.message).toContain("A partner's code cannot change");
  });

  it('says so when the partner being changed is not there', async () => {
    const error = await refusal(grace, 'partners.save', { ...CORNELL, editing: 'CORNELL' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('No partner has the code CORNELL');
  });
});

describe('who may change partners', () => {
  it('refuses an Operator, says who can, and adds nothing', async () => {
    const error = await refusal(ada, 'partners.save', CORNELL);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(error.message).toContain(
      'Adding or changing partners needs a Fulfillment Services Manager',
    );
    expect((await refusal(ada, 'partners.config', {})).code).toBe('FORBIDDEN');
    expect(desk.count('partners')).toBe(3);
  });
});

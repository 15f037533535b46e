import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import { importJson } from '../../../electron/import/import-file.ts';
import { listProfiles } from '../../../db/repositories/workflow-profiles-repository.ts';
import type { WorkflowProfileRow } from '../../../shared/api/contract-config.ts';
import {
  listPartnerRows,
  toPartnerConfig,
} from '../../../db/repositories/partner-config-repository.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';
import { deskStaff } from '../../helpers/task-operators.ts';

/** The configuration export: a file `rs-desk import` sets a second desk up from. */

let desk: BorrowingDesk;
let grace: DeskClient;
let ada: DeskClient;
let second: TempDesk | undefined;

beforeEach(async () => {
  desk = await openBorrowingDesk({ printer: 'none' });
  ({ grace, ada } = await deskStaff(desk));
});
afterEach(async () => {
  await second?.dispose();
  second = undefined;
  await desk.dispose();
});

const CODED = {
  code: 'CORNELL',
  name: 'Cornell University Library',
  protocol: 'iso18626' as const,
  endpoint: 'https://ill.cornell.example.edu/iso18626',
  accountId: 'RS-COO',
  securityCode: 's3cret',
};

describe('exporting the configuration', () => {
  it('leaves security codes out unless asked for them', async () => {
    await call(grace, 'partners.save', CODED);
    const plain = await call(grace, 'config.export', {});
    expect(plain.fileName).toMatch(/^rs-desk-configuration-\d{4}-\d{2}-\d{2}\.json$/);
    expect(plain.json).not.toContain('s3cret');
    expect(plain.json).toContain('"accountId": "RS-COO"');
    const secret = await call(grace, 'config.export', { includeSecurityCodes: true });
    expect(secret.json).toContain('"securityCode": "s3cret"');
  });

  it('sets up a second desk with the same profiles, partners and accounts', async () => {
    await call(grace, 'profiles.save', {
      name: 'Express Lending',
      type: 'LENDING',
      steps: ['WILL_SUPPLY', 'CONDITIONAL'],
    });
    const lending = (await call(grace, 'profiles.list', {})).find(
      (p) => p.name === 'Peer to Peer Lending',
    );
    if (!lending) throw new Error('no seed lending profile');
    await call(grace, 'profiles.save', {
      id: lending.id,
      name: lending.name,
      type: lending.type,
      steps: [...lending.steps, 'WILL_SUPPLY'],
    });
    await call(grace, 'partners.save', { ...CODED, lendingWorkflow: 'Express Lending' });
    const { json } = await call(grace, 'config.export', { includeSecurityCodes: true });

    second = await openTempDesk();
    const counts = await importJson(second.desk.context.gate, JSON.parse(json), {
      source: 'configuration.json',
    });
    expect(counts).toMatchObject({ workflowProfiles: 3, partners: 4 });
    expect(counts.message).toBe(
      'Imported 3 workflow profiles and 4 partners from configuration.json.',
    );
    const strip = (list: readonly WorkflowProfileRow[]) =>
      list.map(({ name, type, steps, partners }) => ({ name, type, steps, partners }));
    expect(strip(await second.desk.context.gate.read(listProfiles))).toEqual(
      strip(await call(grace, 'profiles.list', {})),
    );
    const there = await second.desk.context.gate.read(listPartnerRows);
    expect(there.map((p) => toPartnerConfig(p))).toEqual(await call(grace, 'partners.config', {}));
    expect(there.find((p) => p.row.code === 'CORNELL')?.row.securityCode).toBe('s3cret');
  });

  it('refuses a file whose profile has a step of the other type, naming it', async () => {
    second = await openTempDesk();
    const file = {
      workflowProfiles: [{ name: 'Odd', type: 'lending', steps: ['WILL_SUPPLY', 'MANUAL_RENEW'] }],
    };
    await expect(
      importJson(second.desk.context.gate, file, { source: 'odd.json' }),
    ).rejects.toThrow(
      /workflowProfiles\[0\]\.steps\[1\].*"MANUAL_RENEW" is not a step of a lending profile/,
    );
    const retyped = { workflowProfiles: [{ name: 'Peer to Peer Lending', type: 'BORROWING' }] };
    await expect(
      importJson(second.desk.context.gate, retyped, { source: 'retyped.json' }),
    ).rejects.toThrow(/"Peer to Peer Lending" is a lending profile in this desk/);
  });

  it('is refused to an Operator', async () => {
    expect((await refusal(ada, 'config.export', {})).code).toBe('FORBIDDEN');
  });
});

/** One entry point for every slip kind, so the print service dispatches on the job's kind alone. */
import type {
  PullSlipData,
  ReceiveSlipData,
  ReturnSlipData,
  ShippingSlipData,
  SlipOrigin,
} from '../slip-data.ts';
import type { SlipDocument } from '../slip-document.ts';
import { buildPullSlips } from './pull-slip.ts';
import { buildReceiveSlip } from './receive-slip.ts';
import { buildReturnSlip } from './return-slip.ts';
import { buildShippingSlip } from './shipping-slip.ts';
import { buildTestPage, type TestPageInput } from './test-page.ts';

export type SlipInput =
  | { kind: 'RECEIVE_SLIP'; data: ReceiveSlipData }
  | { kind: 'RETURN_SLIP'; data: ReturnSlipData }
  | { kind: 'SHIPPING_SLIP'; data: ShippingSlipData }
  | { kind: 'PULL_SLIP'; data: PullSlipData[] }
  | { kind: 'TEST_PAGE'; data: Omit<TestPageInput, 'origin'> };

export function buildSlip(input: SlipInput, origin: SlipOrigin): SlipDocument {
  switch (input.kind) {
    case 'RECEIVE_SLIP':
      return buildReceiveSlip(input.data, origin);
    case 'RETURN_SLIP':
      return buildReturnSlip(input.data, origin);
    case 'SHIPPING_SLIP':
      return buildShippingSlip(input.data, origin);
    case 'PULL_SLIP':
      return buildPullSlips(input.data, origin);
    case 'TEST_PAGE':
      return buildTestPage({ ...input.data, origin });
    default: {
      const unknown: never = input;
      throw new Error(`Unknown slip kind: ${JSON.stringify(unknown)}`);
    }
  }
}

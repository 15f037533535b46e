import type { ShippingRequest } from '../../../shared/api/contract-lending-desk.ts';
import type { Output } from '../../../shared/api/contract.ts';

/** L-2001 as Shipping Items sees it: located item 31234000123456, a 56-day loan at SUNYBUF. */
export function shippingRequest(overrides: Partial<ShippingRequest> = {}): ShippingRequest {
  return {
    requestId: 'L-2001',
    externalId: '33100042',
    title: 'Introduction to Algorithms',
    author: 'Cormen, Thomas H.',
    partnerCode: 'SUNYBUF',
    partnerName: 'University at Buffalo, SUNY',
    status: 'BEING_PROCESSED',
    statusLabel: 'Being processed',
    itemBarcode: '31234000123456',
    callNumber: 'QA76.6 .C662 2022',
    location: 'Science Library',
    proposedDueDate: '2027-01-18',
    blocked: null,
    ...overrides,
  };
}

export function lookupAnswer(
  overrides: Partial<Output<'shipping.lookup'>> = {},
): Output<'shipping.lookup'> {
  return {
    request: shippingRequest(),
    scanned: 'REQUEST',
    readyToShip: false,
    message: 'Found lending request L-2001.',
    ...overrides,
  };
}

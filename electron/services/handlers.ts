import type { Handlers } from '../../shared/api/dispatch.ts';
import { listPartners } from '../../db/repositories/partners-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { getDeskInfo } from './desk-info-service.ts';
import { getRequest, listBorrowingRequests, listLendingRequests } from './requests-service.ts';
import { listRecentScans, submitScan } from './scan-service.ts';

/** The handler map behind the API contract: thin bindings from methods to use cases. */
export function createHandlers(ctx: DeskContext): Handlers {
  return {
    'desk.info': () => getDeskInfo(ctx),
    'partners.list': () => ctx.gate.read((db) => listPartners(db)),
    'borrowing.list': (input) => listBorrowingRequests(ctx, input),
    'lending.list': (input) => listLendingRequests(ctx, input),
    'requests.detail': (input) => getRequest(ctx, input),
    'scans.submit': (input, session) => submitScan(ctx, input, session),
    'scans.recent': (input) => listRecentScans(ctx, input),
    'scanners.status': async () => ({
      hidEnabled: ctx.scanners !== null,
      connected: (ctx.scanners?.service.status() ?? []).map((s) => ({
        product: s.product ?? 'HID POS scanner',
        path: s.path,
        vendorId: s.vendorId,
        productId: s.productId,
        readBy: s.readBy,
      })),
      notes: ctx.scanners?.notes() ?? [],
    }),
  };
}

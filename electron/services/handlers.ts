import type { Handlers } from '../../shared/api/dispatch.ts';
import { listPartners } from '../../db/repositories/partners-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { getDeskInfo } from './desk-info-service.ts';
import { getRequest, listBorrowingRequests, listLendingRequests } from './requests-service.ts';
import {
  getPrintStatus,
  listJobs,
  previewSlip,
  printSlip,
  reprint,
  retryJob,
  testPrint,
  withdrawJob,
} from './print-service.ts';
import { lookupReceiving } from './receiving-lookup-service.ts';
import { receiveItem } from './receiving-service.ts';
import { actOnRequest } from './request-actions-service.ts';
import { printPullSlips } from './pull-slips-service.ts';
import { lookupReturning, returnItem } from './returning-service.ts';
import { checkInItem } from './scan-in-service.ts';
import { listRecentScans, submitScan } from './scan-service.ts';
import { getSettings, updateSetting } from './settings-service.ts';
import { lookupShipping } from './shipping-lookup-service.ts';
import { shipItem } from './shipping-service.ts';
import { lastDeskAction, undoDeskAction } from './undo-service.ts';

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
    'printing.status': () => getPrintStatus(ctx),
    'printing.printSlip': (input) => printSlip(ctx, input),
    'printing.preview': (input) => previewSlip(ctx, input),
    'printing.jobs': (input) => listJobs(ctx, input),
    'printing.reprint': (input) => reprint(ctx, input),
    'printing.retry': (input) => retryJob(ctx, input),
    'printing.withdraw': (input) => withdrawJob(ctx, input),
    'printing.testPrint': (input) => testPrint(ctx, input),
    'scanners.status': async () => ({
      hidEnabled: ctx.scanners !== null,
      connected: (ctx.scanners?.status() ?? []).map((s) => ({
        product: s.product ?? 'HID POS scanner',
        path: s.path,
        vendorId: s.vendorId,
        productId: s.productId,
        readBy: s.readBy,
      })),
      notes: ctx.scanners?.notes() ?? [],
    }),
    'settings.get': () => getSettings(ctx),
    'settings.update': (input) => updateSetting(ctx, input),
    'receiving.lookup': (input) => lookupReceiving(ctx, input),
    'receiving.receive': (input, session) => receiveItem(ctx, input, session),
    'returning.lookup': (input) => lookupReturning(ctx, input),
    'returning.return': (input, session) => returnItem(ctx, input, session),
    'requests.act': (input, session) => actOnRequest(ctx, input, session),
    'shipping.lookup': (input) => lookupShipping(ctx, input),
    'shipping.ship': (input, session) => shipItem(ctx, input, session),
    'scanIn.checkIn': (input, session) => checkInItem(ctx, input, session),
    'lending.printPullSlips': (input, session) => printPullSlips(ctx, input, session),
    'desk.lastAction': (_input, session) => lastDeskAction(ctx, session),
    'desk.undo': (input, session) => undoDeskAction(ctx, input, session),
  };
}

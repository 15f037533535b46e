import type { Handlers } from '../../shared/api/dispatch.ts';
import { listPartners } from '../../db/repositories/partners-repository.ts';
import { getBackupStatus } from '../backup/backup-status.ts';
import { guardHandlers } from './access-guard.ts';
import { exportConfiguration } from './config-export-service.ts';
import type { DeskContext } from './desk-context.ts';
import { getDeskInfo } from './desk-info-service.ts';
import { getRequest, listBorrowingRequests } from './requests-service.ts';
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
import { createOperatorsService } from './operators-service.ts';
import { createBorrowingRequest, createLendingRequest } from './manual-requests-service.ts';
import { getRequestRota, listRotas, saveRota, setRequestRota } from './rotas-service.ts';
import { listPartnerConfig, savePartner } from './partners-config-service.ts';
import { listWorkflowProfiles, saveWorkflowProfile } from './workflow-profiles-service.ts';
import { rejectRequest, renewLoan, replyConditional } from './lending-replies-service.ts';
import { lendingReport } from './lending-report-service.ts';
import { lendingTaskDetail, listLendingRequests } from './lending-tasks-service.ts';
import {
  listPartnerMessages,
  partnerMessageDetail,
  partnerMessagesStatus,
  retryPartnerMessage,
  withdrawPartnerMessage,
} from './messages-service.ts';
import {
  getEmailStatus,
  listLetters,
  previewLetter,
  resetLetter,
  saveLetter,
  sendTestEmail,
  setEmailPassword,
} from './letters-service.ts';
import {
  changeLendingStatus,
  reactivateLendingRequest,
  removeLendingAlerts,
  removeLendingRequests,
} from './lending-admin-service.ts';
import { assignLendingTasks } from './lending-assignment-service.ts';
import { duplicateLendingTask, editLendingTask } from './lending-edit-service.ts';
import { locateLending } from './lending-locate-service.ts';
import { lookupReceiving } from './receiving-lookup-service.ts';
import { receiveItem } from './receiving-service.ts';
import { actOnRequest } from './request-actions-service.ts';
import { printPullSlips } from './pull-slips-service.ts';
import { lookupReturning, returnItem } from './returning-service.ts';
import { checkInItem, checkInListedRequest } from './scan-in-service.ts';
import { listRecentScans, submitScan } from './scan-service.ts';
import { getSettings, updateSetting } from './settings-service.ts';
import { lookupShipping } from './shipping-lookup-service.ts';
import { shipItem } from './shipping-service.ts';
import { lastDeskAction, undoDeskAction } from './undo-service.ts';

/**
 * The handler map behind the API contract: thin bindings from methods to use cases, each behind
 * its method's access check (access-guard.ts).
 */
export function createHandlers(ctx: DeskContext): Handlers {
  const operators = createOperatorsService(ctx);
  return guardHandlers(ctx, {
    'desk.info': () => getDeskInfo(ctx),
    'partners.list': () => ctx.gate.read((db) => listPartners(db)),
    'borrowing.list': (input) => listBorrowingRequests(ctx, input),
    'lending.list': (input, session) => listLendingRequests(ctx, input, session),
    'lending.taskDetail': (input, session) => lendingTaskDetail(ctx, input, session),
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
    'backup.status': () => getBackupStatus(ctx),
    'receiving.lookup': (input) => lookupReceiving(ctx, input),
    'receiving.receive': (input, session) => receiveItem(ctx, input, session),
    'returning.lookup': (input) => lookupReturning(ctx, input),
    'returning.return': (input, session) => returnItem(ctx, input, session),
    'requests.act': (input, session) => actOnRequest(ctx, input, session),
    'shipping.lookup': (input) => lookupShipping(ctx, input),
    'shipping.ship': (input, session) => shipItem(ctx, input, session),
    'scanIn.checkIn': (input, session) => checkInItem(ctx, input, session),
    'lending.printPullSlips': (input, session) => printPullSlips(ctx, input, session),
    'lending.conditional': (input, session) => replyConditional(ctx, input, session),
    'lending.reject': (input, session) => rejectRequest(ctx, input, session),
    'lending.renew': (input, session) => renewLoan(ctx, input, session),
    'lending.checkIn': (input, session) => checkInListedRequest(ctx, input, session),
    'lending.report': (input, session) => lendingReport(ctx, input, session),
    'lending.assign': (input, session) => assignLendingTasks(ctx, input, session),
    'lending.edit': (input, session) => editLendingTask(ctx, input, session),
    'lending.duplicate': (input, session) => duplicateLendingTask(ctx, input, session),
    'lending.locate': (input, session) => locateLending(ctx, input, session),
    'lending.changeStatus': (input, session) => changeLendingStatus(ctx, input, session),
    'lending.remove': (input, session) => removeLendingRequests(ctx, input, session),
    'lending.removeAlerts': (input, session) => removeLendingAlerts(ctx, input, session),
    'lending.reactivate': (input, session) => reactivateLendingRequest(ctx, input, session),
    'desk.lastAction': (_input, session) => lastDeskAction(ctx, session),
    'desk.undo': (input, session) => undoDeskAction(ctx, input, session),
    'operators.roster': () => operators.roster(),
    'operators.list': () => operators.list(),
    'operators.save': (input, session) => operators.save(input, session),
    'session.current': (_input, session) => operators.current(session),
    'session.signIn': (input, session) => operators.signIn(input, session),
    'session.signOut': (_input, session) => operators.signOut(session),
    'messages.list': (input) => listPartnerMessages(ctx, input),
    'messages.detail': (input) => partnerMessageDetail(ctx, input),
    'messages.status': () => partnerMessagesStatus(ctx),
    'messages.retry': (input) => retryPartnerMessage(ctx, input),
    'messages.withdraw': (input) => withdrawPartnerMessage(ctx, input),
    'letters.list': () => listLetters(ctx),
    'letters.save': (input) => saveLetter(ctx, input),
    'letters.reset': (input) => resetLetter(ctx, input),
    'letters.preview': (input) => previewLetter(ctx, input),
    'email.status': () => getEmailStatus(ctx),
    'email.setPassword': (input) => setEmailPassword(ctx, input),
    'email.test': (input) => sendTestEmail(ctx, input),
    'partners.config': () => listPartnerConfig(ctx),
    'partners.save': (input) => savePartner(ctx, input),
    'profiles.list': () => listWorkflowProfiles(ctx),
    'profiles.save': (input) => saveWorkflowProfile(ctx, input),
    'config.export': (input) => exportConfiguration(ctx, input),
    'rotas.list': () => listRotas(ctx),
    'rotas.save': (input) => saveRota(ctx, input),
    'borrowing.rota': (input) => getRequestRota(ctx, input),
    'borrowing.setRota': (input) => setRequestRota(ctx, input),
    'lending.create': (input, session) => createLendingRequest(ctx, input, session),
    'borrowing.create': (input, session) => createBorrowingRequest(ctx, input, session),
  });
}

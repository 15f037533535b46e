import { LETTER_NAMES } from '../../../shared/letters/letter-names.ts';
import type { Input, Method } from '../../../shared/api/contract.ts';

/**
 * The contract's methods sorted for secrets-never-leak.test.ts: each read-type method with the
 * inputs it is called with, and every other method with why it is not (it changes the desk; the
 * session calls the ones that touch secrets, and their answers are searched with the rest).
 */

/** Every read-type method with the inputs it is called with, against the desk as the session left it. */
export function readInputs(sql: <T>(query: string) => T[]): { [M in Method]?: Input<M>[] } {
  const borrowing = sql<{ request_id: string }>('SELECT request_id FROM borrowing_requests').map(
    (r) => r.request_id,
  );
  const lending = sql<{ request_id: string }>('SELECT request_id FROM lending_requests').map(
    (r) => r.request_id,
  );
  const messageIds = sql<{ id: number }>('SELECT id FROM partner_messages').map((r) => r.id);
  return {
    'desk.info': [{}],
    'partners.list': [{}],
    'borrowing.list': [{}, { find: 'Flatland' }],
    'requests.detail': [
      ...borrowing.map((requestId) => ({ kind: 'borrowing' as const, requestId })),
      ...lending.map((requestId) => ({ kind: 'lending' as const, requestId })),
    ],
    'scans.recent': [{ limit: 200 }],
    'scanners.status': [{}],
    'settings.get': [{}],
    'printing.status': [{}],
    'printing.preview': [
      { kind: 'RECEIVE_SLIP', requestIds: ['B-1001'] },
      { kind: 'SHIPPING_SLIP', requestIds: ['L-2001'] },
      { kind: 'PULL_SLIP', requestIds: lending },
    ],
    'printing.jobs': [{ limit: 200 }],
    'receiving.lookup': [{ value: '00041771' }],
    'returning.lookup': [{ value: 'T-0001' }],
    'shipping.lookup': [{ value: '33100042' }],
    'desk.lastAction': [{}],
    'lending.list': [{}, { tab: 'ASSIGNED_TO_OTHERS', activity: 'ALL' }],
    'lending.taskDetail': lending.map((requestId) => ({ requestId })),
    'operators.roster': [{}],
    'session.current': [{}],
    'operators.list': [{}],
    'letters.list': [{}],
    'letters.preview': LETTER_NAMES.map((name) => ({ name })),
    'email.status': [{}],
    'messages.list': [{ limit: 200 }, { state: 'FAILED' }, { state: 'RECEIVED' }],
    'messages.detail': messageIds.map((id) => ({ id })),
    'messages.status': [{}],
    'partners.config': [{}],
    'profiles.list': [{}],
    'rotas.list': [{}],
    'borrowing.rota': borrowing.map((requestId) => ({ requestId })),
    'config.export': [{}, { includeSecurityCodes: false }],
    'backup.status': [{}],
  };
}

/** Methods that change the desk: not called in the sweep, why, and where the session covers them. */
export const NOT_READS: Partial<Record<Method, string>> = {
  'scans.submit': 'journals a scan',
  'settings.update': 'changes a setting (the session sets ISO 18626 and email with it)',
  'printing.printSlip': 'queues a print job',
  'printing.reprint': 'queues a print job',
  'printing.retry': 'retries a print job',
  'printing.withdraw': 'withdraws a print job',
  'printing.testPrint': 'prints on a printer',
  'receiving.receive': 'receives an item (in the session)',
  'returning.return': 'returns an item (in the session)',
  'requests.act': 'changes a request',
  'desk.undo': 'undoes a desk action',
  'shipping.ship': 'ships an item (in the session)',
  'scanIn.checkIn': 'checks an item in',
  'lending.printPullSlips': 'queues pull slips',
  'lending.changeStatus': 'changes requests',
  'lending.report': 'marks requests Request Reported (in the session, for its files)',
  'lending.remove': 'removes requests',
  'lending.removeAlerts': 'clears alerts',
  'lending.assign': 'assigns tasks',
  'lending.edit': 'edits a request',
  'lending.duplicate': 'adds a request',
  'lending.locate': 'links an item',
  'lending.conditional': 'changes a request',
  'lending.reject': 'rejects a request (in the session)',
  'lending.renew': 'renews a loan (in the session)',
  'lending.checkIn': 'checks an item in',
  'lending.reactivate': 'reopens a request',
  'session.signIn': 'signs a window in (in the session, a wrong PIN too)',
  'session.signOut': 'signs a window out',
  'operators.save': 'saves an operator (in the session, with a PIN)',
  'letters.save': 'changes a letter',
  'letters.reset': 'changes a letter',
  'email.setPassword': 'sets the SMTP password (in the session)',
  'email.test': 'sends mail (in the session: sent, refused, and as a file)',
  'messages.retry': 'retries a message (in the session)',
  'messages.withdraw': 'withdraws a message',
  'partners.save': 'changes a partner (in the session, with its security code)',
  'profiles.save': 'changes a profile',
  'rotas.save': 'changes a rota',
  'borrowing.setRota': 'changes a request',
  'lending.create': 'adds a request',
  'borrowing.create': 'adds a request',
};

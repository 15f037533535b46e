import { join } from 'node:path';
import {
  buildIsoMessage,
  parseConfirmation,
  type AgencyId,
  type Authentication,
  type IsoAction,
  type IsoConfirmation,
  type IsoRequest,
  type IsoRequestingAgencyMessage,
  type IsoStatus,
  type IsoSupplyingAgencyMessage,
  type IsoVersion,
  type ReasonForMessage,
} from '../../electron/messaging/iso18626/index.ts';
import { importFile } from '../../electron/import/import-file.ts';
import type { Desk } from '../../electron/app/desk.ts';
import { setSetting } from '../../db/repositories/settings-repository.ts';
import { defaultSetting } from '../../shared/settings/desk-settings.ts';
import { openTempDesk, type TempDesk } from './temp-desk.ts';

/**
 * A desk with its ISO 18626 listener on, the inbound.json partners and requests imported, and a
 * partner's side of the conversation: messages built with the real builder, POSTed over real HTTP,
 * and the confirmations read with the real parser.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/import/inbound.json');

export const HOME: AgencyId = { agencyIdType: 'ISIL', agencyIdValue: 'US-HOME' };
export const PEER: AgencyId = { agencyIdType: 'ISIL', agencyIdValue: 'US-PEER' };
export const OTHER: AgencyId = { agencyIdType: 'ISIL', agencyIdValue: 'US-OTHER' };
export const PEER_AUTH: Authentication = {
  accountId: 'peer-account',
  securityCode: 'peer-secret',
};

const AT = '2026-11-23T12:00:00Z';

export interface Posted {
  readonly status: number;
  readonly text: string;
  /** The confirmation read back, or null when the answer is none. */
  readonly confirmation: IsoConfirmation | null;
}

export interface InboundDesk {
  readonly temp: TempDesk;
  readonly desk: Desk;
  /** The listener's URL (http://127.0.0.1:N/iso18626). */
  url(): string;
  /** Lines the desk wrote to its server log. */
  readonly logs: string[];
  post(
    body: string,
    options?: { contentType?: string; authorization?: string; method?: string; path?: string },
  ): Promise<Posted>;
  /** Builds and posts one message (1.2 unless told). */
  send(
    message: IsoRequest | IsoRequestingAgencyMessage | IsoSupplyingAgencyMessage,
    options?: { version?: IsoVersion; authorization?: string },
  ): Promise<Posted>;
  rows<T>(sql: string, ...params: unknown[]): T[];
  /** A request's status by its request ID. */
  status(kind: 'borrowing' | 'lending', requestId: string): string | undefined;
  /** Row counts of every table a message could write to: equal before and after means nothing written. */
  footprint(): Record<string, number>;
  dispose(): Promise<void>;
}

const WRITTEN_TABLES = [
  'partner_messages',
  'request_events',
  'request_alerts',
  'lending_requests',
  'borrowing_requests',
] as const;

export async function openInboundDesk(): Promise<InboundDesk> {
  const logs: string[] = [];
  const temp = await openTempDesk({
    isoPort: 0,
    // Replies queue in the outbox and stay there for the tests to read.
    sendMessages: false,
    log: (line) => logs.push(line),
  });
  await importFile(temp.desk.context.gate, FIXTURE);
  await temp.desk.context.gate.transaction((tx) =>
    setSetting(tx, 'iso18626', { ...defaultSetting('iso18626'), agencyIdValue: 'US-HOME' }),
  );
  const sqlite = () => temp.desk.context.db.sqlite;
  const url = () => {
    const at = temp.desk.isoListener.url();
    if (at === null) throw new Error('The ISO 18626 listener is not running.');
    return at;
  };
  const post: InboundDesk['post'] = async (body, options = {}) => {
    const target = options.path ? new URL(options.path, url()).href : url();
    const response = await fetch(target, {
      method: options.method ?? 'POST',
      headers: {
        'Content-Type': options.contentType ?? 'application/xml; charset=utf-8',
        ...(options.authorization ? { Authorization: options.authorization } : {}),
      },
      ...(options.method === 'GET' ? {} : { body }),
    });
    const text = await response.text();
    const parsed = text.startsWith('<') ? parseConfirmation(text) : null;
    return {
      status: response.status,
      text,
      confirmation: parsed?.ok ? parsed.message : null,
    };
  };
  return {
    temp,
    desk: temp.desk,
    url,
    logs,
    post,
    send: (message, options = {}) =>
      post(buildIsoMessage(message, options.version ?? '1.2'), {
        ...(options.authorization ? { authorization: options.authorization } : {}),
      }),
    rows: <T>(sql: string, ...params: unknown[]) =>
      sqlite()
        .prepare(sql)
        .all(...params) as T[],
    status: (kind, requestId) =>
      (
        sqlite()
          .prepare(`SELECT status FROM ${kind}_requests WHERE request_id = ?`)
          .get(requestId) as { status: string } | undefined
      )?.status,
    footprint: () =>
      Object.fromEntries(
        WRITTEN_TABLES.map((table) => [
          table,
          (sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
        ]),
      ),
    dispose: () => temp.dispose(),
  };
}

interface From {
  /** The sender's agency; PEER unless told. */
  readonly from?: AgencyId;
  /** Credentials in the header; PEER's unless told, none when null. */
  readonly auth?: Authentication | null;
  readonly to?: AgencyId;
}

const authOf = (from: From) =>
  from.auth === null ? {} : { requestingAgencyAuthentication: from.auth ?? PEER_AUTH };

/** A partner's Request for an item of ours. */
export function requestMessage(
  options: From & {
    readonly id: string;
    readonly title?: string;
    readonly author?: string;
    readonly isbn?: string;
    readonly serviceType?: 'Loan' | 'Copy';
    readonly needBeforeDate?: string;
  },
): IsoRequest {
  return {
    kind: 'request',
    header: {
      supplyingAgencyId: options.to ?? HOME,
      requestingAgencyId: options.from ?? PEER,
      timestamp: AT,
      requestingAgencyRequestId: options.id,
      ...authOf(options),
    },
    bibliographicInfo: {
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.author !== undefined ? { author: options.author } : {}),
      ...(options.isbn !== undefined
        ? { bibliographicItemId: [{ code: 'ISBN', identifier: options.isbn }] }
        : {}),
    },
    serviceInfo: {
      requestType: 'New',
      serviceType: options.serviceType ?? 'Loan',
      ...(options.needBeforeDate !== undefined ? { needBeforeDate: options.needBeforeDate } : {}),
    },
  };
}

/** A borrower's action on one of our lending requests. */
export function requesterMessage(
  action: IsoAction,
  options: From & { readonly theirs: string; readonly ours?: string; readonly note?: string },
): IsoRequestingAgencyMessage {
  return {
    kind: 'requestingAgencyMessage',
    header: {
      supplyingAgencyId: options.to ?? HOME,
      requestingAgencyId: options.from ?? PEER,
      timestamp: AT,
      requestingAgencyRequestId: options.theirs,
      ...(options.ours !== undefined ? { supplyingAgencyRequestId: options.ours } : {}),
      ...authOf(options),
    },
    action,
    ...(options.note !== undefined ? { note: options.note } : {}),
  };
}

/** A lender's status on one of our borrowing requests. */
export function supplierMessage(
  status: IsoStatus,
  options: From & {
    readonly ours: string;
    readonly theirs?: string;
    readonly reason?: ReasonForMessage;
    readonly answer?: 'Y' | 'N';
    readonly itemId?: string;
    readonly dueDate?: string;
    readonly note?: string;
    readonly reasonUnfilled?: string;
  },
): IsoSupplyingAgencyMessage {
  return {
    kind: 'supplyingAgencyMessage',
    header: {
      supplyingAgencyId: options.from ?? PEER,
      requestingAgencyId: options.to ?? HOME,
      timestamp: AT,
      requestingAgencyRequestId: options.ours,
      ...(options.theirs !== undefined ? { supplyingAgencyRequestId: options.theirs } : {}),
      ...authOf(options),
    },
    messageInfo: {
      reasonForMessage: options.reason ?? 'StatusChange',
      ...(options.answer !== undefined ? { answerYesNo: options.answer } : {}),
      ...(options.note !== undefined ? { note: options.note } : {}),
      ...(options.reasonUnfilled !== undefined ? { reasonUnfilled: options.reasonUnfilled } : {}),
    },
    statusInfo: {
      status,
      lastChange: AT,
      ...(options.dueDate !== undefined ? { dueDate: options.dueDate } : {}),
    },
    ...(options.itemId !== undefined
      ? { deliveryInfo: { dateSent: AT, itemId: options.itemId } }
      : {}),
  };
}

/** The ERROR a confirmation carries, or 'OK'. */
export function outcomeOf(posted: Posted): string {
  const confirmation = posted.confirmation;
  if (!confirmation) return `no confirmation (HTTP ${posted.status}): ${posted.text}`;
  const { messageStatus } = confirmation.confirmationHeader;
  if (messageStatus === 'OK') return 'OK';
  return `ERROR ${confirmation.errorData?.errorType ?? '?'}: ${confirmation.errorData?.errorValue ?? ''}`;
}

/** HTTP Basic credentials, as a 2021 lender sends them. */
export function basic(accountId: string, securityCode: string): string {
  return `Basic ${Buffer.from(`${accountId}:${securityCode}`).toString('base64')}`;
}

import type { OutgoingMessageBody } from '../../services/desk-messages.ts';
import { agencyIdOfSymbol } from './agency-ids.ts';
import { endOfDay, xsDateTime } from './iso-dates.ts';
import type { AgencyId, Authentication, IsoHeader, IsoVersion } from './iso-model.ts';
import { UnbuildableMessageError } from './unbuildable-message-error.ts';

/**
 * What every outgoing message is built from: the stored body, the partner as it is now (its symbol
 * and credentials may have been corrected since the message was queued), this desk's agency id,
 * and the version. Readers for the body's `details` turn desk values into wire values.
 */

/** The partner record's fields a message needs (a `partners` row fits). */
export interface IsoPartner {
  readonly name: string;
  readonly symbol: string | null;
  readonly isoVersion: IsoVersion;
  readonly accountId: string | null;
  readonly securityCode: string | null;
}

/** This desk as an ISO 18626 agency (Settings → ISO 18626), with the library's name. */
export interface OurAgency {
  readonly agencyIdType: string;
  readonly agencyIdValue: string;
  /** Settings → institution; sent as requestingAgencyInfo/name on requests. */
  readonly name?: string;
}

export interface OutgoingContext {
  readonly body: OutgoingMessageBody;
  readonly version: IsoVersion;
  readonly us: AgencyId;
  readonly ourName: string | undefined;
  readonly partner: AgencyId;
  readonly authentication: Authentication | undefined;
}

export function outgoingContext(
  body: OutgoingMessageBody,
  partner: IsoPartner,
  ourAgency: OurAgency,
  version: IsoVersion,
): OutgoingContext {
  if (!('partnerCode' in body.to)) {
    throw new UnbuildableMessageError(
      `${body.messageKind} for ${body.requestId} is addressed to a patron; ISO 18626 messages go only to partners.`,
    );
  }
  const symbol = partner.symbol?.trim() || body.to.partnerSymbol?.trim();
  if (!symbol) {
    throw new UnbuildableMessageError(
      `${partner.name} has no symbol, so an ISO 18626 message cannot say whom it is for. Set the partner's symbol (its agency id, e.g. ISIL:US-DLC) under Partners, then retry the message.`,
    );
  }
  if (!ourAgency.agencyIdValue.trim()) {
    throw new UnbuildableMessageError(
      'This desk has no ISO 18626 agency id yet, so a message cannot say whom it is from. Set it in Settings → ISO 18626, then retry the message.',
    );
  }
  const accountId = partner.accountId?.trim() || undefined;
  const securityCode = partner.securityCode?.trim() || undefined;
  return {
    body,
    version,
    us: {
      agencyIdType: ourAgency.agencyIdType.trim(),
      agencyIdValue: ourAgency.agencyIdValue.trim(),
    },
    ourName: ourAgency.name?.trim() || undefined,
    partner: agencyIdOfSymbol(symbol, ourAgency.agencyIdType.trim()),
    authentication:
      accountId !== undefined || securityCode !== undefined
        ? {
            ...(accountId !== undefined ? { accountId } : {}),
            ...(securityCode !== undefined ? { securityCode } : {}),
          }
        : undefined,
  };
}

/**
 * The header by the Alma P2P convention: on our borrowing request we are the requester and our
 * request ID is the requestingAgencyRequestId, the lender's ID (the External Identifier) its
 * supplyingAgencyRequestId once known; on our lending request it is the other way round.
 */
export function headerOf(ctx: OutgoingContext, withAuthentication: boolean): IsoHeader {
  const { body } = ctx;
  const externalId = body.externalId.trim();
  const borrowing = body.requestKind === 'borrowing';
  if (!borrowing && externalId === '') {
    throw new UnbuildableMessageError(
      `Lending request ${body.requestId} has no External Identifier (the borrower's request ID), which every message to the borrower must carry. Enter it on the request, then retry the message.`,
    );
  }
  const supplyingAgencyRequestId = borrowing ? externalId : body.requestId;
  return {
    supplyingAgencyId: borrowing ? ctx.partner : ctx.us,
    requestingAgencyId: borrowing ? ctx.us : ctx.partner,
    timestamp: xsDateTime(body.at),
    requestingAgencyRequestId: borrowing ? body.requestId : externalId,
    ...(supplyingAgencyRequestId !== '' ? { supplyingAgencyRequestId } : {}),
    ...(withAuthentication && ctx.authentication
      ? { requestingAgencyAuthentication: ctx.authentication }
      : {}),
  };
}

/** A detail as text; absent, null and blank all mean "not given". */
export function detailText(body: OutgoingMessageBody, key: string): string | undefined {
  const value = body.details[key];
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** A detail date as xs:dateTime: a desk date means the end of that day, a timestamp stays itself. */
export function detailDateTime(body: OutgoingMessageBody, key: string): string | undefined {
  const value = detailText(body, key);
  if (value === undefined) return undefined;
  try {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? endOfDay(value) : xsDateTime(value);
  } catch {
    throw new UnbuildableMessageError(
      `The ${key} "${value}" stored with ${body.messageKind} for ${body.requestId} is not a date.`,
    );
  }
}

/** `T` with its possibly-undefined fields made optional instead. */
export type Defined<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };

/** The object without its undefined fields: the model has absent properties, not undefined ones. */
export function defined<T extends object>(fields: T): Defined<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Defined<T>;
}

/** The staff note, if any. */
export const noteOf = (body: OutgoingMessageBody): string | undefined =>
  body.note?.trim() || undefined;

/** Sentences joined with a space, empty ones left out; undefined when nothing is left. */
export function sentences(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((p) => p !== undefined && p !== '').join(' ');
  return text === '' ? undefined : text;
}

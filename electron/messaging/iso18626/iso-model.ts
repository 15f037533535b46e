import type {
  IsoAction,
  IsoErrorType,
  IsoStatus,
  MessageStatus,
  ReasonForMessage,
  RequestSubType,
  RequestType,
  ServiceType,
  YesNo,
} from './iso-codes.ts';

/**
 * ISO 18626 messages as RS Desk uses them (DESIGN.md §9): the six message kinds, with the parts of
 * each that a peer-to-peer loan needs. One model serves both schema versions; the builder and the
 * parser map it to the elements each version names (1.2 `sentVia` is 2021 `deliveryMethod`, 1.2
 * `messageInfo/retryBefore` is 2021 `retryInfo/retryBefore`, …).
 *
 * Field names follow the XSD element names so the model reads against the standard. Timestamps and
 * dates are xs:dateTime strings ("2026-02-10T14:03:22Z"); a date-only desk date becomes the end of
 * that day. Scheme/value pairs (agencyIdType, reasonUnfilled, loanCondition, …) are kept as their
 * value: the `scheme` attribute names a code list and nothing here depends on it. Absent elements
 * are absent properties, never empty strings.
 */

export * from './iso-codes.ts';

export const ISO18626_NAMESPACE = 'http://illtransactions.org/2013/iso18626';

/** The schema versions a partner can be set to (partners.iso_version). */
export type IsoVersion = '1.2' | '2021';
export const ISO_VERSIONS: readonly IsoVersion[] = ['1.2', '2021'];

/** What `ISO18626Message/@version` says for each version (the XSD makes it a free string). */
export const VERSION_ATTRIBUTE: Readonly<Record<IsoVersion, string>> = {
  '1.2': '1.2',
  '2021': '2021',
};

// --- Shared parts --------------------------------------------------------------------------------

/** An agency: the scheme of its id (ISIL, OCLC, …) and the id ("US-DLC"). */
export interface AgencyId {
  readonly agencyIdType: string;
  readonly agencyIdValue: string;
}

/** The requester's credentials: the accountId/securityCode set on the partner record. */
export interface Authentication {
  readonly accountId?: string;
  readonly securityCode?: string;
}

/**
 * The header of a supplying or requesting agency message. Version 1.2 also carries
 * multipleItemRequestId (empty when not used) and, on every message, the authentication;
 * version 2021 has no authentication on supplying agency messages, so the builder leaves it out.
 */
export interface IsoHeader {
  readonly supplyingAgencyId: AgencyId;
  readonly requestingAgencyId: AgencyId;
  readonly multipleItemRequestId?: string;
  /** When the message was created (xs:dateTime). */
  readonly timestamp: string;
  /** The borrower's request ID (Alma P2P: the borrowing request's ID). */
  readonly requestingAgencyRequestId: string;
  /** The lender's request ID, once the lender has answered. */
  readonly supplyingAgencyRequestId?: string;
  readonly requestingAgencyAuthentication?: Authentication;
}

/**
 * A request's header: 2021 lets a request name no supplier (a transfer request) and has no
 * supplyingAgencyRequestId yet, which the builder leaves out for 2021.
 */
export type IsoRequestHeader = Omit<IsoHeader, 'supplyingAgencyId'> & {
  readonly supplyingAgencyId?: AgencyId;
};

export interface PhysicalAddress {
  readonly line1?: string;
  readonly line2?: string;
  readonly locality?: string;
  readonly postalCode?: string;
  readonly region?: string;
  readonly country?: string;
}

export interface ElectronicAddress {
  /** "email", "url", … (an open code list). */
  readonly electronicAddressType: string;
  readonly electronicAddressData: string;
}

export type IsoAddress =
  { readonly electronicAddress: ElectronicAddress } | { readonly physicalAddress: PhysicalAddress };

/** An identifier and its code: ISBN, ISSN, OCLC number, LCCN, … */
export interface IdentifierWithCode {
  readonly code: string;
  readonly identifier: string;
}

// --- request ---------------------------------------------------------------------------------------

export interface BibliographicInfo {
  /** The record id in the supplier's catalogue, when the requester knows it. */
  readonly supplierUniqueRecordId?: string;
  readonly title?: string;
  readonly author?: string;
  readonly subtitle?: string;
  readonly seriesTitle?: string;
  readonly edition?: string;
  readonly titleOfComponent?: string;
  readonly authorOfComponent?: string;
  /** 2021 allows several; the first is kept. */
  readonly volume?: string;
  readonly issue?: string;
  readonly pagesRequested?: string;
  readonly estimatedNoPages?: string;
  /** Item identifiers: `{ code: 'ISBN', identifier: '9780141439518' }`. */
  readonly bibliographicItemId?: readonly IdentifierWithCode[];
  /** Record identifiers: `{ code: 'OCLC', identifier: '12345' }`. */
  readonly bibliographicRecordId?: readonly IdentifierWithCode[];
}

export interface PublicationInfo {
  readonly publisher?: string;
  readonly publicationType?: string;
  readonly publicationDate?: string;
  readonly placeOfPublication?: string;
}

export interface ServiceInfo {
  readonly requestType?: RequestType;
  readonly requestSubType?: readonly RequestSubType[];
  readonly requestingAgencyPreviousRequestId?: string;
  readonly serviceType: ServiceType;
  readonly serviceLevel?: string;
  /** 2021 itemFormat; 1.2 preferredFormat. */
  readonly itemFormat?: string;
  /** The last day the patron can use it (xs:dateTime). */
  readonly needBeforeDate?: string;
  readonly copyrightCompliance?: string;
  readonly anyEdition?: YesNo;
  readonly note?: string;
}

export interface RequestedDeliveryInfo {
  readonly sortOrder?: number;
  readonly address?: IsoAddress;
}

export interface RequestingAgencyInfo {
  readonly name?: string;
  readonly contactName?: string;
  readonly address?: readonly IsoAddress[];
}

export interface PatronInfo {
  readonly patronId?: string;
  readonly surname?: string;
  readonly givenName?: string;
  readonly patronType?: string;
  readonly sendToPatron?: YesNo;
}

export interface IsoRequest {
  readonly kind: 'request';
  readonly header: IsoRequestHeader;
  readonly bibliographicInfo: BibliographicInfo;
  readonly publicationInfo?: PublicationInfo;
  /** Required in 2021, optional in 1.2: a 1.2 request without it is for a loan. */
  readonly serviceInfo?: ServiceInfo;
  readonly requestedDeliveryInfo?: readonly RequestedDeliveryInfo[];
  readonly requestingAgencyInfo?: RequestingAgencyInfo;
  readonly patronInfo?: PatronInfo;
}

// --- supplyingAgencyMessage ------------------------------------------------------------------------

export interface MessageInfo {
  readonly reasonForMessage: ReasonForMessage;
  /** The answer to a requester's Cancel or Renew. */
  readonly answerYesNo?: YesNo;
  readonly note?: string;
  /** Why it cannot be supplied (open list: NotHeld, NotOnShelf, OnLoan, PolicyProblem, …). */
  readonly reasonUnfilled?: string;
  /** Why the requester could try again changed (open list: LoanCondition, OnLoan, …). */
  readonly reasonRetry?: string;
}

export interface StatusInfo {
  readonly status: IsoStatus;
  readonly expectedDeliveryDate?: string;
  readonly dueDate?: string;
  /** When the status last changed (xs:dateTime). */
  readonly lastChange: string;
}

/**
 * Retry terms: 2021's retryInfo; in 1.2 only retryAfter/retryBefore exist (inside messageInfo),
 * so the builder drops loanCondition for 1.2 (the note says it in words).
 */
export interface RetryInfo {
  readonly loanCondition?: string;
  readonly retryBefore?: string;
  readonly retryAfter?: string;
}

export interface Costs {
  /** ISO 4217: USD, EUR, … */
  readonly currencyCode: string;
  /** A decimal, as text: "12.50". */
  readonly monetaryValue: string;
}

export interface DeliveryInfo {
  readonly dateSent: string;
  /** The lender's item barcode. 2021 allows several; the first is kept. */
  readonly itemId?: string;
  /** 2021 only: where a copy can be fetched. */
  readonly url?: string;
  /** 2021 deliveryMethod; 1.2 sentVia (open list: Mail, Courier, Email, URL, …). */
  readonly deliveryMethod?: string;
  readonly sentToPatron?: boolean;
  /** Open list: LibraryUseOnly, NoReproduction, SignatureRequired, … 2021 allows several. */
  readonly loanCondition?: string;
  /** 2021 itemFormat; 1.2 deliveredFormat. */
  readonly itemFormat?: string;
  readonly deliveryCosts?: Costs;
}

export interface ReturnInfo {
  readonly returnAgencyId?: AgencyId;
  readonly name?: string;
  readonly physicalAddress?: PhysicalAddress;
}

export interface IsoSupplyingAgencyMessage {
  readonly kind: 'supplyingAgencyMessage';
  readonly header: IsoHeader;
  readonly messageInfo: MessageInfo;
  readonly statusInfo: StatusInfo;
  readonly retryInfo?: RetryInfo;
  readonly deliveryInfo?: DeliveryInfo;
  readonly returnInfo?: ReturnInfo;
}

// --- requestingAgencyMessage -----------------------------------------------------------------------

export interface IsoRequestingAgencyMessage {
  readonly kind: 'requestingAgencyMessage';
  readonly header: IsoHeader;
  readonly action: IsoAction;
  readonly note?: string;
}

// --- confirmations ---------------------------------------------------------------------------------

export interface ConfirmationHeader {
  readonly supplyingAgencyId?: AgencyId;
  readonly requestingAgencyId?: AgencyId;
  /** When the confirmation was written. */
  readonly timestamp: string;
  readonly requestingAgencyRequestId?: string;
  /** 1.2 only. */
  readonly multipleItemRequestId?: string;
  /** When the confirmed message arrived. */
  readonly timestampReceived: string;
  readonly messageStatus: MessageStatus;
}

export interface ErrorData {
  readonly errorType: IsoErrorType;
  /** What was wrong, in words the partner's staff can act on. */
  readonly errorValue?: string;
}

export interface IsoRequestConfirmation {
  readonly kind: 'requestConfirmation';
  readonly confirmationHeader: ConfirmationHeader;
  /** 2021 allows several; the first is kept. */
  readonly errorData?: ErrorData;
}

export interface IsoSupplyingAgencyMessageConfirmation {
  readonly kind: 'supplyingAgencyMessageConfirmation';
  readonly confirmationHeader: ConfirmationHeader;
  readonly reasonForMessage?: ReasonForMessage;
  readonly errorData?: ErrorData;
}

export interface IsoRequestingAgencyMessageConfirmation {
  readonly kind: 'requestingAgencyMessageConfirmation';
  readonly confirmationHeader: ConfirmationHeader;
  readonly action?: IsoAction;
  readonly errorData?: ErrorData;
}

// --- unions ----------------------------------------------------------------------------------------

/** The three messages agencies send each other (what the listener receives). */
export type IsoAgencyMessage = IsoRequest | IsoSupplyingAgencyMessage | IsoRequestingAgencyMessage;

/** The three answers (what the outbox gets back from a POST). */
export type IsoConfirmation =
  | IsoRequestConfirmation
  | IsoSupplyingAgencyMessageConfirmation
  | IsoRequestingAgencyMessageConfirmation;

export type IsoMessage = IsoAgencyMessage | IsoConfirmation;
export type IsoMessageKind = IsoMessage['kind'];
export type IsoAgencyMessageKind = IsoAgencyMessage['kind'];
export type IsoConfirmationKind = IsoConfirmation['kind'];

export const AGENCY_MESSAGE_KINDS: readonly IsoAgencyMessageKind[] = [
  'request',
  'supplyingAgencyMessage',
  'requestingAgencyMessage',
];
export const CONFIRMATION_KINDS: readonly IsoConfirmationKind[] = [
  'requestConfirmation',
  'supplyingAgencyMessageConfirmation',
  'requestingAgencyMessageConfirmation',
];

/** The confirmation that answers each agency message. */
export const CONFIRMATION_OF: Readonly<Record<IsoAgencyMessageKind, IsoConfirmationKind>> = {
  request: 'requestConfirmation',
  supplyingAgencyMessage: 'supplyingAgencyMessageConfirmation',
  requestingAgencyMessage: 'requestingAgencyMessageConfirmation',
};

// --- parse results ---------------------------------------------------------------------------------

/**
 * What could be read of a message that was refused, so its ERROR confirmation can still name the
 * request and the agencies (all absent when the text was not XML at all).
 */
export interface RefusedMessageEcho {
  /** The message kind, when the root element was recognised. */
  readonly kind: IsoMessageKind | null;
  readonly supplyingAgencyId?: AgencyId;
  readonly requestingAgencyId?: AgencyId;
  readonly requestingAgencyRequestId?: string;
  readonly action?: IsoAction;
  readonly reasonForMessage?: ReasonForMessage;
}

export interface IsoParseFailure {
  readonly ok: false;
  /** What the ERROR confirmation says. */
  readonly errorType: IsoErrorType;
  /** What was wrong, in plain words (also the confirmation's errorValue). */
  readonly errorValue: string;
  readonly echo: RefusedMessageEcho;
}

export interface IsoParseSuccess<M extends IsoMessage> {
  readonly ok: true;
  readonly message: M;
  /** `ISO18626Message/@version` as sent; null for a bare message. */
  readonly version: string | null;
}

export type IsoParseResult<M extends IsoMessage> = IsoParseSuccess<M> | IsoParseFailure;

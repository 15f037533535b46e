import { deskDateOf, type IsoRequest } from '../iso18626/index.ts';
import type { Format } from '../../../shared/domain/statuses.ts';
import type { Orm } from '../../../db/database.ts';
import {
  highestLendingNumber,
  type InboundPartner,
} from '../../../db/repositories/inbound-repository.ts';
import {
  externalIdTaken,
  insertLendingTask,
  requestIdTaken,
} from '../../../db/repositories/lending-task-changes-repository.ts';
import { createItemFinder, locateRequest } from '../../../db/repositories/locate-repository.ts';
import { insertRequestEvent } from '../../../db/repositories/request-events-repository.ts';
import { InboundRefusal } from './inbound-refusal.ts';
import type { Applied } from './inbound-steps.ts';

/**
 * A partner's Request → a new lending request, numbered L-<next>, with the partner's request ID
 * as its External Identifier (Alma P2P), then located as an imported request is: exactly one
 * item found links it, none or several leave it "Locate failed" with an alert for staff.
 */

/** How many numbers past the highest are tried before giving up (another desk may share IDs). */
const MAX_TRIES = 1000;

async function nextLendingRequestId(tx: Orm): Promise<string> {
  const start = (await highestLendingNumber(tx)) + 1;
  for (let n = start; n < start + MAX_TRIES; n++) {
    const requestId = `L-${n}`;
    if (!(await requestIdTaken(tx, requestId))) return requestId;
  }
  throw new Error(`No free lending request ID after L-${start + MAX_TRIES - 1}.`);
}

/** A copy is supplied digitally; a loan (or either) is a physical loan. */
function formatOf(message: IsoRequest): Format {
  return message.serviceInfo?.serviceType === 'Copy' ? 'DIGITAL' : 'PHYSICAL';
}

function isbnOf(message: IsoRequest): string | null {
  const ids = message.bibliographicInfo.bibliographicItemId ?? [];
  return ids.find((id) => id.code.trim().toUpperCase() === 'ISBN')?.identifier.trim() || null;
}

const text = (value: string | undefined): string | null => value?.trim() || null;

export async function applyRequest(
  tx: Orm,
  partner: InboundPartner,
  message: IsoRequest,
  at: string,
): Promise<Applied> {
  const externalId = message.header.requestingAgencyRequestId.trim();
  if (externalId === '') {
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      'requestingAgencyRequestId is empty; send your request ID in it.',
    );
  }
  if (await externalIdTaken(tx, externalId, partner.id)) {
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      `You already sent a request with requestingAgencyRequestId ${externalId}; give each new request its own ID.`,
      `${partner.code} sent request ${externalId} again; it is already a lending request here.`,
    );
  }
  const bib = message.bibliographicInfo;
  const title = text(bib.title) ?? text(bib.titleOfComponent);
  if (title === null) {
    throw new InboundRefusal(
      'UnrecognisedDataValue',
      'The request names no title (bibliographicInfo/title); send the title of the item you need.',
    );
  }
  const requestId = await nextLendingRequestId(tx);
  const request = {
    requestId,
    externalId,
    partnerId: partner.id,
    title,
    author: text(bib.author) ?? text(bib.authorOfComponent),
    isbn: isbnOf(message),
    status: 'CREATED',
  };
  const needBefore = message.serviceInfo?.needBeforeDate;
  const id = await insertLendingTask(tx, {
    ...request,
    requestedFormat: formatOf(message),
    levelOfService: text(message.serviceInfo?.serviceLevel),
    neededBy: needBefore === undefined ? null : deskDateOf(needBefore),
    note: text(message.serviceInfo?.note),
    createdAt: at,
    updatedAt: at,
  });
  await insertRequestEvent(tx, {
    kind: 'lending',
    requestRowId: id,
    at,
    operatorId: null,
    action: 'PARTNER_REQUEST',
    fromStatus: null,
    toStatus: 'CREATED',
    note: `Requested by ${partner.name} over ISO 18626 (their request ${externalId})`,
  });
  await locateRequest(tx, { ...request, id }, createItemFinder(tx), { at, operatorId: null });
  return { kind: 'lending', rowId: id, requestId, journalKind: 'Request' };
}

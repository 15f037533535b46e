import type { PartnerInput } from '../api/contract-config.ts';
import type { PartnerRecord } from '../import/import-format.ts';
import { problemText } from '../import/import-problems.ts';
import { validateImportDocument } from '../import/import-validation.ts';

/**
 * A partner directory file (the seed's "Adding P2P Partners from the Resource Sharing Directory"):
 * JSON in the import format (DESIGN.md §6) whose `partners` staff pick one from to copy into the
 * Add a partner form, instead of typing it. Pure, so the form reads the file where it was chosen.
 */

export type DirectoryReading =
  | { readonly ok: true; readonly partners: readonly PartnerInput[] }
  | { readonly ok: false; readonly message: string };

/** A directory entry as the form's values: blank where the directory says nothing. */
export function partnerInputOf(record: PartnerRecord): PartnerInput {
  const address = record.address;
  return {
    code: record.code,
    name: record.name,
    symbol: record.symbol ?? null,
    protocol: record.protocol,
    endpoint: record.endpoint ?? null,
    email: record.email ?? null,
    isoVersion: record.isoVersion ?? '1.2',
    accountId: record.accountId ?? null,
    ...(record.securityCode === undefined ? {} : { securityCode: record.securityCode }),
    address: {
      line1: address?.line1 ?? null,
      line2: address?.line2 ?? null,
      locality: address?.locality ?? null,
      region: address?.region ?? null,
      postalCode: address?.postalCode ?? null,
      country: address?.country ?? null,
    },
    lendingWorkflow: record.lendingWorkflow ?? null,
    borrowingWorkflow: record.borrowingWorkflow ?? null,
    expiryDays: record.expiryDays ?? null,
    loanPeriodDays: record.loanPeriodDays ?? null,
    active: record.active,
  };
}

/** The file's partners, checked as the import checks them, or what is wrong with the file. */
export function readPartnerDirectory(text: string, fileName: string): DirectoryReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: `${fileName} is not a JSON file: choose the directory's export in the import format (a file like { "partners": [ … ] }).`,
    };
  }
  const checked = validateImportDocument(json);
  if (!checked.ok) {
    const first = checked.problems[0];
    return {
      ok: false,
      message: `${fileName} cannot be read as a partner directory (${first ? problemText(first) : 'it holds nothing'}). Fix the file, or type the partner in.`,
    };
  }
  if (checked.document.partners.length === 0) {
    return {
      ok: false,
      message: `${fileName} holds no partners: a directory file lists them under "partners".`,
    };
  }
  return { ok: true, partners: checked.document.partners.map(partnerInputOf) };
}

import type {
  AgencyId,
  IsoAddress,
  IsoMessageKind,
  IsoRequestHeader,
  PhysicalAddress,
  YesNo,
} from './iso-model.ts';
import { deskDateOf } from './iso-dates.ts';
import {
  child,
  IsoReadProblem,
  optionalText,
  requiredChild,
  requiredText,
  type XmlNode,
} from './xml-node.ts';

/**
 * The readers every message kind shares: code lists checked, dates checked, agency ids, the header
 * (whichever version's shape it has), addresses.
 */

/** Every field listed, absent ones as undefined: the compiler checks no model field is forgotten. */
export type AllFields<T> = { [K in keyof T]-?: T[K] | undefined };

/** The object without its undefined fields (the model has absent properties, not undefined ones). */
export function compact<T extends object>(fields: AllFields<T>): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

export function oneOf<T extends string>(
  list: readonly T[],
  value: string | undefined,
  what: string,
  errorType: IsoReadProblem['errorType'] = 'UnrecognisedDataValue',
): T | undefined {
  if (value === undefined) return undefined;
  if ((list as readonly string[]).includes(value)) return value as T;
  throw new IsoReadProblem(errorType, `${what} "${value}" is not one ISO 18626 knows.`);
}

export function requiredOneOf<T extends string>(
  list: readonly T[],
  node: unknown,
  name: string,
  where: string,
  errorType?: IsoReadProblem['errorType'],
): T {
  return oneOf(list, requiredText(node, name, where), name, errorType) as T;
}

export const yesNo = (node: unknown, name: string): YesNo | undefined =>
  oneOf(['Y', 'N'], optionalText(node, name), name);

/** A date and time as sent; refused only when it does not start with a real date. */
export function dateTime(
  node: unknown,
  name: string,
  where: string,
  required = false,
): string | undefined {
  const value = required ? requiredText(node, name, where) : optionalText(node, name);
  if (value !== undefined && deskDateOf(value) === null) {
    throw new IsoReadProblem('UnrecognisedDataValue', `${name} "${value}" is not a date and time.`);
  }
  return value;
}

export function agencyId(node: XmlNode | undefined, where: string): AgencyId | undefined {
  if (node === undefined) return undefined;
  return {
    agencyIdType: requiredText(node, 'agencyIdType', where),
    agencyIdValue: requiredText(node, 'agencyIdValue', where),
  };
}

export function requiredAgencyId(node: unknown, name: string, where: string): AgencyId {
  return agencyId(requiredChild(node, name, where), `${where}/${name}`) as AgencyId;
}

export function readHeader(message: unknown, kind: IsoMessageKind): IsoRequestHeader {
  const where = `${kind}/header`;
  const node = requiredChild(message, 'header', kind);
  const auth = child(node, 'requestingAgencyAuthentication');
  return compact<IsoRequestHeader>({
    supplyingAgencyId:
      kind === 'request'
        ? agencyId(child(node, 'supplyingAgencyId'), `${where}/supplyingAgencyId`)
        : requiredAgencyId(node, 'supplyingAgencyId', where),
    requestingAgencyId: requiredAgencyId(node, 'requestingAgencyId', where),
    multipleItemRequestId: optionalText(node, 'multipleItemRequestId'),
    timestamp: dateTime(node, 'timestamp', where, true),
    requestingAgencyRequestId: requiredText(node, 'requestingAgencyRequestId', where),
    supplyingAgencyRequestId: optionalText(node, 'supplyingAgencyRequestId'),
    requestingAgencyAuthentication:
      auth === undefined
        ? undefined
        : compact({
            accountId: optionalText(auth, 'accountId'),
            securityCode: optionalText(auth, 'securityCode'),
          }),
  });
}

export function physicalAddress(node: XmlNode | undefined): PhysicalAddress | undefined {
  if (node === undefined) return undefined;
  return compact<PhysicalAddress>({
    line1: optionalText(node, 'line1'),
    line2: optionalText(node, 'line2'),
    locality: optionalText(node, 'locality'),
    postalCode: optionalText(node, 'postalCode'),
    region: optionalText(node, 'region'),
    country: optionalText(node, 'country'),
  });
}

export function address(node: XmlNode | undefined): IsoAddress | undefined {
  const electronic = child(node, 'electronicAddress');
  if (electronic !== undefined) {
    const where = 'address/electronicAddress';
    return {
      electronicAddress: {
        electronicAddressType: requiredText(electronic, 'electronicAddressType', where),
        electronicAddressData: requiredText(electronic, 'electronicAddressData', where),
      },
    };
  }
  const physical = physicalAddress(child(node, 'physicalAddress'));
  return physical ? { physicalAddress: physical } : undefined;
}

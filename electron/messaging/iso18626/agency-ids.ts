import type { AgencyId } from './iso-model.ts';

/**
 * A partner's agency id comes from its symbol. A symbol may name its scheme ("ISIL:US-DLC",
 * "OCLC:DLC", as ReShare writes them); a bare one ("US-DLC") is taken to share this desk's own
 * scheme, which is how a consortium's members usually know each other.
 */

const SCHEMED = /^([A-Za-z][A-Za-z0-9_-]*):(.+)$/;

/** The agency id a partner symbol stands for. */
export function agencyIdOfSymbol(symbol: string, defaultType: string): AgencyId {
  const trimmed = symbol.trim();
  const schemed = SCHEMED.exec(trimmed);
  return schemed?.[1] !== undefined && schemed[2] !== undefined
    ? { agencyIdType: schemed[1], agencyIdValue: schemed[2].trim() }
    : { agencyIdType: defaultType, agencyIdValue: trimmed };
}

/**
 * Whether an incoming agency id is the partner with this symbol. Values compare without regard to
 * case; the scheme must match only when the symbol names one.
 */
export function isAgencyOfSymbol(id: AgencyId, symbol: string): boolean {
  const trimmed = symbol.trim();
  const schemed = SCHEMED.exec(trimmed);
  const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
  if (schemed?.[1] !== undefined && schemed[2] !== undefined) {
    return same(id.agencyIdType, schemed[1]) && same(id.agencyIdValue, schemed[2]);
  }
  return same(id.agencyIdValue, trimmed);
}

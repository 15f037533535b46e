/**
 * What each slip builder is given: plain data gathered from a request by the print service
 * (electron/printing/), so the builders stay pure. Dates are ISO (YYYY-MM-DD); absent values are
 * null and the builder leaves their line out.
 */

export interface SlipAddress {
  line1: string | null;
  line2: string | null;
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

/** Who prints the slip: every slip names the desk it came from. */
export interface SlipOrigin {
  institution: string;
  deskName: string;
  /** When the slip was made, ISO timestamp. */
  printedAt: string;
}

/** Receive slip / hold strap (WRLC seed Part I step 6; Alma's Resource Sharing Receive Slip Letter). */
export interface ReceiveSlipData {
  requestId: string;
  externalId: string;
  title: string;
  author: string | null;
  patronName: string;
  patronBarcode: string | null;
  pickupLocation: string | null;
  /** The date the item leaves the hold shelf if not collected. */
  holdUntil: string | null;
  lenderName: string;
  lenderCode: string;
  dueDate: string | null;
  /** The item's barcode assigned at Receiving Items; Return Items scans it. */
  tempBarcode: string | null;
  lenderItemBarcode: string | null;
  pieces: number;
}

/** Return slip (Alma's Resource Sharing Return Slip Letter): goes in the book back to the lender. */
export interface ReturnSlipData {
  requestId: string;
  externalId: string;
  title: string;
  author: string | null;
  partnerName: string;
  partnerAddress: SlipAddress;
  dueDate: string | null;
  tempBarcode: string | null;
  noteToPartner: string | null;
}

/** Shipping slip (Alma's Resource Sharing Shipping Slip Letter): goes with a lent book. */
export interface ShippingSlipData {
  requestId: string;
  externalId: string;
  partnerSymbol: string | null;
  partnerName: string;
  partnerAddress: SlipAddress;
  itemBarcode: string | null;
  title: string;
  author: string | null;
  callNumber: string | null;
  dueDate: string | null;
  /** PHYSICAL, DIGITAL or PHYSICAL_NON_RETURNABLE. */
  format: string;
}

/** Pull slip: sends a student to the shelf for a lending request's item. */
export interface PullSlipData {
  requestId: string;
  externalId: string;
  location: string | null;
  callNumber: string | null;
  title: string;
  author: string | null;
  itemBarcode: string | null;
  partnerName: string;
  partnerCode: string;
  neededBy: string | null;
  levelOfService: string | null;
}

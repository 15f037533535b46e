/**
 * The 14-digit library barcode (Codabar, as CLSI/Gaylord-style labels print it: type digit,
 * 4-digit institution, 8-digit item number, check digit). Its check digit is the Luhn mod-10:
 * counting from the right, every second digit left of the check digit is doubled (9 subtracted
 * when the double exceeds 9), all digits are summed, and the total must be a multiple of 10.
 * A mismatch is only a hint that the scan was misread — labels in the wild carry wrong check
 * digits — so callers warn and never refuse.
 */

const LIBRARY_BARCODE = /^\d{14}$/;

export function isLibraryBarcodeShape(value: string): boolean {
  return LIBRARY_BARCODE.test(value);
}

/** The Luhn check digit for `body` (all digits), i.e. the digit to append. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // The rightmost body digit sits next to the check digit, so it is the first one doubled.
  for (let i = 0; i < body.length; i += 1) {
    const digit = Number(body.charAt(body.length - 1 - i));
    if (i % 2 === 0) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** True when a 14-digit value's last digit is its Luhn check digit. */
export function hasValidLibraryCheckDigit(value: string): boolean {
  if (!isLibraryBarcodeShape(value)) return false;
  return luhnCheckDigit(value.slice(0, 13)) === Number(value.charAt(13));
}

export function checkDigitWarning(value: string): string {
  return `Check digit of ${value} does not match; the barcode may be misread — scan it again or check it by eye.`;
}

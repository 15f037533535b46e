/**
 * Checks on the host part of a network printer address (tcp://HOST:PORT). Strict enough that a
 * typo is caught in Settings rather than as a puzzling network error at print time.
 */

/** Dotted-quad IPv4 without leading zeros, which some resolvers would read as octal. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return (
    parts.length === 4 &&
    parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)
  );
}

/** IPv6 text form (RFC 4291 §2.2) without brackets or zone, with an optional IPv4 tail. */
export function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let count = 0;
  for (const [index, group] of groups.entries()) {
    if (group.includes('.') && index === groups.length - 1 && !text.endsWith(':')) {
      if (!isIpv4(group)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** A DNS host name such as `printer-3.library.example.edu`. */
export function isHostName(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  // Underscores are not DNS-legal but appear in office printer names that resolvers accept.
  const label = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
  return name.length > 0 && name.length <= 253 && name.split('.').every((l) => label.test(l));
}

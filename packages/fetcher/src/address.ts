import ipaddr from "ipaddr.js";

/**
 * The verdict on one IP address: `allowed` only for global unicast; otherwise the named range it falls in
 * (loopback, private, linkLocal, uniqueLocal, carrierGradeNat, multicast, ipv4Mapped, unspecified, reserved...).
 */
export type AddressVerdict = { allowed: true; address: string } | { allowed: false; address: string; range: string };

/**
 * Classifies an IP address as the fetcher sees it. Anything ipaddr.js does not name `unicast` is refused, so a
 * range added to its tables later is refused too. IPv4-mapped, NAT64, 6to4 and Teredo IPv6 addresses are refused
 * whole, because each can carry an internal IPv4 address. A string that is not an IP address is refused.
 */
export function classifyAddress(address: string): AddressVerdict {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const withoutZone = bare.split("%")[0] ?? bare;
  if (!ipaddr.isValid(withoutZone)) return { allowed: false, address, range: "not an IP address" };
  const parsed = ipaddr.parse(withoutZone);
  if (parsed.kind() === "ipv6" && !withoutZone.includes(":")) return { allowed: false, address, range: "not an IP address" };
  if (parsed.kind() === "ipv4" && !ipaddr.IPv4.isValidFourPartDecimal(withoutZone)) {
    return { allowed: false, address, range: "non-canonical IPv4 spelling" };
  }
  const range = parsed.range();
  if (range === "unicast") return { allowed: true, address: parsed.toString() };
  return { allowed: false, address: parsed.toString(), range };
}

/** True when the fetcher must never connect to `address`. */
export function isForbiddenAddress(address: string): boolean {
  return !classifyAddress(address).allowed;
}

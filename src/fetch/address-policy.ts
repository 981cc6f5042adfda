import ipaddr from "ipaddr.js";

/**
 * Which addresses a user-named URL may reach. Only public unicast addresses by default: a feed URL that points at
 * 127.0.0.1, 10.x, 169.254.x (cloud metadata) or fc00::/7 is how an untrusted input reaches internal services.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // An IPv4 address written as ::ffff:a.b.c.d must be judged as the IPv4 address it is.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === "unicast";
}

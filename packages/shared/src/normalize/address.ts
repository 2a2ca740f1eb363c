import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is a public unicast address. Loopback, private (RFC 1918, ULA),
 * link-local, carrier-grade NAT, multicast, reserved and unspecified addresses are not, and
 * neither are IPv4 addresses hidden in IPv6 (::ffff:127.0.0.1, 6to4, Teredo).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    else if (v6.range() !== 'unicast') return false;
  }
  return parsed.range() === 'unicast';
}

/**
 * Whether a URL points, by its host alone, at a loopback or non-public address (`localhost` or
 * an IP literal). Names that resolve to private addresses are caught by the fetcher after DNS.
 */
export function isPrivateHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  const literal = ipLiteralOf(hostname);
  return literal !== null && !isPublicAddress(literal);
}

/** The address of a URL's host when it is an IP literal ("[::1]" → "::1"), else null. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

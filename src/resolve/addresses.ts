// Address and CIDR checks. Everything that reaches a router is validated here, so targets can print
// addresses without quoting.

import ipaddr from 'ipaddr.js';

export type Checked = { ok: true; value: string } | { ok: false; message: string };

export function checkIPv4(text: string): Checked {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return { ok: false, message: 'is not an IPv4 address such as 192.168.1.10' };
  const range = ipaddr.IPv4.parse(text).range();
  if (range === 'unspecified' || range === 'broadcast' || range === 'multicast' || range === 'loopback') {
    return { ok: false, message: `is a ${range} address, not a host on the LAN` };
  }
  return { ok: true, value: ipaddr.IPv4.parse(text).toString() };
}

/** RFC 1918: where a NAS behind a NAT router lives. */
export function isPrivateIPv4(text: string): boolean {
  return ipaddr.IPv4.parse(text).range() === 'private';
}

export function checkIPv6(text: string): Checked {
  if (!ipaddr.IPv6.isValid(text) || text.includes('%') || text.includes('/')) {
    return { ok: false, message: 'is not an IPv6 address such as 2001:db8::10' };
  }
  const addr = ipaddr.IPv6.parse(text);
  if (addr.isIPv4MappedAddress()) return { ok: false, message: 'is an IPv4-mapped address; give the NAS\'s global IPv6 address' };
  const range = addr.range();
  if (range === 'linkLocal' || range === 'loopback' || range === 'unspecified' || range === 'multicast') {
    return { ok: false, message: `is a ${range} address; give the NAS's global IPv6 address` };
  }
  return { ok: true, value: addr.toString() };
}

/** IPv6 address or CIDR; a bare address means /128. Host bits must be clear. */
export function checkCidr6(text: string): Checked {
  const [addr, bits, extra] = text.split('/');
  if (extra !== undefined || !ipaddr.IPv6.isValid(addr ?? '') || (addr ?? '').includes('%')) {
    return { ok: false, message: 'is not an IPv6 address or CIDR such as 2001:db8::/32' };
  }
  const parsed = ipaddr.IPv6.parse(addr!).toString();
  if (bits === undefined) return { ok: true, value: `${parsed}/128` };
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > 128) return { ok: false, message: 'has a prefix length outside 0-128' };
  const network = ipaddr.IPv6.networkAddressFromCIDR(text).toString();
  if (network !== parsed) return { ok: false, message: `has host bits set (did you mean "${network}/${bits}"?)` };
  return { ok: true, value: `${network}/${Number(bits)}` };
}

/** IPv4 address or CIDR; a bare address means /32. Host bits must be clear. */
export function checkCidr4(text: string): Checked {
  const [addr, bits, extra] = text.split('/');
  if (extra !== undefined || !ipaddr.IPv4.isValidFourPartDecimal(addr ?? '')) {
    return { ok: false, message: 'is not an IPv4 address or CIDR such as 198.51.100.0/24' };
  }
  if (bits === undefined) return { ok: true, value: `${ipaddr.IPv4.parse(addr!).toString()}/32` };
  if (!/^\d{1,2}$/.test(bits) || Number(bits) > 32) return { ok: false, message: 'has a prefix length outside 0-32' };
  const network = ipaddr.IPv4.networkAddressFromCIDR(text).toString();
  const parsed = ipaddr.IPv4.parse(addr!).toString();
  if (network !== parsed) return { ok: false, message: `has host bits set (did you mean "${network}/${bits}"?)` };
  return { ok: true, value: `${network}/${Number(bits)}` };
}

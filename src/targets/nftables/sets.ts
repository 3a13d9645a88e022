// Anonymous sets and maps written the way nft itself prints them back (`nft list`): elements
// sorted, overlapping and adjacent intervals merged, a lone element without braces, a host
// without /32 or /128, and a merged interval that is not a prefix as FIRST-LAST. nft would merge
// them anyway (and rejects nothing here), so writing its canonical form keeps the file equal to
// what `nft list table` shows, which the tests check with the real nft.

import ipaddr from 'ipaddr.js';
import { formatRange } from '../../plan/ranges.js';
import type { PortRange } from '../../plan/types.js';
import { mergeRanges } from '../shared/ports.js';

/** `5001`, `6001-6010` or `{ 21, 5001, 6001-6010 }`. */
export function portSet(ranges: PortRange[]): string {
  const parts = mergeRanges(ranges).map((r) => formatRange(r));
  return braces(parts);
}

/** A map from WAN port to `ADDR . PORT`, one element per port: `{ 443 : 192.168.1.10 . 5001 }`. */
export function portMap(nas: string, pairs: { external: PortRange; internal: PortRange }[]): string {
  const elements: [number, number][] = [];
  for (const { external, internal } of pairs) {
    for (let i = 0; i <= external.last - external.first; i++) elements.push([external.first + i, internal.first + i]);
  }
  elements.sort((a, b) => a[0] - b[0]);
  return `{ ${elements.map(([wan, lan]) => `${wan} : ${nas} . ${lan}`).join(', ')} }`;
}

const braces = (parts: string[]): string => (parts.length === 1 ? parts[0]! : `{ ${parts.join(', ')} }`);

interface Interval {
  first: bigint;
  last: bigint;
}

/** An IPv4 or IPv6 address set from normalised CIDRs ("198.51.100.0/24", "2001:db8::/32"). */
export function addressSet(cidrs: string[], family: 4 | 6): string {
  if (cidrs.length === 0) throw new Error('an empty address set matches nothing');
  const bits = family === 4 ? 32 : 128;
  const intervals = cidrs
    .map((c): Interval => {
      const [addr, len] = ipaddr.parseCIDR(c);
      if ((addr.kind() === 'ipv4') !== (family === 4)) throw new Error(`${c} is not an IPv${family} CIDR`);
      const first = toBig(addr.toByteArray());
      const size = 1n << BigInt(bits - len);
      return { first, last: first + size - 1n };
    })
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: Interval[] = [];
  for (const r of intervals) {
    const last = merged[merged.length - 1];
    if (last && r.first <= last.last + 1n) last.last = r.last > last.last ? r.last : last.last;
    else merged.push({ ...r });
  }
  return braces(merged.map((r) => element(r, family)));
}

function element(r: Interval, family: 4 | 6): string {
  const bits = family === 4 ? 32 : 128;
  const first = format(r.first, family);
  if (r.first === r.last) return first;
  const size = r.last - r.first + 1n;
  const isPow2 = (size & (size - 1n)) === 0n;
  if (isPow2 && r.first % size === 0n) return `${first}/${bits - (size.toString(2).length - 1)}`;
  return `${first}-${format(r.last, family)}`;
}

function toBig(bytes: number[]): bigint {
  return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}

function format(n: bigint, family: 4 | 6): string {
  const len = family === 4 ? 4 : 16;
  const bytes = Array.from({ length: len }, (_, i) => Number((n >> BigInt(8 * (len - 1 - i))) & 0xffn));
  return family === 4 ? bytes.join('.') : (ipaddr.fromByteArray(bytes) as ipaddr.IPv6).toRFC5952String();
}

/** An IPv6 address as nft prints it (RFC 5952, like glibc's inet_ntop). */
export function ipv6(address: string): string {
  return ipaddr.IPv6.parse(address).toRFC5952String();
}

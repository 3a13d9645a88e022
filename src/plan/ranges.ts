// Port ranges: parsing the profile's "PORT/PROTO" specs and formatting ranges for people.

import type { PortRange, Proto } from './types.js';

export function range(first: number, last = first): PortRange {
  return { first, last };
}

export function rangeSize(r: PortRange): number {
  return r.last - r.first + 1;
}

/** "5001" or "6001-6010". */
export function formatRange(r: PortRange, sep = '-'): string {
  return r.first === r.last ? String(r.first) : `${r.first}${sep}${r.last}`;
}

/** A forward that sends its WAN ports to other NAS port numbers. */
export function isRemapped(f: { external: PortRange; internal: PortRange }): boolean {
  return f.external.first !== f.internal.first;
}

export function shift(r: PortRange, first: number): PortRange {
  return { first, last: first + r.last - r.first };
}

export type PortSpecProblem = 'syntax' | 'range' | 'order';

const TCP: readonly Proto[] = Object.freeze(['tcp']);
const UDP: readonly Proto[] = Object.freeze(['udp']);
const BOTH: readonly Proto[] = Object.freeze(['tcp', 'udp']);

/**
 * The ports of a "32400/tcp", "6001-6010/udp" or "9999/both" spec, or what is wrong with it:
 * exactly /^(\d{1,5})(?:-(\d{1,5}))?\/(tcp|udp|both)$/, then 1-65535 and FIRST <= LAST. Read by
 * hand in one function, without a substring, because a custom list may hold thousands of specs:
 * the regex's match array and substrings, and a spec object besides the range (which the plan
 * keeps), were most of what the resolver allocated per port. The protocols are then specProtos(text).
 */
export function parsePortSpec(text: string): PortRange | PortSpecProblem {
  // FIRST: 1 to 5 digits (a sixth one is read only to refuse it); leading zeros allowed.
  let i = 0;
  let first = 0;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57 && i <= 5; c = text.charCodeAt(++i)) first = first * 10 + (c - 48);
  if (i === 0 || i > 5) return 'syntax';
  let last = first;
  if (text.charCodeAt(i) === 45) {
    // "-LAST", the same way.
    const start = ++i;
    last = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57 && i - start <= 5; c = text.charCodeAt(++i)) last = last * 10 + (c - 48);
    if (i === start || i - start > 5) return 'syntax';
  }
  if (text.charCodeAt(i) !== 47) return 'syntax'; // "/"
  const rest = text.length - i - 1;
  if (!(rest === 3 && (text.endsWith('tcp') || text.endsWith('udp'))) && !(rest === 4 && text.endsWith('both'))) return 'syntax';
  if (first < 1 || first > 65535 || last < 1 || last > 65535) return 'range';
  if (last < first) return 'order';
  return { first, last };
}

/** The protocols of a spec that parsePortSpec accepted (shared arrays: do not change them). */
export function specProtos(text: string): readonly Proto[] {
  const c = text.charCodeAt(text.length - 3); // "t"cp, "u"dp, b"o"th
  return c === 116 ? TCP : c === 117 ? UDP : BOTH;
}

/** Parses an override value: a port number (keeps the range's length) or "FIRST-LAST". */
export function parseOverride(value: number | string, current: PortRange): PortRange | 'range' | 'order' {
  if (typeof value === 'number') {
    const r = shift(current, value);
    return r.last > 65535 ? 'range' : r;
  }
  const [a, b] = value.split('-').map(Number) as [number, number];
  if (a < 1 || b > 65535 || a > 65535 || b < 1) return 'range';
  if (b < a) return 'order';
  return { first: a, last: b };
}

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

/** The end of the run of 1 to 5 ASCII digits at `i`, or -1 when there is none or a longer one. */
function digitsEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length && end - i <= 5) {
    const c = text.charCodeAt(end);
    if (c < 48 || c > 57) break;
    end++;
  }
  return end === i || end - i > 5 ? -1 : end;
}

/** The value of the digits text[start, end) (at most five: no overflow, leading zeros allowed). */
function numberAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/**
 * The ports of a "32400/tcp", "6001-6010/udp" or "9999/both" spec, or what is wrong with it:
 * exactly /^(\d{1,5})(?:-(\d{1,5}))?\/(tcp|udp|both)$/, then 1-65535 and FIRST <= LAST. Read by
 * hand, without a substring, because a custom list may hold thousands of specs: the regex's match
 * array and substrings, and a spec object besides the range (which the plan keeps), were most of
 * what the resolver allocated per port. The protocols are then specProtos(text).
 */
export function parsePortSpec(text: string): PortRange | PortSpecProblem {
  const firstEnd = digitsEnd(text, 0);
  if (firstEnd < 0) return 'syntax';
  let slash = firstEnd;
  const ranged = text.charCodeAt(firstEnd) === 45; // "-"
  if (ranged) {
    slash = digitsEnd(text, firstEnd + 1);
    if (slash < 0) return 'syntax';
  }
  if (text.charCodeAt(slash) !== 47) return 'syntax'; // "/"
  const rest = text.length - slash - 1;
  if (!(rest === 3 && (text.endsWith('tcp') || text.endsWith('udp'))) && !(rest === 4 && text.endsWith('both'))) return 'syntax';
  const first = numberAt(text, 0, firstEnd);
  const last = ranged ? numberAt(text, firstEnd + 1, slash) : first;
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

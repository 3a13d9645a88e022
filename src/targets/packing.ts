// Packing port lists into rules: Linux netfilter's multiport match (used by iptables and by
// RouterOS, which runs on it) takes at most 15 slots, and a range takes 2.

import type { PortRange } from '../plan/types.js';

export const MULTIPORT_SLOTS = 15;

const slots = (r: PortRange): number => (r.first === r.last ? 1 : 2);

/** Splits entries, in order, into groups of at most `max` multiport slots. */
export function packSlots<T>(items: T[], rangeOf: (item: T) => PortRange, max = MULTIPORT_SLOTS): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const need = slots(rangeOf(item));
    if (used + need > max) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += need;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** The union of the ranges, sorted, with overlapping and adjacent ranges joined. */
export function mergeRanges(ranges: PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first || a.last - b.last);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
    else out.push({ first: r.first, last: r.last });
  }
  return out;
}

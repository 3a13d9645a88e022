// Port lists the way iptables matches them: `--dport a[:b]` for one entry, `-m multiport --dports`
// for several, within multiport's 15 slots (XT_MULTI_PORTS) where a range takes 2 slots. A single
// port is always written `a`, never `a:a` (multiport rejects an equal-ended range).

import type { PortRange, Proto } from '../plan/types.js';

export const MULTIPORT_SLOTS = 15;

const slots = (r: PortRange): number => (r.first === r.last ? 1 : 2);

/** "5001" or "6001:6010": iptables' port-range syntax. */
export function portEntry(r: PortRange): string {
  return r.first === r.last ? String(r.first) : `${r.first}:${r.last}`;
}

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

/** `-p tcp -m tcp --dport 5001` or `-p tcp -m multiport --dports 5001,6001:6010`. */
export function portMatch(proto: Proto, side: 'd' | 's', ranges: PortRange[]): string {
  if (ranges.length === 1) return `-p ${proto} -m ${proto} --${side}port ${portEntry(ranges[0]!)}`;
  return `-p ${proto} -m multiport --${side}ports ${ranges.map(portEntry).join(',')}`;
}

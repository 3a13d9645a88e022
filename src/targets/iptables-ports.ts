// Port lists the way iptables matches them: `--dport a[:b]` for one entry, `-m multiport --dports`
// for several, within multiport's 15 slots (XT_MULTI_PORTS) where a range takes 2 slots. A single
// port is always written `a`, never `a:a` (multiport rejects an equal-ended range). Packing into
// slots is in packing.ts.

import type { PortRange, Proto } from '../plan/types.js';

/** "5001" or "6001:6010": iptables' port-range syntax. */
export function portEntry(r: PortRange): string {
  return r.first === r.last ? String(r.first) : `${r.first}:${r.last}`;
}

/** `-p tcp -m tcp --dport 5001` or `-p tcp -m multiport --dports 5001,6001:6010`. */
export function portMatch(proto: Proto, side: 'd' | 's', ranges: PortRange[]): string {
  if (ranges.length === 1) return `-p ${proto} -m ${proto} --${side}port ${portEntry(ranges[0]!)}`;
  return `-p ${proto} -m multiport --${side}ports ${ranges.map(portEntry).join(',')}`;
}

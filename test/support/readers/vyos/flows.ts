// What a VyOS configuration read back by recoverVyos lets in, as flows: the WAN DNAT ports from the
// sources of their network group (anyone without one), the hairpin DNAT ports from any LAN client,
// and the IPv6 accepts from their ipv6-network-group.

import { canonicalAddress, canonicalSource, type Flow } from '../../../../src/readers/flow.js';
import type { VyosRecovered } from '../../../../src/readers/vyos/model.js';

/** The sources the rules' one group admits ('any' without a group); rules naming two groups throw. */
function groupSources(rec: VyosRecovered, refs: readonly (string | null)[]): string[] {
  const used = [...new Set(refs)];
  if (used.length > 1) throw new Error(`the rules name ${used.length} source groups: ${used.join(', ')}`);
  const g = used[0] ?? null;
  if (g === null) return ['any'];
  const group = rec.groups.get(g) ?? ((): never => { throw new Error(`group ${g} is not defined`); })();
  return group.networks.map(canonicalSource);
}

/** "tcp 443 192.168.1.10 5001" (DNAT) or "tcp 2001:db8::10 5001" (accept) as its parts. */
const words = (t: string): string[] => t.split(' ');

export function vyosFlows(rec: VyosRecovered): Flow[] {
  const out: Flow[] = [];
  const sources4 = groupSources(rec, rec.dnatSources);
  for (const t of rec.tuples) {
    const [proto, wan, nas, port] = words(t) as ['tcp' | 'udp', string, string, string];
    for (const source of sources4) out.push({ family: 4, proto, wan: Number(wan), nas: canonicalAddress(nas), port: Number(port), source, via: 'wan' });
  }
  for (const t of rec.hairpin) {
    const [proto, wan, nas, port] = words(t) as ['tcp' | 'udp', string, string, string];
    out.push({ family: 4, proto, wan: Number(wan), nas: canonicalAddress(nas), port: Number(port), source: 'any', via: 'hairpin' });
  }
  const sources6 = rec.accepts6.length ? groupSources(rec, rec.accept6Sources) : [];
  for (const t of rec.accepts6) {
    const [proto, nas, port] = words(t) as ['tcp' | 'udp', string, string];
    for (const source of sources6) out.push({ family: 6, proto, wan: null, nas: canonicalAddress(nas), port: Number(port), source, via: 'wan' });
  }
  return out;
}

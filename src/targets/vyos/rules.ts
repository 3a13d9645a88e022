// The vyos rules before numbering: the plan's forwards as destination NAT rules (a tcp and a udp
// forward with the same ports share one tcp_udp rule) and the NAS ports the forward filter must
// accept, merged per protocol. Texts are raw (free text included): the view cuts and sanitises them.

import { formatRange, isRemapped } from '../../plan/ranges.js';
import type { Forward, Plan, PortRange } from '../../plan/types.js';
import { mergeRanges, packSlots, twinGroups } from '../shared/ports.js';
import { appsOf, cutAbout, packedText, ruleText } from '../shared/text.js';
import type { TextAbout } from '../types.js';

export type VyProto = 'tcp' | 'udp' | 'tcp_udp';

/** One `nat destination` rule: WAN port(s), and the NAS port when it differs (one port only). */
export interface DnatRule {
  proto: VyProto;
  /** "443" or "6001-6010". */
  port: string;
  /** The NAS port of a remapped single port; null keeps the WAN port (DNAT to the address only). */
  toPort: string | null;
  /** Raw description: tag, apps, ports, custom names. */
  text: string;
  /** For SFW310, worked out only when the text is cut (ctx.fit). */
  about: () => TextAbout;
}

/** NAS ports one forward-filter rule (or hairpin masquerade rule) covers. */
export interface NasPorts {
  proto: VyProto;
  /** "21,5001,6001-6010": merged ranges, the syntax `destination port` takes. */
  ports: string;
  /** App ids behind these ports, sorted: "dsm,synology-drive-server". */
  apps: string;
}

const PROTOS: readonly VyProto[] = ['tcp', 'udp', 'tcp_udp'];

/** The WAN range of a forward or tcp+udp pair (one function for every packSlots call). */
const wanOf = (pair: Forward[]): PortRange => pair[0]!.external;

/** "443,6001-6010": the WAN ranges of a packed rule. */
function wanPorts(group: Forward[][]): string {
  let port = formatRange(group[0]![0]!.external);
  for (let i = 1; i < group.length; i++) port += `,${formatRange(group[i]![0]!.external)}`;
  return port;
}

/**
 * The destination NAT rules: forwards that keep their port packed into port lists per protocol
 * (DNAT to an address keeps the port, for ranges too; lists within netfilter's 15 multiport slots,
 * so a big plan stays inside the profile's block of rule numbers), then remapped forwards. A
 * remapped range gets one rule per port, because `translation port a-b` is not offset-mapped
 * (targets.md §0).
 */
export function dnatRules(plan: Plan): DnatRule[] {
  // The same-port forwards (or tcp+udp pairs) per protocol, each packed by its WAN range.
  const same: Record<VyProto, Forward[][]> = { tcp: [], udp: [], tcp_udp: [] };
  const remaps: DnatRule[] = [];
  const twins = twinGroups(plan.forwards);
  for (let t = 0; t < twins.length; t++) {
    const fs = twins[t]!;
    const f = fs[0]!;
    const proto: VyProto = fs.length === 2 ? 'tcp_udp' : f.proto;
    if (!isRemapped(f)) {
      same[proto].push(fs);
      continue;
    }
    for (let i = 0; i <= f.external.last - f.external.first; i++) {
      const external = { first: f.external.first + i, last: f.external.first + i };
      const internal = { first: f.internal.first + i, last: f.internal.first + i };
      remaps.push({ proto, port: String(external.first), toPort: String(internal.first), text: ruleText(plan, fs, { external, internal }), about: () => cutAbout(fs) });
    }
  }
  const packed: DnatRule[] = [];
  for (const proto of PROTOS) {
    // Empty lists skipped: each call of a function over thousands of items that sees another kind
    // of argument than the last costs V8 a recompilation.
    if (same[proto].length === 0) continue;
    const groups = packSlots(same[proto], wanOf);
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const fs = group.length === 1 ? group[0]! : group.flat();
      // One forward (or one tcp+udp pair) reads like every other rule; a packed list names each group.
      packed.push({ proto, port: wanPorts(group), toPort: null, text: group.length === 1 ? ruleText(plan, fs) : packedText(plan, fs), about: () => cutAbout(fs) });
    }
  }
  return [...packed, ...remaps];
}

function portsOf(forwards: Forward[]): { ports: string; apps: string } {
  const ports = mergeRanges(forwards.map((f) => f.internal)).map((r) => formatRange(r)).join(',');
  return { ports, apps: appsOf(forwards) };
}

/**
 * The NAS ports per protocol, merged (several WAN ports may forward to one NAS port). When TCP and
 * UDP need exactly the same ports, one tcp_udp entry covers both.
 */
export function nasPorts(plan: Plan): NasPorts[] {
  const tcp = plan.forwards.filter((f) => f.proto === 'tcp');
  const udp = plan.forwards.filter((f) => f.proto === 'udp');
  const t = portsOf(tcp);
  const u = portsOf(udp);
  if (tcp.length && udp.length && t.ports === u.ports) return [{ proto: 'tcp_udp', ...portsOf([...tcp, ...udp]) }];
  return [...(tcp.length ? [{ proto: 'tcp' as const, ...t }] : []), ...(udp.length ? [{ proto: 'udp' as const, ...u }] : [])];
}

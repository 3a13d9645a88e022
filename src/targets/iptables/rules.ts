// The plan's forwards as iptables rule pieces, before any chain or source is chosen: the DNAT rules
// (WAN ports, packed where the port is kept) and the NAS-port groups that the filter, masquerade
// and ip6tables rules match. view.ts places them in chains.

import { formatRange, isRemapped } from '../../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../../plan/types.js';
import { mergedPacks, packSlots, protosOf } from '../shared/ports.js';
import { allowedSources } from '../shared/sources.js';
import { appsOf, cutAbout, packedText, ruleText } from '../shared/text.js';
import type { TextAbout } from '../types.js';

/** A port match: one entry is `-m PROTO --dport a[:b]`, several a multiport list (15 slots). */
export interface PortMatch {
  proto: Proto;
  /** "5001" or "5001,6001:6010": iptables' port syntax. */
  ports: string;
  multiport: boolean;
}

/** One DNAT rule without its interface or address matches. */
export interface DnatSpec {
  match: PortMatch;
  /** Rule text (free text inside: escaped by the template). */
  text: string;
  /** The --to-destination argument. */
  to: string;
  /** For SFW310, worked out only when the text is cut (ctx.fit). */
  about: () => TextAbout;
}

/** NAS ports of one protocol that fit one multiport match, with the apps behind them. */
export interface PortGroup {
  match: PortMatch;
  /** "dsm,synology-drive-server" */
  apps: string;
  /** "5001,6690" (display form) */
  ports: string;
  about: () => TextAbout;
}

/** "5001" or "6001:6010": iptables' port-range syntax. A single port is never `a:a` (multiport rejects it). */
const portEntry = (r: PortRange): string => (r.first === r.last ? String(r.first) : `${r.first}:${r.last}`);

export const portMatch = (proto: Proto, ranges: readonly PortRange[]): PortMatch => ({ proto, ports: ranges.map(portEntry).join(','), multiport: ranges.length > 1 });

/**
 * Identity forwards keep their port (DNAT to the bare address), so they share multiport rules; a
 * remapped one gets a rule of its own (ip:port, or ip:a-b/base for a range).
 */
export function dnatSpecs(plan: Plan): DnatSpec[] {
  const nas = plan.nas.address;
  const out: DnatSpec[] = [];
  for (const proto of protosOf(plan.forwards)) {
    const same: Forward[] = [];
    const remapped: Forward[] = [];
    for (let i = 0; i < plan.forwards.length; i++) {
      const f = plan.forwards[i]!;
      if (f.proto === proto) (isRemapped(f) ? remapped : same).push(f);
    }
    for (const group of packSlots(same, (f) => f.external)) {
      out.push({ match: portMatch(proto, group.map((f) => f.external)), text: packedText(plan, group), to: nas, about: () => cutAbout(group) });
    }
    for (const f of remapped) {
      const single = f.external.first === f.external.last;
      const to = single ? `${nas}:${f.internal.first}` : `${nas}:${f.internal.first}-${f.internal.last}/${f.external.first}`;
      out.push({ match: portMatch(proto, [f.external]), text: ruleText(plan, f), to, about: () => cutAbout([f]) });
    }
  }
  return out;
}

/** The NAS ports per protocol, adjacent ones joined, packed into multiport groups. */
export function natPortGroups(plan: Plan): PortGroup[] {
  const out: PortGroup[] = [];
  for (const proto of protosOf(plan.forwards)) {
    for (const { ranges, items } of mergedPacks(plan.forwards.filter((f: Forward) => f.proto === proto), (f) => f.internal)) {
      // Both port lists in one pass: a group is a rule, 10,000 ports are 700 rules.
      const ports = new Array<string>(ranges.length);
      const display = new Array<string>(ranges.length);
      for (let i = 0; i < ranges.length; i++) {
        const r = ranges[i]!;
        ports[i] = portEntry(r);
        display[i] = r.first === r.last ? ports[i]! : formatRange(r);
      }
      out.push({ match: { proto, ports: ports.join(','), multiport: ranges.length > 1 }, apps: appsOf(items), ports: display.join(','), about: () => cutAbout(items) });
    }
  }
  return out;
}

/**
 * The -s values of a family's rules: `[undefined]` = anyone (no -s), `[]` = nobody (no rules at
 * all); see allowedSources. A /0 entry is anyone: iptables-save would print the rule without -s,
 * so it is emitted that way.
 */
export function sourcesOf(plan: Plan, family: 4 | 6): (string | undefined)[] {
  const own = allowedSources(plan, family);
  if (own === undefined || own.some((c) => c.endsWith('/0'))) return [undefined];
  return [...new Set(own)];
}

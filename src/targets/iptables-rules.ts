// The plan's forwards as iptables match/target pieces, before any chain or source is chosen: the
// DNAT rules (WAN ports, packed where the port is kept) and the NAS-port groups that the filter,
// masquerade and ip6tables rules match. The view (iptables-view.ts) places them in chains.

import { formatRange, isRemapped } from '../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../plan/types.js';
import { allowedSources, packedText, ruleText } from './common.js';
import { portMatch } from './iptables-ports.js';
import { mergeRanges, packSlots } from './packing.js';

/** One DNAT rule without its interface or address matches. */
export interface DnatSpec {
  /** `-p tcp -m tcp --dport 443` or a multiport list of WAN ports. */
  ports: string;
  /** Rule text (free text inside: escaped by the template). */
  text: string;
  /** The --to-destination argument. */
  to: string;
}

/** NAS ports of one protocol that fit one multiport match, with the apps behind them. */
export interface PortGroup {
  proto: Proto;
  ranges: PortRange[];
  /** "dsm,synology-drive-server" */
  apps: string;
  /** "5001,6690" (display form) */
  ports: string;
}


export const protosOf = (plan: Plan): Proto[] => [...new Set(plan.forwards.map((f) => f.proto))].sort() as Proto[];

/**
 * Identity forwards keep their port (DNAT to the bare address), so they share multiport rules; a
 * remapped one gets a rule of its own (ip:port, or ip:a-b/base for a range).
 */
export function dnatSpecs(plan: Plan): DnatSpec[] {
  const nas = plan.nas.address;
  const out: DnatSpec[] = [];
  for (const proto of protosOf(plan)) {
    const mine = plan.forwards.filter((f) => f.proto === proto);
    for (const group of packSlots(mine.filter((f) => !isRemapped(f)), (f) => f.external)) {
      out.push({ ports: portMatch(proto, 'd', group.map((f) => f.external)), text: packedText(plan, group), to: nas });
    }
    for (const f of mine.filter(isRemapped)) {
      const single = f.external.first === f.external.last;
      const to = single ? `${nas}:${f.internal.first}` : `${nas}:${f.internal.first}-${f.internal.last}/${f.external.first}`;
      out.push({ ports: portMatch(proto, 'd', [f.external]), text: ruleText(plan, f), to });
    }
  }
  return out;
}

/** The NAS ports per protocol, adjacent ones joined, packed into multiport groups. */
export function natPortGroups(plan: Plan): PortGroup[] {
  const out: PortGroup[] = [];
  for (const proto of protosOf(plan)) {
    const mine = plan.forwards.filter((f) => f.proto === proto);
    const merged = mergeRanges(mine.map((f) => f.internal));
    const apps = appsByRange(mine, merged);
    for (const ranges of packSlots(merged, (r) => r)) {
      const names = [...new Set(ranges.flatMap((r) => [...apps.get(r)!]))].sort().join(',');
      out.push({ proto, ranges, apps: names, ports: ranges.map((r) => formatRange(r)).join(',') });
    }
  }
  return out;
}

/**
 * The apps behind each merged NAS range. Every forward's NAS range lies inside exactly one merged
 * range (they are its union), found by binary search: linear in the plan, not forwards x groups.
 */
function appsByRange(forwards: Forward[], merged: PortRange[]): Map<PortRange, Set<string>> {
  const apps = new Map(merged.map((r) => [r, new Set<string>()]));
  for (const f of forwards) {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (merged[mid]!.first <= f.internal.first) lo = mid;
      else hi = mid - 1;
    }
    for (const a of f.apps) apps.get(merged[lo]!)!.add(a);
  }
  return apps;
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

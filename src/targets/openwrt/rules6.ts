// The OpenWrt IPv6 allow rules for nas.address6: IPv6 has no NAT, so the NAS's own ports are opened
// with fw3/fw4 `rule` sections (src = the WAN zone, dest = the LAN zone, family ipv6, target ACCEPT).
// One section per NAS port or range (dest_port), a tcp and a udp range with the same ports sharing
// one, as the redirects do; src_ip is a list in rules (fw4 parse_rule PARSE_LIST, fw3 FW3_LIST), so
// all allowFrom IPv6 sources fit in one section.

import { formatRange } from '../../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../../plan/types.js';
import { isUciName } from '../../render/escape/uci.js';
import { mergeBy, type Merged } from '../shared/ports.js';
import { admits, sourcesRestricted } from '../shared/sources.js';
import { aboutText, cutAbout } from '../shared/text.js';
import type { RenderContext } from '../types.js';
import { fittedName } from './names.js';
import { sectionPrefix } from './redirects.js';
import type { RuleSection } from './sections.js';

export interface Rules6 {
  sections: RuleSection[];
  /** Why no rules were written although nas.address6 is set, for the header; null otherwise. */
  none: string | null;
}

/**
 * synfw_<profile>_V6_<protos>_<first>[_<last>]. The upper-case V6 part cannot come from a profile
 * name (lower case) or a redirect id (whose only upper-case part is a last "S<n>"), so a rule never
 * shares a name with a redirect or with another profile's rule.
 */
export function ruleId(profile: string, protos: readonly Proto[], r: PortRange): string {
  const ports = r.first === r.last ? `${r.first}` : `${r.first}_${r.last}`;
  return `${sectionPrefix(profile)}V6_${protos.join('')}_${ports}`;
}

const same = (a: PortRange, b: PortRange): boolean => a.first === b.first && a.last === b.last;

export function buildRules6(plan: Plan, ctx: RenderContext): Rules6 {
  const address6 = plan.nas.address6;
  if (address6 === undefined) return { sections: [], none: null };
  const restricted = sourcesRestricted(plan);
  if (!admits(plan, 6)) {
    return { sections: [], none: 'allowFrom lists only IPv4 sources, so no IPv6 source may connect: no IPv6 rules are written' };
  }
  // NAS ranges per protocol, overlapping and adjacent ones joined, with the forwards behind them.
  const nasRanges = (proto: Proto): Merged<Forward>[] => mergeBy(plan.forwards.filter((f) => f.proto === proto), (f) => f.internal);
  const tcp = nasRanges('tcp');
  const udp = nasRanges('udp');
  const paired = new Set<Merged<Forward>>();
  const groups: [Proto[], Merged<Forward>[]][] = [];
  // Merged ranges of one protocol are disjoint: at most one udp range has a tcp range's ports.
  const udpByRange = new Map(udp.map((u) => [`${u.range.first}-${u.range.last}`, u]));
  for (const t of tcp) {
    const u = udpByRange.get(`${t.range.first}-${t.range.last}`);
    const twin = u && !paired.has(u) && same(u.range, t.range) ? u : undefined;
    if (twin) paired.add(twin);
    groups.push(twin ? [['tcp', 'udp'], [t, twin]] : [['tcp'], [t]]);
  }
  for (const u of udp) if (!paired.has(u)) groups.push([['udp'], [u]]);

  const ids = new Set<string>();
  const sections = groups.map(([protos, gs]): RuleSection => {
    const range = gs[0]!.range;
    const id = ruleId(plan.profile.name, protos, range);
    if (!isUciName(id) || ids.has(id)) throw new Error(`openwrt: section name ${id} is invalid or not unique`);
    ids.add(id);
    const fs = gs.flatMap((g) => g.items);
    const port = formatRange(range);
    const text = aboutText(plan, fs, `${protos.join('+')}/${port} ipv6`);
    return {
      id,
      summary: `ipv6 ${protos.join('+')} ${address6} port ${port}${restricted ? ` from ${plan.allowFrom6.join(' ')}` : ''}`,
      name: fittedName(ctx, text, () => cutAbout(fs)),
      tcp: protos.includes('tcp'),
      udp: protos.includes('udp'),
      srcIps: restricted ? plan.allowFrom6.map((c) => ({ section: id, value: c })) : [],
      destPort: port,
    };
  });
  return { sections, none: null };
}

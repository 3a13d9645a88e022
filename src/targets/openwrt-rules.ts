// The OpenWrt IPv6 allow rules for nas.address6: IPv6 has no NAT, so the NAS's own ports are opened
// with fw3/fw4 `rule` sections (src = the WAN zone, dest = the LAN zone, family ipv6, target ACCEPT).
// One section per NAS port or range (dest_port), a tcp and a udp range with the same ports sharing
// one, as the redirects do; src_ip is a list in rules (fw4 parse_rule PARSE_LIST, fw3 FW3_LIST), so
// all allowFrom IPv6 sources fit in one section.

import { formatRange } from '../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../plan/types.js';
import { fitName, isUciName, nameText } from '../render/escape/uci.js';
import { admits, originNames, profileTag, sourcesRestricted } from './common.js';
import { sectionPrefix } from './openwrt-sections.js';

export interface Rule6 {
  /** Section name; see ruleId. */
  id: string;
  /** The `name` option's value (not yet quoted), cut to NAME_MAX_BYTES. */
  name: string;
  summary: string;
  protos: Proto[];
  src: string;
  dest: string;
  destIp: string;
  /** "N" or "N-M": the NAS's own ports (a WAN remap does not exist in IPv6). */
  destPort: string;
  /** allowFrom's IPv6 CIDRs; empty when anyone may connect. */
  srcIps: string[];
}

export interface Rule6Model {
  rules: Rule6[];
  cutNames: number;
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

interface Group {
  range: PortRange;
  forwards: Forward[];
}

/** NAS ranges of one protocol, overlapping and adjacent ones joined, with the forwards behind them. */
function nasRanges(forwards: Forward[]): Group[] {
  const sorted = [...forwards].sort((a, b) => a.internal.first - b.internal.first || a.internal.last - b.internal.last);
  const out: Group[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.internal.first <= last.range.last + 1) {
      last.range.last = Math.max(last.range.last, f.internal.last);
      last.forwards.push(f);
    } else out.push({ range: { ...f.internal }, forwards: [f] });
  }
  return out;
}

const same = (a: PortRange, b: PortRange): boolean => a.first === b.first && a.last === b.last;

export function buildRules6(plan: Plan, src: string, dest: string): Rule6Model {
  const address6 = plan.nas.address6;
  if (address6 === undefined) return { rules: [], cutNames: 0, none: null };
  const restricted = sourcesRestricted(plan);
  if (!admits(plan, 6)) {
    return { rules: [], cutNames: 0, none: 'allowFrom lists only IPv4 sources, so no IPv6 source may connect: no IPv6 rules are written' };
  }
  const tcp = nasRanges(plan.forwards.filter((f) => f.proto === 'tcp'));
  const udp = nasRanges(plan.forwards.filter((f) => f.proto === 'udp'));
  const paired = new Set<Group>();
  const sections: [Proto[], Group[]][] = [];
  for (const t of tcp) {
    const twin = udp.find((u) => !paired.has(u) && same(u.range, t.range));
    if (twin) paired.add(twin);
    sections.push(twin ? [['tcp', 'udp'], [t, twin]] : [['tcp'], [t]]);
  }
  for (const u of udp) if (!paired.has(u)) sections.push([['udp'], [u]]);

  const tag = profileTag(plan);
  const ids = new Set<string>();
  let cutNames = 0;
  const rules = sections.map(([protos, gs]): Rule6 => {
    const range = gs[0]!.range;
    const id = ruleId(plan.profile.name, protos, range);
    if (!isUciName(id) || ids.has(id)) throw new Error(`openwrt: section name ${id} is invalid or not unique`);
    ids.add(id);
    const fs = gs.flatMap((g) => g.forwards);
    const apps = [...new Set(fs.flatMap((f) => f.apps))].sort().join(',');
    const names = originNames(fs);
    const text = `${tag} ${apps} ${protos.join('+')}/${formatRange(range)} ipv6${names ? ` ${names}` : ''}`;
    const name = fitName(text);
    if (name !== nameText(text)) cutNames++;
    return {
      id,
      name,
      summary: `ipv6 ${protos.join('+')} ${address6} port ${formatRange(range)}${restricted ? ` from ${plan.allowFrom6.join(' ')}` : ''}`,
      protos,
      src,
      dest,
      destIp: address6,
      destPort: formatRange(range),
      srcIps: restricted ? plan.allowFrom6 : [],
    };
  });
  return { rules, cutNames, none: null };
}

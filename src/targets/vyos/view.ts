// The vyos view model: the rules of vyos-rules.ts numbered in the profile's own block and spelled
// as VyOS `set` commands (config path + value), which both output forms print the same way. Paths
// hold only fixed words, rule numbers and group names; values are tokens or sanitised descriptions
// that the templates quote with vyosQuote; hairpin values known only at run time are shell variables.

import { createHash } from 'node:crypto';
import type { Plan } from '../../plan/types.js';
import { vyosText } from '../../render/escape/vyos.js';
import { oneLine } from '../../render/text.js';
import { admits } from '../shared/sources.js';
import { labelled, profileTag } from '../shared/text.js';
import { TargetError, type RenderContext, type TextAbout } from '../types.js';
import { dnatRules, nasPorts, type NasPorts, type VyProto } from './rules.js';
/** Rule numbers a profile owns in each rule list: base+1 .. base+999 (base is a multiple of 1000). */
export const RULES_MAX = 999;

/**
 * The profile's block of rule numbers: 1000 * (100 + n mod 900), n the first 4 bytes of the name's
 * SHA-256, so 100000..999000. Stable for a name, high above the numbers people type by hand (10,
 * 20, 100, 1000), and within VyOS's 1..999999 for NAT and firewall rules. Two profiles share a
 * block with probability 1/900; the script then stops rather than touch the other one's rules.
 */
export function ruleBase(name: string): number {
  const n = createHash('sha256').update(name).digest().readUInt32BE(0);
  return (100 + (n % 900)) * 1000;
}

/** A value: a literal (quoted by the template) or a shell variable the script sets at run time. */
type Value = string | { shellVar: string };

export interface VyCommand {
  path: string;
  value: string | null;
  shellVar: string | null;
}

export interface VyBlock {
  sets: VyCommand[];
}

export type ListKey = 'dnat' | 'snat' | 'fw4' | 'fw6';

export interface RuleList {
  key: ListKey;
  /** "nat destination rule": the tag node that holds the numbered rules. */
  path: string;
  /** Script variable holding the rule numbers an earlier run left. */
  var: string;
  /** Rule numbers this run sets, in order. */
  numbers: number[];
}

export interface GroupView {
  kind: 'network-group' | 'ipv6-network-group';
  name: string;
  /** This run sets it (allowFrom has sources of that family and rules use them). */
  used: boolean;
}

export interface VyosModel {
  tag: string;
  name: string;
  base: number;
  last: number;
  wan: string;
  lan: string | null;
  nas: string;
  nas6: string | null;
  lists: RuleList[];
  groups: GroupView[];
  blocks: VyBlock[];
  /** The commands form's deletes: this run's rules and groups (paths). */
  deletes: string[];
  /** IPv4 WAN rules exist (allowFrom does not exclude every IPv4 source). */
  v4: boolean;
  /** IPv6 accepts exist (nas.address6 set, and allowFrom does not exclude every IPv6 source). */
  v6: boolean;
  /** Descriptions whose text was sanitised (see vyosText). */
  sanitised: number;
}

const LISTS: [ListKey, string][] = [
  ['dnat', 'nat destination rule'],
  ['snat', 'nat source rule'],
  ['fw4', 'firewall ipv4 forward filter rule'],
  ['fw6', 'firewall ipv6 forward filter rule'],
];

const word = (p: VyProto): string => (p === 'tcp_udp' ? 'tcp+udp' : p);

export function buildModel(plan: Plan, ctx: RenderContext): VyosModel {
  const { wan } = ctx;
  const tag = profileTag(plan);
  const name = plan.profile.name;
  const base = ruleBase(name);
  const nas = plan.nas.address;
  const nas6 = plan.nas.address6 ?? null;
  const lan = ctx.lan ?? null;
  const v4 = admits(plan, 4);
  const v6 = nas6 !== null && admits(plan, 6);
  const groups: GroupView[] = [
    { kind: 'network-group', name: `synfw-${name}-v4`, used: v4 && plan.allowFrom.length > 0 },
    { kind: 'ipv6-network-group', name: `synfw-${name}-v6`, used: v6 && plan.allowFrom6.length > 0 },
  ];
  const used = (g: GroupView): string | null => (g.used ? g.name : null);
  const [g4, g6] = [used(groups[0]!), used(groups[1]!)];
  const lists = LISTS.map(([key, path]) => ({ key, path, var: `synfw_${key}`, numbers: [] as number[] }));
  const list = (k: ListKey): RuleList => lists.find((l) => l.key === k)!;
  const blocks: VyBlock[] = [];
  let sanitised = 0;

  const describe = (text: string, about?: TextAbout): string => {
    const line = oneLine(text);
    if (vyosText(line) !== line) sanitised++;
    return vyosText(ctx.fit(line, vyosText, about));
  };
  const cmd = (path: string, v: Value): VyCommand =>
    typeof v === 'string' ? { path, value: v, shellVar: null } : { path, value: null, shellVar: v.shellVar };
  /** One numbered rule: its fields, given in VyOS's alphabetical order, and the description where VyOS prints it. */
  const rule = (k: ListKey, text: string, fields: [string, Value | null][], about?: TextAbout): void => {
    const l = list(k);
    if (l.numbers.length >= RULES_MAX) {
      throw new TargetError([
        {
          code: 'SFW302',
          severity: 'error',
          message: `target vyos: this plan needs more than ${RULES_MAX} ${l.path}s, the size of the profile's block of rule numbers (${base + 1}-${base + RULES_MAX}); a remapped range takes one rule per port: narrow it, or remap fewer ports`,
        },
      ]);
    }
    const n = base + l.numbers.length + 1;
    l.numbers.push(n);
    const sets = fields.filter((f): f is [string, Value] => f[1] !== null).map(([p, v]) => cmd(`${l.path} ${n} ${p}`, v));
    const at = sets.findIndex((s) => s.path > `${l.path} ${n} description`);
    sets.splice(at < 0 ? sets.length : at, 0, cmd(`${l.path} ${n} description`, describe(text, about)));
    blocks.push({ sets });
  };

  for (const g of groups.filter((x) => x.used)) {
    const cidrs = g.kind === 'network-group' ? plan.allowFrom : plan.allowFrom6;
    const path = `firewall group ${g.kind} ${g.name}`;
    blocks.push({
      sets: [cmd(`${path} description`, describe(`${tag} allowFrom: the ${g.kind === 'network-group' ? 'IPv4' : 'IPv6'} sources that may use the forwards`)), ...cidrs.map((c) => cmd(`${path} network`, c))],
    });
  }

  const dnat = dnatRules(plan);
  const wanVar = { shellVar: 'synfw_wan4' };
  const lanVar = { shellVar: 'synfw_lan4' };
  const dnatFields = (r: (typeof dnat)[number], iface: string, address: Value | null, group: string | null): [string, Value | null][] => [
    ['destination address', address],
    ['destination port', r.port],
    ['inbound-interface name', iface],
    ['protocol', r.proto],
    ['source group network-group', group],
    ['translation address', nas],
    ['translation port', r.toPort],
  ];
  if (v4) for (const r of dnat) rule('dnat', r.text, dnatFields(r, wan, null, g4), r.about);
  // Hairpin: only connections for the WAN address (not every destination on these ports, as the
  // VyOS docs' NAT reflection example would), and LAN clients are not subject to allowFrom.
  if (lan) for (const r of dnat) rule('dnat', labelled(plan, 'hairpin', r.text), dnatFields(r, lan, wanVar, null), r.about);

  const ports = nasPorts(plan);
  const text = (p: NasPorts, what: string): string => `${tag} ${p.apps} ${what} ${word(p.proto)}/${p.ports}`;
  if (lan) {
    for (const p of ports) {
      rule('snat', labelled(plan, 'hairpin', text(p, `masquerade LAN clients to ${nas}`)), [
        ['destination address', nas],
        ['destination port', p.ports],
        ['outbound-interface name', lan],
        ['protocol', p.proto],
        ['source address', lanVar],
        ['translation address', 'masquerade'],
      ]);
    }
  }
  const accept = (p: NasPorts, iface: string, group: string | null, what: string): void =>
    rule('fw4', what, [
      ['action', 'accept'],
      ['connection-status nat', 'destination'],
      ['destination address', nas],
      ['destination port', p.ports],
      ['inbound-interface name', iface],
      ['protocol', p.proto],
      ['source group network-group', group],
    ]);
  if (v4) for (const p of ports) accept(p, wan, g4, text(p, `accept DNAT to ${nas}`));
  if (lan) for (const p of ports) accept(p, lan, null, labelled(plan, 'hairpin', text(p, `accept DNAT to ${nas}`)));
  if (v4 || lan) {
    for (const p of ports) {
      rule('fw4', text(p, `accept DNAT replies from ${nas}`), [
        ['action', 'accept'],
        ['connection-status nat', 'destination'],
        ['protocol', p.proto],
        ['source address', nas],
        ['source port', p.ports],
      ]);
    }
  }
  if (v6 && nas6 !== null) {
    for (const p of ports) {
      rule('fw6', text(p, `accept IPv6 to ${nas6}`), [
        ['action', 'accept'],
        ['destination address', nas6],
        ['destination port', p.ports],
        ['inbound-interface name', wan],
        ['protocol', p.proto],
        ['source group network-group', g6],
      ]);
    }
    for (const p of ports) {
      rule('fw6', text(p, `accept IPv6 replies from ${nas6}`), [
        ['action', 'accept'],
        ['outbound-interface name', wan],
        ['protocol', p.proto],
        ['source address', nas6],
        ['source port', p.ports],
      ]);
    }
  }

  const deletes = [...lists.flatMap((l) => l.numbers.map((n) => `${l.path} ${n}`)), ...groups.filter((g) => g.used).map((g) => `firewall group ${g.kind} ${g.name}`)];
  return { tag, name, base, last: base + RULES_MAX, wan, lan, nas, nas6, lists, groups, blocks, deletes, v4, v6, sanitised };
}

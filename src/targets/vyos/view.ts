// The vyos view model: the rules of vyos-rules.ts numbered in the profile's own block and spelled
// as VyOS `set` commands (config path + value), which both output forms print the same way. Paths
// hold only fixed words, rule numbers and group names; values are tokens or sanitised descriptions
// that the templates quote with vyosQuote; hairpin values known only at run time are shell variables.

import { sha256 } from '../../lib/sha256.js';
import type { Plan } from '../../plan/types.js';
import { isPrintableAscii, vyosText } from '../../render/escape/vyos.js';
import { oneLine } from '../../render/text.js';
import { admits } from '../shared/sources.js';
import { labelled, profileTag } from '../shared/text.js';
import { TargetError, type RenderContext, type TextAbout } from '../types.js';
import { info } from './info.js';
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
  const n = new DataView(sha256(name).buffer).getUint32(0);
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

const LIST_INDEX = Object.fromEntries(LISTS.map(([key], i) => [key, i])) as Record<ListKey, number>;

const word = (p: VyProto): string => (p === 'tcp_udp' ? 'tcp+udp' : p);

/**
 * ctx.fit(line, vyosText, about) for a description line (oneLine'd). A printable ASCII line keeps
 * its length through vyosText, a character for a character, so a cut keeps its first max - 3
 * characters whatever follows them: it is cut from its first max + 1, not from all of it (a forward
 * filter rule's line lists every NAS port, tens of kilobytes at 10,000 ports, and fitText splits
 * what it cuts into code points).
 */
export function fitDescription(ctx: RenderContext, line: string, about?: TextAbout | (() => TextAbout)): string {
  const max = info.comments.max;
  const text = line.length > max + 1 && isPrintableAscii(line) ? line.slice(0, max + 1) : line;
  return ctx.fit(text, vyosText, about);
}

/** The numbered rules and set commands as they are added, with the descriptions they carry. */
class ConfigBook {
  readonly lists = LISTS.map(([key, path]): RuleList => ({ key, path, var: `synfw_${key}`, numbers: [] }));
  readonly blocks: VyBlock[] = [];
  sanitised = 0;

  constructor(
    private readonly base: number,
    private readonly ctx: RenderContext,
  ) {}

  describe(text: string, about?: TextAbout | (() => TextAbout)): string {
    const line = oneLine(text);
    const clean = vyosText(line);
    if (clean !== line) this.sanitised++;
    const fitted = fitDescription(this.ctx, line, about);
    return fitted === line ? clean : vyosText(fitted);
  }

  static cmd(path: string, v: Value): VyCommand {
    return typeof v === 'string' ? { path, value: v, shellVar: null } : { path, value: null, shellVar: v.shellVar };
  }

  /** One numbered rule: its fields, given in VyOS's alphabetical order, and the description where VyOS prints it. */
  rule(k: ListKey, text: string, fields: [string, Value | null][], about?: TextAbout | (() => TextAbout)): void {
    const l = this.lists[LIST_INDEX[k]]!;
    if (l.numbers.length >= RULES_MAX) {
      throw new TargetError([
        {
          code: 'SFW302',
          severity: 'error',
          message: `target vyos: this plan needs more than ${RULES_MAX} ${l.path}s, the size of the profile's block of rule numbers (${this.base + 1}-${this.base + RULES_MAX}); a remapped range takes one rule per port: narrow it, or remap fewer ports`,
        },
      ]);
    }
    const n = this.base + l.numbers.length + 1;
    l.numbers.push(n);
    // The description goes before the first field that sorts after it (the paths share their prefix).
    const prefix = `${l.path} ${n} `;
    const sets: VyCommand[] = [];
    let described = false;
    for (let i = 0; i < fields.length; i++) {
      const [p, v] = fields[i]!;
      if (v === null) continue;
      if (!described && p > 'description') {
        sets.push(ConfigBook.cmd(`${prefix}description`, this.describe(text, about)));
        described = true;
      }
      sets.push(ConfigBook.cmd(prefix + p, v));
    }
    if (!described) sets.push(ConfigBook.cmd(`${prefix}description`, this.describe(text, about)));
    this.blocks.push({ sets });
  }
}

/** What the rule builders share: the plan's addresses and interfaces, and who may connect. */
interface Scope {
  plan: Plan;
  book: ConfigBook;
  tag: string;
  wan: string;
  lan: string | null;
  nas: string;
  nas6: string | null;
  v4: boolean;
  v6: boolean;
  /** The allowFrom groups the rules use, or null. */
  g4: string | null;
  g6: string | null;
}

const WAN_VAR = { shellVar: 'synfw_wan4' };
const LAN_VAR = { shellVar: 'synfw_lan4' };

/** nat destination rules: the WAN's, and hairpin's for the WAN address only, not subject to allowFrom. */
function natDestination(s: Scope): void {
  const dnat = dnatRules(s.plan);
  const fields = (r: (typeof dnat)[number], iface: string, address: Value | null, group: string | null): [string, Value | null][] => [
    ['destination address', address],
    ['destination port', r.port],
    ['inbound-interface name', iface],
    ['protocol', r.proto],
    ['source group network-group', group],
    ['translation address', s.nas],
    ['translation port', r.toPort],
  ];
  if (s.v4) for (const r of dnat) s.book.rule('dnat', r.text, fields(r, s.wan, null, s.g4), r.about);
  // Hairpin: only connections for the WAN address (not every destination on these ports, as the
  // VyOS docs' NAT reflection example would), and LAN clients are not subject to allowFrom.
  if (s.lan) for (const r of dnat) s.book.rule('dnat', labelled(s.plan, 'hairpin', r.text), fields(r, s.lan, WAN_VAR, null), r.about);
}

const portsText = (s: Scope, p: NasPorts, what: string): string => `${s.tag} ${p.apps} ${what} ${word(p.proto)}/${p.ports}`;

/** nat source rules: hairpin connections from the LAN's subnet to the NAS ports are masqueraded. */
function natSource(s: Scope, ports: NasPorts[]): void {
  if (!s.lan) return;
  for (const p of ports) {
    s.book.rule('snat', labelled(s.plan, 'hairpin', portsText(s, p, `masquerade LAN clients to ${s.nas}`)), [
      ['destination address', s.nas],
      ['destination port', p.ports],
      ['outbound-interface name', s.lan],
      ['protocol', p.proto],
      ['source address', LAN_VAR],
      ['translation address', 'masquerade'],
    ]);
  }
}

/** firewall ipv4 forward filter: accepts for the DNATed connections and their replies. */
function forward4(s: Scope, ports: NasPorts[]): void {
  const accept = (p: NasPorts, iface: string, group: string | null, what: string): void =>
    s.book.rule('fw4', what, [
      ['action', 'accept'],
      ['connection-status nat', 'destination'],
      ['destination address', s.nas],
      ['destination port', p.ports],
      ['inbound-interface name', iface],
      ['protocol', p.proto],
      ['source group network-group', group],
    ]);
  if (s.v4) for (const p of ports) accept(p, s.wan, s.g4, portsText(s, p, `accept DNAT to ${s.nas}`));
  if (s.lan) for (const p of ports) accept(p, s.lan, null, labelled(s.plan, 'hairpin', portsText(s, p, `accept DNAT to ${s.nas}`)));
  if (!s.v4 && !s.lan) return;
  for (const p of ports) {
    s.book.rule('fw4', portsText(s, p, `accept DNAT replies from ${s.nas}`), [
      ['action', 'accept'],
      ['connection-status nat', 'destination'],
      ['protocol', p.proto],
      ['source address', s.nas],
      ['source port', p.ports],
    ]);
  }
}

/** firewall ipv6 forward filter: IPv6 has no NAT, so the NAS's own ports are accepted, and replies. */
function forward6(s: Scope, ports: NasPorts[]): void {
  if (!s.v6 || s.nas6 === null) return;
  for (const p of ports) {
    s.book.rule('fw6', portsText(s, p, `accept IPv6 to ${s.nas6}`), [
      ['action', 'accept'],
      ['destination address', s.nas6],
      ['destination port', p.ports],
      ['inbound-interface name', s.wan],
      ['protocol', p.proto],
      ['source group network-group', s.g6],
      // Like the other targets' IPv6 accepts: every packet of the connection but invalid ones.
      ['state', 'established'],
      ['state', 'new'],
      ['state', 'related'],
    ]);
  }
  for (const p of ports) {
    s.book.rule('fw6', portsText(s, p, `accept IPv6 replies from ${s.nas6}`), [
      ['action', 'accept'],
      ['outbound-interface name', s.wan],
      ['protocol', p.proto],
      ['source address', s.nas6],
      ['source port', p.ports],
      ['state', 'established'],
      ['state', 'related'],
    ]);
  }
}

export function buildModel(plan: Plan, ctx: RenderContext): VyosModel {
  const tag = profileTag(plan);
  const name = plan.profile.name;
  const base = ruleBase(name);
  const nas6 = plan.nas.address6 ?? null;
  const v4 = admits(plan, 4);
  const v6 = nas6 !== null && admits(plan, 6);
  const groups: GroupView[] = [
    { kind: 'network-group', name: `synfw-${name}-v4`, used: v4 && plan.allowFrom.length > 0 },
    { kind: 'ipv6-network-group', name: `synfw-${name}-v6`, used: v6 && plan.allowFrom6.length > 0 },
  ];
  const used = (g: GroupView): string | null => (g.used ? g.name : null);
  const book = new ConfigBook(base, ctx);
  const s: Scope = { plan, book, tag, wan: ctx.wan, lan: ctx.lan ?? null, nas: plan.nas.address, nas6, v4, v6, g4: used(groups[0]!), g6: used(groups[1]!) };

  for (const g of groups.filter((x) => x.used)) {
    const cidrs = g.kind === 'network-group' ? plan.allowFrom : plan.allowFrom6;
    const path = `firewall group ${g.kind} ${g.name}`;
    const description = book.describe(`${tag} allowFrom: the ${g.kind === 'network-group' ? 'IPv4' : 'IPv6'} sources that may use the forwards`);
    book.blocks.push({ sets: [ConfigBook.cmd(`${path} description`, description), ...cidrs.map((c) => ConfigBook.cmd(`${path} network`, c))] });
  }
  natDestination(s);
  const ports = nasPorts(plan);
  natSource(s, ports);
  forward4(s, ports);
  forward6(s, ports);

  const lists = book.lists;
  const deletes = [...lists.flatMap((l) => l.numbers.map((n) => `${l.path} ${n}`)), ...groups.filter((g) => g.used).map((g) => `firewall group ${g.kind} ${g.name}`)];
  return { tag, name, base, last: base + RULES_MAX, wan: s.wan, lan: s.lan, nas: s.nas, nas6, lists, groups, blocks: book.blocks, deletes, v4, v6, sanitised: book.sanitised };
}

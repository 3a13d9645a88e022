// The VyOS configuration the vyos target's commands build, applied the way the CLI would: `set`
// creates a leaf under a known path (anything else is an error, as is setting a single-valued leaf
// twice; a multi-valued leaf such as `state` takes each value once), `delete` removes a rule or a
// group. Values are checked against the node's type (ports, addresses, protocols, ...).
// recoverVyos() then reads back what the rules do: per-port DNAT tuples, hairpin, masquerade,
// forward accepts (IPv6 ones with their connection states) and the allowFrom groups.

import { isIPv4, isIPv6 } from '../address.js';

export class VyosConfigError extends Error {}

/** A value as the CLI receives it; shellVar: the word was "$name" (a script lookup). */
export interface VyWord {
  text: string;
  shellVar?: string;
}

export interface VyCmd {
  verb: 'set' | 'delete';
  words: VyWord[];
  line: number;
}

export const LISTS = {
  dnat: 'nat destination rule',
  snat: 'nat source rule',
  fw4: 'firewall ipv4 forward filter rule',
  fw6: 'firewall ipv6 forward filter rule',
} as const;
export type ListKey = keyof typeof LISTS;
export type Rule = Map<string, string>;

type Check = (v: VyWord) => string | null;
const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}$/;
const one = (re: RegExp, what: string): Check => (v) => (!v.shellVar && re.test(v.text) ? null : `not ${what}`);
const oneOf = (...xs: string[]): Check => (v) => (!v.shellVar && xs.includes(v.text) ? null : `not one of ${xs.join(', ')}`);
const ports: Check = (v) => {
  if (v.shellVar) return 'not a port list';
  for (const p of v.text.split(',')) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
    if (!m) return `bad port ${p}`;
    const [a, b] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (a < 1 || b > 65535 || (m[2] !== undefined && a >= b)) return `bad port ${p}`;
  }
  return null;
};
const ipv4: Check = (v) => (!v.shellVar && isIPv4(v.text) ? null : 'not an IPv4 address');
const ipv6: Check = (v) => (!v.shellVar && isIPv6(v.text) ? null : 'not an IPv6 address');
const cidr = (isIP: (s: string) => boolean, max: number): Check => (v) => {
  const [a, len, extra] = v.text.split('/');
  return !v.shellVar && extra === undefined && a !== undefined && isIP(a) && /^\d{1,3}$/.test(len ?? '') && Number(len) <= max ? null : 'not a CIDR';
};
const shellVar = (name: string): Check => (v) => (v.shellVar === name ? null : `not "$${name}"`);
/** vyos-1x generic-description: ASCII, at most 255; the target also keeps out ' " \ ?. */
const description: Check = (v) => (!v.shellVar && /^[\x20-\x7e]{0,255}$/.test(v.text) && !/['"\\?]/.test(v.text) ? null : 'not a safe description');
const iface = one(IFNAME, 'an interface name');
const group = one(/^synfw-[a-z0-9-]+-v[46]$/, "a synfw group name");
const proto = oneOf('tcp', 'udp', 'tcp_udp');

/** The leaves each list's rules may have: the ones the target uses, nothing else. */
const SCHEMA: Record<ListKey, Record<string, Check>> = {
  dnat: {
    description,
    'destination address': shellVar('synfw_wan4'),
    'destination port': ports,
    'inbound-interface name': iface,
    protocol: proto,
    'source group network-group': group,
    'translation address': ipv4,
    'translation port': one(/^\d{1,5}$/, 'one port'),
  },
  snat: {
    description,
    'destination address': ipv4,
    'destination port': ports,
    'outbound-interface name': iface,
    protocol: proto,
    'source address': shellVar('synfw_lan4'),
    'translation address': oneOf('masquerade'),
  },
  fw4: {
    action: oneOf('accept'),
    'connection-status nat': oneOf('destination'),
    description,
    'destination address': ipv4,
    'destination port': ports,
    'inbound-interface name': iface,
    protocol: proto,
    'source address': ipv4,
    'source port': ports,
    'source group network-group': group,
  },
  fw6: {
    action: oneOf('accept'),
    description,
    'destination address': ipv6,
    'destination port': ports,
    'inbound-interface name': iface,
    'outbound-interface name': iface,
    protocol: proto,
    'source address': ipv6,
    'source port': ports,
    'source group network-group': group,
    // vyos-1x include/firewall/state.xml.i: a multi node.
    state: oneOf('established', 'invalid', 'new', 'related'),
  },
};
/** Leaves that hold several values (one `set` each); kept as the values joined by spaces, in set order. */
const MULTI = new Set(['state']);
const GROUPS = { 'network-group': cidr(isIPv4, 32), 'ipv6-network-group': cidr(isIPv6, 128) } as const;
type GroupKind = keyof typeof GROUPS;

export interface VyGroup {
  kind: GroupKind;
  description?: string;
  networks: string[];
}

export interface VyosState {
  rules: Record<ListKey, Map<number, Rule>>;
  groups: Map<string, VyGroup>;
}

export const emptyState = (): VyosState => ({ rules: { dnat: new Map(), snat: new Map(), fw4: new Map(), fw6: new Map() }, groups: new Map() });

const fail = (c: VyCmd, msg: string): never => {
  throw new VyosConfigError(`line ${c.line}: ${c.verb} ${c.words.map((w) => w.shellVar ? `"$${w.shellVar}"` : w.text).join(' ')}: ${msg}`);
};
const plain = (c: VyCmd, w: VyWord | undefined): string => (w === undefined || w.shellVar ? fail(c, 'incomplete or variable path') : w.text);

/** Which list a path starts with, and the rule number after it. */
function locateRule(c: VyCmd): { key: ListKey; n: number; rest: VyWord[] } | null {
  for (const [key, path] of Object.entries(LISTS) as [ListKey, string][]) {
    const words = path.split(' ');
    if (words.every((w, i) => c.words[i]?.text === w && !c.words[i]?.shellVar)) {
      const num = plain(c, c.words[words.length]);
      if (!/^[1-9]\d{0,5}$/.test(num)) fail(c, `rule number ${num} is not 1-999999`);
      return { key, n: Number(num), rest: c.words.slice(words.length + 1) };
    }
  }
  return null;
}

export function applyCommands(cmds: VyCmd[], state: VyosState = emptyState()): VyosState {
  for (const c of cmds) {
    const rule = locateRule(c);
    if (rule) {
      const rules = state.rules[rule.key];
      if (c.verb === 'delete') {
        if (rule.rest.length) fail(c, 'deletes only whole rules');
        rules.delete(rule.n);
        continue;
      }
      const value = rule.rest[rule.rest.length - 1];
      const leaf = rule.rest.slice(0, -1).map((w) => plain(c, w)).join(' ');
      const check = SCHEMA[rule.key][leaf];
      if (!check || value === undefined) fail(c, `unknown ${LISTS[rule.key]} leaf "${leaf}"`);
      const problem = check!(value!);
      if (problem) fail(c, `${leaf}: ${problem}`);
      const r = rules.get(rule.n) ?? new Map<string, string>();
      const text = value!.shellVar ? `$${value!.shellVar}` : value!.text;
      const had = r.get(leaf);
      if (had !== undefined && (!MULTI.has(leaf) || had.split(' ').includes(text))) fail(c, `${leaf} set twice`);
      r.set(leaf, had === undefined ? text : `${had} ${text}`);
      rules.set(rule.n, r);
      continue;
    }
    const [f, g, kind, name, leaf, value, extra] = c.words;
    if (f?.text !== 'firewall' || g?.text !== 'group' || !kind || !(kind.text in GROUPS) || !name || extra) fail(c, 'unknown path');
    const gname = plain(c, name);
    if (group({ text: gname }) !== null) fail(c, `group name ${gname}`);
    const k = kind!.text as GroupKind;
    if (c.verb === 'delete') {
      if (leaf) fail(c, 'deletes only whole groups');
      state.groups.delete(gname);
      continue;
    }
    const grp = state.groups.get(gname) ?? { kind: k, networks: [] };
    if (grp.kind !== k) fail(c, 'group kind changed');
    if (leaf?.text === 'description' && value) {
      if (description(value) || grp.description !== undefined) fail(c, 'bad or second description');
      grp.description = value.text;
    } else if (leaf?.text === 'network' && value) {
      if (GROUPS[k](value) || grp.networks.includes(value.text)) fail(c, 'bad or duplicate network');
      grp.networks.push(value.text);
    } else fail(c, 'unknown group leaf');
    state.groups.set(gname, grp);
  }
  return state;
}

/** tcp_udp stands for both. */
const protosOf = (p: string): string[] => (p === 'tcp_udp' ? ['tcp', 'udp'] : [p]);
const portsIn = (list: string): number[] =>
  list.split(',').flatMap((p) => {
    const [a, b] = p.split('-').map(Number);
    return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
  });

export interface VyosRecovered {
  /** WAN DNAT, per port: "tcp 443 192.168.1.10 5001". */
  tuples: string[];
  /** Hairpin DNAT (inbound on the LAN, for "$synfw_wan4"), per port. */
  hairpin: string[];
  /** Source group of each WAN DNAT rule (null: anyone). */
  dnatSources: (string | null)[];
  /** Hairpin masquerade per NAS port: "tcp 192.168.1.10 5001". */
  masquerade: string[];
  /** IPv4 accepts of DNATed connections arriving on the WAN, per NAS port, with their source group. */
  accepts: string[];
  acceptSources: (string | null)[];
  /** Hairpin accepts (arriving on the LAN), replies (from the NAS), per NAS port. */
  hairpinAccepts: string[];
  replies: string[];
  /** IPv6 accepts and replies per NAS port: "tcp 2001:db8::10 5001". */
  accepts6: string[];
  accept6Sources: (string | null)[];
  replies6: string[];
  groups: Map<string, VyGroup>;
  /** Every interface a rule names (inbound or outbound), sorted. */
  interfaces: string[];
  /** Every rule's description, by list, in rule-number order. */
  descriptions: Record<ListKey, string[]>;
}

const need = (r: Rule, n: number, leaves: string[], what: string): void => {
  for (const l of leaves) if (!r.has(l)) throw new VyosConfigError(`${what} ${n} has no ${l}`);
};

/** What the configuration does, for a router whose WAN is `wan` and LAN (hairpin) is `lan`. */
export function recoverVyos(state: VyosState, wan: string, lan: string | null): VyosRecovered {
  const out: VyosRecovered = {
    tuples: [], hairpin: [], dnatSources: [], masquerade: [], accepts: [], acceptSources: [], hairpinAccepts: [],
    replies: [], accepts6: [], accept6Sources: [], replies6: [], groups: state.groups, interfaces: [],
    descriptions: { dnat: [], snat: [], fw4: [], fw6: [] },
  };
  const sorted = (k: ListKey) => [...state.rules[k].entries()].sort((a, b) => a[0] - b[0]);
  const interfaces = new Set<string>();
  for (const k of Object.keys(LISTS) as ListKey[]) {
    for (const [n, r] of sorted(k)) {
      need(r, n, ['description', 'protocol'], LISTS[k]);
      out.descriptions[k].push(r.get('description')!);
      for (const side of ['inbound', 'outbound']) if (r.has(`${side}-interface name`)) interfaces.add(r.get(`${side}-interface name`)!);
    }
  }
  out.interfaces = [...interfaces].sort();
  const expand = (r: Rule, side: 'destination' | 'source', addr: string): string[] =>
    protosOf(r.get('protocol')!).flatMap((p) => portsIn(r.get(`${side} port`)!).map((port) => `${p} ${addr} ${port}`));
  const groupRef = (r: Rule, n: number, kind: VyGroup['kind']): string | null => {
    const g = r.get('source group network-group') ?? null;
    if (g !== null && state.groups.get(g)?.kind !== kind) throw new VyosConfigError(`rule ${n} refers to ${g}, which is not a ${kind}`);
    return g;
  };

  for (const [n, r] of sorted('dnat')) {
    need(r, n, ['destination port', 'inbound-interface name', 'translation address'], 'dnat');
    const iface = r.get('inbound-interface name')!;
    const hair = r.get('destination address') === '$synfw_wan4';
    if (hair ? iface !== lan || r.has('source group network-group') : iface !== wan || r.has('destination address')) {
      throw new VyosConfigError(`dnat ${n}: neither a WAN rule on ${wan} nor a hairpin rule on ${lan}`);
    }
    const wanPorts = portsIn(r.get('destination port')!);
    const to = r.get('translation port');
    if (to !== undefined && wanPorts.length !== 1) throw new VyosConfigError(`dnat ${n}: a translation port with several WAN ports is not a 1:1 mapping`);
    const list = hair ? out.hairpin : out.tuples;
    for (const p of protosOf(r.get('protocol')!)) for (const w of wanPorts) list.push(`${p} ${w} ${r.get('translation address')} ${to ?? w}`);
    if (!hair) out.dnatSources.push(groupRef(r, n, 'network-group'));
  }
  for (const [n, r] of sorted('snat')) {
    need(r, n, ['destination address', 'destination port', 'outbound-interface name', 'source address', 'translation address'], 'snat');
    if (r.get('outbound-interface name') !== lan) throw new VyosConfigError(`snat ${n} is not on the LAN ${lan}`);
    out.masquerade.push(...expand(r, 'destination', r.get('destination address')!));
  }
  for (const [n, r] of sorted('fw4')) {
    need(r, n, ['action', 'connection-status nat'], 'fw4');
    if (r.has('destination address')) {
      need(r, n, ['destination port', 'inbound-interface name'], 'fw4');
      const iface = r.get('inbound-interface name');
      const ports = expand(r, 'destination', r.get('destination address')!);
      if (iface === wan) {
        out.accepts.push(...ports);
        out.acceptSources.push(groupRef(r, n, 'network-group'));
      } else if (iface === lan && !r.has('source group network-group')) out.hairpinAccepts.push(...ports);
      else throw new VyosConfigError(`fw4 ${n} accepts on ${iface}`);
    } else {
      need(r, n, ['source address', 'source port'], 'fw4');
      if (r.has('inbound-interface name') || r.has('source group network-group')) throw new VyosConfigError(`fw4 ${n}: a reply rule with more matches`);
      out.replies.push(...expand(r, 'source', r.get('source address')!));
    }
  }
  // IPv6 accepts: every packet of the connection but invalid ones; replies only established, related.
  const states = (r: Rule, n: number, want: string[]): void => {
    const got = (r.get('state') ?? '').split(' ').filter(Boolean).sort();
    if (got.join(' ') !== want.join(' ')) throw new VyosConfigError(`fw6 ${n}: state ${got.join(',') || 'unset'}, not ${want.join(',')}`);
  };
  for (const [n, r] of sorted('fw6')) {
    need(r, n, ['action'], 'fw6');
    if (r.has('destination address')) {
      need(r, n, ['destination port', 'inbound-interface name'], 'fw6');
      if (r.get('inbound-interface name') !== wan || r.has('outbound-interface name')) throw new VyosConfigError(`fw6 ${n} is not inbound on ${wan}`);
      states(r, n, ['established', 'new', 'related']);
      out.accepts6.push(...expand(r, 'destination', r.get('destination address')!));
      out.accept6Sources.push(groupRef(r, n, 'ipv6-network-group'));
    } else {
      need(r, n, ['source address', 'source port', 'outbound-interface name'], 'fw6');
      if (r.get('outbound-interface name') !== wan || r.has('inbound-interface name')) throw new VyosConfigError(`fw6 ${n} is not outbound on ${wan}`);
      states(r, n, ['established', 'related']);
      out.replies6.push(...expand(r, 'source', r.get('source address')!));
    }
  }
  return out;
}

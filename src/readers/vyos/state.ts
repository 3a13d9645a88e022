// A VyOS router's forwards as flows, from `show configuration commands` (every node of the running
// configuration as one `set` line, values single-quoted): each destination NAT rule per port and
// source (a source address, or the entries of its source network-group), a rule inbound on the LAN
// as hairpin, and each IPv6 forward accept of one NAS address and its ports. Unlike model.ts (the
// strict model of what the vyos target writes) this takes any rule, synfw's or not: a rule with a
// leaf whose meaning it does not know is listed as skipped, a disabled one forwards nothing, and
// nodes outside NAT rules, IPv6 forward rules and firewall groups are not forwards and are not read.

import { canonicalAddress, canonicalSource, taggedProfile, uniqueFlows, type ReadFlow, type RouterState, type Skipped } from '../flow.js';
import { splitCommand } from './commands.js';

type Leaves = Map<string, string[]>;

const DNAT = 'nat destination rule ';
const FW6 = 'firewall ipv6 forward filter rule ';
const GROUP = /^firewall group (network-group|ipv6-network-group) (\S+) (.+)$/;

/** Leaves that change nothing about what a rule lets in. */
const INERT = new Set(['description', 'log']);
const DNAT_LEAVES = new Set(['destination port', 'destination address', 'inbound-interface name', 'protocol', 'source address', 'source group network-group', 'translation address', 'translation port']);
const FW6_LEAVES = new Set(['action', 'destination port', 'destination address', 'inbound-interface name', 'protocol', 'source address', 'source group network-group', 'state']);

function ports(list: string): number[] {
  return list.split(',').flatMap((p) => {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
    const [a, b] = [Number(m?.[1]), Number(m?.[2] ?? m?.[1])];
    if (!m || a < 1 || b > 65535 || b < a) throw new Error(`port ${p} is not a port or a port range`);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
}

const protos = (p: string | undefined): ('tcp' | 'udp')[] => {
  if (p === 'tcp' || p === 'udp') return [p];
  if (p === 'tcp_udp') return ['tcp', 'udp'];
  throw new Error(`protocol ${p ?? '(none)'} forwards no tcp or udp port`);
};

/** An IPv6 forward rule that accepts what goes to one address (a NAS); other rules (replies, drops, subnets) let no NAS port in. */
const acceptsOneAddress = (r: Leaves): boolean => r.get('action')?.join() === 'accept' && r.get('destination address')?.length === 1 && !r.get('destination address')![0]!.includes('/');

/** A rule's leaves, one value each (the multi-valued `state` joined by spaces). */
function single(r: Leaves, leaf: string): string | undefined {
  const v = r.get(leaf);
  if (v && v.length > 1 && leaf !== 'state') throw new Error(`${leaf} set ${v.length} times`);
  return v?.join(' ');
}

interface Commands {
  rules: Record<'dnat' | 'fw6', Map<number, { leaves: Leaves; line: number }>>;
  groups: Map<string, { kind: string; networks: string[] }>;
  skipped: Skipped[];
}

/** The export's NAT destination rules, IPv6 forward filter rules and groups, as leaves per rule number. */
function collectCommands(text: string): Commands {
  const skipped: Skipped[] = [];
  const rules: Commands['rules'] = { dnat: new Map(), fw6: new Map() };
  const groups: Commands['groups'] = new Map();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!/^set (nat destination|firewall (group|ipv6 forward filter)) /.test(line)) return;
    try {
      const split = splitCommand(line, i + 1);
      const words = split.map((w) => w.word.text);
      // A valueless node (disable) ends in a bare word; a value is always quoted.
      const valued = split[split.length - 1]?.quoted === true;
      const path = words.slice(1).join(' ');
      const g = GROUP.exec(path);
      if (g) {
        const [kind, name, rest] = [g[1]!, g[2]!, g[3]!];
        const grp = groups.get(name) ?? { kind, networks: [] };
        if (rest.startsWith('network ')) grp.networks.push(words[words.length - 1]!);
        groups.set(name, grp);
        return;
      }
      for (const [key, prefix] of [['dnat', DNAT], ['fw6', FW6]] as const) {
        if (!path.startsWith(prefix)) continue;
        // The words after "set" and the prefix's words: the rule number, the leaf, the value.
        const [num, ...leafWords] = words.slice(1 + prefix.trim().split(' ').length);
        const n = Number(num);
        const r = rules[key].get(n) ?? { leaves: new Map(), line: i + 1 };
        const leaf = (valued ? leafWords.slice(0, -1) : leafWords).join(' ');
        r.leaves.set(leaf, [...(r.leaves.get(leaf) ?? []), valued ? words[words.length - 1]! : '']);
        rules[key].set(n, r);
      }
    } catch (e) {
      skipped.push({ at: `line ${i + 1}`, text: line, why: (e as Error).message });
    }
  });
  return { rules, groups, skipped };
}

/** A router's `show configuration commands`, for a router whose WAN is `wan` and LAN `lan`. */
export function readVyosShowCommands(text: string, wan: string, lan: string | null): RouterState {
  const { rules, groups, skipped } = collectCommands(text);

  // An IPv6 rule names its ipv6-network-group under `source group network-group` too (vyos-1x).
  const sourcesOf = (r: Leaves, kind: 'network-group' | 'ipv6-network-group'): string[] => {
    const name = single(r, 'source group network-group');
    const address = single(r, 'source address');
    if (name !== undefined && address !== undefined) throw new Error('both a source address and a source group');
    if (address !== undefined) return [canonicalSource(address)];
    if (name === undefined) return ['any'];
    const g = groups.get(name);
    if (!g || g.kind !== kind) throw new Error(`source group ${name} is not a ${kind}`);
    return g.networks.map(canonicalSource);
  };
  const flows: ReadFlow[] = [];
  const each = (key: 'dnat' | 'fw6', known: Set<string>, read: (r: Leaves, at: string, profile: string | null) => void): void => {
    for (const [n, { leaves, line }] of [...rules[key].entries()].sort((a, b) => a[0] - b[0])) {
      const at = `${key === 'dnat' ? 'nat destination' : 'firewall ipv6 forward filter'} rule ${n} (line ${line})`;
      if (leaves.has('disable') || (key === 'fw6' && !acceptsOneAddress(leaves))) continue;
      try {
        const unknown = [...leaves.keys()].filter((l) => !known.has(l) && !INERT.has(l));
        if (unknown.length) throw new Error(`${unknown[0]} is not understood`);
        read(leaves, at, taggedProfile(single(leaves, 'description')));
      } catch (e) {
        skipped.push({ at, text: `${key === 'dnat' ? DNAT : FW6}${n}`, why: (e as Error).message });
      }
    }
  };
  each('dnat', DNAT_LEAVES, (r, at, profile) => {
    const iface = single(r, 'inbound-interface name');
    const via = iface !== undefined && iface === lan ? 'hairpin' : iface === undefined || iface === wan ? 'wan' : null;
    if (!via) throw new Error(`arrives on ${iface}, neither the WAN ${wan} nor the LAN${lan ? ` ${lan}` : ''}`);
    const nas = canonicalAddress(single(r, 'translation address') ?? '');
    const wanPorts = ports(single(r, 'destination port') ?? '');
    const to = single(r, 'translation port');
    if (to !== undefined && !/^\d{1,5}$/.test(to)) throw new Error(`translation port ${to} is not one port`);
    const sources = via === 'hairpin' ? ['any'] : sourcesOf(r, 'network-group');
    for (const proto of protos(single(r, 'protocol'))) {
      for (const w of wanPorts) for (const source of sources) flows.push({ family: 4, proto, wan: w, nas, port: to === undefined ? w : Number(to), source, via, profile, at });
    }
  });
  each('fw6', FW6_LEAVES, (r, at, profile) => {
    const address = single(r, 'destination address')!;
    const iface = single(r, 'inbound-interface name');
    if (iface !== undefined && iface !== wan) throw new Error(`arrives on ${iface}, not the WAN ${wan}`);
    const nas = canonicalAddress(address);
    for (const proto of protos(single(r, 'protocol'))) {
      for (const port of ports(single(r, 'destination port') ?? '')) for (const source of sourcesOf(r, 'ipv6-network-group')) flows.push({ family: 6, proto, wan: null, nas, port, source, via: 'wan', profile, at });
    }
  });
  return { flows: uniqueFlows(flows), skipped };
}

// The nftables view model: one inet table holding a DNAT chain (one rule per protocol and kind:
// identity forwards keep their port and share an anonymous set, remapped ones share a map with one
// element per port), a forward chain that accepts and marks those connections, and, for hairpin,
// LAN rules plus a masquerade chain. A tcp and a udp rule with identical ports become one
// `meta l4proto { tcp, udp } th dport ...` rule. Every keyword is in the template: a rule here is
// the values of its matches, in nft's order.

import { isRemapped } from '../../plan/ranges.js';
import type { Forward, Plan, Proto } from '../../plan/types.js';
import { nftText } from '../../render/escape/nft.js';
import { checkedIPv4 } from '../shared/checks.js';
import { admits } from '../shared/sources.js';
import { appsOf, originNames, cutAbout, profileTag } from '../shared/text.js';
import { neededNames, type NeededName } from '../shared/interfaces.js';
import type { RenderContext } from '../types.js';
import { addressSet, ipv6, portMap, portSet } from './sets.js';

/** ct mark bit on every connection the forward chain accepts (the link to the user's own firewall). */
export const MARK_ACCEPT = '0x10000000';
/** ct mark bit on hairpin connections: only these are masqueraded. */
export const MARK_HAIRPIN = '0x20000000';

/** `tcp dport SET`, or `meta l4proto { tcp, udp } th dport SET` for both. */
export interface PortsView {
  both: boolean;
  proto: Proto | null;
  set: string;
}

/** One rule's parts, printed in this order by the template; null parts are left out. */
export interface RuleView {
  iif: string | null;
  /** Hairpin: addressed to one of the router's own addresses other than its address on iif. */
  local: boolean;
  /** `ct mark & M == M`. */
  markMatch: string | null;
  saddr: { family: 'ip' | 'ip6'; set: string } | null;
  /** `ct status dnat`. */
  ctDnat: boolean;
  daddr: { family: 'ip' | 'ip6'; address: string } | null;
  ports: PortsView | null;
  /** `ct mark set ct mark | M`. */
  setMark: string | null;
  /** `dnat ip to ADDR`. */
  dnatTo: string | null;
  /** `dnat ip to tcp dport map MAP`. */
  dnatMap: PortsView | null;
  verdict: 'accept' | 'masquerade' | null;
  /** Comment text as nft stores it (nftText, cut to the limit): templates quote it. */
  comment: string;
}

export interface ChainView {
  name: 'dstnat' | 'srcnat' | 'forward';
  type: 'nat' | 'filter';
  hook: 'prerouting' | 'postrouting' | 'forward';
  priority: string;
  rules: RuleView[];
}

export interface NftModel {
  table: string;
  wan: string;
  lan: string | null;
  chains: ChainView[];
  /** Whether IPv4 sources on the WAN may use the forwards (allowFrom empty or listing IPv4). */
  ipv4: boolean;
  /** IPv6 allow rules for nas.address6: "rules", or why there are none. */
  ipv6: 'rules' | 'no-address' | 'no-source';
  /** The interfaces loading the file checks. */
  needed: NeededName[];
}

/** `synfw_<name>`: nft's documented identifiers hold letters, digits, `_`, `.` and `/`, not `-`. */
export function tableName(name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`profile name ${JSON.stringify(name)} is not a slug`);
  // Profile names never contain "_", so two profiles never share a table.
  return `synfw_${name.replace(/-/g, '_')}`;
}

interface Group {
  protos: Proto[];
  forwards: Forward[];
  /** The set or map both protocols share. */
  key: string;
}

/** One group per protocol, or one for both when their sets or maps are identical. */
function groups(forwards: Forward[], keyOf: (fs: Forward[]) => string): Group[] {
  const per = (['tcp', 'udp'] as const).map((p) => forwards.filter((f) => f.proto === p)).filter((fs) => fs.length > 0);
  const keys = per.map(keyOf);
  if (per.length === 2 && keys[0] === keys[1]) return [{ protos: ['tcp', 'udp'], forwards: [...per[0]!, ...per[1]!], key: keys[0]! }];
  return per.map((fs, i) => ({ protos: [fs[0]!.proto], forwards: fs, key: keys[i]! }));
}

const portsOf = (g: Group, set = g.key): PortsView => ({ both: g.protos.length > 1, proto: g.protos.length > 1 ? null : g.protos[0]!, set });

const NO_PARTS = {
  iif: null,
  local: false,
  markMatch: null,
  saddr: null,
  ctDnat: false,
  daddr: null,
  ports: null,
  setMark: null,
  dnatTo: null,
  dnatMap: null,
  verdict: null,
} satisfies Omit<RuleView, 'comment'>;

export function buildModel(plan: Plan, ctx: RenderContext): NftModel {
  const { wan } = ctx;
  const lan = ctx.lan ?? null;
  const tag = profileTag(plan);
  // Printed into rules unquoted: checked again although the resolver validated it.
  const nas = checkedIPv4(plan.nas.address);
  const rule = (parts: Partial<Omit<RuleView, 'comment'>>, text: string, about: Forward[] = []): RuleView => ({
    ...NO_PARTS,
    ...parts,
    comment: nftText(ctx.fit(text, nftText, () => cutAbout(about))),
  });
  // "<tag> <what> <apps> <custom names>": what the rule does first, as nft list shows it.
  // A group's apps and names, read once: several rules (WAN, hairpin, IPv6) describe one group.
  const described = new Map<Group, string>();
  const about = (what: string, g: Group): [string, Forward[]] => {
    let apps = described.get(g);
    if (apps === undefined) {
      const names = originNames(g.forwards);
      described.set(g, (apps = `${appsOf(g.forwards)}${names ? ` ${names}` : ''}`));
    }
    return [`${tag} ${what} ${apps}`, g.forwards];
  };
  const label = (g: Group, suffix = ''): string => `${g.protos.join('+')}${suffix}`;

  const remapped = plan.forwards.filter(isRemapped);
  const identity = groups(remapped.length ? plan.forwards.filter((f) => !isRemapped(f)) : plan.forwards, (fs) => portSet(fs.map((f) => f.external)));
  const remaps = groups(remapped, (fs) => portMap(nas, fs));
  // Without remapped forwards every NAS port is its WAN port: the same groups and sets.
  const internal = remapped.length ? groups(plan.forwards, (fs) => portSet(fs.map((f) => f.internal))) : identity;

  const ipv4 = admits(plan, 4);
  const address6 = plan.nas.address6;
  const ipv6State: NftModel['ipv6'] = !address6 ? 'no-address' : admits(plan, 6) ? 'rules' : 'no-source';
  const saddr = plan.allowFrom.length ? { family: 'ip' as const, set: addressSet(plan.allowFrom, 4) } : null;
  const saddr6 = plan.allowFrom6.length ? { family: 'ip6' as const, set: addressSet(plan.allowFrom6, 6) } : null;

  const dstnat: RuleView[] = [];
  const forward: RuleView[] = [];
  const srcnat: RuleView[] = [];
  const accept = { setMark: MARK_ACCEPT, verdict: 'accept' } as const;
  if (ipv4) {
    for (const g of identity) dstnat.push(rule({ iif: wan, saddr, ports: portsOf(g), dnatTo: nas }, ...about(label(g), g)));
    for (const g of remaps) dstnat.push(rule({ iif: wan, saddr, dnatMap: portsOf(g) }, ...about(label(g, ' remapped'), g)));
    for (const g of internal) {
      forward.push(rule({ iif: wan, saddr, ctDnat: true, daddr: { family: 'ip', address: nas }, ports: portsOf(g), ...accept }, ...about(`${label(g)} to NAS`, g)));
    }
  }
  if (plan.hairpin) {
    if (!lan) throw new Error('hairpin needs the LAN interface');
    const local = { iif: lan, local: true, setMark: MARK_HAIRPIN } as const;
    for (const g of identity) dstnat.push(rule({ ...local, ports: portsOf(g), dnatTo: nas }, ...about(`hairpin ${label(g)}`, g)));
    for (const g of remaps) {
      // The port match comes first so that only connections the map DNATs are marked.
      const wanPorts = portSet(g.forwards.map((f) => f.external));
      dstnat.push(rule({ ...local, ports: portsOf(g, wanPorts), dnatMap: portsOf(g) }, ...about(`hairpin ${label(g, ' remapped')}`, g)));
    }
    forward.push(rule({ iif: lan, markMatch: MARK_HAIRPIN, ...accept }, `${tag} hairpin: LAN clients to the NAS via the WAN address`));
    srcnat.push(rule({ markMatch: MARK_HAIRPIN, verdict: 'masquerade' }, `${tag} hairpin: masquerade LAN clients so the NAS replies via the router`));
  }
  if (address6 && ipv6State === 'rules') {
    for (const g of internal) {
      forward.push(rule({ iif: wan, saddr: saddr6, daddr: { family: 'ip6', address: ipv6(address6) }, ports: portsOf(g), ...accept }, ...about(`ipv6 ${label(g)} to NAS`, g)));
    }
  }
  if (forward.length) forward.push(rule({ markMatch: MARK_ACCEPT, verdict: 'accept' }, `${tag} replies and later packets of the connections above`));

  const chains: ChainView[] = [{ name: 'dstnat', type: 'nat', hook: 'prerouting', priority: 'dstnat', rules: dstnat }];
  if (plan.hairpin) chains.push({ name: 'srcnat', type: 'nat', hook: 'postrouting', priority: 'srcnat', rules: srcnat });
  chains.push({ name: 'forward', type: 'filter', hook: 'forward', priority: 'filter - 1', rules: forward });
  return { table: tableName(plan.profile.name), wan, lan, chains, ipv4, ipv6: ipv6State, needed: neededNames(ctx, 'interface', lan !== null) };
}

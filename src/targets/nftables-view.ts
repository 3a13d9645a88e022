// The nftables view model: one inet table holding a DNAT chain (one rule per protocol and kind:
// identity forwards keep their port and share an anonymous set, remapped ones share a map with one
// element per port), a forward chain that accepts and marks those connections, and, for hairpin,
// LAN rules plus a masquerade chain. A tcp and a udp rule with identical ports become one
// `meta l4proto { tcp, udp } th dport ...` rule.

import { nftText } from '../render/escape/nft.js';
import type { Forward, Plan, Proto } from '../plan/types.js';
import { admits, fitBytes, originNames, profileTag } from './common.js';
import { addressSet, ipv6, portMap, portSet } from './nftables-sets.js';
import { isRemapped } from '../plan/ranges.js';

/** libnftnl's NFTNL_UDATA_COMMENT_MAXLEN: nft refuses a longer comment (bytes, not characters). */
export const COMMENT_MAX = 128;
/** ct mark bit on every connection the forward chain accepts (the link to the user's own firewall). */
export const MARK_ACCEPT = '0x10000000';
/** ct mark bit on hairpin connections: only these are masqueraded. */
export const MARK_HAIRPIN = '0x20000000';

export interface RuleView {
  /** Matches and statements: numbers, validated addresses and interface names, fixed words. */
  expr: string;
  /** Comment text as nft stores it (nftText, at most COMMENT_MAX bytes): templates quote it. */
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
  lan?: string;
  chains: ChainView[];
  /** Whether IPv4 sources on the WAN may use the forwards (allowFrom empty or listing IPv4). */
  ipv4: boolean;
  /** IPv6 allow rules for nas.address6: "rules", or why there are none. */
  ipv6: 'rules' | 'no-address' | 'no-source';
  cutComments: number;
}

/** `synfw_<name>`: nft's documented identifiers hold letters, digits, `_`, `.` and `/`, not `-`. */
export function tableName(name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`profile name ${JSON.stringify(name)} is not a slug`);
  // Profile names never contain "_", so two profiles never share a table.
  return `synfw_${name.replace(/-/g, '_')}`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const SAFE = /^[A-Za-z0-9 _.:,/@+{}|&!="-]+$/;

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

/** `tcp dport SET` or `meta l4proto { tcp, udp } th dport SET`. */
const dport = (g: Group, set = g.key): string => (g.protos.length === 1 ? `${g.protos[0]} dport ${set}` : `meta l4proto { tcp, udp } th dport ${set}`);

/** `dnat ip to tcp dport map MAP`, with the l4proto match first for both protocols. */
const dnatMap = (g: Group): string => (g.protos.length === 1 ? `dnat ip to ${g.protos[0]} dport map ${g.key}` : `meta l4proto { tcp, udp } dnat ip to th dport map ${g.key}`);

export function buildModel(plan: Plan, wan: string, lan: string | undefined): NftModel {
  const tag = profileTag(plan);
  const nas = plan.nas.address;
  // The resolver validated it; checked again because it is printed into rules unquoted.
  if (!IPV4.test(nas)) throw new Error(`NAS address ${JSON.stringify(nas)} is not an IPv4 address`);
  let cutComments = 0;
  const rule = (expr: string, text: string): RuleView => {
    if (!SAFE.test(expr)) throw new Error(`unsafe nft rule: ${expr}`);
    const full = nftText(text);
    const comment = fitBytes(text, COMMENT_MAX, nftText);
    if (comment !== full) cutComments++;
    return { expr, comment };
  };
  const about = (label: string, fs: Forward[]): string => {
    const apps = [...new Set(fs.flatMap((f) => f.apps))].sort().join(',');
    const names = originNames(fs);
    return `${tag} ${label} ${apps}${names ? ` ${names}` : ''}`;
  };
  const label = (g: Group, suffix = ''): string => `${g.protos.join('+')}${suffix}`;

  const identity = groups(plan.forwards.filter((f) => !isRemapped(f)), (fs) => portSet(fs.map((f) => f.external)));
  const remaps = groups(plan.forwards.filter(isRemapped), (fs) => portMap(nas, fs));
  const internal = groups(plan.forwards, (fs) => portSet(fs.map((f) => f.internal)));

  const ipv4 = admits(plan, 4);
  const address6 = plan.nas.address6;
  const ipv6State: NftModel['ipv6'] = !address6 ? 'no-address' : admits(plan, 6) ? 'rules' : 'no-source';
  const saddr = plan.allowFrom.length ? ` ip saddr ${addressSet(plan.allowFrom, 4)}` : '';
  const saddr6 = plan.allowFrom6.length ? ` ip6 saddr ${addressSet(plan.allowFrom6, 6)}` : '';
  const iif = (name: string): string => `iifname "${name}"`;

  const dstnat: RuleView[] = [];
  const forward: RuleView[] = [];
  const srcnat: RuleView[] = [];
  const accept = `ct mark set ct mark | ${MARK_ACCEPT} accept`;
  if (ipv4) {
    for (const g of identity) dstnat.push(rule(`${iif(wan)}${saddr} ${dport(g)} dnat ip to ${nas}`, about(label(g), g.forwards)));
    for (const g of remaps) dstnat.push(rule(`${iif(wan)}${saddr} ${dnatMap(g)}`, about(label(g, ' remapped'), g.forwards)));
    for (const g of internal) forward.push(rule(`${iif(wan)}${saddr} ct status dnat ip daddr ${nas} ${dport(g)} ${accept}`, about(`${label(g)} to NAS`, g.forwards)));
  }
  if (plan.hairpin) {
    if (!lan) throw new Error('hairpin needs the LAN interface');
    // Addressed to the router itself but not to its address on the LAN interface: the WAN address.
    const local = `${iif(lan)} meta nfproto ipv4 fib daddr type local fib daddr . iif type != local`;
    const mark = `ct mark set ct mark | ${MARK_HAIRPIN}`;
    for (const g of identity) dstnat.push(rule(`${local} ${dport(g)} ${mark} dnat ip to ${nas}`, about(`hairpin ${label(g)}`, g.forwards)));
    for (const g of remaps) {
      // The port match comes first so that only connections the map DNATs are marked.
      const wanPorts = portSet(g.forwards.map((f) => f.external));
      dstnat.push(rule(`${local} ${dport(g, wanPorts)} ${mark} ${dnatMap(g)}`, about(`hairpin ${label(g, ' remapped')}`, g.forwards)));
    }
    forward.push(rule(`${iif(lan)} ct mark & ${MARK_HAIRPIN} == ${MARK_HAIRPIN} ${accept}`, `${tag} hairpin: LAN clients to the NAS via the WAN address`));
    srcnat.push(rule(`ct mark & ${MARK_HAIRPIN} == ${MARK_HAIRPIN} masquerade`, `${tag} hairpin: masquerade LAN clients so the NAS replies via the router`));
  }
  if (address6 && ipv6State === 'rules') {
    for (const g of internal) forward.push(rule(`${iif(wan)}${saddr6} ip6 daddr ${ipv6(address6)} ${dport(g)} ${accept}`, about(`ipv6 ${label(g)} to NAS`, g.forwards)));
  }
  if (forward.length) {
    forward.push(rule(`ct mark & ${MARK_ACCEPT} == ${MARK_ACCEPT} accept`, `${tag} replies and later packets of the connections above`));
  }

  const chains: ChainView[] = [{ name: 'dstnat', type: 'nat', hook: 'prerouting', priority: 'dstnat', rules: dstnat }];
  if (plan.hairpin) chains.push({ name: 'srcnat', type: 'nat', hook: 'postrouting', priority: 'srcnat', rules: srcnat });
  chains.push({ name: 'forward', type: 'filter', hook: 'forward', priority: 'filter - 1', rules: forward });
  return { table: tableName(plan.profile.name), wan, ...(lan ? { lan } : {}), chains, ipv4, ipv6: ipv6State, cutComments };
}

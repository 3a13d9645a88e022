// The full router lab for the Linux router targets (iptables, nftables) and the profile options
// allowFrom, hairpin and nas.address6: which clients a plan needs and where they sit, what each
// of them must see, the router's own default-drop base, and running every client's probes at once.

import ipaddr from 'ipaddr.js';
import type { Plan } from '../../src/plan/types.js';
import { TARGETS } from '../../src/targets/index.js';
import {
  Lab,
  allClosed,
  planExpectations,
  planExpectations6,
  probeMismatches,
  toProbes,
  DEFAULT_CLIENT_ADDR,
  type Expectation,
  type LabOptions,
  type NsRole,
  type ProbeResult,
} from './lab.js';
import { admittedSources, restricts } from '../../src/readers/expected.js';

export type RouterTarget = 'iptables' | 'nftables' | 'openwrt' | 'vyos';

/**
 * The router's devices in the lab for targets whose router.wan and router.lan name something other
 * than a Linux device (OpenWrt: firewall zones, mapped to devices by /etc/config/network): OpenWrt's
 * x86 defaults, eth1 for the WAN and the bridge br-lan for the LAN.
 */
const LAB_DEVICES: Partial<Record<RouterTarget, { wanIf: string; lanIf: string }>> = { openwrt: { wanIf: 'eth1', lanIf: 'br-lan' } };

// ---------------------------------------------------------------------------------------------
// Who may connect

/** Whether the oracle admits `addr` for its family (admittedSources: ['any'], a list, or nobody). */
function admitted(plan: Plan, family: 4 | 6, addr: string): boolean {
  const a = ipaddr.parse(addr);
  return admittedSources(plan, family).some((s) => {
    if (s === 'any') return true;
    const [net, len] = ipaddr.parseCIDR(s);
    return net.kind() === a.kind() && a.match(net, len);
  });
}

/** Whether a WAN source may use the IPv4 forwards: anyone without allowFrom, else only listed ones. */
export const allowed4 = (plan: Plan, addr: string): boolean => admitted(plan, 4, addr);

/** Whether a WAN source may reach nas.address6 (allowFrom with only IPv4 sources: no IPv6 source). */
export const allowed6 = (plan: Plan, addr: string): boolean => admitted(plan, 6, addr);

function offset4(addr: string, n: number): string {
  const b = ipaddr.IPv4.parse(addr).toByteArray();
  const v = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  const w = (v + n) >>> 0;
  return [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255].join('.');
}

function offset6(addr: string, n: number): string {
  const parts = ipaddr.IPv6.parse(addr).parts.slice();
  parts[7] = (parts[7]! + n) & 0xffff;
  return new ipaddr.IPv6(parts).toString();
}

export interface ClientAddresses {
  /** The WAN client: inside allowFrom (any address without allowFrom). */
  clientAddr: string;
  clientAddr6: string;
  /** The second WAN client, outside allowFrom; only when the plan has allowFrom. */
  client2Addr?: string;
  client2Addr6?: string;
}

/**
 * The WAN clients' addresses for a plan. Without allowFrom: 203.0.113.2 and 2001:db8:100::7.
 * With it: client 1 at the first host of 203.0.113.0/24 that allowFrom admits (203.0.113.7 for
 * restricted.yaml) or else the first host of its first CIDR, client 2 at the first one two or
 * more past it that allowFrom does not admit (203.0.113.9); for IPv6 client 1 at ::7 in the
 * first allowFrom6 prefix (2001:db8:100::7), client 2 at 2001:db8:200::9 or the first address
 * after it outside allowFrom6.
 */
export function clientAddresses(plan: Plan): ClientAddresses {
  if (!restricts(plan)) return { clientAddr: DEFAULT_CLIENT_ADDR, clientAddr6: '2001:db8:100::7' };
  const wan24 = Array.from({ length: 253 }, (_, i) => `203.0.113.${i + 2}`);
  let clientAddr = wan24.find((a) => allowed4(plan, a));
  if (!clientAddr && plan.allowFrom.length) {
    const [net, len] = ipaddr.parseCIDR(plan.allowFrom[0]!);
    clientAddr = len >= 31 ? net.toString() : offset4(net.toString(), 1);
  }
  clientAddr ??= DEFAULT_CLIENT_ADDR; // no IPv4 source allowed: client 1 is refused like client 2
  let client2Addr = offset4(clientAddr, 2);
  for (let i = 3; allowed4(plan, client2Addr) && i < 1000; i++) client2Addr = offset4(clientAddr, i);
  const clientAddr6 = plan.allowFrom6.length ? offset6(ipaddr.parseCIDR(plan.allowFrom6[0]!)[0].toString(), 7) : '2001:db8:100::7';
  let client2Addr6 = '2001:db8:200::9';
  for (let i = 1; allowed6(plan, client2Addr6) && i < 1000; i++) client2Addr6 = offset6('2001:db8:200::9', i);
  return { clientAddr, clientAddr6, client2Addr, client2Addr6 };
}

/**
 * The lab a plan needs for a target. `full`: everything the plan's options call for: a second
 * WAN client outside allowFrom, IPv6 when the NAS has address6, a LAN client when `lanClient`
 * (hairpin runs, and their control runs). Without `full`: the single WAN client, inside allowFrom.
 */
export function labOptionsFor(plan: Plan, target: RouterTarget, o: { full?: boolean; lanClient?: boolean } = {}): LabOptions {
  const a = clientAddresses(plan);
  // The interfaces the target's output names: router.<target>.wan/lan, router.wan/lan, defaults.
  const own = { ...plan.router.targets?.[target] };
  const wanIf = own.wan ?? plan.router.wan ?? TARGETS[target].router!.wan;
  const lanIf = own.lan ?? plan.router.lan;
  const base: LabOptions = {
    ...(LAB_DEVICES[target] ?? { wanIf, ...(lanIf ? { lanIf } : {}) }),
    nasAddr: plan.nas.address,
    clientAddr: a.clientAddr,
  };
  if (!o.full) return base;
  return {
    ...base,
    ...(a.client2Addr ? { client2Addr: a.client2Addr } : {}),
    ...(plan.nas.address6 ? { nasAddr6: plan.nas.address6, clientAddr6: a.clientAddr6, ...(a.client2Addr ? { client2Addr6: a.client2Addr6 } : {}) } : {}),
    ...(o.lanClient ? { lanClient: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// What each client must see

export interface ProbeGroup {
  /** e.g. "wan ipv4 (203.0.113.7, allowed)". */
  name: string;
  /** Which option or behaviour the group checks. */
  kind: 'ipv4' | 'ipv6' | 'hairpin';
  from: NsRole;
  host: string;
  expectations: Expectation[];
}

export interface GroupResult extends ProbeGroup {
  results: ProbeResult[];
}

/**
 * Every client's probes for a plan in a lab (`hairpin`: whether the rules loaded were rendered
 * with hairpin on; the LAN client must be answered only then).
 * - WAN clients, IPv4, to the router's WAN address: an allowed client gets the forwards (answered
 *   by the right NAS port, seen from its own address: synfw must not masquerade WAN traffic) and
 *   nothing else; a client outside allowFrom gets nothing at all.
 * - WAN clients, IPv6, straight to nas.address6: an allowed client reaches the forwards' NAS-side
 *   ports and nothing else; a client outside allowFrom6 nothing.
 * - The LAN client, to the router's WAN address: with hairpin, the forwards, seen by the NAS as
 *   coming from the router (masqueraded), whatever allowFrom says (LAN clients are trusted);
 *   without hairpin, nothing. To the router's LAN address: nothing, hairpin or not.
 */
export function probeGroups(plan: Plan, lab: Lab, o: { hairpin: boolean }): ProbeGroup[] {
  const v4 = planExpectations(plan);
  const v6 = planExpectations6(plan);
  const groups: ProbeGroup[] = [];
  const wanClients: [NsRole, string, string | undefined][] = [['wan', lab.clientAddr, lab.clientAddr6]];
  if (lab.client2Addr) wanClients.push(['wan2', lab.client2Addr, lab.client2Addr6]);
  for (const [from, addr, addr6] of wanClients) {
    const ok = allowed4(plan, addr);
    const open = v4.open.map((e) => ({ ...e, peer: [addr] }));
    groups.push({
      name: `${from} ipv4 (${addr}, ${ok ? 'allowed' : 'not in allowFrom'})`,
      kind: 'ipv4',
      from,
      host: lab.routerWanAddr,
      expectations: ok ? [...open, ...v4.closed] : allClosed([...v4.open, ...v4.closed]),
    });
    if (addr6 && lab.nasAddr6) {
      const ok6 = allowed6(plan, addr6);
      const open6 = v6.open.map((e) => ({ ...e, peer: [addr6] }));
      groups.push({
        name: `${from} ipv6 (${addr6} to ${lab.nasAddr6}, ${ok6 ? 'allowed' : 'not in allowFrom'})`,
        kind: 'ipv6',
        from,
        host: lab.nasAddr6,
        expectations: ok6 ? [...open6, ...v6.closed] : allClosed([...v6.open, ...v6.closed]),
      });
    }
  }
  if (lab.lanClientAddr) {
    const open = v4.open.map((e) => ({ ...e, peer: [lab.routerLanAddr, lab.routerWanAddr] }));
    groups.push({
      name: `lan ipv4 (${lab.lanClientAddr} to the router's WAN address, hairpin ${o.hairpin ? 'on' : 'off'})`,
      kind: 'hairpin',
      from: 'lan',
      host: lab.routerWanAddr,
      expectations: o.hairpin ? [...open, ...v4.closed] : allClosed([...v4.open, ...v4.closed]),
    });
    // Hairpin is for the router's WAN address only: its LAN address (its own web UI on 443, say)
    // must not be sent to the NAS.
    groups.push({
      name: `lan ipv4 (${lab.lanClientAddr} to the router's LAN address ${lab.routerLanAddr})`,
      kind: 'hairpin',
      from: 'lan',
      host: lab.routerLanAddr,
      expectations: allClosed([...v4.open, ...v4.closed]),
    });
  }
  return groups;
}

/** Runs every group's probes, all clients at once (one prober per client namespace); `timeoutMs` as for toProbes. */
export async function runGroups(lab: Lab, groups: ProbeGroup[], o: { timeoutMs?: number } = {}): Promise<GroupResult[]> {
  const roles = [...new Set(groups.map((g) => g.from))];
  const byRole = new Map(
    await Promise.all(
      roles.map(async (from) => {
        const mine = groups.filter((g) => g.from === from);
        const results = await lab.probe(mine.flatMap((g) => toProbes(lab, g.expectations, g.host, o.timeoutMs)), from);
        return [from, results] as const;
      }),
    ),
  );
  const taken = new Map<NsRole, number>();
  return groups.map((g) => {
    const at = taken.get(g.from) ?? 0;
    taken.set(g.from, at + g.expectations.length);
    return { ...g, results: byRole.get(g.from)!.slice(at, at + g.expectations.length) };
  });
}

/** Mismatches of the groups that pass `filter`, each prefixed with its group's name. */
export function groupMismatches(results: GroupResult[], filter: (g: GroupResult, e: Expectation) => boolean = () => true): string[] {
  return results.flatMap((g) => {
    const pairs = g.expectations.map((e, i) => [e, g.results[i]!] as const).filter(([e]) => filter(g, e));
    return probeMismatches(
      pairs.map(([e]) => e),
      pairs.map(([, r]) => r),
    ).map((m) => `${g.name}: ${m}`);
  });
}

// ---------------------------------------------------------------------------------------------
// The router's own base: default drop, so that only the rules under test let traffic through

/** iptables: FORWARD DROP for IPv4 and IPv6 and no other rule, not even an ESTABLISHED accept. */
export async function iptablesBase(lab: Lab): Promise<void> {
  await lab.mustIn('rtr', ['sh', '-ec', 'iptables -w -P FORWARD DROP; iptables -w -t nat -P PREROUTING ACCEPT; ip6tables -w -P FORWARD DROP']);
}

/**
 * The nftables router's own firewall: table inet filter with a forward base chain, policy drop
 * (IPv4 and IPv6), and no rule. Named as in the nftables target's header example
 * (`nft insert rule inet filter forward ...`), so its integration command runs verbatim.
 */
export const NFT_BASE_TABLE = 'filter';
export const NFT_BASE_CHAIN = 'forward';
export const NFT_BASE = `table inet ${NFT_BASE_TABLE} {\n\tchain ${NFT_BASE_CHAIN} {\n\t\ttype filter hook forward priority filter; policy drop;\n\t}\n}\n`;

export async function nftablesBase(lab: Lab): Promise<void> {
  await lab.mustIn('rtr', ['nft', '-f', '-'], { input: NFT_BASE });
}

/** `nft list ruleset` without packet/byte counts. */
export function normalizeRuleset(text: string): string {
  return text
    .replace(/packets \d+ bytes \d+/g, 'packets 0 bytes 0')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .join('\n');
}

/**
 * The commands the nftables file's header tells a user whose router drops forwarded traffic by
 * default to run: the `e.g. nft ...` line (for an nftables forward chain, here table inet filter)
 * or the `or iptables ...` line (for an iptables FORWARD chain), without the note that follows
 * the command after two or more spaces; a note "(and the same with ip6tables)" adds that command.
 */
export function nftIntegrationCommands(text: string, kind: 'nft' | 'iptables'): string[] {
  const re = kind === 'nft' ? /^#\s+e\.g\.\s+(nft .*\S)\s*$/m : /^#\s+or\s+(iptables .*\S)\s*$/m;
  const m = re.exec(text);
  if (!m) throw new Error(`the nftables file's header gives no ${kind === 'nft' ? '"e.g. nft ..."' : '"or iptables ..."'} command for a router whose forward policy is drop`);
  const [, cmd, note] = /^(.*?\S)(?:\s{2,}\((.*)\))?$/.exec(m[1]!)!;
  const cmds = [cmd!];
  if (kind === 'iptables' && note && /\bip6tables\b/.test(note)) cmds.push(cmd!.replace(/^iptables /, 'ip6tables '));
  return cmds;
}

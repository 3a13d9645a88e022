// What iptables rules do, in plan terms: DNAT tuples per port (following the kernel's port rules),
// the ports filter rules accept per conntrack direction, and the flows masquerade rules rewrite.
// Each function takes only the rule shapes it knows and throws on any other.

import type { PortRange, Proto } from '../../plan/types.js';
import type { Family, Rule } from './rules.js';

// ---- what the rules do -----------------------------------------------------------------------

const where = (r: Rule): string => r.spec.join(' ');
const host = (c: string | undefined, family: Family): string | undefined => {
  const m = c === undefined ? null : new RegExp(`^(.*)/${family === 4 ? 32 : 128}$`).exec(c);
  return m?.[1];
};
const each = (ranges: PortRange[], f: (p: number) => void): void => {
  for (const r of ranges) for (let p = r.first; p <= r.last; p++) f(p);
};

export interface Tuple {
  /** Interface the connection arrives on. */
  in: string;
  /** -s (allowFrom) and -d (hairpin: the router's WAN address) of the rule; undefined = any. */
  src?: string;
  dst?: string;
  proto: Proto;
  wanPort: number;
  nasAddr: string;
  nasPort: number;
}

export const tupleKey = (t: Tuple): string => `${t.in} ${t.src ?? 'any'} > ${t.dst ?? 'any'} ${t.proto} ${t.wanPort} -> ${t.nasAddr}:${t.nasPort}`;

/** What each DNAT rule does per WAN port, following the kernel's port rules. */
export function dnatTuples(rules: Rule[]): Tuple[] {
  const out: Tuple[] = [];
  for (const r of rules) {
    if (r.jump !== 'DNAT') throw new Error(`non-DNAT rule in a DNAT chain: ${where(r)}`);
    if (!r.proto || !r.dports || !r.to || r.sports) throw new Error(`DNAT rule without -p/--dport: ${where(r)}`);
    if (!r.in || r.out || r.ctstate || r.ctdir) throw new Error(`DNAT rule with unexpected matches: ${where(r)}`);
    const to = r.to.ports;
    each(r.dports, (p) => {
      let nasPort: number;
      if (!to) nasPort = p;
      else if (to.first === to.last) nasPort = to.first;
      else if (to.base !== undefined) {
        nasPort = to.first + (p - to.base);
        if (nasPort < to.first || nasPort > to.last) throw new Error(`port ${p} falls outside ${to.first}-${to.last}/${to.base}`);
      } else throw new Error(`DNAT to a port range without /base is not a fixed mapping: ${where(r)}`);
      out.push({ in: r.in!, ...(r.src ? { src: r.src } : {}), ...(r.dst ? { dst: r.dst } : {}), proto: r.proto!, wanPort: p, nasAddr: r.to!.addr, nasPort });
    });
  }
  return out;
}

/** One port a filter rule accepts, in one conntrack direction. */
export interface Accept {
  dir: 'ORIGINAL' | 'REPLY';
  proto: Proto;
  /** The NAS side: -d when ORIGINAL, -s when REPLY, a single host. */
  nas: string;
  port: number;
  in?: string;
  out?: string;
  /** The other side's CIDR; undefined = any. */
  peer?: string;
}

/**
 * What the filter rules accept, port by port. IPv4 rules must be scoped to DNATed connections,
 * IPv6 ones must not.
 */
export function accepts(rules: Rule[], family: Family = 4): Accept[] {
  const out: Accept[] = [];
  for (const r of rules) {
    if (r.jump !== 'ACCEPT' || !r.ctdir || !r.proto || (family === 4) !== (r.ctstate === 'DNAT')) throw new Error(`unexpected filter rule ${where(r)}`);
    const original = r.ctdir === 'ORIGINAL';
    const ports = original ? r.dports : r.sports;
    const nas = host(original ? r.dst : r.src, family);
    const peer = original ? r.src : r.dst;
    if (!ports || !nas || (original ? r.sports || !r.in : r.dports || !r.out)) throw new Error(`wrong direction matches in ${where(r)}`);
    each(ports, (port) => out.push({ dir: r.ctdir!, proto: r.proto!, nas, port, ...(r.in ? { in: r.in } : {}), ...(r.out ? { out: r.out } : {}), ...(peer ? { peer } : {}) }));
  }
  return out;
}

/** Every "DIR proto nas:port in>out peer=CIDR" the filter rules accept (see accepts). */
export function acceptedPorts(rules: Rule[], family: Family = 4): string[] {
  return accepts(rules, family).map((a) => `${a.dir} ${a.proto} ${a.nas}:${a.port} ${a.in ?? '*'}>${a.out ?? '*'} peer=${a.peer ?? 'any'}`);
}

/** Every "src proto nas:port out=IF" the masquerade rules rewrite (DNATed connections only). */
export function masqueraded(rules: Rule[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const nas = host(r.dst, 4);
    if (r.jump !== 'MASQUERADE' || r.ctstate !== 'DNAT' || r.ctdir || !r.proto || !r.dports || r.sports || !r.src || !nas || !r.out || r.in) {
      throw new Error(`unexpected masquerade rule ${where(r)}`);
    }
    each(r.dports, (p) => out.push(`${r.src} ${r.proto} ${nas}:${p} out=${r.out}`));
  }
  return out;
}

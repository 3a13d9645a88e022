// What an nft table read by text.ts (nft's text) or json.ts (nft's JSON) does, in plan
// terms: DNAT tuples per port, their source restrictions, hairpin, masquerade, and the forward
// chain's accepts. Every rule must have one of the exact shapes synfw writes (matches in order),
// otherwise this throws: an unknown rule is never skipped.

import type { PortRange, Proto } from '../../plan/types.js';
import type { NftRule, NftTable } from './text.js';

export interface Tuple {
  proto: Proto;
  wanPort: number;
  nasAddr: string;
  nasPort: number;
}

export const tupleKey = (t: Tuple): string => `${t.proto} ${t.wanPort} -> ${t.nasAddr}:${t.nasPort}`;

export interface Mark {
  mask: number;
  value: number;
}

export interface Recovered {
  wanDnat: { iif: string; saddr?: string[]; tuples: Tuple[]; comment?: string }[];
  hairpinDnat: { iif: string; mark: number; tuples: Tuple[]; comment?: string }[];
  masquerade: { match: Mark; comment?: string }[];
  /** "tcp 192.168.1.10:5001" per port. */
  accept4: { iif: string; saddr?: string[]; entries: string[]; mark: number; comment?: string }[];
  acceptHairpin: { iif: string; match: Mark; mark: number; comment?: string }[];
  accept6: { iif: string; saddr?: string[]; entries: string[]; mark: number; comment?: string }[];
  replies: { match: Mark; comment?: string }[];
}

export const SHAPES = {
  wanDnat: ['iifname', 'saddr?', 'l4proto?', 'dport?', 'dnat'],
  hairpinDnat: ['iifname', 'nfproto', 'fibLocal', 'fibIifNotLocal', 'l4proto?', 'dport', 'ctMarkOr', 'dnat'],
  masquerade: ['ctMarkMatch', 'masquerade'],
  accept4: ['iifname', 'saddr?', 'ctStatusDnat', 'daddr', 'l4proto?', 'dport', 'ctMarkOr', 'accept'],
  acceptHairpin: ['iifname', 'ctMarkMatch', 'ctMarkOr', 'accept'],
  accept6: ['iifname', 'saddr?', 'daddr', 'l4proto?', 'dport', 'ctMarkOr', 'accept'],
  replies: ['ctMarkMatch', 'accept'],
} as const;

/** Whether the rule's parts are exactly the shape's, in its order (`?` = optional). */
export function fits(order: string[], shape: readonly string[]): boolean {
  let i = 0;
  for (const part of shape) {
    const optional = part.endsWith('?');
    const key = part.replace('?', '');
    if (order[i] === key) i++;
    else if (!optional) return false;
  }
  return i === order.length;
}

const expand = (ranges: PortRange[]): number[] => ranges.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i));

function protosOf(rule: NftRule, l4: string): Proto[] {
  if (l4 === 'th') return rule.l4proto!;
  if (rule.l4proto) throw new Error('meta l4proto with a tcp/udp match: use th');
  return [l4 as Proto];
}

/** DNAT tuples per port. A map rule with a port match must match exactly the map's keys. */
export function dnatTuples(rule: NftRule): Tuple[] {
  const d = rule.dnat!;
  if ('map' in d) {
    const protos = protosOf(rule, d.l4);
    const keys = d.map.map(([k]) => k);
    if (new Set(keys).size !== keys.length) throw new Error('a map key appears twice');
    if (rule.dport) {
      if (rule.dport.l4 !== d.l4) throw new Error('port match and map use different protocols');
      if (expand(rule.dport.ports).sort().join() !== [...keys].sort().join()) throw new Error('port match and map keys differ');
    }
    return protos.flatMap((proto) => d.map.map(([wanPort, nasAddr, nasPort]) => ({ proto, wanPort, nasAddr, nasPort })));
  }
  if (!rule.dport) throw new Error('dnat to an address without a port match');
  const protos = protosOf(rule, rule.dport.l4);
  const ports = expand(rule.dport.ports);
  if (d.port !== undefined && ports.length !== 1) throw new Error('dnat ADDR:PORT for several ports is ambiguous');
  return protos.flatMap((proto) => ports.map((p) => ({ proto, wanPort: p, nasAddr: d.addr, nasPort: d.port ?? p })));
}

/** The ports an accept rule opens on its daddr, per protocol. */
export function acceptedPorts(rule: NftRule): { proto: Proto; addr: string; port: number }[] {
  const protos = protosOf(rule, rule.dport!.l4);
  return protos.flatMap((proto) => expand(rule.dport!.ports).map((port) => ({ proto, addr: rule.daddr!.addr, port })));
}

const accepts = (rule: NftRule): string[] => acceptedPorts(rule).map((a) => `${a.proto} ${a.addr}:${a.port}`);

const opt = <T>(key: string, v: T | undefined): Record<string, T> => (v === undefined ? {} : { [key]: v });

export function recover(table: NftTable): Recovered {
  const out: Recovered = { wanDnat: [], hairpinDnat: [], masquerade: [], accept4: [], acceptHairpin: [], accept6: [], replies: [] };
  for (const chain of table.chains) {
    for (const rule of chain.rules) {
      const c = opt('comment', rule.comment);
      const is = (shape: keyof typeof SHAPES) => fits(rule.order, SHAPES[shape]);
      const where = `${chain.name}: ${rule.order.join(' ')}`;
      if (chain.name === 'dstnat' && chain.hook === 'prerouting' && chain.type === 'nat') {
        if (is('hairpinDnat')) out.hairpinDnat.push({ iif: rule.iifname!, mark: rule.ctMarkOr!, tuples: dnatTuples(rule), ...c });
        else if (is('wanDnat')) {
          if (rule.saddr && rule.saddr.family !== 4) throw new Error(`${where}: IPv6 source on an IPv4 DNAT`);
          out.wanDnat.push({ iif: rule.iifname!, ...opt('saddr', rule.saddr?.set), tuples: dnatTuples(rule), ...c });
        } else throw new Error(`rule outside the subset in ${where}`);
      } else if (chain.name === 'srcnat' && chain.hook === 'postrouting' && chain.type === 'nat') {
        if (!is('masquerade')) throw new Error(`rule outside the subset in ${where}`);
        out.masquerade.push({ match: rule.ctMarkMatch!, ...c });
      } else if (chain.name === 'forward' && chain.hook === 'forward' && chain.type === 'filter') {
        const fam = (f: 4 | 6) => rule.daddr?.family === f && (!rule.saddr || rule.saddr.family === f);
        if (is('accept4') && fam(4)) out.accept4.push({ iif: rule.iifname!, ...opt('saddr', rule.saddr?.set), entries: accepts(rule), mark: rule.ctMarkOr!, ...c });
        else if (is('accept6') && fam(6)) out.accept6.push({ iif: rule.iifname!, ...opt('saddr', rule.saddr?.set), entries: accepts(rule), mark: rule.ctMarkOr!, ...c });
        else if (is('acceptHairpin')) out.acceptHairpin.push({ iif: rule.iifname!, match: rule.ctMarkMatch!, mark: rule.ctMarkOr!, ...c });
        else if (is('replies')) out.replies.push({ match: rule.ctMarkMatch!, ...c });
        else throw new Error(`rule outside the subset in ${where}`);
      } else throw new Error(`unexpected chain ${chain.name} (${chain.type} ${chain.hook})`);
    }
  }
  return out;
}

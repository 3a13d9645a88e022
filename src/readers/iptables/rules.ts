// iptables rules as the kernel keeps them: a rule specification (the words after the chain name)
// interpreted strictly, anything synfw's outputs and the readers do not know being an error, and
// the tables and chains of a ruleset. Shared by the iptables-save reader (save.ts) and the tests'
// runner of synfw's sh script, which applies the script's commands to a Ruleset.

import ipaddr from 'ipaddr.js';
import type { PortRange, Proto } from '../../plan/types.js';

export interface DnatTo {
  addr: string;
  ports?: { first: number; last: number; base?: number };
}

export interface Rule {
  /** The rule's words after the chain name, unquoted: what the kernel sees. */
  spec: string[];
  in?: string;
  out?: string;
  /** -s / -d as CIDRs ("192.168.1.10/32", "2001:db8::/48"), canonical as iptables-save prints them. */
  src?: string;
  dst?: string;
  proto?: Proto;
  dports?: PortRange[];
  sports?: PortRange[];
  ctstate?: 'DNAT';
  ctdir?: 'ORIGINAL' | 'REPLY';
  comment?: string;
  jump: string;
  to?: DnatTo;
}

/** filter6 is ip6tables' filter table. */
export type Table = 'nat' | 'filter' | 'filter6';
export const TABLES: Table[] = ['nat', 'filter', 'filter6'];
/** table -> chain -> rules, chains in creation order. */
export type Ruleset = Record<Table, Map<string, Rule[]>>;
export type Family = 4 | 6;
export const familyOf = (t: Table): Family => (t === 'filter6' ? 6 : 4);

export const BUILTIN: Record<Table, string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  filter6: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export function emptyRuleset(): Ruleset {
  return Object.fromEntries(TABLES.map((t) => [t, new Map(BUILTIN[t].map((c) => [c, []]))])) as unknown as Ruleset;
}

export function cloneRuleset(r: Ruleset): Ruleset {
  return Object.fromEntries(TABLES.map((t) => [t, new Map([...r[t]].map(([k, v]) => [k, [...v]]))])) as unknown as Ruleset;
}

/** A canonical text of a ruleset, for equality checks. */
export function dumpRuleset(r: Ruleset): string {
  return TABLES.map((t) => [...r[t]].map(([c, rules]) => `${t} ${c}\n${rules.map((x) => `  ${JSON.stringify(x.spec)}`).join('\n')}`).join('\n')).join('\n');
}

// ---- rule options ---------------------------------------------------------------------------

const PORT = /^[1-9][0-9]{0,4}$/;
const ADDR = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function port(s: string): number {
  if (!PORT.test(s) || Number(s) > 65535) throw new Error(`bad port ${JSON.stringify(s)}`);
  return Number(s);
}

/** "5001" or "6001:6010"; an equal-ended range is rejected as iptables' multiport does. */
function portEntry(s: string): PortRange {
  const [a, b, extra] = s.split(':');
  if (extra !== undefined) throw new Error(`bad port range ${s}`);
  const first = port(a!);
  const last = b === undefined ? first : port(b);
  if (b !== undefined && last <= first) throw new Error(`bad port range ${s} (iptables needs first < last)`);
  return { first, last };
}

function portList(s: string): PortRange[] {
  const entries = s.split(',').map(portEntry);
  const slots = entries.reduce((n, r) => n + (r.first === r.last ? 1 : 2), 0);
  if (slots > 15) throw new Error(`multiport list ${s} uses ${slots} slots (max 15)`);
  return entries;
}

/**
 * A -s/-d value. `kernel`: what iptables stores for what a command gave it (a bare address is /32
 * or /128, host bits are cleared); otherwise the value must already be in that canonical form,
 * as iptables-save prints it. A /0 is refused: iptables-save drops it, so no rule should carry it.
 */
export function cidr(s: string, family: Family, kernel = false): string {
  const [addr, bits, extra] = s.split('/');
  const full = family === 4 ? 32 : 128;
  if (extra !== undefined || addr === undefined) throw new Error(`bad address ${s}`);
  const ok = family === 4 ? ADDR.test(addr) : ipaddr.IPv6.isValid(addr) && !addr.includes('%') && !addr.includes('.');
  if (!ok) throw new Error(`bad IPv${family} address ${s}`);
  if (bits === undefined && !kernel) throw new Error(`address ${s} without a prefix length`);
  const len = bits === undefined ? full : Number(bits);
  if (bits !== undefined && (!/^(0|[1-9]\d{0,2})$/.test(bits) || len > full)) throw new Error(`bad prefix length in ${s}`);
  if (len === 0) throw new Error(`${s} matches everything; iptables-save would drop it`);
  const network = (family === 4 ? ipaddr.IPv4 : ipaddr.IPv6).networkAddressFromCIDR(`${addr}/${len}`).toString();
  const canonical = `${network}/${len}`;
  if (!kernel && canonical !== s) throw new Error(`${s} is not canonical (iptables-save prints ${canonical})`);
  return canonical;
}

/** ip[:port[-port[/base]]] */
function dnatTo(s: string): DnatTo {
  const m = /^([0-9.]+)(?::(\d+)(?:-(\d+)(?:\/(\d+))?)?)?$/.exec(s);
  if (!m || !ADDR.test(m[1]!)) throw new Error(`bad --to-destination ${s}`);
  if (m[2] === undefined) return { addr: m[1]! };
  const first = port(m[2]);
  const last = m[3] === undefined ? first : port(m[3]);
  if (last < first) throw new Error(`bad --to-destination range ${s}`);
  return { addr: m[1]!, ports: { first, last, ...(m[4] === undefined ? {} : { base: port(m[4]) }) } };
}

const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}$/;

export interface SpecOptions {
  /** Address family of the table (ip6tables: 6). */
  family?: Family;
  /** The words come from a command: store -s/-d as the kernel does (see cidr). */
  kernel?: boolean;
}

/** The words of a rule specification, read left to right. */
class Words {
  i = 0;
  constructor(readonly spec: string[]) {}
  /** The next word, the value `what` needs. */
  next(what: string): string {
    const v = this.spec[this.i++];
    if (v === undefined) throw new Error(`${what} needs a value`);
    return v;
  }
  peek(): string | undefined {
    return this.spec[this.i];
  }
}

type Building = Partial<Rule> & { spec: string[] };

/** The match after `-m` (tcp, udp, multiport, conntrack, comment), in the forms the targets emit. */
function parseMatch(w: Words, r: Building): void {
  const mod = w.next('-m');
  if (mod === 'tcp' || mod === 'udp') {
    if (r.proto !== mod) throw new Error(`-m ${mod} without -p ${mod} before it`);
    const o = w.next(mod);
    if (o === '--dport') r.dports = [portEntry(w.next(o))];
    else if (o === '--sport') r.sports = [portEntry(w.next(o))];
    else throw new Error(`unexpected ${o} after -m ${mod}`);
  } else if (mod === 'multiport') {
    if (!r.proto) throw new Error('-m multiport without -p');
    const o = w.next(mod);
    if (o === '--dports') r.dports = portList(w.next(o));
    else if (o === '--sports') r.sports = portList(w.next(o));
    else throw new Error(`unexpected ${o} after -m multiport`);
  } else if (mod === 'conntrack') {
    // The forms the target emits: --ctstate DNAT [--ctdir D] (IPv4), --ctdir D (IPv6).
    let o = w.next(mod);
    if (o === '--ctstate') {
      const state = w.next(o);
      if (state !== 'DNAT') throw new Error(`unexpected --ctstate ${state}`);
      r.ctstate = 'DNAT';
      if (w.peek() !== '--ctdir') return;
      o = w.next(mod);
    }
    if (o !== '--ctdir') throw new Error(`unexpected ${o} after -m conntrack`);
    const dir = w.next('--ctdir');
    if (dir !== 'ORIGINAL' && dir !== 'REPLY') throw new Error(`bad --ctdir ${dir}`);
    r.ctdir = dir;
  } else if (mod === 'comment') {
    if (w.next(mod) !== '--comment') throw new Error('-m comment without --comment');
    r.comment = w.next('--comment');
  } else throw new Error(`unexpected match -m ${mod}`);
}

/** Interprets a rule specification (the words after the chain name). */
export function parseSpec(words: string[], { family = 4, kernel = false }: SpecOptions = {}): Rule {
  const spec = [...words];
  const w = new Words(spec);
  const r: Building = { spec };
  const seen = new Set<string>();
  while (w.i < spec.length) {
    const opt = spec[w.i++]!;
    const key = opt === '-m' ? `-m ${w.peek()}` : opt;
    if (seen.has(key)) throw new Error(`${key} given twice`);
    seen.add(key);
    switch (opt) {
      case '-i':
      case '-o': {
        const v = w.next(opt);
        if (!IFNAME.test(v)) throw new Error(`bad interface ${v}`);
        if (opt === '-i') r.in = v;
        else r.out = v;
        break;
      }
      case '-s':
      case '-d': {
        const v = cidr(w.next(opt), family, kernel);
        spec[w.i - 1] = v;
        if (opt === '-s') r.src = v;
        else r.dst = v;
        break;
      }
      case '-p': {
        const v = w.next(opt);
        if (v !== 'tcp' && v !== 'udp') throw new Error(`bad protocol ${v}`);
        r.proto = v;
        break;
      }
      case '-m':
        parseMatch(w, r);
        break;
      case '-j': {
        r.jump = w.next(opt);
        if (r.jump === 'DNAT') {
          if (family !== 4) throw new Error('DNAT in an IPv6 rule');
          if (w.next('DNAT') !== '--to-destination') throw new Error('DNAT without --to-destination');
          r.to = dnatTo(w.next('--to-destination'));
        }
        if (w.i !== spec.length) throw new Error(`words after the target: ${spec.slice(w.i).join(' ')}`);
        break;
      }
      default:
        throw new Error(`unexpected option ${opt}`);
    }
  }
  if (!r.jump) throw new Error(`rule without -j: ${spec.join(' ')}`);
  return r as Rule;
}


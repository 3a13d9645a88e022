// What fw3/fw4 make of synfw's sections:
//  - redirectTuples: one (proto, WAN port, NAS address, NAS port, source) per single port of each
//    redirect, plus whether the section asks for NAT loopback (reflection);
//  - rule6Tuples: one (proto, NAS IPv6 address, NAS port, source) per single port and source of each
//    IPv6 accept rule.
// Only what synfw writes is understood; any option that would narrow or change the match (ipset,
// times, enabled '0', reflection_zone, ...) is refused rather than ignored.

import { UciParseError, type UciSection } from './model.js';
import { taggedProfile } from '../flow.js';

export interface UciTuple {
  proto: 'tcp' | 'udp';
  wanPort: number;
  nasAddr: string;
  nasPort: number;
  /** src_ip: the one allowed source, or null for anyone. */
  source: string | null;
  /** reflection '1' (fw3 and fw4 default to on, so a missing option counts as on). */
  reflection: boolean;
  /** The section it came from and that section's name option. */
  section: string;
  name: string;
}

export interface UciRule6Tuple {
  proto: 'tcp' | 'udp';
  nasAddr6: string;
  nasPort: number;
  /** One src_ip entry, or null when the rule has none (anyone). */
  source: string | null;
  src: string;
  dest: string;
  section: string;
  name: string;
}

/** Options a plain port forward may carry. */
const UNDERSTOOD = new Set(['enabled', 'name', 'family', 'src', 'src_ip', 'dest', 'proto', 'src_dport', 'dest_ip', 'dest_port', 'reflection', 'reflection_src', 'target']);
/** Options an IPv6 accept rule may carry. */
const UNDERSTOOD_RULE = new Set(['enabled', 'name', 'family', 'src', 'src_ip', 'dest', 'dest_ip', 'dest_port', 'proto', 'target']);

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const CIDR4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
/** Compressed or full IPv6 (hex groups and ::), no zone id, no embedded IPv4. */
const IPV6 = /^(?=.*:)[0-9a-f:]+$/;
const isIpv6 = (s: string): boolean => IPV6.test(s) && (s.match(/::/g) ?? []).length <= 1 && s.split(':').every((g) => g.length <= 4) && s.split(':').length <= 8;
const isCidr6 = (s: string): boolean => {
  const [a, len, ...rest] = s.split('/');
  return rest.length === 0 && len !== undefined && /^(12[0-8]|1[01]\d|[1-9]?\d)$/.test(len) && isIpv6(a!);
};

/** fw4 parse_port / fw3 fw3_parse_port: N, N-M or N:M (no inversion here). */
function ports(v: string, what: string, id: string): [number, number] {
  const m = /^([0-9]{1,5})(?:[-:]([0-9]{1,5}))?$/.exec(v);
  const a = Number(m?.[1]);
  const b = m?.[2] === undefined ? a : Number(m[2]);
  if (!m || a < 1 || b > 65535 || b < a) throw new UciParseError(`${id}: ${what} ${JSON.stringify(v)} is not a port or range`);
  return [a, b];
}

/** Every value of an option given as option or list, split on whitespace (fw4 FLATTEN_LIST / to_array, fw3 strtok). */
function words(s: UciSection, key: string): string[] {
  const raw = [...(s.lists.get(key) ?? []), ...(s.options.has(key) ? [s.options.get(key)!] : [])];
  return raw.flatMap((v) => v.split(/[ \t]+/).filter(Boolean));
}

function protocols(s: UciSection): ('tcp' | 'udp')[] {
  const ws = words(s, 'proto');
  if (!ws.length) throw new UciParseError(`${s.id}: no proto (fw4's default tcpudp is not what synfw writes)`);
  const out = new Set<'tcp' | 'udp'>();
  for (const w of ws) {
    if (w === 'tcp' || w === 'udp') out.add(w);
    else if (w === 'tcpudp') (out.add('tcp'), out.add('udp'));
    else throw new UciParseError(`${s.id}: proto ${JSON.stringify(w)} is not tcp or udp`);
  }
  return [...out];
}

function checkOptions(s: UciSection, understood: Set<string>): void {
  for (const k of [...s.options.keys(), ...s.lists.keys()]) {
    if (!understood.has(k)) throw new UciParseError(`${s.id}: option ${k} changes the ${s.type}; not understood here`);
  }
  if (s.options.has('enabled') && s.options.get('enabled') !== '1') throw new UciParseError(`${s.id}: enabled is not 1`);
}

const bool = (v: string | undefined, dflt: boolean, id: string, key: string): boolean => {
  if (v === undefined) return dflt;
  if (v === '1') return true;
  if (v === '0') return false;
  throw new UciParseError(`${id}: ${key} ${JSON.stringify(v)} is not 0 or 1`);
};

export function redirectTuples(sections: readonly UciSection[]): UciTuple[] {
  const out: UciTuple[] = [];
  for (const s of sections) {
    if (s.type !== 'redirect') continue;
    const opt = (k: string): string | undefined => s.options.get(k);
    checkOptions(s, UNDERSTOOD);
    if (opt('target') !== 'DNAT') throw new UciParseError(`${s.id}: target is not DNAT`);
    // fw4 takes the family from the addresses when none is given (a redirect made in LuCI has
    // none); synfw always writes it, so its own sections must have it.
    const inferred = opt('family') === undefined && taggedProfile(opt('name')) === null;
    if (opt('family') !== 'ipv4' && !inferred) throw new UciParseError(`${s.id}: family is not ipv4`);
    if (!opt('src') || opt('src') === '*') throw new UciParseError(`${s.id}: DNAT needs a src zone`);
    const nasAddr = opt('dest_ip') ?? '';
    if (!IPV4.test(nasAddr)) throw new UciParseError(`${s.id}: dest_ip ${JSON.stringify(nasAddr)}`);
    // One value: a space-separated "list" would make fw4's parse_subnet fail and skip the section.
    const source = opt('src_ip') ?? null;
    if (source !== null && !CIDR4.test(source)) throw new UciParseError(`${s.id}: src_ip ${JSON.stringify(source)} is not one IPv4 CIDR`);
    const reflection = bool(opt('reflection'), true, s.id, 'reflection');
    const rsrc = opt('reflection_src');
    if (rsrc !== undefined && rsrc !== 'internal') throw new UciParseError(`${s.id}: reflection_src ${JSON.stringify(rsrc)} is not internal`);
    const [e1, e2] = ports(opt('src_dport') ?? '', 'src_dport', s.id);
    // fw4: dest_port defaults to src_dport.
    const [i1, i2] = ports(opt('dest_port') ?? opt('src_dport')!, 'dest_port', s.id);
    const identity = e1 === i1 && e2 === i2;
    // DNAT to a port range keeps the port when it lies in the range, else picks one: no shift.
    if (!identity && i1 !== i2) throw new UciParseError(`${s.id}: ${e1}-${e2} -> ${i1}-${i2} is not a 1:1 mapping`);
    for (const proto of protocols(s)) {
      for (let p = e1; p <= e2; p++) {
        out.push({ proto, wanPort: p, nasAddr, nasPort: identity ? p : i1, source, reflection, section: s.id, name: opt('name') ?? s.id });
      }
    }
  }
  return out;
}

export function rule6Tuples(sections: readonly UciSection[]): UciRule6Tuple[] {
  const out: UciRule6Tuple[] = [];
  for (const s of sections) {
    if (s.type !== 'rule') continue;
    const opt = (k: string): string | undefined => s.options.get(k);
    checkOptions(s, UNDERSTOOD_RULE);
    if (opt('target') !== 'ACCEPT') throw new UciParseError(`${s.id}: target is not ACCEPT`);
    if (opt('family') !== 'ipv6') throw new UciParseError(`${s.id}: family is not ipv6`);
    const src = opt('src');
    const dest = opt('dest');
    // Without src the rule would be an output rule, without dest an input rule (fw4 parse_rule).
    if (!src || src === '*' || !dest || dest === '*') throw new UciParseError(`${s.id}: a forward accept needs a src and a dest zone`);
    const dips = words(s, 'dest_ip');
    if (dips.length !== 1 || !isIpv6(dips[0]!)) throw new UciParseError(`${s.id}: dest_ip ${JSON.stringify(dips.join(' '))} is not one IPv6 address`);
    const sips = words(s, 'src_ip');
    for (const a of sips) if (!isCidr6(a)) throw new UciParseError(`${s.id}: src_ip ${JSON.stringify(a)} is not an IPv6 CIDR`);
    const dports = words(s, 'dest_port');
    if (!dports.length) throw new UciParseError(`${s.id}: no dest_port (the rule would open every port)`);
    for (const proto of protocols(s)) {
      for (const d of dports) {
        const [a, b] = ports(d, 'dest_port', s.id);
        for (let p = a; p <= b; p++) {
          for (const source of sips.length ? sips : [null]) {
            out.push({ proto, nasAddr6: dips[0]!, nasPort: p, source, src, dest, section: s.id, name: opt('name') ?? s.id });
          }
        }
      }
    }
  }
  return out;
}

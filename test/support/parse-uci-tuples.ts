// What fw3/fw4 make of redirect sections: one (proto, WAN port, NAS address, NAS port) per single
// port. Only plain unconditional DNAT redirects are understood; any option that would narrow or
// change the match (src_ip, ipset, times, enabled '0', ...) is refused rather than ignored.

import { UciParseError, type UciSection } from './parse-uci-model.js';

export interface UciTuple {
  proto: 'tcp' | 'udp';
  wanPort: number;
  nasAddr: string;
  nasPort: number;
  /** The section it came from and that section's name option. */
  section: string;
  name: string;
}

/** Options a plain port forward may carry. */
const UNDERSTOOD = new Set(['enabled', 'name', 'family', 'src', 'dest', 'proto', 'src_dport', 'dest_ip', 'dest_port', 'reflection', 'target']);

/** fw4 parse_port / fw3 fw3_parse_port: N, N-M or N:M (no inversion here). */
function ports(v: string, what: string, id: string): [number, number] {
  const m = /^([0-9]{1,5})(?:[-:]([0-9]{1,5}))?$/.exec(v);
  const a = Number(m?.[1]);
  const b = m?.[2] === undefined ? a : Number(m[2]);
  if (!m || a < 1 || b > 65535 || b < a) throw new UciParseError(`${id}: ${what} ${JSON.stringify(v)} is not a port or range`);
  return [a, b];
}

function protocols(s: UciSection): ('tcp' | 'udp')[] {
  const raw = [...(s.lists.get('proto') ?? []), ...(s.options.has('proto') ? [s.options.get('proto')!] : [])];
  if (!raw.length) throw new UciParseError(`${s.id}: no proto (fw4's default tcpudp is not what synfw writes)`);
  // fw4 (FLATTEN_LIST) and fw3 split every value on whitespace.
  const words = raw.flatMap((v) => v.split(/\s+/).filter(Boolean));
  const out = new Set<'tcp' | 'udp'>();
  for (const w of words) {
    if (w === 'tcp' || w === 'udp') out.add(w);
    else if (w === 'tcpudp') (out.add('tcp'), out.add('udp'));
    else throw new UciParseError(`${s.id}: proto ${JSON.stringify(w)} is not tcp or udp`);
  }
  return [...out];
}

export function redirectTuples(sections: readonly UciSection[]): UciTuple[] {
  const out: UciTuple[] = [];
  for (const s of sections) {
    if (s.type !== 'redirect') continue;
    const opt = (k: string): string | undefined => s.options.get(k);
    for (const k of [...s.options.keys(), ...s.lists.keys()]) {
      if (!UNDERSTOOD.has(k)) throw new UciParseError(`${s.id}: option ${k} changes the forward; not understood here`);
    }
    if (opt('enabled') !== undefined && opt('enabled') !== '1') throw new UciParseError(`${s.id}: enabled is not 1`);
    if (opt('target') !== 'DNAT') throw new UciParseError(`${s.id}: target is not DNAT`);
    if (opt('family') !== 'ipv4') throw new UciParseError(`${s.id}: family is not ipv4`);
    if (!opt('src') || opt('src') === '*') throw new UciParseError(`${s.id}: DNAT needs a src zone`);
    const nasAddr = opt('dest_ip') ?? '';
    if (!/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(nasAddr)) throw new UciParseError(`${s.id}: dest_ip ${JSON.stringify(nasAddr)}`);
    const [e1, e2] = ports(opt('src_dport') ?? '', 'src_dport', s.id);
    // fw4: dest_port defaults to src_dport.
    const [i1, i2] = ports(opt('dest_port') ?? opt('src_dport')!, 'dest_port', s.id);
    const identity = e1 === i1 && e2 === i2;
    // DNAT to a port range keeps the port when it lies in the range, else picks one: no shift.
    if (!identity && i1 !== i2) throw new UciParseError(`${s.id}: ${e1}-${e2} -> ${i1}-${i2} is not a 1:1 mapping`);
    for (const proto of protocols(s)) {
      for (let p = e1; p <= e2; p++) out.push({ proto, wanPort: p, nasAddr, nasPort: identity ? p : i1, section: s.id, name: opt('name') ?? s.id });
    }
  }
  return out;
}

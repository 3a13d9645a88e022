// Reads `nft -j list table inet NAME` (libnftables JSON, schema version 1) into the same model as
// the text reader, strictly: an expression outside the subset synfw writes is an error. Comparing
// the two shows what the kernel holds is what the file says.

import type { PortRange } from '../../plan/types.js';
import type { L4, NftChain, NftRule, NftTable } from './text.js';

export type J = Record<string, unknown>;

const obj = (v: unknown, what: string): J => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`expected an object for ${what}: ${JSON.stringify(v)}`);
  return v as J;
};
const only = (o: J, keys: string[], what: string): void => {
  const extra = Object.keys(o).filter((k) => !keys.includes(k));
  if (extra.length) throw new Error(`${what}: unexpected ${extra.join(', ')}`);
};
const elements = (right: unknown): unknown[] => (right && typeof right === 'object' && 'set' in (right as J) ? ((right as J).set as unknown[]) : [right]);

function portRange(v: unknown): PortRange {
  if (typeof v === 'number') return { first: v, last: v };
  const r = obj(v, 'port').range as [number, number];
  if (!Array.isArray(r) || r.length !== 2) throw new Error(`bad port element ${JSON.stringify(v)}`);
  return { first: r[0], last: r[1] };
}

function address(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = obj(v, 'address');
  if (o.prefix) {
    const p = obj(o.prefix, 'prefix');
    return `${p.addr as string}/${p.len as number}`;
  }
  if (o.range) return (o.range as string[]).join('-');
  throw new Error(`bad address element ${JSON.stringify(v)}`);
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const CT_MARK = { ct: { key: 'mark' } };

function expr(out: NftRule, e: J): void {
  const put = <K extends keyof NftRule>(key: K, value: NftRule[K]): void => {
    if (out[key] !== undefined) throw new Error(`${key} given twice`);
    out[key] = value;
    out.order.push(key);
  };
  const [kind, body] = Object.entries(e)[0] ?? [];
  if (Object.keys(e).length !== 1) throw new Error(`bad expression ${JSON.stringify(e)}`);
  if (kind === 'match') {
    const m = obj(body, 'match');
    only(m, ['op', 'left', 'right'], 'match');
    const left = obj(m.left, 'left');
    const { op, right } = m;
    const meta = left.meta ? (obj(left.meta, 'meta').key as string) : undefined;
    const payload = left.payload ? obj(left.payload, 'payload') : undefined;
    const fib = left.fib ? obj(left.fib, 'fib') : undefined;
    if (meta === 'iifname' && op === '==' && typeof right === 'string') put('iifname', right);
    else if (meta === 'nfproto' && op === '==' && right === 'ipv4') put('nfproto', 'ipv4');
    else if (meta === 'l4proto' && op === '==' && sameJson(right, { set: ['tcp', 'udp'] })) put('l4proto', ['tcp', 'udp']);
    else if (payload && op === '==' && (payload.protocol === 'ip' || payload.protocol === 'ip6') && payload.field === 'saddr') {
      put('saddr', { family: payload.protocol === 'ip' ? 4 : 6, set: elements(right).map(address) });
    } else if (payload && op === '==' && (payload.protocol === 'ip' || payload.protocol === 'ip6') && payload.field === 'daddr' && typeof right === 'string') {
      put('daddr', { family: payload.protocol === 'ip' ? 4 : 6, addr: right });
    } else if (payload && op === '==' && ['tcp', 'udp', 'th'].includes(payload.protocol as string) && payload.field === 'dport') {
      put('dport', { l4: payload.protocol as L4, ports: elements(right).map(portRange) });
    } else if (fib && right === 'local' && fib.result === 'type' && op === '==' && sameJson(fib.flags, ['daddr'])) put('fibLocal', true);
    else if (fib && right === 'local' && fib.result === 'type' && op === '!=' && sameJson(fib.flags, ['daddr', 'iif'])) put('fibIifNotLocal', true);
    else if (sameJson(left, { ct: { key: 'status' } }) && op === 'in' && right === 'dnat') put('ctStatusDnat', true);
    else if (left['&'] && op === '==' && typeof right === 'number') {
      const [what, mask] = left['&'] as [unknown, number];
      if (!sameJson(what, CT_MARK)) throw new Error(`bad & match ${JSON.stringify(left)}`);
      put('ctMarkMatch', { mask, value: right });
    } else throw new Error(`match outside the subset: ${JSON.stringify(m)}`);
  } else if (kind === 'mangle') {
    const m = obj(body, 'mangle');
    const or = obj(m.value, 'mangle value')['|'] as [unknown, number] | undefined;
    if (!sameJson(m.key, CT_MARK) || !or || !sameJson(or[0], CT_MARK)) throw new Error(`mangle outside the subset: ${JSON.stringify(m)}`);
    put('ctMarkOr', or[1]);
  } else if (kind === 'dnat') {
    const d = obj(body, 'dnat');
    only(d, ['family', 'addr', 'port'], 'dnat');
    if (d.family !== 'ip') throw new Error('dnat without family ip');
    if (typeof d.addr === 'string') put('dnat', d.port === undefined ? { addr: d.addr } : { addr: d.addr, port: d.port as number });
    else {
      const map = obj(obj(d.addr, 'dnat addr').map, 'map');
      const key = obj(obj(map.key, 'map key').payload, 'map key payload');
      if (key.field !== 'dport' || d.port !== undefined) throw new Error(`dnat map outside the subset: ${JSON.stringify(d)}`);
      const entries = (obj(map.data, 'map data').set as [number, { concat: [string, number] }][]).map(([k, v]): [number, string, number] => {
        if (typeof k !== 'number' || !Array.isArray(v.concat) || v.concat.length !== 2) throw new Error(`bad map element ${JSON.stringify([k, v])}`);
        return [k, v.concat[0], v.concat[1]];
      });
      put('dnat', { l4: key.protocol as L4, map: entries });
    }
  } else if ((kind === 'masquerade' || kind === 'accept') && body === null) put(kind, true);
  else throw new Error(`statement outside the subset: ${JSON.stringify(e)}`);
}

/** A rule object of nft's JSON, strictly: its expressions must all be of the subset. */
export function ruleOfJson(o: J): NftRule {
  only(o, ['family', 'table', 'chain', 'handle', 'comment', 'expr'], 'rule');
  const rule: NftRule = { order: [] };
  for (const e of o.expr as J[]) expr(rule, obj(e, 'expr'));
  if (o.comment !== undefined) rule.comment = o.comment as string;
  return rule;
}

/** The one table of `nft -j list table inet NAME`. */
export function parseNftJson(text: string): NftTable {
  const items = (JSON.parse(text) as { nftables: J[] }).nftables;
  let table: NftTable | undefined;
  const byName = new Map<string, NftChain>();
  for (const item of items) {
    const [kind, body] = Object.entries(item)[0]!;
    const o = obj(body, kind);
    if (kind === 'metainfo') continue;
    if (kind === 'table') {
      if (table || o.family !== 'inet') throw new Error('expected one inet table');
      table = { family: 'inet', name: o.name as string, chains: [] };
    } else if (kind === 'chain' && o.name === 'interfaces') {
      // The one regular chain: a list of iif checks (see text.ts).
      only(o, ['family', 'table', 'name', 'handle'], 'chain');
      if (table!.interfaces) throw new Error('chain interfaces twice');
      table!.interfaces = [];
    } else if (kind === 'chain') {
      only(o, ['family', 'table', 'name', 'handle', 'type', 'hook', 'prio', 'policy'], 'chain');
      const c: NftChain = { name: o.name as string, type: o.type as NftChain['type'], hook: o.hook as NftChain['hook'], prio: o.prio as number, policy: o.policy as NftChain['policy'], rules: [] };
      table!.chains.push(c);
      byName.set(c.name, c);
    } else if (kind === 'rule' && o.chain === 'interfaces') {
      only(o, ['family', 'table', 'chain', 'handle', 'expr'], 'rule');
      const [match, ret, ...rest] = o.expr as J[];
      const m = obj(obj(match, 'expr').match, 'match');
      only(m, ['op', 'left', 'right'], 'match');
      if (rest.length || !sameJson(ret, { return: null }) || !sameJson(m.left, { meta: { key: 'iif' } }) || m.op !== '==' || typeof m.right !== 'string') {
        throw new Error(`rule outside the subset in chain interfaces: ${JSON.stringify(o.expr)}`);
      }
      if (table!.interfaces!.includes(m.right)) throw new Error(`iif "${m.right}" twice`);
      table!.interfaces!.push(m.right);
    } else if (kind === 'rule') {
      byName.get(o.chain as string)!.rules.push(ruleOfJson(o));
    } else throw new Error(`unexpected ${kind} in the listing`);
  }
  if (!table) throw new Error('no table in the listing');
  if (table.interfaces && !table.interfaces.length) throw new Error('chain interfaces without an iif rule');
  return table;
}

// The comparisons the pfSense and OPNsense lab tests make, as functions that return what is wrong
// (an empty list when all is well), so the self-checks can show each of them failing.

import { perPort6 } from './expected.js';
import { parseRule, pfMacros, type PfNames } from './pf-lines.js';
import type { OpnsenseResult, PfSenseResult, PhpValue } from './run-php.js';
import type { Product } from './upstream.js';

export type Result = PfSenseResult | OpnsenseResult;

/** The generated ruleset's lines that can hold port forwards (NAT) and pass rules (filter), in order. */
export interface Lines {
  nat: string[];
  filter: string[];
}

const nonBlank = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

export function linesOf(r: Result): Lines {
  // pfSense's ruleset has a heading per category with content; they come and go with the rules.
  const headings = new Set('headings' in r ? r.headings : []);
  return { nat: nonBlank(r.nat).filter((l) => !headings.has(l)), filter: Array.isArray(r.filter) ? r.filter.map((f) => f.pf) : nonBlank(r.filter) };
}

export function namesOf(r: Result): PfNames {
  const devices: Record<string, string> = {};
  const addresses: Record<string, string | null> = {};
  for (const [id, i] of Object.entries(r.ifaces)) {
    if (i.if) devices[id] = i.if;
    addresses[id] = i.ip;
  }
  return { devices, addresses, macros: 'aliases' in r ? pfMacros(r.aliases) : {} };
}

/**
 * Splits `run` into the lines of `base` and the others (`added`). `missing` lists the base lines
 * that are gone, or no longer in their order.
 */
export function splitLines(run: string[], base: string[]): { added: string[]; missing: string[] } {
  const left = new Map<string, number>();
  for (const l of base) left.set(l, (left.get(l) ?? 0) + 1);
  const added: string[] = [];
  const kept: string[] = [];
  for (const l of run) {
    const n = left.get(l) ?? 0;
    if (n > 0) {
      left.set(l, n - 1);
      kept.push(l);
    } else added.push(l);
  }
  const gone = [...left].flatMap(([l, n]) => Array<string>(n).fill(l));
  const stillThere = base.filter((l) => !gone.includes(l));
  const moved = kept.some((l, i) => l !== stillThere[i]) ? ['(the user\'s rules are no longer in their order)'] : [];
  return { added, missing: [...gone, ...moved] };
}

export interface Generated {
  rdr: string[];
  pass: string[];
  descrs: (string | undefined)[];
}

/** The tuples of lines that are all port forwards (nat) or pass rules (filter); throws on anything else. */
export function tuplesOf(lines: Lines, names: PfNames): Generated {
  const out: Generated = { rdr: [], pass: [], descrs: [] };
  for (const [section, kind] of [['nat', 'rdr'], ['filter', 'pass']] as const) {
    for (const line of lines[section]) {
      const rule = parseRule(line, names);
      if (!rule) continue;
      if (rule.kind !== kind) throw new Error(`a ${rule.kind} rule among the ${section} rules: ${line}`);
      out[kind].push(...rule.tuples);
      out.descrs.push(rule.descr);
    }
  }
  return out;
}

/** Tuples that are missing or extra (multisets: a duplicate rule counts). */
export function tupleDiff(got: string[], want: string[]): string[] {
  const count = new Map<string, number>();
  for (const t of want) count.set(t, (count.get(t) ?? 0) + 1);
  const extra: string[] = [];
  for (const t of got) {
    const n = count.get(t) ?? 0;
    if (n > 0) count.set(t, n - 1);
    else extra.push(t);
  }
  const missing = [...count].flatMap(([t, n]) => Array<string>(n).fill(t));
  return [...missing.map((t) => `missing: ${t}`), ...extra.map((t) => `unexpected: ${t}`)];
}

/** Problems of the generated rules against the expected ones (IPv6 pass rules compared port by port). */
export function ruleProblems(got: Generated, want: { rdr: string[]; pass: string[] }): string[] {
  return [...tupleDiff(got.rdr, want.rdr), ...tupleDiff(perPort6(got.pass), want.pass)];
}

/** Descriptions of generated rules that do not carry the profile's tag (pfSense rdr rules have none). */
export function untagged(got: Generated, product: Product, profile: string): string[] {
  const tags = product === 'pfsense' ? [`NAT synfw:${profile} `, `synfw:${profile} ipv6 `] : [`synfw:${profile} `];
  return got.descrs.filter((d) => d !== undefined && !tags.some((t) => d.startsWith(t))).map((d) => `untagged rule: ${d}`);
}

type Obj = { [key: string]: PhpValue };
const isObj = (v: PhpValue | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const descrOf = (rule: PhpValue): string => (isObj(rule) && typeof rule.descr === 'string' ? rule.descr : '');

/** Whether a config rule is one of the profile's (its description carries the tag, or "NAT " + tag). */
export const isProfileRule = (rule: PhpValue, profile: string): boolean => {
  const d = descrOf(rule);
  return [`synfw:${profile}`, `NAT synfw:${profile}`].some((t) => d === t || d.startsWith(`${t} `));
};

const rulesAt = (config: PhpValue, section: 'nat' | 'filter'): PhpValue[] => {
  const s = isObj(config) ? config[section] : undefined;
  return isObj(s) && Array.isArray(s.rule) ? s.rule : [];
};

/**
 * An element that holds nothing, whether it was read as whitespace text or as an emptied list of
 * rules, as one value: the product sees an empty section either way.
 */
export function normalizeEmpty(v: PhpValue): PhpValue {
  if (typeof v === 'string') return v.trim() === '' ? '' : v;
  if (Array.isArray(v)) return v.length ? v.map(normalizeEmpty) : '';
  if (isObj(v)) {
    const keys = Object.keys(v);
    return keys.length ? Object.fromEntries(keys.map((k) => [k, normalizeEmpty(v[k]!)])) : '';
  }
  return v;
}

/** The configuration without the profile's rules (in <nat> and <filter>), empty elements normalised: what must equal the user's. */
export function withoutProfile(config: PhpValue, profile: string): PhpValue {
  const copy = structuredClone(config) as Obj;
  for (const section of ['nat', 'filter'] as const) {
    const s = copy[section];
    if (!isObj(s) || !Array.isArray(s.rule)) continue;
    const kept = s.rule.filter((r) => !isProfileRule(r, profile));
    if (kept.length) s.rule = kept;
    else delete s.rule;
  }
  return normalizeEmpty(copy);
}

/** The <nat> and <filter> rules that are not the profile's (after an area import: none may be left). */
export function foreignRules(config: PhpValue, profile: string): string[] {
  return (['nat', 'filter'] as const).flatMap((s) => rulesAt(config, s).filter((r) => !isProfileRule(r, profile)).map((r) => `${s}: ${descrOf(r) || JSON.stringify(r)}`));
}

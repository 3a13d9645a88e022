// A router's nftables state as flows, from `nft list ruleset` or `nft -j list ruleset`. A synfw
// table (inet synfw_*) is read whole and strictly (text.ts, json.ts, rules.ts): one rule outside
// its shapes and the table is skipped, not half read. In any other table (fw4's, the user's own)
// a DNAT rule in a nat prerouting chain and an IPv6 accept in a filter forward chain are read when
// they have exactly one of synfw's shapes; every other DNAT or accept rule there is listed as
// skipped; rules that neither DNAT nor accept are not forwards and are not read.

import { canonicalAddress, canonicalSource, sourceCover, taggedProfile, uniqueFlows, type ReadFlow, type RouterState, type Skipped } from '../flow.js';
import { parseNftJson, ruleOfJson, type J } from './json.js';
import { acceptedPorts, dnatTuples, fits, recover, SHAPES } from './rules.js';
import { parseNftList, parseNftRule, type NftRule, type NftTable } from './text.js';

/** The sources of a saddr set as CIDRs (nft prints merged ranges as a-b): any without a set. */
const sourcesOf = (set: string[] | undefined): string[] => (set ? set.flatMap((e) => sourceCover([e])) : ['any']);

/** What one rule of a nat prerouting or filter forward chain lets in, or null when it is none of synfw's flow shapes. */
function ruleFlows(rule: NftRule, chain: { type: string; hook: string }, at: string): ReadFlow[] | null {
  const profile = taggedProfile(rule.comment);
  const is = (shape: keyof typeof SHAPES): boolean => fits(rule.order, SHAPES[shape]);
  if (chain.type === 'nat' && chain.hook === 'prerouting') {
    const via = is('hairpinDnat') ? 'hairpin' : is('wanDnat') && (!rule.saddr || rule.saddr.family === 4) ? 'wan' : null;
    if (!via) return null;
    const sources = via === 'hairpin' ? ['any'] : sourcesOf(rule.saddr?.set);
    return dnatTuples(rule).flatMap((t) =>
      sources.map((source): ReadFlow => ({ family: 4, proto: t.proto, wan: t.wanPort, nas: canonicalAddress(t.nasAddr), port: t.nasPort, source, via, profile, at })),
    );
  }
  if (chain.type === 'filter' && chain.hook === 'forward' && is('accept6') && rule.daddr?.family === 6 && (!rule.saddr || rule.saddr.family === 6)) {
    const sources = sourcesOf(rule.saddr?.set);
    return acceptedPorts(rule).flatMap((a) =>
      sources.map((source): ReadFlow => ({ family: 6, proto: a.proto, wan: null, nas: canonicalAddress(a.addr), port: a.port, source: canonicalSource(source), via: 'wan', profile, at })),
    );
  }
  return null;
}

/** Every flow of a synfw table (strict: throws on a rule outside the shapes). */
export function tableFlows(table: NftTable): ReadFlow[] {
  recover(table);
  return uniqueFlows(
    table.chains.flatMap((chain) => chain.rules.flatMap((rule, i) => ruleFlows(rule, chain, `table inet ${table.name} chain ${chain.name} rule ${i + 1}`) ?? [])),
  );
}

const isSynfwTable = (family: string, name: string): boolean => family === 'inet' && /^synfw_[a-z0-9_]+$/.test(name);
/** A rule another table has that synfw's readers must either understand or name. */
const forwardLike = (text: string): boolean => /\bdnat\b/.test(text) || (/\baccept\b/.test(text) && /\bip6 daddr\b/.test(text));

/** The top-level `table FAMILY NAME { ... }` blocks of `nft list ruleset`, braces matched outside strings. */
function tableBlocks(text: string): { family: string; name: string; text: string; line: number }[] {
  const out: { family: string; name: string; text: string; line: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    // Blank space, and the comments nft prints between tables ("# Warning: table ip nat is managed by iptables-nft").
    const blank = /^(\s+|#[^\n]*)/.exec(rest);
    if (blank) {
      i += blank[0].length;
      continue;
    }
    const head = /^table (\S+) (\S+) \{/.exec(rest);
    if (!head) throw new Error(`line ${text.slice(0, i).split('\n').length}: expected a table block`);
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '"') j = text.indexOf('"', j + 1);
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
      if (j < 0) throw new Error('unterminated string');
    }
    if (depth !== 0 || j >= text.length) throw new Error(`table ${head[1]} ${head[2]} is not closed`);
    out.push({ family: head[1]!, name: head[2]!, text: `${text.slice(i, j + 1)}\n`, line: text.slice(0, i).split('\n').length });
    i = j + 1;
  }
  return out;
}

/** A router's `nft list ruleset`, as far as the rules are forwards and IPv6 accepts. */
export function readNftRuleset(text: string): RouterState {
  const flows: ReadFlow[] = [];
  const skipped: Skipped[] = [];
  for (const block of tableBlocks(text)) {
    const where = `table ${block.family} ${block.name}`;
    if (isSynfwTable(block.family, block.name)) {
      try {
        flows.push(...tableFlows(parseNftList(block.text)));
      } catch (e) {
        skipped.push({ at: where, text: block.text.split('\n')[0]!, why: (e as Error).message });
      }
      continue;
    }
    let chain: { name: string; type: string; hook: string } | null = null;
    block.text.split('\n').forEach((raw, k) => {
      const line = raw.trim();
      const at = `line ${block.line + k}`;
      const c = /^chain (\S+) \{$/.exec(line);
      if (c) chain = { name: c[1]!, type: '', hook: '' };
      const base = /^type (\S+) hook (\S+) /.exec(line);
      if (chain && base) Object.assign(chain, { type: base[1]!, hook: base[2]! });
      if (!chain || c || base || !forwardLike(line)) return;
      try {
        // A counter counts; it changes nothing about what the rule lets in.
        // In an ip table nft prints `dnat to ADDR`; the rule shapes are written as in an inet table (`dnat ip to`).
        const own = line.replace(/ counter( packets \d+ bytes \d+)?(?= |$)/, '').replace(block.family === 'ip' ? / dnat to / : /^$/, ' dnat ip to ');
        const read = ruleFlows(parseNftRule(own), chain, `${where} chain ${(chain as { name: string }).name} ${at}`);
        if (!read) throw new Error('not one of the rule shapes synfw reads');
        flows.push(...read);
      } catch (e) {
        skipped.push({ at: `${where} ${at}`, text: line, why: (e as Error).message });
      }
    });
  }
  return { flows: uniqueFlows(flows), skipped };
}

/** A router's `nft -j list ruleset`, read as readNftRuleset reads the text. */
export function readNftJsonRuleset(text: string): RouterState {
  const items = (JSON.parse(text) as { nftables: J[] }).nftables;
  const flows: ReadFlow[] = [];
  const skipped: Skipped[] = [];
  const tableOf = (o: J): string => `${String(o.family)} ${String(o.table ?? o.name)}`;
  const synfw = new Map<string, J[]>();
  const chains = new Map<string, { type: string; hook: string }>();
  for (const item of items) {
    const [kind, body] = Object.entries(item)[0] ?? [];
    const o = (body ?? {}) as J;
    if (kind === 'metainfo') continue;
    const table = tableOf(o);
    if (isSynfwTable(String(o.family), String(o.table ?? o.name))) {
      synfw.set(table, [...(synfw.get(table) ?? []), item]);
      continue;
    }
    if (kind === 'chain') chains.set(`${table} ${String(o.name)}`, { type: String(o.type ?? ''), hook: String(o.hook ?? '') });
    if (kind !== 'rule') continue;
    const at = `table ${table} chain ${String(o.chain)} handle ${String(o.handle)}`;
    const statements = JSON.stringify(o.expr ?? []);
    // iptables-nft's rules: nft -j shows their DNAT as an xt target, without its destination.
    if (/"xt":\{"type":"target","name":"DNAT"\}/.test(statements)) {
      skipped.push({ at, text: statements, why: 'an iptables-nft DNAT: nft -j does not show where it goes; read this table with iptables-save or nft list ruleset' });
      continue;
    }
    if (!/"dnat"|"accept"/.test(statements)) continue;
    try {
      // Counters change nothing; an ip table's dnat has no family (an inet table's says ip).
      const expr = (o.expr as J[] | undefined)
        ?.filter((e) => !('counter' in e))
        .map((e) => (o.family === 'ip' && e.dnat && typeof e.dnat === 'object' && !('family' in (e.dnat as J)) ? { dnat: { family: 'ip', ...(e.dnat as J) } } : e));
      const read = ruleFlows(ruleOfJson({ ...o, expr }), chains.get(`${table} ${String(o.chain)}`) ?? { type: '', hook: '' }, at);
      if (!read) throw new Error('not one of the rule shapes synfw reads');
      flows.push(...read);
    } catch (e) {
      // An accept that is no IPv6 accept of a NAS port is not a forward: only a DNAT or such an accept is named.
      if (/"dnat"/.test(statements) || /"ip6"/.test(statements)) skipped.push({ at, text: statements, why: (e as Error).message });
    }
  }
  for (const [table, own] of synfw) {
    try {
      flows.push(...tableFlows(parseNftJson(JSON.stringify({ nftables: own }))));
    } catch (e) {
      skipped.push({ at: `table ${table}`, text: `${own.length} items`, why: (e as Error).message });
    }
  }
  return { flows: uniqueFlows(flows), skipped };
}

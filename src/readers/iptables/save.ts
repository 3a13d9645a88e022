// iptables-restore input and iptables-save / ip6tables-save output: the tokeniser of
// iptables/xshared.c (add_param_to_argv: double quotes, backslash escapes inside them), *table /
// :chain / -A / COMMIT, each rule interpreted strictly (rules.ts).

import type { Skipped } from '../flow.js';
import { BUILTIN, emptyRuleset, parseSpec, type Family, type Rule, type Ruleset, type Table } from './rules.js';

// ---- iptables-restore / iptables-save ---------------------------------------------------------

/** iptables-restore's tokeniser, refusing the odd forms it would accept (quotes inside words). */
export function restoreWords(line: string): string[] {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(line)) throw new Error('control character in a rule line');
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    let word = '';
    if (line[i] === '"') {
      for (i++; ; ) {
        const c = line[i];
        if (c === undefined) throw new Error(`unterminated double quote in: ${line}`);
        if (c === '"') break;
        if (c === '\\') {
          const e = line[i + 1];
          if (e !== '"' && e !== '\\' && e !== "'") throw new Error(`unexpected escape \\${e ?? ''} in: ${line}`);
          word += e;
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      i++;
      if (i < line.length && line[i] !== ' ') throw new Error(`text right after a closing quote in: ${line}`);
    } else {
      while (i < line.length && line[i] !== ' ') {
        if (line[i] === '"' || line[i] === '\\') throw new Error(`quote or backslash inside a bare word in: ${line}`);
        word += line[i++];
      }
    }
    out.push(word);
  }
  return out;
}

/** Where a rule was read: the place a person finds it by. */
export interface RulePlace {
  /** Its line in the text read (1-based). */
  line: number;
  /** Its number in its chain as `iptables -L CHAIN --line-numbers` counts it: every -A line of the chain, understood or not. */
  position: number;
}

export interface RestoreFile {
  /** Text of the # lines before the first table. */
  header: string[];
  rules: Ruleset;
  /** Each rule's place in the text (kept outside the Rule, whose shape the oracle compares). */
  places: WeakMap<Rule, RulePlace>;
  /** User chains declared with ":NAME - [0:0]", per table, in order. */
  declared: Record<Table, string[]>;
  /** Lines not read (only when reading leniently): other tables, rules outside the known subset. */
  skipped: Skipped[];
}

export interface RestoreOptions {
  /** 6: ip6tables-save output, its filter table read into filter6. */
  family?: Family;
  /**
   * Read a router's whole iptables-save output: tables other than nat and filter, and rules or
   * chain lines outside the subset, are listed in `skipped` instead of stopping the reading.
   */
  lenient?: boolean;
}

/**
 * Reads iptables-restore input or iptables-save output (nat and filter tables only), or with
 * family 6 ip6tables-save output (filter only, read into the filter6 table). Strict unless
 * `lenient`: then only what cannot be a valid file at all (a table without COMMIT) stops it.
 */
export function parseRestore(text: string, options: Family | RestoreOptions = 4): RestoreFile {
  const { family = 4, lenient = false } = typeof options === 'number' ? { family: options } : options;
  const rules = emptyRuleset();
  const declared: Record<Table, string[]> = { nat: [], filter: [], filter6: [] };
  const header: string[] = [];
  const skipped: Skipped[] = [];
  const places = new WeakMap<Rule, RulePlace>();
  /** -A lines per chain of the current table, understood or not. */
  let appended = new Map<string, number>();
  let table: Table | undefined;
  /** A table the lenient reader passes over, by name. */
  let other: string | undefined;
  const done = new Set<string>();
  for (const [k, line] of text.split('\n').entries()) {
    const where = `line ${k + 1}`;
    const problem = (why: string): void => {
      if (!lenient) throw new Error(`${where}: ${why}`);
      skipped.push({ at: where, text: line, why });
    };
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (!table && !other && !done.size) header.push(line.replace(/^# ?/, ''));
      continue;
    }
    if (line.startsWith('*')) {
      if (table || other) throw new Error(`${where}: table without COMMIT before it`);
      const name = line.slice(1);
      const t: Table | undefined = family === 6 ? (name === 'filter' ? 'filter6' : undefined) : name === 'nat' || name === 'filter' ? name : undefined;
      if (done.has(name) || (!t && !lenient)) throw new Error(`${where}: unexpected table ${name}`);
      appended = new Map();
      if (t) table = t;
      else {
        other = name;
        skipped.push({ at: where, text: line, why: `the ${name} table is not read (no forwards or accepts are there)` });
      }
      continue;
    }
    if (!table && !other) throw new Error(`${where}: outside a table: ${line}`);
    if (line === 'COMMIT') {
      done.add(other ?? (table === 'filter6' ? 'filter' : table!));
      table = other = undefined;
      continue;
    }
    if (!table) continue;
    const chainDecl = /^:(\S+) (ACCEPT|DROP|-) \[\d+:\d+\]$/.exec(line);
    if (chainDecl) {
      const [, name, policy] = chainDecl as unknown as [string, string, string];
      const builtin = BUILTIN[table].includes(name);
      if (builtin !== (policy !== '-')) problem(`bad policy for ${name}`);
      else if (!builtin && name.length > 28) problem('chain name longer than 28 characters');
      else if (!builtin) {
        rules[table].set(name, []);
        declared[table].push(name);
      }
      continue;
    }
    const appendTo = /^-A (\S+)/.exec(line)?.[1];
    const position = appendTo === undefined ? 0 : (appended.get(appendTo) ?? 0) + 1;
    if (appendTo !== undefined) appended.set(appendTo, position);
    try {
      const words = restoreWords(line);
      if (words[0] !== '-A' || !words[1]) throw new Error(`unexpected ${line}`);
      const chain = rules[table].get(words[1]);
      if (!chain) throw new Error(`chain ${words[1]} not declared`);
      const rule = parseSpec(words.slice(2), { family });
      chain.push(rule);
      places.set(rule, { line: k + 1, position });
    } catch (e) {
      problem((e as Error).message);
    }
  }
  if (table || other) throw new Error(`table ${table ?? other} without COMMIT`);
  return { header, rules, places, declared, skipped };
}

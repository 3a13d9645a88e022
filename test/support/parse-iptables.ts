// A strict reader for the iptables target's two output forms, written from the tools' own rules
// rather than from the templates:
// - the sh script: POSIX shell words (single quotes, '\'' escapes; any $, backtick, double quote,
//   glob or other metacharacter in a command line is an error), a fixed set of structural lines,
//   and iptables commands that are run against a small in-memory ruleset (set -e semantics);
// - iptables-restore input (and iptables-save output): the tokeniser of iptables/xshared.c
//   (add_param_to_argv: double quotes, backslash escapes inside them), *table / :chain / -A / COMMIT.
// Rule options are interpreted strictly: anything the target does not emit is an error.

import type { PortRange, Proto } from '../../src/plan/types.js';

export interface DnatTo {
  addr: string;
  ports?: { first: number; last: number; base?: number };
}

export interface Rule {
  /** The rule's words after the chain name, unquoted: what the kernel sees. */
  spec: string[];
  in?: string;
  out?: string;
  src?: string;
  dst?: string;
  proto?: Proto;
  dports?: PortRange[];
  sports?: PortRange[];
  ctstate?: string;
  ctdir?: 'ORIGINAL' | 'REPLY';
  comment?: string;
  jump: string;
  to?: DnatTo;
}

export type Table = 'nat' | 'filter';
/** table -> chain -> rules, chains in creation order. */
export type Ruleset = Record<Table, Map<string, Rule[]>>;

const BUILTIN: Record<Table, string[]> = { nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], filter: ['INPUT', 'FORWARD', 'OUTPUT'] };

export function emptyRuleset(): Ruleset {
  return {
    nat: new Map(BUILTIN.nat.map((c) => [c, []])),
    filter: new Map(BUILTIN.filter.map((c) => [c, []])),
  };
}

export function cloneRuleset(r: Ruleset): Ruleset {
  return { nat: new Map([...r.nat].map(([k, v]) => [k, [...v]])), filter: new Map([...r.filter].map(([k, v]) => [k, [...v]])) };
}

/** A canonical text of a ruleset, for equality checks. */
export function dumpRuleset(r: Ruleset): string {
  return (['nat', 'filter'] as const)
    .map((t) => [...r[t]].map(([c, rules]) => `${t} ${c}\n${rules.map((x) => `  ${JSON.stringify(x.spec)}`).join('\n')}`).join('\n'))
    .join('\n');
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

function address32(s: string): string {
  const m = /^(.*)\/32$/.exec(s);
  if (!m || !ADDR.test(m[1]!)) throw new Error(`bad address ${s} (want a.b.c.d/32)`);
  return m[1]!;
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

/** Interprets a rule specification (the words after the chain name). */
export function parseSpec(spec: string[]): Rule {
  const r: Partial<Rule> & { spec: string[] } = { spec };
  const seen = new Set<string>();
  let i = 0;
  const next = (what: string): string => {
    const v = spec[i++];
    if (v === undefined) throw new Error(`${what} needs a value`);
    return v;
  };
  const once = (key: string): void => {
    if (seen.has(key)) throw new Error(`${key} given twice`);
    seen.add(key);
  };
  while (i < spec.length) {
    const opt = spec[i++]!;
    once(opt === '-m' ? `-m ${spec[i]}` : opt);
    switch (opt) {
      case '-i':
      case '-o': {
        const v = next(opt);
        if (!IFNAME.test(v)) throw new Error(`bad interface ${v}`);
        if (opt === '-i') r.in = v;
        else r.out = v;
        break;
      }
      case '-s':
        r.src = address32(next(opt));
        break;
      case '-d':
        r.dst = address32(next(opt));
        break;
      case '-p': {
        const v = next(opt);
        if (v !== 'tcp' && v !== 'udp') throw new Error(`bad protocol ${v}`);
        r.proto = v;
        break;
      }
      case '-m': {
        const mod = next(opt);
        if (mod === 'tcp' || mod === 'udp') {
          if (r.proto !== mod) throw new Error(`-m ${mod} without -p ${mod} before it`);
          const o = next(mod);
          if (o === '--dport') r.dports = [portEntry(next(o))];
          else if (o === '--sport') r.sports = [portEntry(next(o))];
          else throw new Error(`unexpected ${o} after -m ${mod}`);
        } else if (mod === 'multiport') {
          if (!r.proto) throw new Error('-m multiport without -p');
          const o = next(mod);
          if (o === '--dports') r.dports = portList(next(o));
          else if (o === '--sports') r.sports = portList(next(o));
          else throw new Error(`unexpected ${o} after -m multiport`);
        } else if (mod === 'conntrack') {
          if (next(mod) !== '--ctstate') throw new Error('-m conntrack without --ctstate');
          r.ctstate = next('--ctstate');
          if (r.ctstate !== 'DNAT') throw new Error(`unexpected --ctstate ${r.ctstate}`);
          if (next(mod) !== '--ctdir') throw new Error('-m conntrack without --ctdir');
          const dir = next('--ctdir');
          if (dir !== 'ORIGINAL' && dir !== 'REPLY') throw new Error(`bad --ctdir ${dir}`);
          r.ctdir = dir;
        } else if (mod === 'comment') {
          if (next(mod) !== '--comment') throw new Error('-m comment without --comment');
          r.comment = next('--comment');
        } else throw new Error(`unexpected match -m ${mod}`);
        break;
      }
      case '-j': {
        r.jump = next(opt);
        if (r.jump === 'DNAT') {
          if (next('DNAT') !== '--to-destination') throw new Error('DNAT without --to-destination');
          r.to = dnatTo(next('--to-destination'));
        }
        if (i !== spec.length) throw new Error(`words after the target: ${spec.slice(i).join(' ')}`);
        break;
      }
      default:
        throw new Error(`unexpected option ${opt}`);
    }
  }
  if (!r.jump) throw new Error(`rule without -j: ${spec.join(' ')}`);
  return r as Rule;
}

// ---- shell script -----------------------------------------------------------------------------

type Token = { op: string } | { word: string };
const WORD_CHAR = /[A-Za-z0-9_./:,+=@%-]/;
const REDIRECTS = ['2>/dev/null', '>/dev/null', '2>&1'];

/** Splits a command line into shell words and the few operators the script uses. */
export function shWords(line: string): Token[] {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(line)) throw new Error('control character in a command line');
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    const redirect = REDIRECTS.find((r) => line.startsWith(r, i) && (i + r.length === line.length || ' ;'.includes(line[i + r.length]!)));
    if (redirect) {
      out.push({ op: redirect });
      i += redirect.length;
      continue;
    }
    if (line.startsWith('||', i)) {
      out.push({ op: '||' });
      i += 2;
      continue;
    }
    if (line[i] === ';') {
      out.push({ op: ';' });
      i++;
      continue;
    }
    let word = '';
    while (i < line.length && line[i] !== ' ' && line[i] !== ';') {
      const c = line[i]!;
      if (c === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new Error('unterminated single quote');
        word += line.slice(i + 1, end);
        i = end + 1;
      } else if (c === '\\' && line[i + 1] === "'") {
        word += "'";
        i += 2;
      } else if (WORD_CHAR.test(c)) {
        word += c;
        i++;
      } else throw new Error(`unexpected ${JSON.stringify(c)} outside quotes in: ${line}`);
    }
    out.push({ word });
  }
  return out;
}

export type Op =
  | { kind: 'run'; argv: string[] }
  | { kind: 'or'; first: string[]; second: string[] }
  | { kind: 'while'; argv: string[] }
  | { kind: 'if'; cond: string[]; body: Op[] };

export interface ShScript {
  header: string[];
  /** What `sh FILE` runs (after the argument check). */
  apply: Op[];
  /** What `sh FILE remove` runs. */
  remove: Op[];
}

const isWord = (t: Token | undefined): t is { word: string } => t !== undefined && 'word' in t;
const opIs = (t: Token | undefined, op: string): boolean => t !== undefined && 'op' in t && t.op === op;

/** Leading words up to the first operator; every one must be a plain word. */
function command(tokens: Token[], from: number): [string[], number] {
  const argv: string[] = [];
  let i = from;
  while (isWord(tokens[i])) argv.push((tokens[i++] as { word: string }).word);
  if (argv[0] !== 'iptables') throw new Error(`unexpected command ${JSON.stringify(argv[0])}`);
  return [argv, i];
}

function expectEnd(tokens: Token[], i: number, ...ops: string[]): void {
  const rest = tokens.slice(i);
  if (rest.length !== ops.length || !rest.every((t, k) => opIs(t, ops[k]!) || (isWord(t) && t.word === ops[k]))) {
    throw new Error(`unexpected ending ${JSON.stringify(rest)}`);
  }
}

/** One command line: `CMD`, `CMD 2>/dev/null || CMD`, `CMD >/dev/null 2>&1 || CMD`, or `while`. */
function commandLine(line: string): Op {
  const tokens = shWords(line);
  if (isWord(tokens[0]) && tokens[0].word === 'while') {
    const [argv, i] = command(tokens, 1);
    expectEnd(tokens, i, '2>/dev/null', ';', 'do', ':', ';', 'done');
    return { kind: 'while', argv };
  }
  const [first, i] = command(tokens, 0);
  if (i === tokens.length) return { kind: 'run', argv: first };
  let j = i;
  if (opIs(tokens[j], '2>/dev/null')) j++;
  else if (opIs(tokens[j], '>/dev/null') && opIs(tokens[j + 1], '2>&1')) j += 2;
  if (!opIs(tokens[j], '||')) throw new Error(`unexpected operator in: ${line}`);
  const [second, k] = command(tokens, j + 1);
  if (k !== tokens.length) throw new Error(`unexpected text after the second command: ${line}`);
  return { kind: 'or', first, second };
}

const STRUCTURE = {
  set: 'set -eu',
  caseHead: 'case "$#:${1-}" in',
  noArgs: '  0:) ;;',
  removeHead: '  1:remove)',
  exit0: '    exit 0',
  endBranch: '    ;;',
  other: '  *)',
  usage: '    echo "usage: sh $0 [remove]" >&2',
  exit2: '    exit 2',
  esac: 'esac',
};

/** Reads the sh script; throws on anything it does not recognise. */
export function parseShScript(text: string): ShScript {
  if (!text.endsWith('\n')) throw new Error('script does not end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== '#!/bin/sh') throw new Error('first line is not #!/bin/sh');
  const header: string[] = [];
  let n = 1;
  for (; n < lines.length && lines[n]!.startsWith('#'); n++) {
    const m = /^# ?(.*)$/.exec(lines[n]!);
    header.push(m![1]!);
  }
  const expect = (want: string): void => {
    if (lines[n] !== want) throw new Error(`line ${n + 1}: expected ${JSON.stringify(want)}, got ${JSON.stringify(lines[n])}`);
    n++;
  };
  for (const s of [STRUCTURE.set, '', STRUCTURE.caseHead, STRUCTURE.noArgs, STRUCTURE.removeHead]) expect(s);
  const remove: Op[] = [];
  while (lines[n] !== STRUCTURE.exit0) {
    const line = lines[n++];
    if (line === undefined) throw new Error('remove branch does not end');
    const ifm = /^ {4}if (.*) >\/dev\/null 2>&1; then$/.exec(line);
    if (ifm) {
      const [cond, end] = command(shWords(ifm[1]!), 0);
      if (end !== shWords(ifm[1]!).length) throw new Error(`bad if condition: ${line}`);
      const body: Op[] = [];
      while (lines[n] !== '    fi') {
        const inner = lines[n++];
        if (inner === undefined || !inner.startsWith('      ')) throw new Error(`bad if body line ${n}: ${JSON.stringify(inner)}`);
        const op = commandLine(inner.slice(6));
        if (op.kind !== 'run') throw new Error(`only plain commands inside if: ${inner}`);
        body.push(op);
      }
      n++;
      remove.push({ kind: 'if', cond, body });
    } else if (line.startsWith('    while ')) remove.push(commandLine(line.slice(4)));
    else throw new Error(`line ${n}: unexpected ${JSON.stringify(line)} in the remove branch`);
  }
  for (const s of [STRUCTURE.exit0, STRUCTURE.endBranch, STRUCTURE.other, STRUCTURE.usage, STRUCTURE.exit2, STRUCTURE.endBranch, STRUCTURE.esac]) expect(s);
  const apply: Op[] = [];
  for (; n < lines.length; n++) {
    const line = lines[n]!;
    if (line === '') continue;
    if (line.startsWith('#') || line.startsWith(' ')) throw new Error(`line ${n + 1}: unexpected ${JSON.stringify(line)}`);
    const op = commandLine(line);
    if (op.kind === 'while') throw new Error(`line ${n + 1}: while outside the remove branch`);
    apply.push(op);
  }
  return { header, apply, remove };
}

// ---- running the script's iptables commands against a ruleset -----------------------------------

class CommandFailed extends Error {}

/** Runs one `iptables -w -t TABLE CMD CHAIN [spec]`; throws CommandFailed where iptables exits non-zero. */
function iptables(rs: Ruleset, argv: string[]): void {
  const [prog, w, t, table, cmd, chain, ...spec] = argv;
  if (prog !== 'iptables' || w !== '-w' || t !== '-t' || (table !== 'nat' && table !== 'filter')) throw new Error(`unexpected command ${argv.join(' ')}`);
  if (!chain) throw new Error(`no chain in ${argv.join(' ')}`);
  if (chain.length > 28) throw new Error(`chain name ${chain} longer than 28 characters`);
  const chains = rs[table];
  const rules = chains.get(chain);
  const noSpec = (): void => {
    if (spec.length) throw new Error(`${cmd} takes no rule: ${argv.join(' ')}`);
  };
  switch (cmd) {
    case '-S':
      noSpec();
      if (!rules) throw new CommandFailed();
      return;
    case '-N':
      noSpec();
      if (rules || BUILTIN[table].includes(chain)) throw new CommandFailed(`chain ${chain} exists`);
      chains.set(chain, []);
      return;
    case '-F':
      noSpec();
      if (!rules) throw new CommandFailed(`no chain ${chain}`);
      rules.length = 0;
      return;
    case '-X': {
      noSpec();
      if (!rules || BUILTIN[table].includes(chain)) throw new CommandFailed(`no user chain ${chain}`);
      const referenced = [...chains.values()].some((rr) => rr.some((r) => r.jump === chain));
      if (rules.length || referenced) throw new CommandFailed(`chain ${chain} not empty or still referenced`);
      chains.delete(chain);
      return;
    }
    case '-A':
    case '-I':
    case '-C':
    case '-D': {
      const rule = parseSpec(spec);
      if (!rules) throw new CommandFailed(`no chain ${chain}`);
      const known = ['ACCEPT', ...(table === 'nat' ? ['DNAT'] : [])];
      if (!known.includes(rule.jump) && !chains.has(rule.jump)) throw new CommandFailed(`no target ${rule.jump}`);
      const at = rules.findIndex((r) => r.spec.join('\0') === spec.join('\0'));
      if (cmd === '-A') rules.push(rule);
      else if (cmd === '-I') rules.unshift(rule);
      else if (at < 0) throw new CommandFailed('no such rule');
      else if (cmd === '-D') rules.splice(at, 1);
      return;
    }
    default:
      throw new Error(`unexpected iptables command ${cmd}`);
  }
}

function succeeds(rs: Ruleset, argv: string[]): boolean {
  try {
    iptables(rs, argv);
    return true;
  } catch (e) {
    if (e instanceof CommandFailed) return false;
    throw e;
  }
}

/** Runs ops the way `sh` with `set -e` would, on a copy of `start`. A failing command throws. */
export function runOps(ops: Op[], start: Ruleset = emptyRuleset()): Ruleset {
  const rs = cloneRuleset(start);
  const run = (list: Op[]): void => {
    for (const op of list) {
      if (op.kind === 'run') iptables(rs, op.argv);
      else if (op.kind === 'or') {
        if (!succeeds(rs, op.first)) iptables(rs, op.second);
      } else if (op.kind === 'while') {
        for (let guard = 0; succeeds(rs, op.argv); guard++) if (guard > 1000) throw new Error('while loop does not end');
      } else if (succeeds(rs, op.cond)) run(op.body);
    }
  };
  run(ops);
  return rs;
}

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

export interface RestoreFile {
  /** Text of the # lines before the first table. */
  header: string[];
  rules: Ruleset;
  /** User chains declared with ":NAME - [0:0]", per table, in order. */
  declared: Record<Table, string[]>;
}

/** Reads iptables-restore input or iptables-save output (nat and filter tables only). */
export function parseRestore(text: string): RestoreFile {
  const rules = emptyRuleset();
  const declared: Record<Table, string[]> = { nat: [], filter: [] };
  const header: string[] = [];
  let table: Table | undefined;
  const done = new Set<Table>();
  for (const [k, line] of text.split('\n').entries()) {
    const where = `line ${k + 1}`;
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (!table && !done.size) header.push(line.replace(/^# ?/, ''));
      continue;
    }
    if (line.startsWith('*')) {
      if (table) throw new Error(`${where}: table without COMMIT before it`);
      const t = line.slice(1);
      if ((t !== 'nat' && t !== 'filter') || done.has(t)) throw new Error(`${where}: unexpected table ${t}`);
      table = t;
      continue;
    }
    if (!table) throw new Error(`${where}: outside a table: ${line}`);
    if (line === 'COMMIT') {
      done.add(table);
      table = undefined;
      continue;
    }
    const chainDecl = /^:(\S+) (ACCEPT|DROP|-) \[\d+:\d+\]$/.exec(line);
    if (chainDecl) {
      const [, name, policy] = chainDecl as unknown as [string, string, string];
      const builtin = BUILTIN[table].includes(name);
      if (builtin !== (policy !== '-')) throw new Error(`${where}: bad policy for ${name}`);
      if (!builtin) {
        if (name.length > 28) throw new Error(`${where}: chain name longer than 28 characters`);
        rules[table].set(name, []);
        declared[table].push(name);
      }
      continue;
    }
    const words = restoreWords(line);
    if (words[0] !== '-A' || !words[1]) throw new Error(`${where}: unexpected ${line}`);
    const chain = rules[table].get(words[1]);
    if (!chain) throw new Error(`${where}: chain ${words[1]} not declared`);
    chain.push(parseSpec(words.slice(2)));
  }
  if (table) throw new Error(`table ${table} without COMMIT`);
  return { header, rules, declared };
}

// ---- what the rules do -----------------------------------------------------------------------

export interface Tuple {
  proto: Proto;
  wanPort: number;
  nasAddr: string;
  nasPort: number;
}

export const tupleKey = (t: Tuple): string => `${t.proto} ${t.wanPort} -> ${t.nasAddr}:${t.nasPort}`;

/** What each DNAT rule does per WAN port, following the kernel's port rules. */
export function dnatTuples(rules: Rule[]): Tuple[] {
  const out: Tuple[] = [];
  for (const r of rules) {
    if (r.jump !== 'DNAT') throw new Error(`non-DNAT rule in the DNAT chain: ${r.spec.join(' ')}`);
    if (!r.proto || !r.dports || !r.to || r.sports) throw new Error(`DNAT rule without -p/--dport: ${r.spec.join(' ')}`);
    for (const range of r.dports) {
      for (let p = range.first; p <= range.last; p++) {
        const to = r.to.ports;
        let nasPort: number;
        if (!to) nasPort = p;
        else if (to.first === to.last) nasPort = to.first;
        else if (to.base !== undefined) {
          nasPort = to.first + (p - to.base);
          if (nasPort < to.first || nasPort > to.last) throw new Error(`port ${p} falls outside ${to.first}-${to.last}/${to.base}`);
        } else throw new Error(`DNAT to a port range without /base is not a fixed mapping: ${r.spec.join(' ')}`);
        out.push({ proto: r.proto, wanPort: p, nasAddr: r.to.addr, nasPort });
      }
    }
  }
  return out;
}

/** Every (direction, proto, NAS address, NAS port) the filter rules accept. */
export function acceptedPorts(rules: Rule[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    if (r.jump !== 'ACCEPT' || r.ctstate !== 'DNAT' || !r.ctdir || !r.proto) throw new Error(`unexpected filter rule ${r.spec.join(' ')}`);
    const original = r.ctdir === 'ORIGINAL';
    const ports = original ? r.dports : r.sports;
    const addr = original ? r.dst : r.src;
    if (!ports || !addr || (original ? r.sports || r.src : r.dports || r.dst)) throw new Error(`wrong direction matches in ${r.spec.join(' ')}`);
    for (const range of ports) for (let p = range.first; p <= range.last; p++) out.push(`${r.ctdir} ${r.proto} ${addr}:${p}`);
  }
  return out;
}

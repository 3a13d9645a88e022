// A strict reader for the iptables target's sh script, and a runner for what it reads. Lines are
// split by the shared sh tokeniser; a word may hold bare characters of a safe set, single quotes and
// '\'' escapes, and a `$` only as "$VAR" for a loop variable in a for body: backticks, double
// quotes elsewhere, globs and other metacharacters are errors. The
// structural lines (subshell wrapper, argument check, interface checks, address look-ups, loops,
// ifs) are matched exactly. The runner executes the iptables/ip6tables commands against an
// in-memory ruleset with `set -e` semantics and emulates the interface checks and look-ups from
// given interfaces and their addresses.

import { cloneRuleset, emptyRuleset, parseSpec, BUILTIN, type Rule, type Ruleset, type Table } from '../../../../src/readers/iptables/index.js';
import { shTokens, type ShWord } from '../../../../src/readers/sh/lexer.js';
import { readLinkChecks } from '../sh/need-links.js';

export type Word = string | { var: string };

export type Op =
  | { kind: 'run'; argv: Word[] }
  | { kind: 'or'; first: Word[]; second: Word[] }
  | { kind: 'while'; argv: Word[] }
  | { kind: 'if'; cond: Word[]; body: Op[] }
  | { kind: 'ifEmpty'; var: string; body: Op[] }
  | { kind: 'lookup'; var: string; iface: string; program: keyof typeof PROGRAMS }
  | { kind: 'for'; var: string; list: string; body: Op[] }
  | { kind: 'echo'; text: string }
  | { kind: 'exit'; status: number }
  /** `if ! ip link show dev IFACE ...; then echo MESSAGE; echo <its interfaces>; exit 1; fi` */
  | { kind: 'needLink'; iface: string; message: string };

export interface ShScript {
  header: string[];
  /** What `sh FILE` runs (after the argument check): the interface checks first, then the rest. */
  apply: Op[];
  /** The interfaces the script checks before it changes anything, in order. */
  links: string[];
  /** What `sh FILE remove` runs. */
  remove: Op[];
}

/** The awk programs of the look-up lines, and what they print for one `ip -o` address field. */
export const PROGRAMS = {
  host32: { text: '{ sub("/.*", "", $4); print $4 "/32" }', run: (a: string) => `${a.replace(/\/.*/, '')}/32` },
  cidr: { text: '{ print $4 }', run: (a: string) => a },
};

// ---- words ------------------------------------------------------------------------------------

type Token = { op: string } | { word: Word };
const WORD_CHAR = /^[A-Za-z0-9_./:,+=@%-]*$/;
const OPS = ['2>/dev/null', '>/dev/null', '2>&1', '>&2', '||', ';'];

/** A word's value: bare safe characters, '...' and \' only; or "$VAR" for a loop variable. */
function word(w: ShWord, line: string, vars: ReadonlySet<string>): Word {
  const [only] = w.parts;
  if (w.parts.length === 1 && only?.kind === 'double') {
    const [ref, ...rest] = only.parts;
    const name = ref?.kind === 'expansion' ? /^\$([a-z][a-z0-9]*)$/.exec(ref.raw)?.[1] : undefined;
    if (name === undefined || rest.length) throw new Error(`unexpected double quotes in: ${line}`);
    if (!vars.has(name)) throw new Error(`"$${name}" outside a loop over it in: ${line}`);
    return { var: name };
  }
  for (const p of w.parts) {
    const ok = p.kind === 'single' || (p.kind === 'escaped' && p.text === "'") || (p.kind === 'bare' && WORD_CHAR.test(p.text));
    if (!ok) throw new Error(`unexpected ${JSON.stringify(p.kind === 'bare' ? p.text : w.raw)} outside quotes in: ${line}`);
  }
  return w.text;
}

/** Splits a command line into shell words and the few operators the script uses. */
export function shWords(line: string, vars: ReadonlySet<string> = new Set()): Token[] {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(line)) throw new Error('control character in a command line');
  const { tokens, comments } = shTokens(line);
  if (comments.length) throw new Error(`a comment in: ${line}`);
  return tokens.map((t): Token => {
    if (t.kind === 'word') return { word: word(t, line, vars) };
    const op = t.kind === 'redirect' ? `${t.fd ?? ''}${t.op}${t.target.raw}` : t.kind === 'op' ? t.op : '\n';
    if (!OPS.includes(op)) throw new Error(`unexpected ${JSON.stringify(op)} in: ${line}`);
    return { op };
  });
}

const isWord = (t: Token | undefined): t is { word: Word } => t !== undefined && 'word' in t;
const opIs = (t: Token | undefined, op: string): boolean => t !== undefined && 'op' in t && t.op === op;

/** Leading words up to the first operator: an iptables or ip6tables command. */
function command(tokens: Token[], from: number): [Word[], number] {
  const argv: Word[] = [];
  let i = from;
  while (isWord(tokens[i])) argv.push((tokens[i++] as { word: Word }).word);
  if (argv[0] !== 'iptables' && argv[0] !== 'ip6tables') throw new Error(`unexpected command ${JSON.stringify(argv[0])}`);
  return [argv, i];
}

function expectEnd(tokens: Token[], i: number, ...rest: string[]): void {
  const got = tokens.slice(i);
  if (got.length !== rest.length || !got.every((t, k) => opIs(t, rest[k]!) || (isWord(t) && t.word === rest[k]))) {
    throw new Error(`unexpected ending ${JSON.stringify(got)}`);
  }
}

/** `CMD`, `CMD 2>/dev/null || CMD`, `CMD >/dev/null 2>&1 || CMD`, or `while CMD 2>/dev/null; do :; done`. */
function commandLine(line: string, vars: ReadonlySet<string>): Op {
  const tokens = shWords(line, vars);
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

// ---- structure --------------------------------------------------------------------------------

const IFNAME = '[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}';
const VAR = '[a-z][a-z0-9]*';

/** What a block may hold: the remove branch and if bodies hold less than the apply part. */
type Context = 'apply' | 'remove' | 'ifBody' | 'forBody' | 'emptyBody';

class Reader {
  n: number;
  /** Variables assigned so far (look-ups), in the apply part. */
  readonly assigned = new Set<string>();
  constructor(
    readonly lines: string[],
    start: number,
  ) {
    this.n = start;
  }

  fail(why: string): never {
    throw new Error(`line ${this.n + 1}: ${why}: ${JSON.stringify(this.lines[this.n])}`);
  }

  /** Statements at `pad` until a line that is not one (returned to the caller to check). */
  block(pad: string, ctx: Context, loopVars: ReadonlySet<string> = new Set()): Op[] {
    const ops: Op[] = [];
    for (;;) {
      const line = this.lines[this.n];
      if (line === undefined) return ops;
      if (line === '' && ctx === 'apply') {
        this.n++;
        continue;
      }
      if (!line.startsWith(pad) || line[pad.length] === ' ' || line.length === pad.length) return ops;
      const body = line.slice(pad.length);
      if (body === 'fi' || body === 'done' || (body === 'exit 0' && ctx === 'remove') || (body === ')' && ctx === 'apply')) return ops;
      ops.push(this.statement(body, pad, ctx, loopVars));
    }
  }

  private close(pad: string, word: string): void {
    if (this.lines[this.n] !== `${pad}${word}`) this.fail(`expected ${word}`);
    this.n++;
  }

  private statement(body: string, pad: string, ctx: Context, loopVars: ReadonlySet<string>): Op {
    const inner = `${pad}  `;
    let m: RegExpExecArray | null;
    if (ctx === 'emptyBody') {
      let op: Op | undefined;
      const tokens = shWords(body);
      if ((m = /^exit ([0-9])$/.exec(body))) op = { kind: 'exit', status: Number(m[1]) };
      else if (isWord(tokens[0]) && tokens[0].word === 'echo' && isWord(tokens[1]) && typeof tokens[1].word === 'string') {
        expectEnd(tokens, 2, '>&2');
        op = { kind: 'echo', text: tokens[1].word };
      }
      if (!op) this.fail('only echo ... >&2 and exit inside if [ -z ... ]');
      this.n++;
      return op;
    }
    if (ctx === 'apply' && (m = new RegExp(`^(${VAR})=\\$\\(ip -4 -o addr show dev (${IFNAME}) \\| awk '([^']*)'\\)$`).exec(body))) {
      const program = (Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[]).find((k) => PROGRAMS[k].text === m![3]);
      if (!program) this.fail('unknown awk program');
      this.n++;
      this.assigned.add(m[1]!);
      return { kind: 'lookup', var: m[1]!, iface: m[2]!, program };
    }
    if (ctx === 'apply' && (m = new RegExp(`^if \\[ -z "\\$(${VAR})" \\]; then$`).exec(body))) {
      if (!this.assigned.has(m[1]!)) this.fail(`$${m[1]} is not assigned`);
      this.n++;
      const ops = this.block(inner, 'emptyBody');
      this.close(pad, 'fi');
      return { kind: 'ifEmpty', var: m[1]!, body: ops };
    }
    if (ctx === 'apply' && (m = new RegExp(`^for (${VAR}) in \\$(${VAR}); do$`).exec(body))) {
      if (!this.assigned.has(m[2]!)) this.fail(`$${m[2]} is not assigned`);
      this.n++;
      const ops = this.block(inner, 'forBody', new Set([m[1]!]));
      if (!ops.length) this.fail('empty loop body (a syntax error in sh)');
      this.close(pad, 'done');
      return { kind: 'for', var: m[1]!, list: m[2]!, body: ops };
    }
    if ((ctx === 'apply' || ctx === 'remove') && (m = /^if (.*) >\/dev\/null 2>&1; then$/.exec(body))) {
      const tokens = shWords(m[1]!);
      const [cond, end] = command(tokens, 0);
      if (end !== tokens.length) this.fail('bad if condition');
      this.n++;
      const ops = this.block(inner, 'ifBody');
      if (!ops.length) this.fail('empty if body');
      this.close(pad, 'fi');
      return { kind: 'if', cond, body: ops };
    }
    const op = commandLine(body, loopVars);
    if (op.kind === 'while' ? ctx !== 'apply' && ctx !== 'remove' : ctx === 'remove' || (ctx !== 'apply' && op.kind !== 'run')) this.fail(`${op.kind} not allowed here`);
    this.n++;
    return op;
  }
}

const STRUCTURE = {
  /** The comment and the line that open the subshell everything runs in (paste safety). */
  open: [
    '# Everything runs in a subshell: pasted into a root shell, its `set -eu` and `exit` end only the',
    '# subshell, never your session.',
    '(',
  ],
  head: ['set -eu', '', 'case "$#:${1-}" in', '  0:) ;;', '  1:remove)'],
  tail: ['    exit 0', '    ;;', '  *)', '    echo "usage: sh $0 [remove]" >&2', '    exit 2', '    ;;', 'esac'],
  links: [
    '',
    '# Nothing changes unless every interface the rules name exists: a rule on a missing interface would',
    '# be accepted and forward nothing.',
  ],
};

/** Reads the sh script; throws on anything it does not recognise. */
export function parseShScript(text: string): ShScript {
  if (!text.endsWith('\n')) throw new Error('script does not end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== '#!/bin/sh') throw new Error('first line is not #!/bin/sh');
  const header: string[] = [];
  let n = 1;
  // The wrapper's own comment is not part of the header.
  for (; n < lines.length && lines[n]!.startsWith('#') && lines[n] !== STRUCTURE.open[0]; n++) header.push(/^# ?(.*)$/.exec(lines[n]!)![1]!);
  const r = new Reader(lines, n);
  const expect = (want: string): void => {
    if (lines[r.n] !== want) r.fail(`expected ${JSON.stringify(want)}`);
    r.n++;
  };
  STRUCTURE.open.forEach(expect);
  STRUCTURE.head.forEach(expect);
  const remove = r.block('    ', 'remove');
  STRUCTURE.tail.forEach(expect);
  STRUCTURE.links.forEach(expect);
  const { checks, next } = readLinkChecks(lines, r.n);
  if (!checks.length) r.fail('expected an interface check');
  r.n = next;
  const apply: Op[] = [...checks.map((c): Op => ({ kind: 'needLink', ...c })), ...r.block('', 'apply')];
  const links = checks.map((c) => c.iface);
  expect(')');
  if (r.n !== lines.length) r.fail('unexpected line after the subshell');
  return { header, apply, remove, links };
}

// ---- running it -------------------------------------------------------------------------------

class CommandFailed extends Error {}
class Exit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

/** Runs one `iptables|ip6tables -w -t TABLE CMD CHAIN [spec]`; throws CommandFailed where it would exit non-zero. */
function iptables(rs: Ruleset, argv: string[]): void {
  const [prog, w, t, tableName, cmd, chain, ...spec] = argv;
  const table: Table | undefined =
    prog === 'iptables' && (tableName === 'nat' || tableName === 'filter') ? tableName : prog === 'ip6tables' && tableName === 'filter' ? 'filter6' : undefined;
  if (w !== '-w' || t !== '-t' || !table) throw new Error(`unexpected command ${argv.join(' ')}`);
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
      const referenced = [...chains.values()].some((rr) => rr.some((x) => x.jump === chain));
      if (rules.length || referenced) throw new CommandFailed(`chain ${chain} not empty or still referenced`);
      chains.delete(chain);
      return;
    }
    case '-A':
    case '-I':
    case '-C':
    case '-D': {
      const rule: Rule = parseSpec(spec, { family: table === 'filter6' ? 6 : 4, kernel: true });
      if (!rules) throw new CommandFailed(`no chain ${chain}`);
      const known = ['ACCEPT', ...(table === 'nat' ? ['DNAT', 'MASQUERADE'] : [])];
      if (!known.includes(rule.jump) && !chains.has(rule.jump)) throw new CommandFailed(`no target ${rule.jump}`);
      const at = rules.findIndex((x) => x.spec.join('\0') === rule.spec.join('\0'));
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

export interface RunEnv {
  /**
   * The router's interfaces -> their IPv4 addresses as `ip -o addr` prints them ("203.0.113.1/24").
   * An interface that is not a key does not exist (`ip link show dev` fails); [] = no address.
   */
  addrs?: Record<string, string[]>;
}

export interface RunResult {
  rs: Ruleset;
  status: number;
  stderr: string[];
}

/** Runs ops the way `sh` with `set -e` would, on a copy of `start`. */
export function execOps(ops: Op[], start: Ruleset = emptyRuleset(), env: RunEnv = {}): RunResult {
  const rs = cloneRuleset(start);
  const stderr: string[] = [];
  const vars = new Map<string, string>();
  const resolve = (argv: Word[]): string[] =>
    argv.map((w) => {
      if (typeof w === 'string') return w;
      const v = vars.get(w.var);
      if (v === undefined) throw new Error(`$${w.var} is not set`);
      return v;
    });
  const succeeds = (argv: Word[]): boolean => {
    try {
      iptables(rs, resolve(argv));
      return true;
    } catch (e) {
      if (e instanceof CommandFailed) return false;
      throw e;
    }
  };
  const run = (list: Op[]): void => {
    for (const op of list) {
      if (op.kind === 'run') iptables(rs, resolve(op.argv));
      else if (op.kind === 'or') {
        if (!succeeds(op.first)) iptables(rs, resolve(op.second));
      } else if (op.kind === 'while') {
        for (let guard = 0; succeeds(op.argv); guard++) if (guard > 1000) throw new Error('while loop does not end');
      } else if (op.kind === 'if') {
        if (succeeds(op.cond)) run(op.body);
      } else if (op.kind === 'lookup') vars.set(op.var, (env.addrs?.[op.iface] ?? []).map(PROGRAMS[op.program].run).join('\n'));
      else if (op.kind === 'ifEmpty') {
        if ((vars.get(op.var) ?? '') === '') run(op.body);
      } else if (op.kind === 'for') {
        for (const value of (vars.get(op.list) ?? '').split(/[ \t\n]+/).filter(Boolean)) {
          vars.set(op.var, value);
          run(op.body);
        }
      } else if (op.kind === 'echo') stderr.push(op.text);
      else if (op.kind === 'needLink') {
        if (env.addrs?.[op.iface] === undefined) {
          stderr.push(op.message, `synfw: its interfaces: ${Object.keys(env.addrs ?? {}).map((l) => `${l} `).join('')}`);
          throw new Exit(1);
        }
      } else throw new Exit(op.status);
    }
  };
  try {
    run(ops);
  } catch (e) {
    if (e instanceof Exit) return { rs, status: e.status, stderr };
    if (e instanceof CommandFailed) return { rs, status: 1, stderr: [...stderr, `command failed: ${e.message}`] };
    throw e;
  }
  return { rs, status: 0, stderr };
}

/** execOps for a run that must succeed: the resulting ruleset. */
export function runOps(ops: Op[], start: Ruleset = emptyRuleset(), env: RunEnv = {}): Ruleset {
  const r = execOps(ops, start, env);
  if (r.status !== 0) throw new Error(`script exited ${r.status}: ${r.stderr.join('; ')}`);
  return r.rs;
}

// Checks a RouterOS script against MikroTik's command trees, version by version: every menu, every
// command, every argument name, every property a find/where expression tests and every global
// command (`:put`, `:local`, ...) must exist in the version's /console/inspect dump. Also checks that
// every `$var` is declared in scope, with the terminal's rule that each pasted line is a scope of
// its own (Scripting manual, "Scopes": a :local "will not be visible in next command line").
// The commands the header tells the user to run (`#   /ip firewall nat remove ...`,
// `/import file-name=...`) are checked like the script's own.

import { DECLARING, parseScript, type At, type Expr, type Stmt, type Unit, type Val, type Where } from './scripting.js';
import { commandTrees, unionIndex, type CommandTree } from './inspect.js';

export interface CheckReport {
  /** Oldest version first: what each version's tree lacks ("line 3: /ip firewall nat add randomise-ports="). */
  missing: { version: string; lacks: string[] }[];
  /** Undeclared variables and other problems no version would accept. */
  problems: string[];
  /** The oldest checked version from which on every version has everything; null if even the newest lacks something. */
  minimumVersion: string | null;
  /** Every menu, command, argument and property use checked ("/ip firewall nat add chain="), in order. */
  used: string[];
}

interface Use {
  what: string;
  at: At;
  has: (t: CommandTree) => boolean;
}

const menuName = (path: readonly string[]): string => `/${path.join(' ')}`;

class Scope {
  private readonly vars = new Set<string>();
  constructor(private readonly parent: Scope | null) {}
  declare(name: string): void {
    this.vars.add(name);
  }
  has(name: string): boolean {
    return this.vars.has(name) || (this.parent?.has(name) ?? false);
  }
}

class Collector {
  readonly uses: Use[] = [];
  readonly problems: string[] = [];
  private readonly globals = new Set<string>();

  use(what: string, at: At, has: (t: CommandTree) => boolean): void {
    this.uses.push({ what, at, has });
  }

  unit(u: Unit): void {
    const scope = new Scope(null);
    for (const s of u.body) this.stmt(s, scope);
  }

  private ref(name: string, at: At, scope: Scope): void {
    if (!scope.has(name) && !this.globals.has(name)) {
      this.problems.push(`line ${at.line}: $${name} is not declared in this scope (each line pasted into a terminal is a scope of its own)`);
    }
  }

  private stmt(s: Stmt, scope: Scope): void {
    if (s.k === 'menu') {
      this.use(`menu ${menuName(s.path)}`, s.at, (t) => t.isMenu(s.path));
    } else if (s.k === 'block') {
      if (s.path.length) this.use(`menu ${menuName(s.path)}`, s.at, (t) => t.isMenu(s.path));
      const inner = new Scope(scope);
      for (const x of s.body) this.stmt(x, inner);
    } else if (s.k === 'cmd') {
      const name = `${menuName(s.path)}${s.path.length ? ' ' : ''}${s.cmd}`;
      this.use(name, s.at, (t) => t.args(s.path, s.cmd) !== undefined);
      for (const a of s.args) {
        if (a.name !== null) this.use(`${name} ${a.name}${a.value ? '=' : ''}`, a.at, (t) => t.args(s.path, s.cmd)?.has(a.name!) ?? false);
        if (a.value) this.val(a.value, scope);
      }
      if (s.where) {
        if (s.cmd !== 'find') this.use(`${name} where`, s.at, (t) => t.args(s.path, s.cmd)?.has('where') ?? false);
        this.where(s.where, s.path, name, scope);
      }
    } else this.global(s, scope);
  }

  private global(s: Extract<Stmt, { k: 'global' }>, scope: Scope): void {
    const name = `:${s.cmd}`;
    this.use(name, s.at, (t) => t.args([], s.cmd) !== undefined);
    for (const a of s.args) if (a.name !== null) this.use(`${name} ${a.name}=`, a.at, (t) => t.args([], s.cmd)?.has(a.name!) ?? false);
    const positional = s.args.filter((a) => a.name === null);
    const declared = DECLARING.has(s.cmd) && positional[0]?.value?.k === 'word' ? positional[0].value.text : null;
    // The loop counter of :foreach/:for and the error of :onerror live in the do block only.
    const blockVar = ['foreach', 'for', 'onerror'].includes(s.cmd) ? declared : null;
    for (const a of s.args) {
      if (!a.value || (a === positional[0] && declared !== null)) continue;
      if (blockVar !== null && a.name === 'do') {
        const inner = new Scope(scope);
        inner.declare(blockVar);
        this.val(a.value, inner);
      } else this.val(a.value, scope);
    }
    if (declared === null) return;
    if (s.cmd === 'local') scope.declare(declared);
    else if (s.cmd === 'global') this.globals.add(declared);
    else if (s.cmd === 'set' || s.cmd === 'unset') this.ref(declared, positional[0]!.at, scope);
  }

  private where(w: Where, path: string[], name: string, scope: Scope): void {
    if (w.k === 'not') this.where(w.e, path, name, scope);
    else if (w.k === 'and' || w.k === 'or') {
      this.where(w.l, path, name, scope);
      this.where(w.r, path, name, scope);
    } else {
      this.use(`${name} where ${w.name}`, w.at, (t) => t.properties(path).has(w.name));
      if (w.value) this.val(w.value, scope);
    }
  }

  private expr(e: Expr, scope: Scope): void {
    if (e.k === 'val') this.val(e.v, scope);
    else if (e.k === 'not') this.expr(e.e, scope);
    else {
      this.expr(e.l, scope);
      this.expr(e.r, scope);
    }
  }

  private val(v: Val, scope: Scope): void {
    switch (v.k) {
      case 'word':
        return;
      case 'str':
        for (const p of v.parts) if (typeof p !== 'string') this.ref(p.var, v.at, scope);
        return;
      case 'var':
        this.ref(v.name, v.at, scope);
        for (const k of v.keys) this.val(k, scope);
        return;
      case 'sub':
        for (const s of v.body) this.stmt(s, scope);
        return;
      case 'paren':
        return this.expr(v.expr, scope);
      case 'block': {
        const inner = new Scope(scope);
        for (const s of v.body) this.stmt(s, inner);
        return;
      }
      case 'array':
        for (const item of v.items) this.val(item.value, scope);
    }
  }
}

/** The commands the header's comment lines give the user to run, each with its line number. */
export function headerCommands(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split('\n').forEach((l, n) => {
    if (!l.startsWith('#')) return;
    const cmd = /^#\s+(\/\S.*)$/.exec(l)?.[1] ?? /(\/import file-name=\S+)/.exec(l)?.[1];
    if (cmd) out.push({ line: n + 1, text: cmd });
  });
  return out;
}

/** Parses `text` (throws RosSyntaxError) and checks it against every version's tree. */
export function checkRouterOS(text: string, trees: readonly CommandTree[] = commandTrees()): CheckReport {
  const index = unionIndex(trees);
  const c = new Collector();
  for (const u of parseScript(text, index)) c.unit(u);
  // Each header command on its own, at its own line number.
  for (const h of headerCommands(text)) for (const u of parseScript(`${'\n'.repeat(h.line - 1)}${h.text}\n`, index)) c.unit(u);
  const missing = trees.map((t) => ({ version: t.version, lacks: c.uses.filter((u) => !u.has(t)).map((u) => `line ${u.at.line}: ${u.what}`) }));
  let minimumVersion: string | null = null;
  for (let i = missing.length - 1; i >= 0 && missing[i]!.lacks.length === 0; i--) minimumVersion = missing[i]!.version;
  return { missing, problems: c.problems, minimumVersion, used: c.uses.map((u) => u.what) };
}

/** "RouterOS 7.9 or later" (or "or newer") in a comment line: the minimum version the header states. */
export function statedMinimum(text: string): string | null {
  for (const l of text.split('\n')) {
    const m = l.startsWith('#') ? /RouterOS v?(\d+\.\d+(?:\.\d+)?) or (?:later|newer)/i.exec(l) : null;
    if (m) return m[1]!;
  }
  return null;
}

/**
 * Per terminal input (in order), the variables it uses undeclared: RouterOS compiles an input
 * before running it, so such an input does nothing but fail (the simulator needs this).
 */
export function scopeChecker(): (u: Unit) => string[] {
  const c = new Collector();
  return (u) => {
    const before = c.problems.length;
    c.unit(u);
    return c.problems.slice(before);
  };
}

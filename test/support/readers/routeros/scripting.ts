// A parser for RouterOS scripts as the Scripting manual defines them (not only the subset synfw
// writes today, which parse-routeros.ts reads strictly): menu lines and menu-relative paths
// (`/ip firewall nat`, `/ip/firewall/nat add`, `nat add` inside `/ip firewall`, `..`), commands with
// `name=value`, flag and positional arguments, `where` expressions, `[ ... ]` substitutions,
// `( ... )` expressions, `{ ... }` blocks, `$var` references and the global commands (`:local`,
// `:if`, `:foreach`, `:do ... on-error=`, ...). Which words are menus and which are commands comes
// from MikroTik's command trees (routeros-inspect.ts), so `/interface list member add` splits right.

import { RosSyntaxError, type StrPart } from '../../../../src/readers/routeros/lexer.js';
import { tokenizeScript, type ScriptToken } from './scripting-lexer.js';
import { menuIndex, type MenuIndex } from './inspect.js';

export interface At {
  line: number;
  col: number;
}

export type Val =
  | { k: 'word'; text: string; at: At }
  | { k: 'str'; text: string; parts: StrPart[]; at: At }
  | { k: 'var'; name: string; keys: Val[]; at: At }
  | { k: 'sub'; body: Stmt[]; at: At }
  | { k: 'paren'; expr: Expr; at: At }
  | { k: 'block'; body: Stmt[]; at: At }
  | { k: 'array'; items: { key: string | null; value: Val }[]; at: At };

export type Expr = { k: 'val'; v: Val } | { k: 'not'; e: Expr } | { k: 'bin'; op: string; l: Expr; r: Expr };

export type Where =
  /** `name op value`, or a bare boolean property when op is null. */
  | { k: 'prop'; name: string; op: string | null; value: Val | null; at: At }
  | { k: 'not'; e: Where }
  | { k: 'and'; l: Where; r: Where }
  | { k: 'or'; l: Where; r: Where };

/** name=value (named), name alone when the command has that argument (flag: value null), or a value (positional: name null). */
export interface Arg {
  name: string | null;
  value: Val | null;
  at: At;
}

export type Stmt =
  | { k: 'menu'; path: string[]; at: At }
  | { k: 'cmd'; path: string[]; cmd: string; args: Arg[]; where: Where | null; at: At }
  | { k: 'global'; cmd: string; args: Arg[]; at: At }
  | { k: 'block'; path: string[]; body: Stmt[]; at: At };

/** What a terminal runs as one input: a logical line (or a multi-line `{ }` block). */
export interface Unit {
  line: number;
  body: Stmt[];
}

/** Global commands whose first positional argument is a variable name, not a value. */
export const DECLARING: ReadonlySet<string> = new Set(['local', 'global', 'set', 'unset', 'foreach', 'for', 'onerror']);
/** Named arguments whose `{ }` is code (else it is an array). `in` is code for :onerror only. */
const CODE_ARGS = new Set(['do', 'else', 'on-error']);
const WHERE_OPS = new Set(['=', '!=', '<', '>', '<=', '>=', '~']);
const CMP_OPS = new Set(['=', '!=', '<', '>', '<=', '>=', '~']);

class ScriptParser {
  private i = 0;
  constructor(
    private readonly toks: ScriptToken[],
    private readonly index: MenuIndex,
  ) {}

  private peek(o = 0): ScriptToken | undefined {
    return this.toks[this.i + o];
  }
  private at(t = this.peek()): At {
    return t ? { line: t.line, col: t.col } : { line: this.toks[this.toks.length - 1]?.line ?? 0, col: 0 };
  }
  private fail(msg: string, t = this.peek()): never {
    const a = this.at(t);
    throw new RosSyntaxError(msg, a.line, a.col);
  }
  private isPunct(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t?.t === 'punct' && t.v === v;
  }
  private isWord(v?: string, o = 0): boolean {
    const t = this.peek(o);
    return t?.t === 'word' && (v === undefined || t.v === v);
  }
  private expectPunct(v: string, what = `"${v}"`): void {
    if (!this.isPunct(v)) this.fail(`expected ${what}`);
    this.i++;
  }
  /** The end of a statement: line end, `;`, a closing bracket, or the end of the script. */
  private atStatementEnd(): boolean {
    const t = this.peek();
    return t === undefined || t.t === 'nl' || (t.t === 'punct' && [';', ']', ')', '}'].includes(t.v));
  }

  units(): Unit[] {
    const out: Unit[] = [];
    let menu: string[] = [];
    while (this.peek()) {
      if (this.peek()!.t === 'nl' || this.isPunct(';')) {
        this.i++;
        continue;
      }
      const line = this.peek()!.line;
      const body: Stmt[] = [];
      // One terminal input: statements up to the line end (`;` separates them on the line).
      while (this.peek() && this.peek()!.t !== 'nl') {
        if (this.isPunct(';')) {
          this.i++;
          continue;
        }
        const s = this.statement(menu);
        if (s.k === 'menu') menu = s.path;
        body.push(s);
        if (!this.atStatementEnd() || this.isPunct(']') || this.isPunct(')') || this.isPunct('}')) this.fail('unexpected text after the command');
      }
      out.push({ line, body });
    }
    return out;
  }

  /** Statements up to `close` (not consumed). Line breaks separate them only inside `{ }`. */
  private statements(menu: string[], close: ']' | '}'): Stmt[] {
    const body: Stmt[] = [];
    let m = menu;
    for (;;) {
      const t = this.peek();
      if (t === undefined) this.fail(`unbalanced "${close === ']' ? '[' : '{'}"`);
      if (t.t === 'punct' && t.v === close) return body;
      if (t.t === 'nl') {
        if (close === ']') this.fail('a line break inside [ ] (join the lines with \\)');
        this.i++;
        continue;
      }
      if (t.t === 'punct' && t.v === ';') {
        this.i++;
        continue;
      }
      const s = this.statement(m);
      if (s.k === 'menu') m = s.path;
      body.push(s);
      const end = this.peek();
      if (!(end === undefined || end.t === 'nl' || (end.t === 'punct' && (end.v === ';' || end.v === close)))) this.fail('unexpected text after the command');
    }
  }

  private statement(menu: string[]): Stmt {
    const t = this.peek()!;
    const at = this.at();
    if (this.isPunct('{')) {
      this.i++;
      const body = this.statements(menu, '}');
      this.i++;
      return { k: 'block', path: menu, body, at };
    }
    if (t.t === 'word' && t.v.startsWith(':')) {
      const name = t.v.slice(1);
      if (this.index.isCommand([], name)) {
        this.i++;
        return this.global(name, menu, at);
      }
      // `:log info "..."` is the /log menu's info command.
      if (!this.index.isMenu([name])) this.fail(`unknown global command ${t.v}`);
    }
    let path = [...menu];
    let explicit = false;
    if (t.t === 'word' && t.v.startsWith(':')) {
      path = [];
      explicit = true;
    } else if (this.isPunct('/')) {
      this.i++;
      path = [];
      explicit = true;
    }
    let cmd: string | null = null;
    while (cmd === null && this.isWord() && !(this.peek(1)?.t === 'punct' && this.peek(1)!.v === '=' && !this.peek(1)!.sp)) {
      const word = this.peek()!;
      const segs = word.v.replace(/^:/, '').split('/');
      this.i++;
      segs.forEach((seg, n) => {
        if (seg === '' && n === segs.length - 1 && n > 0) return;
        if (cmd !== null) this.fail(`text after the command name ${cmd}`, word);
        if (seg === '..') {
          if (!path.length) this.fail('.. above the root menu', word);
          path.pop();
        } else if (this.index.isMenu([...path, seg])) path.push(seg);
        else if (this.index.isCommand(path, seg)) cmd = seg;
        else this.fail(`no menu or command "${seg}" in /${path.join(' ')} (in any RouterOS version checked)`, word);
      });
    }
    if (cmd === null) {
      if (this.isPunct('{')) {
        this.i++;
        const body = this.statements(path, '}');
        this.i++;
        return { k: 'block', path, body, at };
      }
      if (this.atStatementEnd() && (explicit || path.length > menu.length || path.join('/') !== menu.join('/'))) return { k: 'menu', path, at };
      this.fail(`expected a command in /${path.join(' ')}`);
    }
    return this.command(path, cmd, at);
  }

  private command(path: string[], cmd: string, at: At): Stmt {
    const args: Arg[] = [];
    let where: Where | null = null;
    while (!this.atStatementEnd()) {
      const t = this.peek()!;
      if (t.t === 'word' && t.v === 'where' && this.index.hasArg(path, cmd, 'where')) {
        this.i++;
        where = this.whereExpr(path);
        continue;
      }
      if (t.t === 'word' && cmd === 'find') {
        // `find name="WAN"`: the classic form, a where expression without the keyword.
        where = this.whereExpr(path);
        continue;
      }
      const named = this.named(path);
      if (named) args.push(named);
      else if (t.t === 'word' && this.index.hasArg(path, cmd, t.v)) {
        this.i++;
        args.push({ name: t.v, value: null, at: this.at(t) });
      } else args.push({ name: null, value: this.value(path, false), at: this.at(t) });
    }
    return { k: 'cmd', path, cmd, args, where, at };
  }

  /** `name=value` (no blank before `=`, as the manual requires), or null. */
  private named(menu: string[], codeArgs: ReadonlySet<string> = CODE_ARGS): Arg | null {
    const t = this.peek();
    const eq = this.peek(1);
    if (t?.t !== 'word' || eq?.t !== 'punct' || eq.v !== '=') return null;
    if (eq.sp) this.fail('a blank before "=" (the manual allows none between a parameter and "=")', eq);
    this.i += 2;
    if (this.atStatementEnd()) this.fail(`${t.v}= without a value`);
    return { name: t.v, value: this.value(menu, codeArgs.has(t.v)), at: this.at(t) };
  }

  private global(cmd: string, menu: string[], at: At): Stmt {
    const args: Arg[] = [];
    const codeArgs = cmd === 'onerror' ? new Set([...CODE_ARGS, 'in']) : CODE_ARGS;
    while (!this.atStatementEnd()) {
      const t = this.peek()!;
      const named = this.named(menu, codeArgs);
      if (named) {
        args.push(named);
        continue;
      }
      const first = !args.some((a) => a.name === null);
      if (first && DECLARING.has(cmd)) {
        if (t.t !== 'word' && t.t !== 'str') this.fail(`:${cmd} needs a variable name`);
        this.i++;
        args.push({ name: null, value: { k: 'word', text: t.v, at: this.at(t) }, at: this.at(t) });
      } else args.push({ name: null, value: this.value(menu, first && cmd === 'do'), at: this.at(t) });
    }
    return { k: 'global', cmd, args, at };
  }

  private value(menu: string[], code: boolean): Val {
    const t = this.peek();
    const at = this.at(t);
    if (t === undefined || t.t === 'nl') return this.fail('expected a value');
    this.i++;
    if (t.t === 'word') return { k: 'word', text: t.v, at };
    if (t.t === 'str') return { k: 'str', text: t.v, parts: t.parts ?? [t.v], at };
    if (t.t === 'var') {
      const keys: Val[] = [];
      while (this.isPunct('->')) {
        this.i++;
        keys.push(this.value(menu, false));
      }
      return { k: 'var', name: t.v, keys, at };
    }
    if (t.v === '[') {
      const body = this.statements(menu, ']');
      this.i++;
      return { k: 'sub', body, at };
    }
    if (t.v === '(') {
      const expr = this.orExpr(menu);
      this.expectPunct(')');
      return { k: 'paren', expr, at };
    }
    if (t.v === '{') {
      if (code) {
        const body = this.statements(menu, '}');
        this.i++;
        return { k: 'block', body, at };
      }
      const items: { key: string | null; value: Val }[] = [];
      while (!this.isPunct('}')) {
        if (this.isPunct(';')) {
          this.i++;
          continue;
        }
        const named = this.named(menu, new Set());
        items.push(named ? { key: named.name, value: named.value! } : { key: null, value: this.value(menu, false) });
      }
      this.i++;
      return { k: 'array', items, at };
    }
    return this.fail(`unexpected "${t.v}"`, t);
  }

  // Expressions in ( ): || or, && and, ! not, comparisons, then . + - * / between operands.
  private orExpr(menu: string[]): Expr {
    let l = this.andExpr(menu);
    while (this.isPunct('||') || this.isWord('or')) {
      this.i++;
      l = { k: 'bin', op: '||', l, r: this.andExpr(menu) };
    }
    return l;
  }
  private andExpr(menu: string[]): Expr {
    let l = this.notExpr(menu);
    while (this.isPunct('&&') || this.isWord('and')) {
      this.i++;
      l = { k: 'bin', op: '&&', l, r: this.notExpr(menu) };
    }
    return l;
  }
  private notExpr(menu: string[]): Expr {
    if (this.isWord('!') || this.isWord('not')) {
      this.i++;
      return { k: 'not', e: this.notExpr(menu) };
    }
    const l = this.arith(menu);
    const t = this.peek();
    if ((t?.t === 'punct' && CMP_OPS.has(t.v)) || this.isWord('in')) {
      this.i++;
      return { k: 'bin', op: t!.v, l, r: this.arith(menu) };
    }
    return l;
  }
  private arith(menu: string[]): Expr {
    let l = this.operand(menu);
    for (;;) {
      const t = this.peek();
      if (t?.t === 'word' && ['.', '+', '-', '*'].includes(t.v)) {
        this.i++;
        l = { k: 'bin', op: t.v, l, r: this.operand(menu) };
      } else if (t?.t === 'word' && /^[+-]\d+$/.test(t.v)) {
        // `$n +1`: the lexer reads "+1" as one word.
        this.i++;
        l = { k: 'bin', op: t.v[0]!, l, r: { k: 'val', v: { k: 'word', text: t.v.slice(1), at: this.at(t) } } };
      } else return l;
    }
  }
  private operand(menu: string[]): Expr {
    const t = this.peek();
    if (t?.t === 'word' && t.v.length > 1 && t.v.startsWith('!')) {
      this.i++;
      return { k: 'not', e: { k: 'val', v: { k: 'word', text: t.v.slice(1), at: this.at(t) } } };
    }
    if (this.isWord('!') || this.isWord('not')) return this.notExpr(menu);
    return { k: 'val', v: this.value(menu, false) };
  }

  // where expressions: up to the end of the command; and/or/not, ( ), property [op value].
  private whereExpr(path: string[]): Where {
    const w = this.whereOr(path);
    if (!this.atStatementEnd()) this.fail('unexpected text in a where expression');
    return w;
  }
  private whereOr(path: string[]): Where {
    let l = this.whereAnd(path);
    while (this.isPunct('||') || this.isWord('or')) {
      this.i++;
      l = { k: 'or', l, r: this.whereAnd(path) };
    }
    return l;
  }
  private whereAnd(path: string[]): Where {
    let l = this.whereNot(path);
    for (;;) {
      if (this.isPunct('&&') || this.isWord('and')) this.i++;
      else if (!((this.isWord() && !this.isWord('or')) || this.isPunct('('))) return l;
      l = { k: 'and', l, r: this.whereNot(path) };
    }
  }
  private whereNot(path: string[]): Where {
    if (this.isWord('!') || this.isWord('not')) {
      this.i++;
      return { k: 'not', e: this.whereNot(path) };
    }
    if (this.isPunct('(')) {
      this.i++;
      const e = this.whereOr(path);
      this.expectPunct(')');
      return e;
    }
    const t = this.peek();
    if (t?.t !== 'word') return this.fail('expected a property in the where expression');
    this.i++;
    const at = this.at(t);
    if (t.v.startsWith('!')) return { k: 'not', e: { k: 'prop', name: t.v.slice(1), op: null, value: null, at } };
    const op = this.peek();
    if ((op?.t === 'punct' && WHERE_OPS.has(op.v)) || this.isWord('in')) {
      this.i++;
      return { k: 'prop', name: t.v, op: op!.v, value: this.value(path, false), at };
    }
    return { k: 'prop', name: t.v, op: null, value: null, at };
  }
}

/** Parses a whole script into terminal inputs; throws RosSyntaxError at the first problem. */
export function parseScript(text: string, index: MenuIndex): Unit[] {
  return new ScriptParser(tokenizeScript(text), index).units();
}

const parsed = new Map<string, Unit[]>();
/** parseScript with every version's menus, remembered per text (the trees never change; nothing mutates a parse). */
export function scriptUnits(text: string): Unit[] {
  let units = parsed.get(text);
  if (!units) parsed.set(text, (units = parseScript(text, menuIndex())));
  return units;
}

/** Every statement of the script, nested ones ([ ], { }, ( )) included, in source order. */
export function allStatements(units: Unit[]): Stmt[] {
  const out: Stmt[] = [];
  const val = (v: Val | null): void => {
    if (!v) return;
    if (v.k === 'sub' || v.k === 'block') v.body.forEach(stmt);
    else if (v.k === 'paren') expr(v.expr);
    else if (v.k === 'array') v.items.forEach((i) => val(i.value));
    else if (v.k === 'var') v.keys.forEach(val);
  };
  const expr = (e: Expr): void => {
    if (e.k === 'val') val(e.v);
    else if (e.k === 'not') expr(e.e);
    else {
      expr(e.l);
      expr(e.r);
    }
  };
  const where = (w: Where | null): void => {
    if (!w) return;
    if (w.k === 'prop') val(w.value);
    else if (w.k === 'not') where(w.e);
    else {
      where(w.l);
      where(w.r);
    }
  };
  const stmt = (s: Stmt): void => {
    out.push(s);
    if (s.k === 'block') s.body.forEach(stmt);
    else if (s.k === 'cmd' || s.k === 'global') s.args.forEach((a) => val(a.value));
    if (s.k === 'cmd') where(s.where);
  };
  units.forEach((u) => u.body.forEach(stmt));
  return out;
}

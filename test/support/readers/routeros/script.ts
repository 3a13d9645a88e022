// A strict parser for the RouterOS scripts synfw emits: `#` comment lines, menu lines
// (`/ip firewall nat`), `add`/`remove`/`move` commands with key=value arguments, `[ ... ]` command
// substitutions (`find where ...`, `:len`, `:pick`), one-line `:if (...) do={...} else={...}`,
// `:error "..."` or `:error ("..." . $name)`, a do={} block of `:local NAME [...]; COMMAND` whose
// command may use `$NAME`, and the script's one `{ }` block with its `:local NAME "..."` and the
// :foreach that collects the interface lists' names.
// Menus, commands, properties and find keys come from whitelists; anything else is an error, as are
// duplicate properties, multi-line blocks, a variable outside its block and any other `;`. It
// returns a syntax tree; parse-routeros-rules.ts gives it a meaning.

import { FIND_KEYS, MENU_PROPERTIES, VERBS, type RosCommand, type RosExpr, type RosScript, type RosValue } from './script-ast.js';
import { checkScriptBytes, RosSyntaxError, tokenize, type Token } from '../../../../src/readers/routeros/lexer.js';

export * from './script-ast.js';
export { RosSyntaxError };

class LineParser {
  private i = 0;
  /** The :local variables of the enclosing do={} blocks, and those of the script's block. */
  private readonly scope: Set<string>;
  constructor(
    private readonly toks: Token[],
    private readonly line: number,
    private readonly menu: string | null,
    blockVars: ReadonlySet<string> = new Set(),
  ) {
    this.scope = new Set(blockVars);
  }

  fail(msg: string): never {
    throw new RosSyntaxError(msg, this.line, this.toks[this.i]?.col ?? 0);
  }
  peek(): Token | undefined {
    return this.toks[this.i];
  }
  atEnd(): boolean {
    return this.i >= this.toks.length;
  }
  isPunct(v: string): boolean {
    const t = this.peek();
    return t?.t === 'punct' && t.v === v;
  }
  expectPunct(v: string): void {
    if (!this.isPunct(v)) this.fail(`expected "${v}"`);
    this.i++;
  }
  word(what: string): string {
    const t = this.peek();
    if (t?.t !== 'word') this.fail(`expected ${what}`);
    this.i++;
    return t.v;
  }
  expectWord(v: string): void {
    if (this.word(`"${v}"`) !== v) this.fail(`expected "${v}"`);
  }

  /** `/ip firewall nat` (after the slash): words up to a verb or the end; must be a known menu. */
  path(): string {
    this.expectPunct('/');
    const words: string[] = [];
    while (this.peek()?.t === 'word' && !VERBS.has(this.peek()!.v)) words.push(this.word('a menu name'));
    const menu = words.join(' ');
    if (!(menu in MENU_PROPERTIES)) this.fail(`unknown menu /${menu}`);
    return menu;
  }

  /** A command inside a line, a `do={}` block or a substitution. `block` demands an absolute path. */
  command(block: boolean): RosCommand {
    if (this.peek()?.t === 'word' && this.peek()!.v.startsWith(':')) return this.ice();
    let menu = this.menu;
    if (this.isPunct('/')) menu = this.path();
    else if (block) this.fail('commands inside a do={} block must name their menu (/ip firewall ...)');
    if (menu === null) this.fail('command outside any menu');
    const verb = this.word('a command');
    switch (verb) {
      case 'add': {
        const props = new Map<string, RosValue>();
        while (this.peek()?.t === 'word') {
          const key = this.word('a property');
          if (!MENU_PROPERTIES[menu]!.has(key)) this.fail(`unknown property ${key} for /${menu} add`);
          if (props.has(key)) this.fail(`duplicate property ${key}`);
          this.expectPunct('=');
          props.set(key, this.value());
        }
        return { kind: 'add', menu, props };
      }
      case 'remove':
        return { kind: 'remove', menu, items: this.sub() };
      case 'find': {
        if (this.peek()?.t !== 'word') return { kind: 'find', menu, where: null };
        this.expectWord('where');
        return { kind: 'find', menu, where: this.orExpr() };
      }
      case 'move': {
        this.expectWord('numbers');
        this.expectPunct('=');
        const numbers = this.sub();
        this.expectWord('destination');
        this.expectPunct('=');
        return { kind: 'move', menu, numbers, destination: this.sub() };
      }
      default:
        return this.fail(`unknown command ${verb}`);
    }
  }

  ice(): RosCommand {
    const name = this.word('a command');
    if (name === ':len') return { kind: 'len', of: this.list() };
    if (name === ':pick') {
      const of = this.list();
      if (this.isPunct('(')) {
        this.i++;
        const len = this.sub();
        if (len.kind !== 'sub' || len.cmd.kind !== 'len') this.fail('expected ([:len ...] - N)');
        this.expectWord('-');
        const n = this.word('a number');
        if (!/^\d+$/.test(n)) this.fail(`bad number ${n}`);
        this.expectPunct(')');
        return { kind: 'pick', of, index: { lenOf: len.cmd.of, minus: Number(n) } };
      }
      const index = this.word('an index');
      if (!/^\d+$/.test(index)) this.fail(`bad index ${index}`);
      return { kind: 'pick', of, index: Number(index) };
    }
    if (name === ':error') {
      if (this.peek()?.t === 'str') return { kind: 'error', message: [this.value()] };
      // ("..." . "..." . $name): strings and variables joined by the concatenation operator.
      this.expectPunct('(');
      const parts = [this.value()];
      while (this.peek()?.t === 'word' && this.peek()!.v === '.') {
        this.i++;
        parts.push(this.value());
      }
      this.expectPunct(')');
      if (parts.some((v) => v.kind !== 'string' && v.kind !== 'var')) this.fail('an :error message joins strings and variables only');
      return { kind: 'error', message: parts };
    }
    if (name !== ':if') this.fail(`unknown command ${name}`);
    this.expectPunct('(');
    const left = this.value();
    const op = this.peek();
    if (op?.t !== 'punct' || !['>', '<', '='].includes(op.v)) this.fail('expected a comparison');
    this.i++;
    const right = this.word('a number');
    if (!/^\d+$/.test(right)) this.fail(`bad number ${right}`);
    this.expectPunct(')');
    const then = this.block('do');
    const otherwise = this.peek()?.t === 'word' ? this.block('else') : null;
    return { kind: 'if', left, op: op.v as '>' | '<' | '=', right: Number(right), then, else: otherwise };
  }

  block(name: string): RosCommand {
    this.expectWord(name);
    this.expectPunct('=');
    if (!this.isPunct('{')) this.fail(`expected "{" after ${name}=`);
    this.i++;
    if (this.atEnd()) this.fail('unbalanced "{": blocks must close on the same line');
    const cmd = this.peek()?.t === 'word' && this.peek()!.v === ':local' ? this.local() : this.command(true);
    if (!this.isPunct('}')) this.fail(this.atEnd() ? 'unbalanced "{": blocks must close on the same line' : 'one command per block');
    this.i++;
    return cmd;
  }

  /** `:local NAME [...]; COMMAND`, the whole of a do={} block. */
  local(): RosCommand {
    this.expectWord(':local');
    const name = this.word('a variable name');
    if (!/^[a-z][a-z0-9]*$/.test(name) || this.scope.has(name)) this.fail(`bad or repeated variable name ${name}`);
    const value = this.sub();
    this.expectPunct(';');
    this.scope.add(name);
    const body = this.command(true);
    this.scope.delete(name);
    return { kind: 'local', name, value, body };
  }

  sub(): RosValue {
    if (!this.isPunct('[')) this.fail('expected a [command substitution]');
    return this.value();
  }

  /** A [command substitution] or a variable of an enclosing block (:len and :pick take either). */
  list(): RosValue {
    return this.peek()?.t === 'var' ? this.value() : this.sub();
  }

  value(): RosValue {
    const t = this.peek();
    if (t === undefined) return this.fail('expected a value');
    if (t.t === 'str') {
      this.i++;
      return { kind: 'string', text: t.v, raw: t.raw };
    }
    if (t.t === 'word') {
      this.i++;
      return { kind: 'word', text: t.v };
    }
    if (t.t === 'var') {
      if (!this.scope.has(t.v)) this.fail(`$${t.v} is not a :local of this block`);
      this.i++;
      return { kind: 'var', name: t.v };
    }
    if (t.v !== '[') this.fail(`unexpected "${t.v}"`);
    this.i++;
    const cmd = this.command(false);
    if (!this.isPunct(']')) this.fail(this.atEnd() ? 'unbalanced "["' : 'expected "]"');
    this.i++;
    return { kind: 'sub', cmd };
  }

  orExpr(): RosExpr {
    let left = this.andExpr();
    while (this.peek()?.t === 'word' && this.peek()!.v === 'or') {
      this.i++;
      left = { kind: 'or', left, right: this.andExpr() };
    }
    return left;
  }

  andExpr(): RosExpr {
    let left = this.atom();
    while (this.peek()?.t === 'word' && this.peek()!.v === 'and') {
      this.i++;
      left = { kind: 'and', left, right: this.atom() };
    }
    return left;
  }

  atom(): RosExpr {
    if (this.isPunct('(')) {
      this.i++;
      const e = this.orExpr();
      this.expectPunct(')');
      return e;
    }
    const key = this.word('a property');
    if (!FIND_KEYS.has(key)) this.fail(`unknown find property ${key}`);
    const op = this.peek();
    if (op?.t !== 'punct' || (op.v !== '=' && op.v !== '~')) this.fail('expected = or ~');
    this.i++;
    const value = this.value();
    if (value.kind === 'sub' || value.kind === 'var') this.fail('a find condition compares with a constant');
    return { kind: 'cmp', key, op: op.v as '=' | '~', value };
  }
}

/** The one :foreach synfw writes: the names of the router's interface lists, for the check messages. */
const LIST_NAMES = /^:foreach ([a-z][a-z0-9]*) in=\[\/interface list find\] do=\{:set ([a-z][a-z0-9]*) \(\$\2 \. " " \. \[\/interface list get \$\1 name\]\)\}$/;

/** Parses a whole script; throws RosSyntaxError at the first thing it does not understand. */
export function parseRouterOS(text: string): RosScript {
  const script: RosScript = { comments: [], statements: [], block: null };
  let menu: string | null = null;
  let open = 0;
  /** The :local variables of the script's block, from their line on. */
  const vars = new Set<string>();
  checkScriptBytes(text).forEach((raw, n) => {
    const line = n + 1;
    if (raw === '') return;
    if (raw.startsWith('#')) {
      if (raw.endsWith('\\')) throw new RosSyntaxError('a comment ending in a backslash is a syntax error', line, raw.length);
      script.comments.push({ line, text: raw.slice(1) });
      return;
    }
    if (raw.startsWith(' ')) throw new RosSyntaxError('indented line', line, 1);
    if (script.block) throw new RosSyntaxError('a command after the script\'s block', line, 1);
    // One block, { and } alone on their lines, holding every command.
    if (raw === '{') {
      if (open || script.statements.length) throw new RosSyntaxError('the { of the script\'s block must come first, once', line, 1);
      open = line;
      return;
    }
    if (raw === '}') {
      if (!open) throw new RosSyntaxError('unbalanced "}"', line, 1);
      script.block = { open, close: line };
      return;
    }
    const names = LIST_NAMES.exec(raw);
    if (names) {
      if (!open || !vars.has(names[2]!)) throw new RosSyntaxError(`:foreach outside the block, or into an undeclared $${names[2]}`, line, 1);
      script.statements.push({ line, menu, cmd: { kind: 'listNames', into: names[2]! } });
      return;
    }
    const p = new LineParser(tokenize(raw, line), line, menu, vars);
    if (p.peek()?.t === 'word' && p.peek()!.v === ':local') {
      // :local NAME "..." in the block: a variable for the lines after it.
      p.expectWord(':local');
      const name = p.word('a variable name');
      const value = p.value();
      if (!open || !/^[a-z][a-z0-9]*$/.test(name) || vars.has(name) || value.kind !== 'string' || !p.atEnd()) p.fail('expected :local NAME "..." in the script\'s block');
      vars.add(name);
      script.statements.push({ line, menu, cmd: { kind: 'declare', name, value } });
      return;
    }
    // A line of only a path changes the menu; a path followed by a verb is a one-off command.
    if (p.isPunct('/')) {
      const probe = new LineParser(tokenize(raw, line), line, menu, vars);
      const path = probe.path();
      if (probe.atEnd()) {
        menu = path;
        script.statements.push({ line, menu, cmd: null });
        return;
      }
    }
    const cmd = p.command(false);
    if (!p.atEnd()) p.fail('unexpected text after the command');
    if (cmd.kind === 'find' || cmd.kind === 'len' || cmd.kind === 'pick') p.fail(`${cmd.kind} is only accepted inside [ ]`);
    if (cmd.kind === 'error' || cmd.kind === 'local') p.fail(`:${cmd.kind} is only accepted inside do={}`);
    script.statements.push({ line, menu, cmd });
  });
  if (open && !script.block) throw new RosSyntaxError('unbalanced "{": the script\'s block is not closed', open, 1);
  return script;
}

/** An expression back as text, for comparing find conditions. */
export function exprText(e: RosExpr): string {
  if (e.kind === 'cmp') return `${e.key}${e.op}${e.value.kind === 'string' ? JSON.stringify(e.value.text) : e.value.kind === 'word' ? e.value.text : '[...]'}`;
  const side = (s: RosExpr): string => (s.kind !== 'cmp' && s.kind !== e.kind ? `(${exprText(s)})` : exprText(s));
  return `${side(e.left)} ${e.kind} ${side(e.right)}`;
}

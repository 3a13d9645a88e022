// A small RouterOS script interpreter for the commands synfw's scripts use, to see what a script
// does to a router's tables: add (with place-before), set, remove, move, find/where, get,
// print count-only, and :local :global :set :if :do/on-error :foreach :for :while :error :put :len
// :pick :typeof :tostr :onerror. add refuses an interface or interface list that does not exist,
// as RouterOS does. Two ways to run a file (the synfw header offers both):
//  - import: /import runs the lines "one by one until the end of script or until runtime error"
//    (Scripting manual), so the first error stops the rest;
//  - paste: a terminal runs each pasted line (or multi-line { } block) on its own; an error ends
//    that line only, and the next line runs.
// Each line is a scope of its own in both. Anything else throws SimUnsupported, so a test that
// meets a construct this model does not know fails instead of passing by accident.

import { scriptUnits, type Arg, type Expr, type Stmt, type Val, type Where } from './scripting.js';
import { scopeChecker } from './command-check.js';
import { equal, Id, isNumeric, normBool, prop, toStr, type Item, type RouterState, type RV } from './sim-state.js';

export class SimUnsupported extends Error {
  constructor(what: string, line: number) {
    super(`line ${line}: the simulator does not model ${what}`);
    this.name = 'SimUnsupported';
  }
}

/** A runtime error (or :error) at a line: what RouterOS would print. */
class ScriptError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export type RunMode = 'import' | 'paste';

export interface SimResult {
  errors: { line: number; message: string }[];
  /** :put and /log lines. */
  output: string[];
}

const INTERFACE = ['interface'];
const INTERFACE_LIST = ['interface', 'list'];
/** Properties that name an interface or an interface list, by menu family. */
function referenceOf(path: readonly string[], name: string): string[] | null {
  if (path[1] === 'firewall' && /^(in|out)-interface$/.test(name)) return INTERFACE;
  if (path[1] === 'firewall' && /^(in|out)-interface-list$/.test(name)) return INTERFACE_LIST;
  if (path.join(' ') === 'interface list member') return name === 'list' ? INTERFACE_LIST : name === 'interface' ? INTERFACE : null;
  return null;
}

class Frame {
  readonly vars = new Map<string, RV>();
  constructor(readonly parent: Frame | null) {}
  owner(name: string): Frame | null {
    return this.vars.has(name) ? this : (this.parent?.owner(name) ?? null);
  }
}

const positional = (args: Arg[], n: number): Val | undefined => args.filter((a) => a.name === null)[n]?.value ?? undefined;
const named = (args: Arg[], name: string): Val | undefined => args.find((a) => a.name === name)?.value ?? undefined;
const flag = (args: Arg[], name: string): boolean => args.some((a) => a.name === name && a.value === null);

class Interpreter {
  readonly output: string[] = [];
  private readonly globals = new Frame(null);

  constructor(private readonly state: RouterState) {}

  unit(body: Stmt[]): void {
    const frame = new Frame(null);
    for (const s of body) this.exec(s, frame);
  }

  private exec(s: Stmt, frame: Frame): RV {
    switch (s.k) {
      case 'menu':
        return null;
      case 'block':
        return this.block(s.body, frame);
      case 'cmd':
        return this.menuCommand(s, frame);
      case 'global':
        return this.globalCommand(s, frame);
    }
  }

  private block(body: Stmt[], frame: Frame): RV {
    const inner = new Frame(frame);
    let last: RV = null;
    for (const s of body) last = this.exec(s, inner);
    return last;
  }

  private code(v: Val | undefined, frame: Frame, line: number, inner = new Frame(frame)): RV {
    if (v === undefined) return null;
    if (v.k !== 'block') throw new SimUnsupported(`a ${v.k} where a { } block was expected`, line);
    let last: RV = null;
    for (const s of v.body) last = this.exec(s, inner);
    return last;
  }

  private lookup(name: string, frame: Frame, line: number): Frame {
    const f = frame.owner(name) ?? this.globals.owner(name);
    if (!f) throw new ScriptError(`syntax error: $${name} is not declared`, line);
    return f;
  }

  val(v: Val, frame: Frame): RV {
    switch (v.k) {
      case 'word':
        return v.text === 'true' ? true : v.text === 'false' ? false : v.text;
      case 'str':
        return v.parts.map((p) => (typeof p === 'string' ? p : toStr(this.lookup(p.var, frame, v.at.line).vars.get(p.var)!))).join('');
      case 'var':
        if (v.keys.length) throw new SimUnsupported('$var->key', v.at.line);
        return this.lookup(v.name, frame, v.at.line).vars.get(v.name)!;
      case 'sub': {
        let last: RV = null;
        for (const s of v.body) last = this.exec(s, frame);
        return last;
      }
      case 'paren':
        return this.expr(v.expr, frame, v.at.line);
      case 'array':
        if (v.items.some((i) => i.key !== null)) throw new SimUnsupported('key=value arrays', v.at.line);
        return v.items.map((i) => this.val(i.value, frame));
      case 'block':
        throw new SimUnsupported('a { } block as a value', v.at.line);
    }
  }

  private expr(e: Expr, frame: Frame, line: number): RV {
    if (e.k === 'val') return this.val(e.v, frame);
    if (e.k === 'not') return !this.bool(this.expr(e.e, frame, line), line);
    if (e.op === '&&') return this.bool(this.expr(e.l, frame, line), line) && this.bool(this.expr(e.r, frame, line), line);
    if (e.op === '||') return this.bool(this.expr(e.l, frame, line), line) || this.bool(this.expr(e.r, frame, line), line);
    const l = this.expr(e.l, frame, line);
    const r = this.expr(e.r, frame, line);
    const num = (x: RV): number => {
      if (!isNumeric(x)) throw new ScriptError(`not a number: ${toStr(x)}`, line);
      return Number(x);
    };
    switch (e.op) {
      case '=':
        return equal(l, r);
      case '!=':
        return !equal(l, r);
      case '<':
        return num(l) < num(r);
      case '>':
        return num(l) > num(r);
      case '<=':
        return num(l) <= num(r);
      case '>=':
        return num(l) >= num(r);
      case '.':
        return toStr(l) + toStr(r);
      case '+':
        return num(l) + num(r);
      case '-':
        return num(l) - num(r);
      case '*':
        return num(l) * num(r);
      default:
        throw new SimUnsupported(`the operator ${e.op}`, line);
    }
  }

  private bool(v: RV, line: number): boolean {
    if (typeof v === 'boolean') return v;
    if (v === 'yes') return true;
    if (v === 'no') return false;
    throw new ScriptError(`not a boolean: ${toStr(v)}`, line);
  }

  private where(w: Where, item: Item, frame: Frame): boolean {
    if (w.k === 'not') return !this.where(w.e, item, frame);
    if (w.k === 'and') return this.where(w.l, item, frame) && this.where(w.r, item, frame);
    if (w.k === 'or') return this.where(w.l, item, frame) || this.where(w.r, item, frame);
    const have = normBool(prop(item, w.name));
    if (w.op === null) return have === 'yes';
    const want = normBool(toStr(this.val(w.value!, frame)));
    switch (w.op) {
      case '=':
        return have === want;
      case '!=':
        return have !== want;
      case '~':
        return new RegExp(want).test(have);
      default:
        throw new SimUnsupported(`where ${w.op}`, w.at.line);
    }
  }

  /** The items an argument names: ids, arrays of ids, or (for named menus) a name. */
  private items(v: RV, path: readonly string[], line: number): Item[] {
    const list = Array.isArray(v) ? v : v === null ? [] : [v];
    return list.map((x) => {
      const table = this.state.table(path);
      const item = x instanceof Id ? table.find((i) => i.id === x.id) : table.find((i) => i.props.name === toStr(x));
      if (!item) throw new ScriptError(`no such item (${toStr(x)})`, line);
      return item;
    });
  }

  private props(s: Extract<Stmt, { k: 'cmd' }>, frame: Frame, skip: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const a of s.args) {
      if (a.name === null || skip.includes(a.name)) continue;
      const value = a.value ? toStr(this.val(a.value, frame)) : 'yes';
      const ref = referenceOf(s.path, a.name);
      const wanted = value.replace(/^!/, '');
      if (ref && !this.state.names(ref).includes(wanted)) throw new ScriptError(`input does not match any value of ${a.name} (${value})`, a.at.line);
      out[a.name] = value;
    }
    return out;
  }

  private menuCommand(s: Extract<Stmt, { k: 'cmd' }>, frame: Frame): RV {
    const line = s.at.line;
    const table = this.state.table(s.path);
    const target = (): Val | undefined => named(s.args, 'numbers') ?? positional(s.args, 0);
    if (s.path[0] === 'log' && s.path.length === 1) {
      this.output.push(toStr(this.val(positional(s.args, 0) ?? named(s.args, 'message')!, frame)));
      return null;
    }
    switch (s.cmd) {
      case 'find':
        return table.filter((i) => !s.where || this.where(s.where, i, frame)).map((i) => new Id(i.id));
      case 'print':
        if (!flag(s.args, 'count-only')) return null;
        return table.filter((i) => !s.where || this.where(s.where, i, frame)).length;
      case 'add': {
        if (s.args.some((a) => a.name === null)) throw new SimUnsupported('positional arguments of add', line);
        const props = this.props(s, frame, ['place-before']);
        const before = named(s.args, 'place-before');
        let index: number | undefined;
        if (before) {
          const [anchor] = this.items(this.val(before, frame), s.path, line);
          index = table.indexOf(anchor!);
        }
        return new Id(this.state.insert(s.path, props, index).id);
      }
      case 'set':
      case 'enable':
      case 'disable': {
        const items = this.items(this.val(target()!, frame), s.path, line);
        const props = s.cmd === 'set' ? this.props(s, frame, ['numbers']) : { disabled: s.cmd === 'disable' ? 'yes' : 'no' };
        for (const i of items) Object.assign(i.props, props);
        return null;
      }
      case 'remove': {
        const items = this.items(this.val(target()!, frame), s.path, line);
        for (const i of items) table.splice(table.indexOf(i), 1);
        return null;
      }
      case 'move':
        return this.move(s, frame, target());
      case 'get': {
        const [item] = this.items(this.val(target()!, frame), s.path, line);
        const name = named(s.args, 'value-name') ?? positional(s.args, 1);
        return name ? (item!.props[toStr(this.val(name, frame))] ?? null) : null;
      }
      default:
        throw new SimUnsupported(`/${s.path.join(' ')} ${s.cmd}`, line);
    }
  }

  /** move: the items go, in the order given, right before destination (to the end without one). */
  private move(s: Extract<Stmt, { k: 'cmd' }>, frame: Frame, numbers: Val | undefined): RV {
    const line = s.at.line;
    const table = this.state.table(s.path);
    const items = this.items(this.val(numbers!, frame), s.path, line);
    const destVal = named(s.args, 'destination') ?? positional(s.args, 1);
    const dest = destVal ? this.items(this.val(destVal, frame), s.path, line)[0] : undefined;
    if (destVal && !dest) throw new ScriptError('move: no destination', line);
    if (dest && items.includes(dest)) throw new SimUnsupported('move before an item that moves too', line);
    for (const i of items) table.splice(table.indexOf(i), 1);
    table.splice(dest ? table.indexOf(dest) : table.length, 0, ...items);
    return null;
  }

  private globalCommand(s: Extract<Stmt, { k: 'global' }>, frame: Frame): RV {
    const line = s.at.line;
    const arg = (n: number): RV => {
      const v = positional(s.args, n);
      return v ? this.val(v, frame) : null;
    };
    const name = (): string => toStr(arg(0));
    switch (s.cmd) {
      case 'local':
      case 'global': {
        const value = positional(s.args, 1) ?? named(s.args, 'value');
        (s.cmd === 'local' ? frame : this.globals).vars.set(name(), value ? this.val(value, frame) : null);
        return null;
      }
      case 'set': {
        const value = positional(s.args, 1) ?? named(s.args, 'value');
        this.lookup(name(), frame, line).vars.set(name(), value ? this.val(value, frame) : null);
        return null;
      }
      case 'put':
        this.output.push(toStr(arg(0)));
        return null;
      case 'error':
        throw new ScriptError(toStr(arg(0) ?? (named(s.args, 'message') ? this.val(named(s.args, 'message')!, frame) : null)), line);
      case 'if': {
        const cond = this.bool(arg(0) ?? this.val(named(s.args, 'condition')!, frame), line);
        return this.code(named(s.args, cond ? 'do' : 'else'), frame, line);
      }
      case 'do':
        return this.doCommand(s, frame);
      case 'onerror': {
        const inner = new Frame(frame);
        try {
          this.code(named(s.args, 'in'), frame, line);
          return false;
        } catch (e) {
          if (!(e instanceof ScriptError)) throw e;
          inner.vars.set(name(), e.message);
          this.code(named(s.args, 'do'), frame, line, inner);
          return true;
        }
      }
      case 'foreach': {
        const list = this.val(named(s.args, 'in')!, frame);
        for (const x of Array.isArray(list) ? list : [list]) {
          const inner = new Frame(frame);
          inner.vars.set(name(), x);
          this.code(named(s.args, 'do'), frame, line, inner);
        }
        return null;
      }
      case 'for': {
        const num = (n: string, d: number): number => {
          const v = named(s.args, n);
          return v ? Number(toStr(this.val(v, frame))) : d;
        };
        const [from, to, step] = [num('from', 0), num('to', 0), num('step', 1)];
        for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
          const inner = new Frame(frame);
          inner.vars.set(name(), i);
          this.code(named(s.args, 'do'), frame, line, inner);
        }
        return null;
      }
      case 'while':
        while (this.bool(arg(0), line)) this.code(named(s.args, 'do'), frame, line);
        return null;
      case 'len': {
        const v = arg(0);
        return Array.isArray(v) ? v.length : toStr(v).length;
      }
      case 'pick': {
        const v = arg(0);
        const begin = Number(toStr(arg(1)));
        const end = positional(s.args, 2) ? Number(toStr(arg(2))) : undefined;
        const seq = Array.isArray(v) ? v : toStr(v);
        if (end === undefined) return (Array.isArray(seq) ? seq[begin] : seq[begin]) ?? null;
        return Array.isArray(seq) ? seq.slice(begin, end) : seq.slice(begin, end);
      }
      case 'typeof': {
        const v = arg(0);
        return Array.isArray(v) ? 'array' : v === null ? 'nil' : v instanceof Id ? 'id' : typeof v === 'boolean' ? 'bool' : isNumeric(v) ? 'num' : 'str';
      }
      case 'tostr':
        return toStr(arg(0));
      case 'delay':
      case 'nothing':
        return null;
      default:
        throw new SimUnsupported(`:${s.cmd}`, line);
    }
  }

  private doCommand(s: Extract<Stmt, { k: 'global' }>, frame: Frame): RV {
    const line = s.at.line;
    const body = positional(s.args, 0) ?? named(s.args, 'command');
    const cond = named(s.args, 'while');
    const onError = named(s.args, 'on-error');
    if (named(s.args, 'if')) throw new SimUnsupported(':do if=', line);
    try {
      let last = this.code(body, frame, line);
      while (cond && this.bool(this.val(cond, frame), line)) last = this.code(body, frame, line);
      return last;
    } catch (e) {
      if (!(e instanceof ScriptError) || !onError) throw e;
      return this.code(onError, frame, line);
    }
  }
}

/**
 * Runs `text` on `state` (changed in place) as /import or a terminal paste would, and returns the
 * errors RouterOS would print and the :put output.
 */
export function simulate(text: string, state: RouterState, mode: RunMode): SimResult {
  const units = scriptUnits(text);
  const run = new Interpreter(state);
  const undeclared = scopeChecker();
  const errors: SimResult['errors'] = [];
  for (const u of units) {
    const problems = undeclared(u);
    try {
      if (problems.length) throw new ScriptError(`syntax error: ${problems.join('; ')}`, u.line);
      run.unit(u.body);
    } catch (e) {
      if (!(e instanceof ScriptError)) throw e;
      errors.push({ line: e.line, message: e.message });
      if (mode === 'import') break;
    }
  }
  return { errors, output: run.output };
}

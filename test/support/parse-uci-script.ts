// The uci script reader: POSIX sh word splitting (quotes, backslashes, expansions, comments,
// operators, redirections, $(...) read recursively), then a replay of the `uci` commands whose
// words are pure literals, with the argument syntax of uci's cli.c / uci_parse_ptr. A `uci` command
// with an expansion in it is only allowed to read (get/show/changes) or delete, and is reported in
// `dynamic`: free text must reach uci as literal data. Known limits: no here-documents, no
// backquotes (both rejected), no `(` before a case pattern.

import { BAD_TEXT, NAME, UciModel, UciParseError, type UciSection } from './parse-uci-model.js';

export interface ShWord {
  /** The word's value after quote removal; expansions are kept as their source text. */
  text: string;
  /** No expansion anywhere in the word: `text` is exactly what the command receives. */
  literal: boolean;
}

export interface ShCommand {
  words: ShWord[];
  line: number;
}

const DELIMS = ' \t\n;&|()<>';

class ShLexer {
  i = 0;
  line = 1;
  readonly commands: ShCommand[] = [];

  constructor(private readonly s: string) {}

  private fail(msg: string): never {
    throw new UciParseError(`sh: ${msg}`, this.line);
  }

  /**
   * A list of commands, up to the end or (inside $(...)) to the unmatched `)`. `case WORD in`
   * opens a case: its patterns (up to their `)`, alternatives split by `|`) are not commands, `;;`
   * ends an item, `esac` closes it; `(` and `)` elsewhere open and close subshells.
   */
  list(inSubst: boolean): void {
    const s = this.s;
    let words: ShWord[] = [];
    let line = this.line;
    let depth = 0;
    const cases: ('pattern' | 'body')[] = [];
    const inPattern = (): boolean => cases[cases.length - 1] === 'pattern';
    const end = (): void => {
      if (words.length && !inPattern()) this.commands.push({ words, line });
      words = [];
    };
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (!words.length) line = this.line;
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && s[this.i + 1] === '\n') this.skipLines(2);
      else if (c === '\n') {
        if (inPattern() && words.length) this.fail('newline inside a case pattern');
        end();
        this.skipLines(1);
      } else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === ';' && s[this.i + 1] === ';') {
        if (cases[cases.length - 1] !== 'body') this.fail(';; outside a case item');
        end();
        cases[cases.length - 1] = 'pattern';
        this.i += 2;
      } else if (c === '|' && inPattern()) {
        if (!words.length || s[this.i + 1] === '|') this.fail('bad case pattern');
        this.i++;
      } else if (c === ';' || c === '&' || c === '|') {
        if (inPattern()) this.fail(`${c} in a case pattern`);
        end();
        this.i += s[this.i + 1] === c ? 2 : 1;
      } else if (c === '(') {
        if (inPattern()) this.fail('( in a case pattern');
        end();
        depth++;
        this.i++;
      } else if (c === ')') {
        this.i++;
        if (inPattern()) {
          if (!words.length) this.fail('empty case pattern');
          words = [];
          cases[cases.length - 1] = 'body';
          continue;
        }
        end();
        if (inSubst && depth === 0) {
          if (cases.length) this.fail('unterminated case');
          return;
        }
        if (depth === 0) this.fail('unmatched )');
        depth--;
      } else if (c === '<' || c === '>') this.redirection();
      else {
        const w = this.word();
        if (w.literal && /^\d+$/.test(w.text) && (s[this.i] === '<' || s[this.i] === '>')) this.redirection();
        else if (w.literal && w.text === 'esac' && !words.length && cases.length) {
          cases.pop();
        } else {
          words.push(w);
          // `case WORD in` (the command so far): its patterns follow.
          if (w.literal && w.text === 'in' && words.length === 3 && words[0]!.literal && words[0]!.text === 'case' && !inPattern()) {
            end();
            cases.push('pattern');
          }
        }
      }
    }
    if (inSubst) this.fail('unterminated $(');
    if (cases.length) this.fail('unterminated case');
    if (depth) this.fail('unterminated (');
    end();
  }

  private skipLines(n: number): void {
    for (let k = 0; k < n; k++) if (this.s[this.i++] === '\n') this.line++;
  }

  /** A redirection operator and its target word, both dropped. */
  private redirection(): void {
    const s = this.s;
    if (s.startsWith('<<', this.i)) this.fail('here-documents are not supported');
    this.i += /^(>>|>&|<&|<>|>\|)/.test(s.slice(this.i, this.i + 2)) ? 2 : 1;
    while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
    if (this.i >= s.length || DELIMS.includes(s[this.i]!)) this.fail('redirection without a target');
    this.word();
  }

  private word(): ShWord {
    const s = this.s;
    let text = '';
    let literal = true;
    while (this.i < s.length && !DELIMS.includes(s[this.i]!)) {
      const c = s[this.i]!;
      if (c === "'") {
        const j = s.indexOf("'", this.i + 1);
        if (j < 0) this.fail("unterminated '");
        text += s.slice(this.i + 1, j);
        this.line += (s.slice(this.i, j).match(/\n/g) ?? []).length;
        this.i = j + 1;
      } else if (c === '"') {
        this.i++;
        for (;;) {
          const d = s[this.i];
          if (d === undefined) this.fail('unterminated "');
          if (d === '"') break;
          if (d === '\\' && s[this.i + 1] !== undefined && '$`"\\\n'.includes(s[this.i + 1]!)) {
            if (s[this.i + 1] !== '\n') text += s[this.i + 1];
            this.skipLines(2);
          } else if (d === '$') {
            literal = false;
            text += this.expansion();
          } else if (d === '`') this.fail('backquotes are not supported');
          else {
            text += d;
            this.skipLines(1);
          }
        }
        this.i++;
      } else if (c === '\\') {
        if (this.i + 1 >= s.length) this.fail('backslash at the end of the script');
        if (s[this.i + 1] !== '\n') text += s[this.i + 1];
        this.skipLines(2);
      } else if (c === '$') {
        literal = false;
        text += this.expansion();
      } else if (c === '`') this.fail('backquotes are not supported');
      else {
        text += c;
        this.i++;
      }
    }
    return { text, literal };
  }

  /** $name, $1, $?, ${...}, $(...) (its commands are read too), $((...)); returns the source. */
  private expansion(): string {
    const s = this.s;
    const start = this.i;
    const n = s[this.i + 1];
    if (n === '(' && s[this.i + 2] === '(') {
      const j = s.indexOf('))', this.i);
      if (j < 0) this.fail('unterminated $((');
      this.i = j + 2;
    } else if (n === '(') {
      this.i += 2;
      this.list(true);
    } else if (n === '{') {
      const j = s.indexOf('}', this.i);
      if (j < 0) this.fail('unterminated ${');
      this.i = j + 1;
    } else if (n !== undefined && /[A-Za-z_]/.test(n)) {
      this.i++;
      while (this.i < s.length && /[A-Za-z0-9_]/.test(s[this.i]!)) this.i++;
    } else if (n !== undefined && /[0-9@*#?$!-]/.test(n)) this.i += 2;
    else this.i++;
    return s.slice(start, this.i);
  }
}

/** Every simple command of the script (those inside $(...) included), words as sh splits them. */
export function shCommands(script: string): ShCommand[] {
  const lx = new ShLexer(script);
  lx.list(false);
  return lx.commands;
}

const RESERVED = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until']);

/**
 * The command's arguments after its command word when that word is `uci` (or a path to it). A
 * command word with an expansion in it is refused: it could be uci in disguise.
 */
function uciArgs(cmd: ShCommand): ShWord[] | undefined {
  let k = 0;
  while (k < cmd.words.length) {
    const w = cmd.words[k]!;
    if (w.literal && RESERVED.has(w.text)) k++;
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text)) k++;
    else break;
  }
  const w = cmd.words[k];
  if (w && !w.literal) throw new UciParseError(`sh: command word with an expansion: ${w.text}`, cmd.line);
  return w && (w.text === 'uci' || w.text.endsWith('/uci')) ? cmd.words.slice(k + 1) : undefined;
}

interface Ptr {
  section: string;
  option?: string;
  value?: string;
}

/** uci_parse_ptr: config.section[.option][=value]; only the firewall config and plain names. */
function parsePtr(arg: string, line: number): Ptr {
  const eq = arg.indexOf('=');
  const path = eq < 0 ? arg : arg.slice(0, eq);
  const value = eq < 0 ? undefined : arg.slice(eq + 1);
  const parts = path.split('.');
  if (parts.length < 2 || parts.length > 3) throw new UciParseError(`uci: bad reference ${JSON.stringify(arg)}`, line);
  const [pkg, section, option] = parts as [string, string, string | undefined];
  if (pkg !== 'firewall') throw new UciParseError(`uci: config ${JSON.stringify(pkg)} is not firewall`, line);
  if (!NAME.test(section)) throw new UciParseError(`uci: section ${JSON.stringify(section)} is not a plain name`, line);
  if (option !== undefined && !NAME.test(option)) throw new UciParseError(`uci: invalid option name ${JSON.stringify(option)}`, line);
  if (value !== undefined && BAD_TEXT.test(value)) throw new UciParseError('uci: control character in a value', line);
  return { section, option, value };
}

export interface UciScript {
  /** The sections the literal commands leave behind, in the order they were set. */
  sections: UciSection[];
  /** Every literal uci command, as its argv after `uci` (options included). */
  literal: string[][];
  /** uci commands with expansions (read or delete only), as their source words. */
  dynamic: string[][];
}

/** Reads a uci script; throws UciParseError on anything it does not understand. */
export function parseUciScript(script: string): UciScript {
  const model = new UciModel();
  const last = new Map<string, 'delete' | 'set'>();
  const out: UciScript = { sections: model.sections, literal: [], dynamic: [] };
  let committed = false;
  for (const cmd of shCommands(script)) {
    const args = uciArgs(cmd);
    if (!args) continue;
    let k = 0;
    while (args[k]?.literal && /^-[qX]$/.test(args[k]!.text)) k++;
    const sub = args[k];
    const rest = args.slice(k + 1);
    if (!sub?.literal) throw new UciParseError('uci: missing or non-literal command', cmd.line);
    if (args.some((a) => !a.literal)) {
      if (!['get', 'show', 'changes', 'delete'].includes(sub.text)) throw new UciParseError(`uci ${sub.text} with a shell expansion`, cmd.line);
      out.dynamic.push(args.map((a) => a.text));
      continue;
    }
    out.literal.push(args.map((a) => a.text));
    if (['get', 'show', 'changes'].includes(sub.text)) {
      if (rest.length > 1) throw new UciParseError(`uci ${sub.text}: too many arguments`, cmd.line);
      continue;
    }
    if (rest.length !== 1) throw new UciParseError(`uci ${sub.text} takes exactly one argument`, cmd.line);
    const arg = rest[0]!.text;
    if (committed) throw new UciParseError(`uci ${sub.text} after uci commit`, cmd.line);
    if (sub.text === 'commit') {
      if (arg !== 'firewall') throw new UciParseError(`uci commit ${arg}`, cmd.line);
      committed = true;
      continue;
    }
    const p = parsePtr(arg, cmd.line);
    if (sub.text === 'delete') {
      if (p.option !== undefined || p.value !== undefined) throw new UciParseError('uci delete of an option or list index', cmd.line);
      model.remove(p.section);
      last.set(p.section, 'delete');
    } else if (sub.text === 'set' && p.option === undefined) {
      if (p.value === undefined) throw new UciParseError('uci set without a value', cmd.line);
      if (last.get(p.section) !== 'delete') throw new UciParseError(`section ${p.section} set without being deleted first`, cmd.line);
      model.add(p.value, p.section, cmd.line);
      last.set(p.section, 'set');
    } else if (sub.text === 'set' || sub.text === 'add_list') {
      const s = model.find(p.section);
      if (!s || p.option === undefined || p.value === undefined) throw new UciParseError(`uci ${sub.text} ${arg}: no such section or no value`, cmd.line);
      model.set(s, p.option, p.value, sub.text === 'add_list', cmd.line);
    } else throw new UciParseError(`unknown uci command ${JSON.stringify(sub.text)}`, cmd.line);
  }
  if (!committed) throw new UciParseError('no uci commit firewall');
  return out;
}

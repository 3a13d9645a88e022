// The one POSIX sh tokeniser every reader of a shell text builds on (synfw's sh and vbash scripts in
// the tests, VyOS's `show configuration commands` here): words with their quoting kept (bare,
// '...', "...", backslash escapes) and their value after quote removal, expansions ($name, ${...},
// $(...) read recursively, $((...)), `...`) kept as written, operators, redirections with their
// target, newlines, comments, and case patterns marked as such (their `)` is not a subshell's). It
// refuses what it cannot read exactly: here-documents, unterminated quotes or expansions,
// unbalanced parentheses, a case without esac. What a word may contain is each reader's business.

export class ShSyntaxError extends Error {
  constructor(
    /** What is wrong, without the line. */
    readonly reason: string,
    readonly line: number,
  ) {
    super(`line ${line}: sh: ${reason}`);
    this.name = 'ShSyntaxError';
  }
}

/** A piece of a word inside double quotes. */
export type ShQuotedPart = { kind: 'bare'; text: string } | { kind: 'escaped'; text: string } | ShExpansion;

export interface ShExpansion {
  kind: 'expansion';
  /** As written: "$x", "${x:-y}", "$(cmd)", "$((1+2))", "`cmd`", or a lone "$". */
  raw: string;
  /** The tokens of a $(...) body. */
  body?: ShToken[];
}

/** A piece of a word as written. */
export type ShPart =
  | { kind: 'bare'; text: string }
  /** A backslash-escaped character outside quotes ('' for a line continuation). */
  | { kind: 'escaped'; text: string }
  | { kind: 'single'; text: string }
  | { kind: 'double'; parts: ShQuotedPart[] }
  | ShExpansion;

export interface ShWord {
  kind: 'word';
  /** The value after quote removal; expansions are kept as written. */
  text: string;
  /** The word as written. */
  raw: string;
  /** No expansion anywhere in it: `text` is exactly what a command receives. */
  literal: boolean;
  parts: ShPart[];
  line: number;
  /** Offsets of the word in the text. */
  start: number;
  end: number;
  /** A word of a case pattern, or the esac that closes a case. */
  role?: 'pattern' | 'esac';
}

export type ShToken =
  | ShWord
  | { kind: 'op'; op: string; line: number; start: number; end: number; role?: 'pattern' }
  /** `[fd]op target`: 2>/dev/null is fd 2, op '>', target /dev/null; >&2 is op '>&', target 2. */
  | { kind: 'redirect'; fd: number | null; op: string; target: ShWord; line: number; start: number; end: number }
  | { kind: 'newline'; line: number; start: number; end: number };

export interface ShComment {
  line: number;
  /** The text after the #. */
  text: string;
  /** Nothing before it on its line. */
  alone: boolean;
  start: number;
}

export interface ShLexed {
  tokens: ShToken[];
  comments: ShComment[];
}

const DELIMS = ' \t\n;&|()<>';
const REDIRECTS = ['>>', '>&', '<&', '<>', '>|', '>', '<'];

class Lexer {
  i: number;
  line: number;
  readonly comments: ShComment[];

  constructor(
    private readonly s: string,
    start = 0,
    line = 1,
    comments: ShComment[] = [],
  ) {
    this.i = start;
    this.line = line;
    this.comments = comments;
  }

  fail(msg: string): never {
    throw new ShSyntaxError(msg, this.line);
  }

  private advance(n: number): void {
    for (let k = 0; k < n; k++) if (this.s[this.i++] === '\n') this.line++;
  }

  /** Tokens up to the end, or (inSubst) up to the `)` that closes a $( (consumed). */
  list(inSubst: boolean): ShToken[] {
    const s = this.s;
    const out: ShToken[] = [];
    /** The words of the command being read, for `case WORD in`. */
    let cmd: ShWord[] = [];
    let depth = 0;
    const cases: ('pattern' | 'body')[] = [];
    const inPattern = (): boolean => cases[cases.length - 1] === 'pattern';
    const op = (v: string, role?: 'pattern'): void => {
      out.push({ kind: 'op', op: v, line: this.line, start: this.i, end: this.i + v.length, ...(role ? { role } : {}) });
      this.advance(v.length);
      if (!role) cmd = [];
    };
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && s[this.i + 1] === '\n') this.advance(2);
      else if (c === '\n') {
        if (inPattern() && cmd.length) this.fail('newline inside a case pattern');
        out.push({ kind: 'newline', line: this.line, start: this.i, end: this.i + 1 });
        this.advance(1);
        cmd = [];
      } else if (c === '#') {
        const end = s.indexOf('\n', this.i);
        const stop = end < 0 ? s.length : end;
        const before = s.lastIndexOf('\n', this.i - 1);
        this.comments.push({ line: this.line, text: s.slice(this.i + 1, stop), alone: s.slice(before + 1, this.i).trim() === '', start: this.i });
        this.i = stop;
      } else if (c === ';' && s[this.i + 1] === ';') {
        if (cases[cases.length - 1] !== 'body') this.fail(';; outside a case item');
        op(';;');
        cases[cases.length - 1] = 'pattern';
      } else if (c === '|' && inPattern()) {
        if (!cmd.length || s[this.i + 1] === '|') this.fail('bad case pattern');
        op('|', 'pattern');
      } else if (c === ';' || c === '&' || c === '|') {
        if (inPattern()) this.fail(`${c} in a case pattern`);
        op(s[this.i + 1] === c && c !== ';' ? `${c}${c}` : c);
      } else if (c === '(') {
        if (inPattern()) this.fail('( in a case pattern');
        op('(');
        depth++;
      } else if (c === ')') {
        if (inPattern()) {
          if (!cmd.length) this.fail('empty case pattern');
          op(')', 'pattern');
          cmd = [];
          cases[cases.length - 1] = 'body';
          continue;
        }
        if (inSubst && depth === 0) {
          if (cases.length) this.fail('unterminated case');
          this.i++;
          return out;
        }
        if (depth === 0) this.fail('unmatched )');
        op(')');
        depth--;
      } else if (c === '<' || c === '>') out.push(this.redirect(null));
      else {
        const w = this.word();
        if (w.literal && /^\d+$/.test(w.text) && (s[this.i] === '<' || s[this.i] === '>')) {
          out.push(this.redirect(w));
          continue;
        }
        if (w.literal && w.text === 'esac' && !cmd.length && cases.length) {
          cases.pop();
          out.push({ ...w, role: 'esac' });
          continue;
        }
        if (inPattern()) w.role = 'pattern';
        out.push(w);
        cmd.push(w);
        // `case WORD in`: its patterns follow.
        if (!inPattern() && cmd.length === 3 && cmd[0]!.literal && cmd[0]!.text === 'case' && w.literal && w.text === 'in') {
          cases.push('pattern');
          cmd = [];
        }
      }
    }
    if (inSubst) this.fail('unterminated $(');
    if (cases.length) this.fail('unterminated case');
    if (depth) this.fail('unterminated (');
    return out;
  }

  private redirect(fd: ShWord | null): ShToken {
    const s = this.s;
    const start = fd ? fd.start : this.i;
    const line = this.line;
    if (s.startsWith('<<', this.i)) this.fail('here-documents are not supported');
    const op = REDIRECTS.find((r) => s.startsWith(r, this.i))!;
    this.i += op.length;
    while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
    if (this.i >= s.length || DELIMS.includes(s[this.i]!)) this.fail('redirection without a target');
    const target = this.word();
    return { kind: 'redirect', fd: fd ? Number(fd.text) : null, op, target, line, start, end: target.end };
  }

  private word(): ShWord {
    const s = this.s;
    const start = this.i;
    const line = this.line;
    const parts: ShPart[] = [];
    let bare = '';
    const flush = (): void => {
      if (bare) parts.push({ kind: 'bare', text: bare });
      bare = '';
    };
    while (this.i < s.length && !DELIMS.includes(s[this.i]!)) {
      const c = s[this.i]!;
      if (c === "'") {
        flush();
        const j = s.indexOf("'", this.i + 1);
        if (j < 0) this.fail("unterminated '");
        parts.push({ kind: 'single', text: s.slice(this.i + 1, j) });
        this.advance(j + 1 - this.i);
      } else if (c === '"') {
        flush();
        parts.push({ kind: 'double', parts: this.double() });
      } else if (c === '\\') {
        flush();
        if (this.i + 1 >= s.length) this.fail('backslash at the end of the text');
        parts.push({ kind: 'escaped', text: s[this.i + 1] === '\n' ? '' : s[this.i + 1]! });
        this.advance(2);
      } else if (c === '$' || c === '`') {
        flush();
        parts.push(this.expansion());
      } else {
        bare += c;
        this.i++;
      }
    }
    flush();
    const text = parts.map(partText).join('');
    return { kind: 'word', text, raw: s.slice(start, this.i), literal: parts.every(isLiteral), parts, line, start, end: this.i };
  }

  /** The inside of "...", from its opening quote to after its closing one. */
  private double(): ShQuotedPart[] {
    const s = this.s;
    const parts: ShQuotedPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) parts.push({ kind: 'bare', text });
      text = '';
    };
    this.i++;
    for (;;) {
      const d = s[this.i];
      if (d === undefined) this.fail('unterminated "');
      if (d === '"') break;
      if (d === '\\' && s[this.i + 1] !== undefined && '$`"\\\n'.includes(s[this.i + 1]!)) {
        flush();
        parts.push({ kind: 'escaped', text: s[this.i + 1] === '\n' ? '' : s[this.i + 1]! });
        this.advance(2);
      } else if (d === '$' || d === '`') {
        flush();
        parts.push(this.expansion());
      } else {
        text += d;
        this.advance(1);
      }
    }
    flush();
    this.i++;
    return parts;
  }

  /** $name, $1, $?, ${...}, $(...) (its body read as tokens), $((...)), `...`, or a lone $. */
  private expansion(): ShExpansion {
    const s = this.s;
    const start = this.i;
    if (s[this.i] === '`') {
      const j = s.indexOf('`', this.i + 1);
      if (j < 0) this.fail('unterminated `');
      this.advance(j + 1 - this.i);
      return { kind: 'expansion', raw: s.slice(start, this.i) };
    }
    const n = s[this.i + 1];
    if (n === '(' && s[this.i + 2] === '(') {
      const j = s.indexOf('))', this.i);
      if (j < 0) this.fail('unterminated $((');
      this.advance(j + 2 - this.i);
    } else if (n === '(') {
      const sub = new Lexer(s, this.i + 2, this.line, this.comments);
      const body = sub.list(true);
      this.i = sub.i;
      this.line = sub.line;
      return { kind: 'expansion', raw: s.slice(start, this.i), body };
    } else if (n === '{') {
      const j = s.indexOf('}', this.i);
      if (j < 0) this.fail('unterminated ${');
      this.advance(j + 1 - this.i);
    } else if (n !== undefined && /[A-Za-z_]/.test(n)) {
      this.i++;
      while (this.i < s.length && /[A-Za-z0-9_]/.test(s[this.i]!)) this.i++;
    } else if (n !== undefined && /[0-9@*#?$!-]/.test(n)) this.i += 2;
    else this.i++;
    return { kind: 'expansion', raw: s.slice(start, this.i) };
  }
}

function partText(p: ShPart | ShQuotedPart): string {
  switch (p.kind) {
    case 'double':
      return p.parts.map(partText).join('');
    case 'expansion':
      return p.raw;
    default:
      return p.text;
  }
}

function isLiteral(p: ShPart | ShQuotedPart): boolean {
  return p.kind === 'double' ? p.parts.every(isLiteral) : p.kind !== 'expansion';
}

/** The tokens and comments of a shell text. */
export function shTokens(text: string): ShLexed {
  const lx = new Lexer(text);
  const tokens = lx.list(false);
  return { tokens, comments: lx.comments.sort((a, b) => a.start - b.start) };
}

export interface ShCommand {
  /** The words as the shell splits them (redirections and case patterns left out). */
  words: ShWord[];
  line: number;
}

/** The expansions of a word, inside double quotes too. */
export function expansionsOf(w: ShWord): ShExpansion[] {
  return w.parts.flatMap((p) => (p.kind === 'expansion' ? [p] : p.kind === 'double' ? p.parts.filter((q): q is ShExpansion => q.kind === 'expansion') : []));
}

/** Every simple command in the tokens, those inside $(...) first (they run first). */
export function commandsOf(tokens: readonly ShToken[]): ShCommand[] {
  const out: ShCommand[] = [];
  let words: ShWord[] = [];
  const end = (): void => {
    if (words.length) out.push({ words, line: words[0]!.line });
    words = [];
  };
  for (const t of tokens) {
    if (t.kind === 'word') {
      for (const e of expansionsOf(t)) if (e.body) out.push(...commandsOf(e.body));
      // A pattern or esac ends `case WORD in` (and is no command word itself).
      if (t.role === undefined) words.push(t);
      else end();
    } else if (t.kind === 'redirect') {
      for (const e of expansionsOf(t.target)) if (e.body) out.push(...commandsOf(e.body));
    } else if (t.kind === 'newline' || t.role === undefined) end();
  }
  end();
  return out;
}

/** Every simple command of a shell text (see commandsOf). */
export function shCommands(text: string): ShCommand[] {
  return commandsOf(shTokens(text).tokens);
}

// Strict tokeniser for one line of a RouterOS script, following the Scripting manual: double-quoted
// strings with the documented escapes, delimiters () [] {} and the operators synfw emits; words may
// hold `!` (negation) and, after their first character, `/` (CIDRs); `$name` is a variable and `;`
// separates commands (the parser allows both only where synfw uses them). It rejects anything a
// RouterOS console would read differently from plain data: a raw `$` (variable) or `?` (console
// help) in a string, unknown escapes, lower-case hex, unbalanced quotes, `\` outside strings (line
// joining), `#` after the line start, tabs, control characters and non-ASCII bytes.

export class RosSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`line ${line}:${column}: ${message}`);
    this.name = 'RosSyntaxError';
  }
}

export type Token =
  | { t: 'word'; v: string; col: number }
  /** A quoted string: v is its value (escapes resolved, UTF-8 decoded), raw what stood between the quotes. */
  | { t: 'str'; v: string; raw: string; col: number; parts?: StrPart[] }
  | { t: 'punct'; v: string; col: number }
  /** `$name`: v is the name. */
  | { t: 'var'; v: string; col: number };

const PUNCT = new Set(['[', ']', '(', ')', '{', '}', '=', '~', '>', '<', '/', ';']);
const WORD = /[A-Za-z0-9_.,:@+!-]/;
/** Inside a word `/` continues it (CIDRs: 10.0.0.0/8); at the start of a token it is a menu path. */
const WORD_CONT = /[A-Za-z0-9_.,:@+!/-]/;
const NAMED_ESCAPES: Record<string, number> = {
  '"': 0x22,
  '\\': 0x5c,
  $: 0x24,
  '?': 0x3f,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  _: 0x20,
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  v: 0x0b,
};
const UPPER_HEX = /^[0-9A-F]{2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A piece of a script-mode string: literal text, or a `$name` substitution. */
export type StrPart = string | { var: string };

export interface StringOptions {
  /** Offset in `text` of the first character of `line` (error columns count from it). */
  lineStart?: number;
  /**
   * Script mode (parse-routeros-script-lexer.ts): `$name` is a variable substitution, recorded in
   * the token's parts, and `\` at the end of a line continues the string on the next one.
   */
  script?: boolean;
}

/**
 * Resolves the string that opens at `open` (the quote); returns the token, the index after it and
 * the line it ends on.
 */
export function readString(text: string, open: number, line: number, opts: StringOptions = {}): { token: Token; end: number; line: number } {
  let lineStart = opts.lineStart ?? 0;
  const startLine = line;
  const col = (i: number): number => i + 1 - lineStart;
  const parts: StrPart[] = [];
  let bytes: number[] = [];
  const decode = (): string => {
    try {
      return utf8.decode(new Uint8Array(bytes));
    } catch {
      throw new RosSyntaxError('string value is not valid UTF-8', startLine, open + 1 - (opts.lineStart ?? 0));
    }
  };
  const flush = (): void => {
    if (bytes.length) parts.push(decode());
    bytes = [];
  };
  let i = open + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined || c === '\n') throw new RosSyntaxError('unbalanced quote: the string is not closed on this line', startLine, open + 1 - (opts.lineStart ?? 0));
    if (c === '"') break;
    if (c === '$') {
      const name = opts.script ? /^[A-Za-z0-9]+/.exec(text.slice(i + 1))?.[0] : undefined;
      if (name === undefined) {
        const why = opts.script ? 'a $ in a string must name a variable ($name; $"..", $[..] and $(..) are not accepted here)' : 'raw $ in a string starts a variable substitution (write \\$)';
        throw new RosSyntaxError(why, line, col(i));
      }
      flush();
      parts.push({ var: name });
      i += 1 + name.length;
      continue;
    }
    if (c === '?') throw new RosSyntaxError('raw ? in a string opens the console help (write \\?)', line, col(i));
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined || (next === '\n' && !opts.script)) throw new RosSyntaxError('backslash at the end of the line (line joining is not accepted)', line, col(i));
      if (next === '\n') {
        // Leading blanks of the next line: the manual does not say whether they belong to the string.
        if (text[i + 2] === ' ') throw new RosSyntaxError('a string continued on an indented line (is the indentation part of the value?)', line + 1, 1);
        i += 2;
        line++;
        lineStart = i;
        continue;
      }
      const named = NAMED_ESCAPES[next];
      if (named !== undefined) {
        bytes.push(named);
        i += 2;
        continue;
      }
      const pair = text.slice(i + 1, i + 3);
      if (!UPPER_HEX.test(pair)) throw new RosSyntaxError(`unknown escape \\${/[0-9A-Fa-f]/.test(next) ? pair : next} (escapes: \\\\ \\" \\$ \\? \\n \\r \\t \\_ \\a \\b \\f \\v, \\XX upper-case hex)`, line, col(i));
      bytes.push(Number.parseInt(pair, 16));
      i += 3;
      continue;
    }
    bytes.push(c.charCodeAt(0));
    i++;
  }
  flush();
  const value = parts.map((p) => (typeof p === 'string' ? p : `$${p.var}`)).join('');
  const token: Token = { t: 'str', v: value, raw: text.slice(open + 1, i), col: open + 1 - (opts.lineStart ?? 0) };
  if (opts.script) token.parts = parts;
  return { token, end: i + 1, line };
}

/** Tokens of one physical line (already known to be printable ASCII and not a comment). */
export function tokenize(text: string, line: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
    } else if (c === '"') {
      const { token, end } = readString(text, i, line);
      tokens.push(token);
      i = end;
    } else if (PUNCT.has(c)) {
      tokens.push({ t: 'punct', v: c, col: i + 1 });
      i++;
    } else if (c === '$' && /^\$[a-z][a-z0-9]*/.test(text.slice(i))) {
      const name = /^\$([a-z][a-z0-9]*)/.exec(text.slice(i))![1]!;
      tokens.push({ t: 'var', v: name, col: i + 1 });
      i += name.length + 1;
    } else if (WORD.test(c)) {
      const start = i;
      while (i < text.length && WORD_CONT.test(text[i]!)) i++;
      tokens.push({ t: 'word', v: text.slice(start, i), col: start + 1 });
    } else {
      const why: Record<string, string> = {
        '#': 'a comment must start at the beginning of the line',
        '\\': 'backslash outside a string (line joining is not accepted)',
        $: 'a variable name is lower-case letters and digits',
      };
      throw new RosSyntaxError(why[c] ?? `unexpected character ${JSON.stringify(c)}`, line, i + 1);
    }
  }
  return tokens;
}

/** Checks the raw bytes of the whole script: ASCII, LF line ends, a final newline. */
export function checkScriptBytes(text: string): string[] {
  if (!text.endsWith('\n')) throw new RosSyntaxError('the script does not end with a newline', 0, 0);
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((l, n) => {
    for (let i = 0; i < l.length; i++) {
      const code = l.charCodeAt(i);
      if (code < 0x20 || code > 0x7e) throw new RosSyntaxError(`byte 0x${code.toString(16)} is not printable ASCII (tab, CR, control and non-ASCII characters are rejected)`, n + 1, i + 1);
    }
  });
  return lines;
}

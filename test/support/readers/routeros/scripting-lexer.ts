// Tokeniser for whole RouterOS scripts (the Scripting manual's "Line structure"), on top of the
// strict line lexer's string reader: newlines and `;` end logical lines, `\` at the end of a line
// joins it with the next, `#` starts a comment only as a line's first byte, `$name` / `$"name"` are
// variable references (also inside strings), and the expression operators (`!= <= >= && || ->`)
// are tokens. Bytes are checked as strictly as for the line lexer: printable ASCII, LF, no tabs, no
// raw `?` (pasted into a terminal it opens the help).

import { checkScriptBytes, readString, RosSyntaxError, type Token } from '../../../../src/readers/routeros/lexer.js';

/** A script token: the line lexer's kinds plus variables and line ends, with their position. */
export type ScriptToken = (Token | { t: 'var'; v: string; col: number } | { t: 'nl'; v: '\n'; col: number }) & {
  line: number;
  /** Whitespace (or a line start) stands right before the token. */
  sp: boolean;
};

const SINGLE = new Set(['[', ']', '(', ')', '{', '}', '=', '~', '/', ';']);
const PAIRS = new Set(['!=', '<=', '>=', '&&', '||']);
/** `!` only starts a word (`!invalid`, `!dynamic`); inside one it would hide a `!=`. */
const WORD_START = /[A-Za-z0-9_.,:@+*!-]/;
const WORD_CONT = /[A-Za-z0-9_.,:@+*/-]/;
/** The manual: "Valid characters in variable names are letters and digits", else quote the name. */
const VAR_NAME = /^[A-Za-z0-9]+/;

export function tokenizeScript(text: string): ScriptToken[] {
  checkScriptBytes(text);
  const out: ScriptToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let joined = false;
  let sp = true;
  const fail = (msg: string, at = i): never => {
    throw new RosSyntaxError(msg, line, at + 1 - lineStart);
  };
  const push = (tok: Token | { t: 'var'; v: string; col: number } | { t: 'nl'; v: '\n'; col: number }, tokLine = line): void => {
    out.push({ ...tok, line: tokLine, sp } as ScriptToken);
    sp = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    const col = i + 1 - lineStart;
    if (i === lineStart && c === '#') {
      if (joined) fail('a comment inside a joined line (a backslash does not continue into a comment)');
      const end = text.indexOf('\n', i);
      if (text[end - 1] === '\\') fail('a comment ending in a backslash is a syntax error', end - 1);
      i = end;
    } else if (c === ' ') {
      sp = true;
      i++;
    } else if (c === '\n') {
      push({ t: 'nl', v: '\n', col });
      i++;
      line++;
      lineStart = i;
      joined = false;
      sp = true;
    } else if (c === '\\') {
      if (text[i + 1] !== '\n') fail('backslash outside a string (only a backslash that ends a line joins it with the next)');
      i += 2;
      line++;
      lineStart = i;
      joined = true;
      sp = true;
    } else if (c === '"') {
      const startLine = line;
      const r = readString(text, i, line, { lineStart, script: true });
      if (r.line !== line) {
        line = r.line;
        lineStart = text.lastIndexOf('\n', r.end - 1) + 1;
      }
      push(r.token, startLine);
      i = r.end;
    } else if (c === '$') {
      let name: string;
      if (text[i + 1] === '"') {
        const r = readString(text, i + 1, line, { lineStart });
        name = r.token.v;
        i = r.end;
      } else {
        name = VAR_NAME.exec(text.slice(i + 1))?.[0] ?? fail('a $ must be followed by a variable name');
        i += 1 + name.length;
        if (/[_-]/.test(text[i] ?? '')) fail('variable names hold letters and digits only (write $"name" for others)');
      }
      push({ t: 'var', v: name, col });
      if (text.startsWith('->', i)) {
        push({ t: 'punct', v: '->', col: i + 1 - lineStart });
        i += 2;
      }
    } else if (PAIRS.has(text.slice(i, i + 2))) {
      push({ t: 'punct', v: text.slice(i, i + 2), col });
      i += 2;
    } else if (SINGLE.has(c) || c === '<' || c === '>') {
      push({ t: 'punct', v: c, col });
      i++;
    } else if (WORD_START.test(c)) {
      const start = i++;
      while (i < text.length && WORD_CONT.test(text[i]!)) i++;
      push({ t: 'word', v: text.slice(start, i), col });
    } else if (c === '?') {
      fail('a raw ? opens the console help when pasted into a terminal');
    } else {
      fail(`unexpected character ${JSON.stringify(c)}`);
    }
  }
  return out;
}

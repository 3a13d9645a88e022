// nft's tokens for the subset synfw writes, the way nft's scanner (src/scanner.l) splits them:
// `#` starts a comment to the end of the line outside strings, a quoted string is `"[^"]*"` with
// no escapes at all (a backslash is an ordinary character), and a newline ends a command. Anything
// else (`\` continuations, `$` variables, `@` named sets, `*`, `'`) is refused.

export type Tok = { t: 'word' | 'str' | 'punct'; v: string; line: number } | { t: 'nl'; v: '\n'; line: number };

/** Tokens and `#` comments (with whether a comment stands alone on its line). */
export function tokenize(text: string): { tokens: Tok[]; comments: { line: number; text: string; alone: boolean }[] } {
  const tokens: Tok[] = [];
  const comments: { line: number; text: string; alone: boolean }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      tokens.push({ t: 'nl', v: '\n', line: line++ });
      i++;
    } else if (c === ' ' || c === '\t') i++;
    else if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      const last = tokens[tokens.length - 1];
      comments.push({ line, text: text.slice(i + 1, stop), alone: !last || last.t === 'nl' });
      i = stop;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw new Error(`line ${line}: unterminated string`);
      const v = text.slice(i + 1, end);
      if (v.includes('\n')) throw new Error(`line ${line}: newline inside a string`);
      tokens.push({ t: 'str', v, line });
      i = end + 1;
      // nft would glue a word straight after a string into a syntax error; refuse it here too.
      if (i < text.length && /[^\s;{},]/.test(text[i]!)) throw new Error(`line ${line}: text glued to a string`);
    } else if (/[A-Za-z0-9_./:-]/.test(c)) {
      const m = /^[A-Za-z0-9_./:-]+/.exec(text.slice(i))!;
      tokens.push({ t: 'word', v: m[0], line });
      i += m[0].length;
    } else {
      const two = text.slice(i, i + 2);
      const v = two === '==' || two === '!=' ? two : c;
      if (!['==', '!=', '{', '}', ',', ';', '&', '|'].includes(v)) throw new Error(`line ${line}: unexpected character ${JSON.stringify(c)}`);
      tokens.push({ t: 'punct', v, line });
      i += v.length;
    }
  }
  return { tokens, comments };
}

export class Reader {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(k = 0): Tok | undefined {
    return this.toks[this.i + k];
  }
  fail(what: string): never {
    const t = this.peek();
    throw new Error(`line ${t?.line ?? 'EOF'}: expected ${what}, got ${t ? JSON.stringify(t.v) : 'end of input'}`);
  }
  is(v: string, k = 0): boolean {
    const t = this.peek(k);
    return !!t && t.t !== 'str' && t.v === v;
  }
  eat(...vs: string[]): void {
    for (const v of vs) {
      if (!this.is(v)) this.fail(JSON.stringify(v));
      this.i++;
    }
  }
  word(re: RegExp, what: string): string {
    const t = this.peek();
    if (!t || t.t !== 'word' || !re.test(t.v)) this.fail(what);
    this.i++;
    return t.v;
  }
  str(): string {
    const t = this.peek();
    if (!t || t.t !== 'str') this.fail('a quoted string');
    this.i++;
    return t.v;
  }
  nl(): void {
    this.eat('\n');
    while (this.is('\n')) this.i++;
  }
}

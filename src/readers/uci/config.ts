// /etc/config/firewall (and `uci export firewall`) the way uci reads it, with the tokenizer of
// openwrt/uci file.c (uci_parse_line / next_arg / parse_str): bare words, '...' literal, "..." with
// backslash escapes, backslash escapes and line continuation outside quotes, adjacent pieces
// concatenated, `#` comments only outside quotes, `;` between commands on one line. The sections go
// to the model (model.ts), which rejects unknown section types, unknown redirect or rule options,
// invalid names, control characters in values and duplicate sections or options.

import { NAME, UciModel, UciParseError, type UciSection } from './model.js';
import type { Skipped } from '../flow.js';

// ---------------------------------------------------------------------------------------------
// /etc/config/firewall: a transcription of openwrt/uci file.c, one physical line at a time.

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

class UciLexer {
  private lines: string[];
  private next = 0;
  buf = '';
  pos = 0;
  line = 0;

  constructor(text: string) {
    this.lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  }

  /** uci_getln(ctx, offset): the next physical line replaces the buffer from `offset` on. */
  getln(offset: number): boolean {
    const l = this.lines[this.next];
    this.buf = this.buf.slice(0, offset);
    if (l === undefined) return false;
    this.next++;
    this.line++;
    this.buf += l;
    return true;
  }

  get c(): string {
    return this.buf[this.pos] ?? '';
  }

  /** parse_backslash: skips the backslash; at the end of a line fetches the next one (continuation). */
  private backslash(): boolean {
    this.pos++;
    const rest = this.buf.slice(this.pos);
    if (rest === '' || rest === '\n' || rest === '\r\n') {
      this.getln(this.pos);
      return false;
    }
    return true;
  }

  private quoted(q: "'" | '"'): string {
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.c;
      if (c === q) {
        this.pos++;
        return out;
      }
      if (c === '') {
        if (!this.getln(this.pos)) throw new UciParseError(`EOF with unterminated ${q}`, this.line);
        continue;
      }
      if (q === '"' && c === '\\') {
        if (!this.backslash()) continue;
      }
      out += this.c;
      this.pos++;
    }
  }

  /** parse_str: one argument; `#` ends the line, `;` ends the command. */
  private str(): string {
    let out = '';
    let next = true;
    do {
      const c = this.c;
      if (c === "'" || c === '"') out += this.quoted(c);
      else if (c === '#') {
        this.buf = this.buf.slice(0, this.pos);
        break;
      } else if (c === '') break;
      else if (c === ';') {
        next = false;
        break;
      } else {
        if (c === '\\' && !this.backslash()) continue;
        out += this.c;
        this.pos++;
      }
    } while (this.c !== '' && !isSpace(this.c));
    if (this.c !== '' && next) this.pos++;
    return out;
  }

  private skipWhitespace(): void {
    while (this.c !== '' && isSpace(this.c)) this.pos++;
  }

  /** next_arg */
  arg(required: boolean, name: boolean): string {
    this.skipWhitespace();
    let v: string;
    if (this.c === ';') {
      this.pos++;
      v = '';
    } else v = this.str();
    if (v === '' && required) throw new UciParseError('insufficient arguments', this.line);
    if (v !== '' && name && !NAME.test(v)) throw new UciParseError(`invalid character in name field: ${JSON.stringify(v)}`, this.line);
    return v;
  }

  /** assert_eol (uci runs in strict mode by default). */
  eol(): void {
    if (this.arg(false, false) !== '') throw new UciParseError('too many arguments', this.line);
  }

  /** strtok(cur, " \t"): the command word; null at the end of the buffer. */
  command(): string | null {
    while (this.c === ' ' || this.c === '\t') this.pos++;
    if (this.c === '') return null;
    let w = '';
    while (this.c !== '' && this.c !== ' ' && this.c !== '\t') w += this.buf[this.pos++];
    if (this.c !== '') this.pos++;
    return w;
  }

  more(): boolean {
    this.buf = '';
    this.pos = 0;
    return this.getln(0);
  }
}

/**
 * Parses /etc/config/firewall text; throws UciParseError where uci would, and where it is lax. With
 * `skipped`, a command the model refuses (an unknown section type or option, a repeated section)
 * is listed there instead, with the section it belongs to left out: a section read in part could
 * mean something else than the whole.
 */
export function parseUciConfig(text: string, skipped?: Skipped[]): UciSection[] {
  const lx = new UciLexer(text);
  const model = new UciModel();
  /** A section the lenient reading drops, from its first refused command on. */
  const dropped = new Set<UciSection>();
  let section: UciSection | undefined;
  const refuse = (e: unknown, line: string): void => {
    if (!skipped || !(e instanceof UciParseError)) throw e;
    skipped.push({ at: `line ${lx.line}`, text: line.trim(), why: e.message.replace(/^line \d+: /, '') });
  };
  while (lx.more()) {
    const raw = lx.buf;
    // uci_parse_line: skip leading whitespace, then commands separated by `;`.
    while (lx.c !== '' && isSpace(lx.c)) lx.pos++;
    for (let word = lx.command(); word !== null; word = lx.command()) {
      if (word === '' || word.startsWith('#')) break;
      if (word === 'p' || word === 'package') {
        const pkg = lx.arg(true, true);
        lx.eol();
        if (pkg !== 'firewall') throw new UciParseError(`package ${pkg} is not firewall`, lx.line);
      } else if (word === 'c' || word === 'config') {
        const type = lx.arg(true, false);
        const name = lx.arg(false, true);
        lx.eol();
        try {
          section = model.add(type, name === '' ? undefined : name, lx.line);
        } catch (e) {
          refuse(e, raw);
          section = undefined;
        }
      } else if (word === 'o' || word === 'option' || word === 'l' || word === 'list') {
        if (!section && !skipped) throw new UciParseError('option/list command found before the first section', lx.line);
        const name = lx.arg(true, true);
        const value = lx.arg(false, false);
        lx.eol();
        if (!section || dropped.has(section)) continue;
        try {
          model.set(section, name, value, word.startsWith('l'), lx.line);
        } catch (e) {
          refuse(e, raw);
          dropped.add(section);
        }
      } else throw new UciParseError(`invalid command ${JSON.stringify(word)}`, lx.line);
    }
  }
  for (const s of dropped) model.remove(s.id);
  return model.sections;
}

// A strict reader for synfw's OpenWrt output, the way the router reads it:
//  - parseUciConfig: /etc/config/firewall text, with the tokenizer of openwrt/uci file.c
//    (uci_parse_line / next_arg / parse_str): bare words, '...' literal, "..." with backslash
//    escapes, backslash escapes and line continuation outside quotes, adjacent pieces
//    concatenated, `#` comments only outside quotes, `;` between commands on one line.
//  - parseUciScript: a sh script, split into words the way sh does, whose literal `uci` commands
//    (set / delete / add_list / commit, with uci_parse_ptr's argument syntax) are replayed.
//  - redirectTuples / rule6Tuples: the (proto, WAN port, NAS address, NAS port, source) forwards the
//    redirect sections make fw3/fw4 install and the IPv6 ports the rule sections open, per port.
// It rejects what it does not understand: unknown section types, unknown redirect or rule options, invalid
// names, control characters in values, duplicate sections or options, a section set without
// being deleted first, set/add_list with shell expansions in them.

import { NAME, UciModel, UciParseError, type UciSection } from './parse-uci-model.js';

export { UciModel, UciParseError, REDIRECT_OPTIONS, RULE_OPTIONS, SECTION_TYPES, type UciSection } from './parse-uci-model.js';

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

/** Parses /etc/config/firewall text; throws UciParseError where uci would, and where it is lax. */
export function parseUciConfig(text: string): UciSection[] {
  const lx = new UciLexer(text);
  const model = new UciModel();
  let section: UciSection | undefined;
  while (lx.more()) {
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
        section = model.add(type, name === '' ? undefined : name, lx.line);
      } else if (word === 'o' || word === 'option' || word === 'l' || word === 'list') {
        if (!section) throw new UciParseError('option/list command found before the first section', lx.line);
        const name = lx.arg(true, true);
        const value = lx.arg(false, false);
        lx.eol();
        model.set(section, name, value, word.startsWith('l'), lx.line);
      } else throw new UciParseError(`invalid command ${JSON.stringify(word)}`, lx.line);
    }
  }
  return model.sections;
}

export { shCommands, parseUciScript, type ShWord, type ShCommand, type UciScript } from './parse-uci-script.js';
export { redirectTuples, rule6Tuples, type UciRule6Tuple, type UciTuple } from './parse-uci-tuples.js';

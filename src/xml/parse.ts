// A small, strict XML tokeniser that keeps source offsets. pfSense's and OPNsense's --merge edit a
// user's config.xml with it in place (every byte outside the rules it replaces stays as it was,
// which re-serialising through an XML library cannot promise), and the config.xml readers
// (src/readers/config-xml/) read a backup with it. It accepts well-formed XML 1.0 without a
// DOCTYPE (neither product writes one, and an internal subset could define entities we would then
// misread).

import { decodeEntities } from '../render/escape/xml.js';

export interface XmlElement {
  name: string;
  /** '<' of the start tag. */
  start: number;
  /** Just after the start tag's '>'. */
  openEnd: number;
  /** '<' of the end tag; equals end for <x/>. */
  closeStart: number;
  /** Just after the end tag's '>'. */
  end: number;
  selfClosing: boolean;
  /** Attribute values, decoded. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The character data directly inside: text decoded, CDATA as is, in document order. */
  text: string;
}

export interface XmlComment {
  start: number;
  end: number;
  body: string;
}

export interface XmlDocument {
  source: string;
  root: XmlElement;
  /** Just after the XML declaration, or -1 when there is none. */
  declEnd: number;
  /** Comments outside the root element. */
  comments: XmlComment[];
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = '[A-Za-z_:\\u00c0-\\uffef][-A-Za-z0-9_:.\\u00b7\\u00c0-\\uffef]*';
const START_TAG = new RegExp(`<(${NAME})((?:[ \\t\\r\\n]+${NAME}[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"[^<"]*"|'[^<']*'))*)[ \\t\\r\\n]*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"]*)"|'([^']*)')`, 'g');
const END_TAG = new RegExp(`</(${NAME})[ \\t\\r\\n]*>`, 'y');
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|amp|lt|gt|quot|apos);/y;
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const isXmlChar = (c: number): boolean => c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/** One pass over the source: each step reads one construct at `i` and moves past it. */
class XmlReader {
  private readonly stack: XmlElement[] = [];
  readonly comments: XmlComment[] = [];
  root: XmlElement | undefined;
  declEnd = -1;
  i: number;

  constructor(readonly source: string) {
    this.i = source.startsWith('\ufeff') ? 1 : 0;
  }

  fail(message: string, at: number): never {
    throw new XmlSyntaxError(message, lineAt(this.source, at));
  }

  /** Character data and attribute values: allowed characters and references only. */
  checkData(data: string, at: number): void {
    const bad = BAD_CHAR.exec(data);
    if (bad) this.fail(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed in XML`, at + bad.index);
    for (let amp = data.indexOf('&'); amp !== -1; amp = data.indexOf('&', amp + 1)) {
      REFERENCE.lastIndex = amp;
      const m = REFERENCE.exec(data);
      if (!m) this.fail('"&" that does not start &amp; &lt; &gt; &quot; &apos; or a character reference', at + amp);
      const code = m[1] !== undefined ? Number.parseInt(m[1], 16) : m[2] !== undefined ? Number(m[2]) : 32;
      if (!isXmlChar(code)) this.fail(`character reference ${m[0]} is not an XML character`, at + amp);
    }
  }

  get top(): XmlElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  declaration(): void {
    const { source, i } = this;
    if (!/^<\?xml[ \t\r\n]/.test(source.slice(i, i + 6))) return;
    const e = source.indexOf('?>', i);
    if (e === -1) this.fail('unterminated XML declaration', i);
    this.declEnd = this.i = e + 2;
  }

  text(): void {
    const { source, i, top } = this;
    let e = source.indexOf('<', i);
    if (e === -1) e = source.length;
    const data = source.slice(i, e);
    if (!top) {
      if (data.trim() !== '') this.fail('text outside the root element', i);
    } else {
      if (data.includes(']]>')) this.fail('"]]>" in text', i + data.indexOf(']]>'));
      this.checkData(data, i);
      top.text += decodeEntities(data);
    }
    this.i = e;
  }

  comment(): void {
    const { source, i } = this;
    const e = source.indexOf('-->', i + 4);
    if (e === -1) this.fail('unterminated comment', i);
    const body = source.slice(i + 4, e);
    if (body.includes('--') || body.endsWith('-')) this.fail('"--" inside a comment', i);
    this.checkData(body.replace(/&/g, ' '), i);
    if (!this.top) this.comments.push({ start: i, end: e + 3, body });
    this.i = e + 3;
  }

  cdata(): void {
    const { source, i, top } = this;
    if (!top) this.fail('CDATA outside the root element', i);
    const e = source.indexOf(']]>', i + 9);
    if (e === -1) this.fail('unterminated CDATA section', i);
    const data = source.slice(i + 9, e);
    this.checkData(data.replace(/&/g, ' '), i);
    top.text += data;
    this.i = e + 3;
  }

  instruction(): void {
    const { source, i } = this;
    const e = source.indexOf('?>', i + 2);
    if (e === -1) this.fail('unterminated processing instruction', i);
    if (/^<\?xml([ \t\r\n?]|$)/i.test(source.slice(i, i + 6))) this.fail('XML declaration not at the start of the file', i);
    this.i = e + 2;
  }

  endTag(): void {
    const { source, i, top } = this;
    END_TAG.lastIndex = i;
    const m = END_TAG.exec(source);
    if (!m) this.fail('malformed end tag', i);
    if (!top) this.fail(`</${m[1]}> without a start tag`, i);
    if (top.name !== m[1]) this.fail(`</${m[1]}> where </${top.name}> was expected`, i);
    top.closeStart = i;
    top.end = this.i = i + m[0].length;
    this.stack.pop();
  }

  startTag(): void {
    const { source, i, top } = this;
    START_TAG.lastIndex = i;
    const m = START_TAG.exec(source);
    if (!m) this.fail('malformed tag', i);
    if (!top && this.root) this.fail('a second root element', i);
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>; // "__proto__" is a valid name
    for (const a of m[2]!.matchAll(ATTRIBUTE)) {
      if (Object.hasOwn(attributes, a[1]!)) this.fail(`attribute ${a[1]} given twice`, i);
      const value = a[2] ?? a[3] ?? '';
      this.checkData(value, i);
      attributes[a[1]!] = decodeEntities(value);
    }
    const end = i + m[0].length;
    const el: XmlElement = { name: m[1]!, start: i, openEnd: end, closeStart: end, end, selfClosing: m[3] === '/', attributes, children: [], text: '' };
    top?.children.push(el);
    this.root ??= el;
    if (!el.selfClosing) this.stack.push(el);
    this.i = end;
  }

  /** The construct at `i`, read. */
  step(): void {
    const { source, i } = this;
    if (source[i] !== '<') this.text();
    else if (source.startsWith('<!--', i)) this.comment();
    else if (source.startsWith('<![CDATA[', i)) this.cdata();
    else if (source.startsWith('<!', i)) this.fail('DOCTYPE and other declarations are not supported', i);
    else if (source.startsWith('<?', i)) this.instruction();
    else if (source.startsWith('</', i)) this.endTag();
    else this.startTag();
  }

  finish(): XmlDocument {
    if (this.stack.length) this.fail(`<${this.top!.name}> is not closed`, this.source.length);
    if (!this.root) this.fail('no root element', 0);
    return { source: this.source, root: this.root, declEnd: this.declEnd, comments: this.comments };
  }
}

export function parseXml(source: string): XmlDocument {
  const reader = new XmlReader(source);
  reader.declaration();
  while (reader.i < source.length) reader.step();
  return reader.finish();
}

export const childrenNamed = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);

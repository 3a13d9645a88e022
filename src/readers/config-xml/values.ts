// What pfSense's and OPNsense's config.xml readers share: the document's <nat> and <filter> rules
// (read with the project's XML tokeniser, src/xml), an element's text as each product stores it,
// exact sets of child elements, ports, addresses and the <source> element.

import { ipFamily } from '../address.js';
import { childrenNamed, parseXml, type XmlElement } from '../../xml/parse.js';

export type { XmlElement };

export type Src = { kind: 'any' } | { kind: 'address'; address: string } | { kind: 'network'; network: string };
export const srcKey = (s: Src): string => (s.kind === 'any' ? 'any' : s.kind === 'address' ? s.address : `net:${s.network}`);
export const sameSrc = (a: Src, b: Src): boolean => srcKey(a) === srcKey(b);

export type Protocol = 'tcp' | 'udp' | 'tcp/udp';

export interface ConfigDoc {
  root: 'pfsense' | 'nat' | 'filter' | 'opnsense';
  /** Every <nat><rule> / <filter><rule> (user rules may hold anything). */
  natRules: XmlElement[];
  filterRules: XmlElement[];
}

export const fail = (message: string): never => {
  throw new Error(`config.xml: ${message}`);
};

/**
 * PHP html_entity_decode(ENT_QUOTES | ENT_SUBSTITUTE | ENT_XML1), as xmlparse.inc's cdata handler
 * decodes every value (pfSense master): XML's five named entities and numeric references, nothing
 * else. Its own writer (dump_xml_config: htmlentities with ENT_XML1) saves ' as &apos;, so every
 * backup of a rule with a ' holds it. (Older releases decode with ENT_HTML401 and save ' as &#039;.)
 */
export function htmlDecode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e]) return named[e]!;
    return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

export type Decode = (s: string) => string;

/** OPNsense reads values with the XML parser only. */
export const plain: Decode = (s) => s;

/** The one child element `name` of `el` (undefined when absent); two of them are an error. */
export function child(el: XmlElement, name: string, what = el.name): XmlElement | undefined {
  const found = childrenNamed(el, name);
  if (found.length > 1) fail(`${what}: <${name}> appears ${found.length} times`);
  return found[0];
}

/** An element's text as the product stores it: text and CDATA joined, then `decode` (pfSense: html_entity_decode). */
export function textOf(el: XmlElement | undefined, what: string, decode: Decode = htmlDecode): string {
  if (!el) return fail(`${what} is missing`);
  if (el.children.length) fail(`${what} has an element <${el.children[0]!.name}> where text was expected`);
  if (Object.keys(el.attributes).length) fail(`${what} has an attribute where text was expected`);
  return decode(el.text);
}

/** The text of the child `name`. */
export const childText = (el: XmlElement, name: string, decode?: Decode): string => textOf(child(el, name), name, decode);

/** The child elements and attributes (as @_name) of `el` are exactly `keys`, each once, with no text between them. */
export function exactKeys(el: XmlElement, keys: string[], what: string): void {
  if (el.text.trim() !== '') fail(`${what} has stray text ${JSON.stringify(el.text.trim())}`);
  const got = [...el.children.map((c) => c.name), ...Object.keys(el.attributes).map((a) => `@_${a}`)];
  const twice = got.filter((k, i) => got.indexOf(k) !== i);
  if (twice.length) fail(`${what}: <${twice[0]}> appears more than once`);
  const extra = got.filter((k) => !keys.includes(k));
  const missing = keys.filter((k) => !got.includes(k));
  if (extra.length || missing.length) fail(`${what}: unexpected [${extra.join(', ')}], missing [${missing.join(', ')}]`);
}

/** The <rule> children of a section element (<nat>, <filter>). */
const rulesOf = (section: XmlElement | undefined): XmlElement[] => (section ? childrenNamed(section, 'rule') : []);

/** A config.xml (pfSense or OPNsense) or a <nat> / <filter> fragment, with its rules. */
export function readConfigDoc(xml: string): ConfigDoc {
  const { root } = parseXml(xml);
  if (root.name === 'pfsense' || root.name === 'opnsense') {
    return { root: root.name, natRules: rulesOf(child(root, 'nat')), filterRules: rulesOf(child(root, 'filter')) };
  }
  if (root.name === 'nat') return { root: 'nat', natRules: rulesOf(root), filterRules: [] };
  if (root.name === 'filter') return { root: 'filter', natRules: [], filterRules: rulesOf(root) };
  return fail(`unexpected root element <${root.name}>`);
}

const PORT = /^([1-9][0-9]{0,4})(?:-([1-9][0-9]{0,4}))?$/;
const PROTOCOLS = ['tcp', 'udp', 'tcp/udp'];
export const IFACE = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$/;

export function portRange(s: string, what: string): [number, number] {
  const m = PORT.exec(s) ?? fail(`${what}: bad port ${JSON.stringify(s)}`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (last > 65535 || last <= first === (m[2] !== undefined)) fail(`${what}: bad port range ${s}`);
  return [first, last];
}

export function protocolOf(el: XmlElement | undefined, what: string, decode?: Decode): Protocol {
  const p = textOf(el, `${what} protocol`, decode) as Protocol;
  if (!PROTOCOLS.includes(p)) fail(`${what}: protocol ${p}`);
  return p;
}

export const protos = (p: Protocol): ('tcp' | 'udp')[] => (p === 'tcp/udp' ? ['tcp', 'udp'] : [p]);

/** An address or CIDR of the family: "a.b.c.d", "a.b.c.d/len", "2001:db8::1", "2001:db8::/48". */
export function checkAddress(s: string, family: 4 | 6, what: string): string {
  const [addr, len, ...rest] = s.split('/');
  if (rest.length || ipFamily(addr ?? '') !== family) fail(`${what}: not an IPv${family} address: ${s}`);
  if (len !== undefined && (!/^[0-9]{1,3}$/.test(len) || Number(len) > (family === 4 ? 32 : 128))) fail(`${what}: bad prefix length in ${s}`);
  return s;
}

/** <source>: exactly one of <any> (with the product's content), <address> of the family, <network>. */
export function strictSource(el: XmlElement | undefined, what: string, family: 4 | 6, anyText: string, decode?: Decode): Src {
  if (!el) return fail(`${what}: no <source>`);
  if (el.children.length !== 1) fail(`${what}: <source> must hold exactly one of any, address, network; got [${el.children.map((c) => c.name).join(', ')}]`);
  const k = el.children[0]!.name;
  exactKeys(el, [k], `${what} source`);
  const text = textOf(el.children[0], `${what} source ${k}`, decode);
  if (k === 'any') {
    if (text !== anyText) fail(`${what}: <any> holds ${JSON.stringify(text)}, expected ${JSON.stringify(anyText)}`);
    return { kind: 'any' };
  }
  if (k === 'address') return { kind: 'address', address: checkAddress(text, family, `${what} source`) };
  if (k === 'network') {
    if (!IFACE.test(text)) fail(`${what}: source network ${text}`);
    return { kind: 'network', network: text };
  }
  return fail(`${what}: unknown source element <${k}>`);
}

export const descrOf = (r: XmlElement, decode?: Decode): string => (child(r, 'descr') ? childText(r, 'descr', decode).trim() : '');
export const idOf = (r: XmlElement, decode?: Decode): string => (child(r, 'associated-rule-id') ? childText(r, 'associated-rule-id', decode) : '');

/** The NAS ports pf forwards a WAN range to: local-port .. local-port + (last - first). */
export const localRange = (n: { localPort: number; first: number; last: number }): string => {
  const lastLocal = n.localPort + n.last - n.first;
  return lastLocal === n.localPort ? String(n.localPort) : `${n.localPort}-${lastLocal}`;
};

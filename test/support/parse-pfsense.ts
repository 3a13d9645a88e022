// Reads pfSense config.xml the way pfSense does (an XML parser, then html_entity_decode on every
// value) and checks synfw's rules strictly: exactly the elements synfw writes, in pfSense's value
// formats, every port forward linked to exactly one pass rule that allows what it forwards.

import { spawnSync } from 'node:child_process';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Tuple {
  proto: 'tcp' | 'udp';
  wan: number;
  address: string;
  port: number;
}

export interface NatRule {
  protocol: 'tcp' | 'udp' | 'tcp/udp';
  first: number;
  last: number;
  target: string;
  localPort: number;
  iface: string;
  descr: string;
  id: string;
}

export interface FilterRule {
  protocol: 'tcp' | 'udp' | 'tcp/udp';
  address: string;
  port: string;
  iface: string;
  descr: string;
  id: string;
  tracker: number;
}

type Node = Record<string, unknown>;

export interface PfDoc {
  root: 'pfsense' | 'nat' | 'filter';
  /** Every <nat><rule> / <filter><rule>, raw (user rules may hold anything). */
  natRules: Node[];
  filterRules: Node[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  cdataPropName: '#cdata',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => name === 'rule',
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const fail = (message: string): never => {
  throw new Error(`parse-pfsense: ${message}`);
};

/** PHP html_entity_decode for the entities pfSense writes (ENT_QUOTES|ENT_HTML401, so not &apos;). */
export function htmlDecode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
    if (named[e]) return named[e]!;
    return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** An element's text as pfSense stores it: text and CDATA joined, then html_entity_decode. */
export function textOf(v: unknown, what: string): string {
  if (typeof v === 'string') return htmlDecode(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Node;
    for (const k of Object.keys(o)) if (k !== '#cdata' && k !== '#text') fail(`${what} has an element <${k}> where text was expected`);
    const cdata = Array.isArray(o['#cdata']) ? (o['#cdata'] as string[]).join('') : ((o['#cdata'] as string | undefined) ?? '');
    return htmlDecode(`${cdata}${typeof o['#text'] === 'string' ? o['#text'].trim() : ''}`);
  }
  return fail(`${what} is not a single text element: ${JSON.stringify(v)}`);
}

const rulesOf = (section: unknown): Node[] => (section && typeof section === 'object' ? (((section as Node).rule as Node[] | undefined) ?? []) : []);

export function parsePf(xml: string): PfDoc {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) fail(`not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const obj = parser.parse(xml) as Node;
  const roots = Object.keys(obj).filter((k) => k !== '#text');
  if (roots.length !== 1) fail(`expected one root element, got ${roots.join(', ')}`);
  const root = roots[0] as PfDoc['root'];
  if (root === 'pfsense') {
    const top = obj.pfsense as Node;
    for (const s of ['nat', 'filter']) if (Array.isArray(top[s])) fail(`<${s}> appears more than once`);
    return { root, natRules: rulesOf(top.nat), filterRules: rulesOf(top.filter) };
  }
  if (root === 'nat') return { root, natRules: rulesOf(obj.nat), filterRules: [] };
  if (root === 'filter') return { root, natRules: [], filterRules: rulesOf(obj.filter) };
  return fail(`unexpected root element <${root}>`);
}

function exactKeys(node: Node, keys: string[], what: string): void {
  const got = Object.keys(node).filter((k) => k !== '#text');
  if (typeof node['#text'] === 'string' && node['#text'].trim() !== '') fail(`${what} has stray text ${JSON.stringify(node['#text'])}`);
  const extra = got.filter((k) => !keys.includes(k));
  const missing = keys.filter((k) => !got.includes(k));
  if (extra.length || missing.length) fail(`${what}: unexpected [${extra.join(', ')}], missing [${missing.join(', ')}]`);
}

const PORT = /^([1-9][0-9]{0,4})(?:-([1-9][0-9]{0,4}))?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;
const ID = /^nat_[0-9a-f]{13}[0-9]\.[0-9]{8}$/;
const PROTOCOLS = ['tcp', 'udp', 'tcp/udp'];

function portRange(s: string, what: string): [number, number] {
  const m = PORT.exec(s) ?? fail(`${what}: bad port ${JSON.stringify(s)}`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (last > 65535 || last <= first === (m[2] !== undefined)) fail(`${what}: bad port range ${s}`);
  return [first, last];
}

function strictNat(r: Node, i: number): NatRule {
  const what = `nat rule ${i}`;
  exactKeys(r, ['source', 'destination', 'ipprotocol', 'protocol', 'target', 'local-port', 'interface', 'descr', 'associated-rule-id'], what);
  exactKeys(r.source as Node, ['any'], `${what} source`);
  if ((r.source as Node).any !== '') fail(`${what}: <any> is not empty`);
  const dst = r.destination as Node;
  exactKeys(dst, ['network', 'port'], `${what} destination`);
  if (textOf(dst.network, 'network') !== 'wanip') fail(`${what}: destination network is not wanip`);
  const [first, last] = portRange(textOf(dst.port, 'port'), what);
  if (textOf(r.ipprotocol, 'ipprotocol') !== 'inet') fail(`${what}: ipprotocol is not inet`);
  const protocol = textOf(r.protocol, 'protocol') as NatRule['protocol'];
  if (!PROTOCOLS.includes(protocol)) fail(`${what}: protocol ${protocol}`);
  const target = textOf(r.target, 'target');
  if (!IPV4.test(target)) fail(`${what}: target ${target}`);
  const local = textOf(r['local-port'], 'local-port');
  if (!/^[1-9][0-9]{0,4}$/.test(local) || Number(local) + (last - first) > 65535) fail(`${what}: local-port ${local}`);
  const iface = textOf(r.interface, 'interface');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$/.test(iface)) fail(`${what}: interface ${iface}`);
  const id = textOf(r['associated-rule-id'], 'associated-rule-id');
  if (!ID.test(id)) fail(`${what}: associated-rule-id ${id}`);
  return { protocol, first, last, target, localPort: Number(local), iface, descr: textOf(r.descr, 'descr'), id };
}

function strictFilter(r: Node, i: number): FilterRule {
  const what = `filter rule ${i}`;
  exactKeys(r, ['type', 'source', 'interface', 'ipprotocol', 'protocol', 'destination', 'descr', 'associated-rule-id', 'tracker'], what);
  if (textOf(r.type, 'type') !== 'pass') fail(`${what}: type is not pass`);
  exactKeys(r.source as Node, ['any'], `${what} source`);
  const dst = r.destination as Node;
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  if (textOf(r.ipprotocol, 'ipprotocol') !== 'inet') fail(`${what}: ipprotocol is not inet`);
  const protocol = textOf(r.protocol, 'protocol') as FilterRule['protocol'];
  if (!PROTOCOLS.includes(protocol)) fail(`${what}: protocol ${protocol}`);
  const tracker = textOf(r.tracker, 'tracker');
  if (!/^[1-9][0-9]{0,9}$/.test(tracker) || Number(tracker) >= 2 ** 32) fail(`${what}: tracker ${tracker}`);
  const port = textOf(dst.port, 'port');
  portRange(port, what);
  return {
    protocol,
    address: textOf(dst.address, 'address'),
    port,
    iface: textOf(r.interface, 'interface'),
    descr: textOf(r.descr, 'descr'),
    id: textOf(r['associated-rule-id'], 'associated-rule-id'),
    tracker: Number(tracker),
  };
}

/** pfSense's substr("NAT " . $descr, 0, 62), kept to whole UTF-8 characters. */
export function natFilterDescr(descr: string): string {
  const bytes = Buffer.from(`NAT ${descr}`, 'utf8');
  let n = Math.min(62, bytes.length);
  while (n > 0 && n < bytes.length && (bytes[n]! & 0xc0) === 0x80) n--;
  return bytes.subarray(0, n).toString('utf8');
}

const descrOf = (r: Node): string => (r.descr === undefined ? '' : textOf(r.descr, 'descr').trim());
const idOf = (r: Node): string => (r['associated-rule-id'] === undefined ? '' : textOf(r['associated-rule-id'], 'associated-rule-id'));

/**
 * The rules of one synfw profile, checked strictly and with their links: each port forward has
 * exactly one pass rule (same id, interface and protocol) to the NAS address and the NAS port(s)
 * pfSense computes from <local-port>; no pass rule of the profile is left without its forward.
 */
export function synfwRules(doc: PfDoc, profile: string): { nat: NatRule[]; filter: FilterRule[]; tuples: Tuple[] } {
  const tag = `synfw:${profile} `;
  const nat = doc.natRules.filter((r) => descrOf(r).startsWith(tag)).map(strictNat);
  const filter = doc.filterRules.filter((r) => descrOf(r).startsWith(`NAT ${tag}`)).map(strictFilter);
  const tuples: Tuple[] = [];
  for (const n of nat) {
    const linked = doc.filterRules.filter((r) => idOf(r) === n.id);
    if (linked.length !== 1) fail(`${n.id}: ${linked.length} filter rules carry this associated-rule-id`);
    const f = filter.find((x) => x.id === n.id) ?? fail(`${n.id}: the linked filter rule is not tagged NAT ${tag}`);
    const lastLocal = n.localPort + n.last - n.first;
    const port = lastLocal === n.localPort ? String(n.localPort) : `${n.localPort}-${lastLocal}`;
    if (f.address !== n.target || f.port !== port || f.protocol !== n.protocol || f.iface !== n.iface) {
      fail(`${n.id}: pass rule ${f.protocol} ${f.address}:${f.port} on ${f.iface} does not match forward to ${n.target}:${port}`);
    }
    if (f.descr !== natFilterDescr(n.descr)) fail(`${n.id}: pass rule descr ${JSON.stringify(f.descr)} is not "NAT " + descr cut to 62 bytes`);
    for (const proto of n.protocol === 'tcp/udp' ? (['tcp', 'udp'] as const) : [n.protocol]) {
      for (let i = 0; i <= n.last - n.first; i++) tuples.push({ proto, wan: n.first + i, address: n.target, port: n.localPort + i });
    }
  }
  for (const f of filter) if (!nat.some((n) => n.id === f.id)) fail(`pass rule ${f.id} has no port forward`);
  return { nat, filter, tuples };
}

/**
 * Runs `xmllint --noout -` on the text: undefined when it accepts it, its complaint otherwise, or
 * 'missing' when xmllint is not installed (the caller skips unless CI=true).
 */
export function xmllint(text: string): string | undefined | 'missing' {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: text, encoding: 'utf8' });
  if (r.error) return 'missing';
  return r.status === 0 ? undefined : r.stderr || `exit ${r.status}`;
}

export const haveXmllint = xmllint('<a/>') !== 'missing';
/** Skip tests that need xmllint when it is missing, except in CI where a missing tool must fail. */
export const skipXmllint = !haveXmllint && process.env.CI !== 'true';

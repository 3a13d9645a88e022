// Reads pfSense config.xml the way pfSense does (an XML parser, then html_entity_decode on every
// value) and checks synfw's rules strictly: exactly the elements synfw writes, in pfSense's value
// formats, every port forward linked to exactly one pass rule that allows what it forwards, and
// the IPv6 pass rules. The generic pieces (text, sources, ports) are shared with parse-opnsense.ts.

import { spawnSync } from 'node:child_process';
import { isIP } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Plan } from '../../src/plan/types.js';

export interface Tuple {
  proto: 'tcp' | 'udp';
  wan: number;
  address: string;
  port: number;
}

/** A forwarded (or, for IPv6, allowed) port with the source that may use it. */
export interface Flow {
  proto: 'tcp' | 'udp';
  /** WAN port; for IPv6 the NAS port (no translation). */
  wan: number;
  address: string;
  port: number;
  /** "any", an address or CIDR as written, or "net:<interface>". */
  source: string;
}

export type Src = { kind: 'any' } | { kind: 'address'; address: string } | { kind: 'network'; network: string };
export const srcKey = (s: Src): string => (s.kind === 'any' ? 'any' : s.kind === 'address' ? s.address : `net:${s.network}`);

export type Protocol = 'tcp' | 'udp' | 'tcp/udp';

export interface NatRule {
  protocol: Protocol;
  first: number;
  last: number;
  target: string;
  localPort: number;
  iface: string;
  descr: string;
  id: string;
  source: Src;
  /** natreflection: purenat (true), disable (false), or absent, the system default (null). */
  reflection: boolean | null;
}

export interface FilterRule {
  protocol: Protocol;
  address: string;
  port: string;
  iface: string;
  descr: string;
  id: string;
  tracker: number;
  source: Src;
}

export interface Allow6 {
  protocol: Protocol;
  address: string;
  port: string;
  iface: string;
  descr: string;
  source: Src;
  /** pfSense only. */
  tracker?: number;
}

export type Node = Record<string, unknown>;

export interface PfDoc {
  root: 'pfsense' | 'nat' | 'filter' | 'opnsense';
  /** Every <nat><rule> / <filter><rule>, raw (user rules may hold anything). */
  natRules: Node[];
  filterRules: Node[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
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

export const fail = (message: string): never => {
  throw new Error(`parse-pf: ${message}`);
};

/** PHP html_entity_decode for the entities pfSense writes (ENT_QUOTES|ENT_HTML401, so not &apos;). */
export function htmlDecode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
    if (named[e]) return named[e]!;
    return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

export type Decode = (s: string) => string;

/** An element's text as the product stores it: text and CDATA joined, then `decode` (pfSense: html_entity_decode). */
export function textOf(v: unknown, what: string, decode: Decode = htmlDecode): string {
  if (typeof v === 'string') return decode(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Node;
    for (const k of Object.keys(o)) if (k !== '#cdata' && k !== '#text') fail(`${what} has an element or attribute ${k} where text was expected`);
    const cdata = Array.isArray(o['#cdata']) ? (o['#cdata'] as string[]).join('') : ((o['#cdata'] as string | undefined) ?? '');
    return decode(`${cdata}${typeof o['#text'] === 'string' ? o['#text'].trim() : ''}`);
  }
  return fail(`${what} is not a single text element: ${JSON.stringify(v)}`);
}

const rulesOf = (section: unknown): Node[] => (section && typeof section === 'object' ? (((section as Node).rule as Node[] | undefined) ?? []) : []);

export function parseXmlDoc(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) fail(`not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml) as Node;
}

export function parsePf(xml: string): PfDoc {
  const obj = parseXmlDoc(xml);
  const roots = Object.keys(obj).filter((k) => k !== '#text');
  if (roots.length !== 1) fail(`expected one root element, got ${roots.join(', ')}`);
  const root = roots[0] as PfDoc['root'];
  if (root === 'pfsense' || root === 'opnsense') {
    const top = obj[root] as Node;
    for (const s of ['nat', 'filter']) if (Array.isArray(top[s])) fail(`<${s}> appears more than once`);
    return { root, natRules: rulesOf(top.nat), filterRules: rulesOf(top.filter) };
  }
  if (root === 'nat') return { root, natRules: rulesOf(obj.nat), filterRules: [] };
  if (root === 'filter') return { root, natRules: [], filterRules: rulesOf(obj.filter) };
  return fail(`unexpected root element <${root}>`);
}

export function exactKeys(node: Node, keys: string[], what: string): void {
  const got = Object.keys(node).filter((k) => k !== '#text');
  if (typeof node['#text'] === 'string' && node['#text'].trim() !== '') fail(`${what} has stray text ${JSON.stringify(node['#text'])}`);
  const extra = got.filter((k) => !keys.includes(k));
  const missing = keys.filter((k) => !got.includes(k));
  if (extra.length || missing.length) fail(`${what}: unexpected [${extra.join(', ')}], missing [${missing.join(', ')}]`);
}

const PORT = /^([1-9][0-9]{0,4})(?:-([1-9][0-9]{0,4}))?$/;
export const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;
const ID = /^nat_[0-9a-f]{13}[0-9]\.[0-9]{8}$/;
const PROTOCOLS = ['tcp', 'udp', 'tcp/udp'];
export const IFACE = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]*$/;

export function portRange(s: string, what: string): [number, number] {
  const m = PORT.exec(s) ?? fail(`${what}: bad port ${JSON.stringify(s)}`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (last > 65535 || last <= first === (m[2] !== undefined)) fail(`${what}: bad port range ${s}`);
  return [first, last];
}

export function protocolOf(v: unknown, what: string, decode?: Decode): Protocol {
  const p = textOf(v, `${what} protocol`, decode) as Protocol;
  if (!PROTOCOLS.includes(p)) fail(`${what}: protocol ${p}`);
  return p;
}

/** An address or CIDR of the family: "a.b.c.d", "a.b.c.d/len", "2001:db8::1", "2001:db8::/48". */
export function checkAddress(s: string, family: 4 | 6, what: string): string {
  const [addr, len, ...rest] = s.split('/');
  if (rest.length || isIP(addr ?? '') !== family || (family === 4 && !IPV4.test(addr!))) fail(`${what}: not an IPv${family} address: ${s}`);
  if (len !== undefined && (!/^[0-9]{1,3}$/.test(len) || Number(len) > (family === 4 ? 32 : 128))) fail(`${what}: bad prefix length in ${s}`);
  return s;
}

/** <source>: exactly one of <any> (with the product's content), <address> of the family, <network>. */
export function strictSource(v: unknown, what: string, family: 4 | 6, anyText: string, decode?: Decode): Src {
  if (!v || typeof v !== 'object') return fail(`${what}: <source> is not an element`);
  const node = v as Node;
  const keys = Object.keys(node).filter((k) => k !== '#text');
  if (keys.length !== 1) fail(`${what}: <source> must hold exactly one of any, address, network; got [${keys.join(', ')}]`);
  exactKeys(node, keys, `${what} source`);
  const k = keys[0]!;
  const text = textOf(node[k], `${what} source ${k}`, decode);
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

export const sameSrc = (a: Src, b: Src): boolean => srcKey(a) === srcKey(b);

const PF_NAT_KEYS = ['source', 'destination', 'ipprotocol', 'protocol', 'target', 'local-port', 'interface', 'descr', 'associated-rule-id'];

function strictNat(r: Node, i: number): NatRule {
  const what = `nat rule ${i}`;
  const set = r.natreflection !== undefined;
  exactKeys(r, set ? [...PF_NAT_KEYS, 'natreflection'] : PF_NAT_KEYS, what);
  const mode = set ? textOf(r.natreflection, 'natreflection') : '';
  if (set && mode !== 'purenat' && mode !== 'disable') fail(`${what}: natreflection is neither purenat nor disable`);
  const reflection = set ? mode === 'purenat' : null;
  const source = strictSource(r.source, what, 4, '');
  const dst = r.destination as Node;
  exactKeys(dst, ['network', 'port'], `${what} destination`);
  // The WAN interface's own address: wanip for wan, opt1ip for opt1 (pf resolves <id>ip per interface).
  if (textOf(dst.network, 'network') !== `${textOf(r.interface, 'interface')}ip`) fail(`${what}: destination network is not the interface's own address`);
  const [first, last] = portRange(textOf(dst.port, 'port'), what);
  if (textOf(r.ipprotocol, 'ipprotocol') !== 'inet') fail(`${what}: ipprotocol is not inet`);
  const protocol = protocolOf(r.protocol, what);
  const target = textOf(r.target, 'target');
  if (!IPV4.test(target)) fail(`${what}: target ${target}`);
  const local = textOf(r['local-port'], 'local-port');
  if (!/^[1-9][0-9]{0,4}$/.test(local) || Number(local) + (last - first) > 65535) fail(`${what}: local-port ${local}`);
  const iface = textOf(r.interface, 'interface');
  if (!IFACE.test(iface)) fail(`${what}: interface ${iface}`);
  const id = textOf(r['associated-rule-id'], 'associated-rule-id');
  if (!ID.test(id)) fail(`${what}: associated-rule-id ${id}`);
  return { protocol, first, last, target, localPort: Number(local), iface, descr: textOf(r.descr, 'descr'), id, source, reflection };
}

function strictTracker(v: unknown, what: string): number {
  const tracker = textOf(v, 'tracker');
  if (!/^[1-9][0-9]{0,9}$/.test(tracker) || Number(tracker) >= 2 ** 32) fail(`${what}: tracker ${tracker}`);
  return Number(tracker);
}

function strictFilter(r: Node, i: number): FilterRule {
  const what = `filter rule ${i}`;
  exactKeys(r, ['type', 'source', 'interface', 'ipprotocol', 'protocol', 'destination', 'descr', 'associated-rule-id', 'tracker'], what);
  if (textOf(r.type, 'type') !== 'pass') fail(`${what}: type is not pass`);
  const source = strictSource(r.source, what, 4, '');
  const dst = r.destination as Node;
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  if (textOf(r.ipprotocol, 'ipprotocol') !== 'inet') fail(`${what}: ipprotocol is not inet`);
  const port = textOf(dst.port, 'port');
  portRange(port, what);
  return {
    protocol: protocolOf(r.protocol, what),
    address: textOf(dst.address, 'address'),
    port,
    iface: textOf(r.interface, 'interface'),
    descr: textOf(r.descr, 'descr'),
    id: textOf(r['associated-rule-id'], 'associated-rule-id'),
    tracker: strictTracker(r.tracker, what),
    source,
  };
}

function strictAllow6(r: Node, i: number): Allow6 {
  const what = `IPv6 filter rule ${i}`;
  exactKeys(r, ['type', 'source', 'interface', 'ipprotocol', 'protocol', 'destination', 'descr', 'tracker'], what);
  if (textOf(r.type, 'type') !== 'pass') fail(`${what}: type is not pass`);
  if (textOf(r.ipprotocol, 'ipprotocol') !== 'inet6') fail(`${what}: ipprotocol is not inet6`);
  const dst = r.destination as Node;
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  const port = textOf(dst.port, 'port');
  portRange(port, what);
  const iface = textOf(r.interface, 'interface');
  if (!IFACE.test(iface)) fail(`${what}: interface ${iface}`);
  return {
    protocol: protocolOf(r.protocol, what),
    address: checkAddress(textOf(dst.address, 'address'), 6, what),
    port,
    iface,
    descr: textOf(r.descr, 'descr'),
    source: strictSource(r.source, what, 6, ''),
    tracker: strictTracker(r.tracker, what),
  };
}

/** pfSense's substr("NAT " . $descr, 0, 62), kept to whole UTF-8 characters. */
export function natFilterDescr(descr: string): string {
  const bytes = Buffer.from(`NAT ${descr}`, 'utf8');
  let n = Math.min(62, bytes.length);
  while (n > 0 && n < bytes.length && (bytes[n]! & 0xc0) === 0x80) n--;
  return bytes.subarray(0, n).toString('utf8');
}

export const descrOf = (r: Node, decode?: Decode): string => (r.descr === undefined ? '' : textOf(r.descr, 'descr', decode).trim());
export const idOf = (r: Node, decode?: Decode): string =>
  r['associated-rule-id'] === undefined ? '' : textOf(r['associated-rule-id'], 'associated-rule-id', decode);

/** The NAS ports pf forwards a WAN range to: local-port .. local-port + (last - first). */
export const localRange = (n: { localPort: number; first: number; last: number }): string => {
  const lastLocal = n.localPort + n.last - n.first;
  return lastLocal === n.localPort ? String(n.localPort) : `${n.localPort}-${lastLocal}`;
};

const protos = (p: Protocol): ('tcp' | 'udp')[] => (p === 'tcp/udp' ? ['tcp', 'udp'] : [p]);

/** The flows of port forwards (tcp/udp split, ranges expanded per port). */
export function natFlows(nat: NatRule[]): { tuples: Tuple[]; flows: Flow[] } {
  const tuples: Tuple[] = [];
  const flows: Flow[] = [];
  for (const n of nat) {
    for (const proto of protos(n.protocol)) {
      for (let i = 0; i <= n.last - n.first; i++) {
        const t = { proto, wan: n.first + i, address: n.target, port: n.localPort + i };
        tuples.push(t);
        flows.push({ ...t, source: srcKey(n.source) });
      }
    }
  }
  return { tuples, flows };
}

/** The flows of IPv6 pass rules: the NAS port is both "wan" and "port" (no NAT). */
export function allowFlows(allows: Allow6[]): Flow[] {
  return allows.flatMap((a) => {
    const [first, last] = portRange(a.port, 'ipv6');
    return protos(a.protocol).flatMap((proto) =>
      Array.from({ length: last - first + 1 }, (_, i) => ({ proto, wan: first + i, address: a.address, port: first + i, source: srcKey(a.source) })),
    );
  });
}

/**
 * The rules of one synfw profile, checked strictly and with their links: each port forward has
 * exactly one pass rule (same id, interface, protocol and source) to the NAS address and the NAS
 * port(s) pfSense computes from <local-port>; no pass rule of the profile is left without its
 * forward; IPv6 pass rules ("synfw:<profile> ipv6 ...") are recovered as flows.
 */
export function synfwRules(doc: PfDoc, profile: string) {
  const tag = `synfw:${profile} `;
  const nat = doc.natRules.filter((r) => descrOf(r).startsWith(tag)).map(strictNat);
  const filter = doc.filterRules.filter((r) => descrOf(r).startsWith(`NAT ${tag}`)).map(strictFilter);
  const allow6 = doc.filterRules.filter((r) => descrOf(r).startsWith(`${tag}ipv6 `)).map(strictAllow6);
  const tagged = doc.filterRules.filter((r) => descrOf(r).startsWith(tag) && !descrOf(r).startsWith(`${tag}ipv6 `));
  if (tagged.length) fail(`${tagged.length} filter rule(s) tagged ${tag}that are neither linked pass rules nor IPv6 rules`);
  for (const n of nat) {
    const linked = doc.filterRules.filter((r) => idOf(r) === n.id);
    if (linked.length !== 1) fail(`${n.id}: ${linked.length} filter rules carry this associated-rule-id`);
    const f = filter.find((x) => x.id === n.id) ?? fail(`${n.id}: the linked filter rule is not tagged NAT ${tag}`);
    const port = localRange(n);
    if (f.address !== n.target || f.port !== port || f.protocol !== n.protocol || f.iface !== n.iface || !sameSrc(f.source, n.source)) {
      fail(`${n.id}: pass rule ${f.protocol} ${srcKey(f.source)} -> ${f.address}:${f.port} on ${f.iface} does not match forward from ${srcKey(n.source)} to ${n.target}:${port}`);
    }
    if (f.descr !== natFilterDescr(n.descr)) fail(`${n.id}: pass rule descr ${JSON.stringify(f.descr)} is not "NAT " + descr cut to 62 bytes`);
  }
  for (const f of filter) if (!nat.some((n) => n.id === f.id)) fail(`pass rule ${f.id} has no port forward`);
  return { nat, filter, allow6, ...natFlows(nat), flows6: allowFlows(allow6) };
}

/** What the plan asks for, expanded like natFlows / allowFlows; `lan` is the hairpin source network. */
export function expectedFlows(plan: Plan, lan = 'lan'): { flows: Flow[]; flows6: Flow[] } {
  const host = (cidr: string) => cidr.replace(cidr.includes(':') ? /\/128$/ : /\/32$/, '');
  const restricted = plan.allowFrom.length + plan.allowFrom6.length > 0;
  const v4 = restricted ? [...plan.allowFrom.map(host), ...(plan.hairpin ? [`net:${lan}`] : [])] : ['any'];
  const v6 = restricted ? plan.allowFrom6.map(host) : ['any'];
  const flows = plan.forwards.flatMap((f) =>
    v4.flatMap((source) =>
      Array.from({ length: f.external.last - f.external.first + 1 }, (_, i) => ({
        proto: f.proto,
        wan: f.external.first + i,
        address: plan.nas.address,
        port: f.internal.first + i,
        source,
      })),
    ),
  );
  const seen = new Set<string>();
  const flows6: Flow[] = [];
  if (plan.nas.address6 !== undefined) {
    for (const f of plan.forwards) {
      for (let p = f.internal.first; p <= f.internal.last; p++) {
        for (const source of v6) {
          const k = `${f.proto} ${p} ${source}`;
          if (seen.has(k)) continue;
          seen.add(k);
          flows6.push({ proto: f.proto, wan: p, address: plan.nas.address6, port: p, source });
        }
      }
    }
  }
  return { flows, flows6 };
}

export const sortFlows = (t: Flow[]): Flow[] =>
  [...t].sort((a, b) => a.proto.localeCompare(b.proto) || a.wan - b.wan || a.source.localeCompare(b.source) || a.port - b.port);

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

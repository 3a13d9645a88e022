// Reads OPNsense config.xml the way OPNsense does (SimpleXML: the XML parser's decoding and nothing
// more) and checks synfw's rules strictly, in both layouts:
// - default (legacy, up to 25.7): <nat><rule> as firewall_nat_edit.php writes it, each linked to
//   exactly one <filter><rule> (same associated-rule-id, same descr, source, protocol, NAS ports);
// - mvc (26.1+): DNat model rules (uuid attribute, every model field, <pass>rule</pass>).
// IPv6 pass rules are legacy <filter><rule>s in both. Shares the generic pieces with parse-pfsense.

import {
  allowFlows,
  checkAddress,
  descrOf,
  exactKeys,
  fail,
  IFACE,
  IPV4,
  idOf,
  localRange,
  natFlows,
  parsePf,
  portRange,
  protocolOf,
  sameSrc,
  srcKey,
  strictSource,
  textOf,
  type Allow6,
  type NatRule,
  type Node,
  type PfDoc,
  type Src,
} from './parse-pfsense.js';

/** OPNsense reads values with the XML parser only: no html_entity_decode. */
const plain = (s: string): string => s;
const txt = (v: unknown, what: string): string => textOf(v, what, plain);
const empty = (r: Node, keys: string[], what: string): void => {
  for (const k of keys) if (txt(r[k], k) !== '') fail(`${what}: <${k}> is not empty`);
};

export interface OpnNat extends NatRule {
  uuid?: string;
  sequence?: number;
}

export interface OpnFilter {
  protocol: 'tcp' | 'udp' | 'tcp/udp';
  address: string;
  port: string;
  iface: string;
  descr: string;
  id: string;
  source: Src;
}

export function parseOpn(xml: string): PfDoc {
  const doc = parsePf(xml);
  if (doc.root !== 'opnsense') fail(`root element is <${doc.root}>, expected <opnsense>`);
  return doc;
}

function common(r: Node, what: string) {
  const dst = r.destination as Node;
  const [first, last] = portRange(txt(dst.port, 'port'), what);
  // The WAN interface's own address: wanip for wan, opt1ip for opt1 (pf resolves <id>ip per interface).
  if (txt(dst.network, 'network') !== `${txt(r.interface, 'interface')}ip`) fail(`${what}: destination network is not the interface's own address`);
  if (txt(r.ipprotocol, 'ipprotocol') !== 'inet') fail(`${what}: ipprotocol is not inet`);
  const target = txt(r.target, 'target');
  if (!IPV4.test(target)) fail(`${what}: target ${target}`);
  const local = txt(r['local-port'], 'local-port');
  if (!/^[1-9][0-9]{0,4}$/.test(local) || Number(local) + (last - first) > 65535) fail(`${what}: local-port ${local}`);
  const iface = txt(r.interface, 'interface');
  if (!IFACE.test(iface)) fail(`${what}: interface ${iface}`);
  const descr = txt(r.descr, 'descr');
  if (Buffer.byteLength(descr) > 255 || /[\n\r]/.test(descr)) fail(`${what}: descr is not what the model's DescriptionField accepts`);
  return { protocol: protocolOf(r.protocol, what, plain), first, last, target, localPort: Number(local), iface, descr };
}

const LEGACY_NAT = ['protocol', 'interface', 'category', 'ipprotocol', 'descr', 'tag', 'tagged', 'poolopts', 'associated-rule-id', 'target', 'local-port', 'source', 'destination'];

function legacyNat(r: Node, i: number): OpnNat {
  const what = `nat rule ${i}`;
  const set = r.natreflection !== undefined;
  exactKeys(r, set ? [...LEGACY_NAT, 'natreflection'] : LEGACY_NAT, what);
  const mode = set ? txt(r.natreflection, 'natreflection') : '';
  if (set && mode !== 'purenat' && mode !== 'disable') fail(`${what}: natreflection is neither purenat nor disable`);
  const reflection = set ? mode === 'purenat' : null;
  empty(r, ['category', 'tag', 'tagged', 'poolopts'], what);
  exactKeys(r.destination as Node, ['network', 'port'], `${what} destination`);
  const id = txt(r['associated-rule-id'], 'associated-rule-id');
  if (!/^nat_[0-9a-f]{13}[0-9]\.[0-9]{8}$/.test(id)) fail(`${what}: associated-rule-id ${id}`);
  return { ...common(r, what), id, source: strictSource(r.source, what, 4, '1', plain), reflection };
}

function legacyFilter(r: Node, i: number): OpnFilter {
  const what = `filter rule ${i}`;
  exactKeys(r, ['type', 'source', 'interface', 'statetype', 'protocol', 'ipprotocol', 'destination', 'descr', 'category', 'associated-rule-id'], what);
  if (txt(r.type, 'type') !== 'pass' || txt(r.statetype, 'statetype') !== 'keep state' || txt(r.ipprotocol, 'ipprotocol') !== 'inet') fail(`${what}: not a keep-state IPv4 pass rule`);
  empty(r, ['category'], what);
  const dst = r.destination as Node;
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  const port = txt(dst.port, 'port');
  portRange(port, what);
  return {
    protocol: protocolOf(r.protocol, what, plain),
    address: txt(dst.address, 'address'),
    port,
    iface: txt(r.interface, 'interface'),
    descr: txt(r.descr, 'descr'),
    id: txt(r['associated-rule-id'], 'associated-rule-id'),
    source: strictSource(r.source, what, 4, '1', plain),
  };
}

function allow6(r: Node, i: number): Allow6 {
  const what = `IPv6 filter rule ${i}`;
  exactKeys(r, ['type', 'source', 'interface', 'statetype', 'protocol', 'ipprotocol', 'destination', 'descr'], what);
  if (txt(r.type, 'type') !== 'pass' || txt(r.statetype, 'statetype') !== 'keep state' || txt(r.ipprotocol, 'ipprotocol') !== 'inet6') fail(`${what}: not a keep-state IPv6 pass rule`);
  const dst = r.destination as Node;
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  const port = txt(dst.port, 'port');
  portRange(port, what);
  const iface = txt(r.interface, 'interface');
  if (!IFACE.test(iface)) fail(`${what}: interface ${iface}`);
  return {
    protocol: protocolOf(r.protocol, what, plain),
    address: checkAddress(txt(dst.address, 'address'), 6, what),
    port,
    iface,
    descr: txt(r.descr, 'descr'),
    source: strictSource(r.source, what, 6, '1', plain),
  };
}

const MVC_NAT = ['@_uuid', 'sequence', 'disabled', 'nordr', 'interface', 'ipprotocol', 'protocol', 'source', 'destination', 'target', 'local-port', 'poolopts', 'log', 'category', 'descr', 'tag', 'tagged', 'nosync', 'natreflection', 'pass', 'associated-rule-id'];
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The DNat model's source network: "any", an address or CIDR, or an interface network. */
function mvcSource(v: unknown, what: string): Src {
  const node = v as Node;
  exactKeys(node, ['network', 'port', 'not'], `${what} source`);
  if (txt(node.port, 'source port') !== '' || txt(node.not, 'source not') !== '0') fail(`${what}: source port or not set`);
  const net = txt(node.network, 'source network');
  if (net === 'any') return { kind: 'any' };
  if (/^[0-9.]+(\/[0-9]+)?$/.test(net)) return { kind: 'address', address: checkAddress(net, 4, what) };
  if (!IFACE.test(net)) fail(`${what}: source network ${net}`);
  return { kind: 'network', network: net };
}

function mvcNat(r: Node, i: number): OpnNat {
  const what = `DNat rule ${i}`;
  exactKeys(r, MVC_NAT, what);
  const uuid = txt(r['@_uuid'], 'uuid');
  if (!UUID4.test(uuid)) fail(`${what}: uuid ${uuid}`);
  const seq = txt(r.sequence, 'sequence');
  if (!/^[1-9][0-9]{0,5}$/.test(seq)) fail(`${what}: sequence ${seq}`);
  for (const [k, v] of [['disabled', '0'], ['nordr', '0'], ['log', '0'], ['nosync', '0'], ['pass', 'rule']] as const) {
    if (txt(r[k], k) !== v) fail(`${what}: <${k}> is not ${v}`);
  }
  empty(r, ['poolopts', 'category', 'tag', 'tagged', 'associated-rule-id'], what);
  const reflection = txt(r.natreflection, 'natreflection');
  if (reflection !== '' && reflection !== 'purenat' && reflection !== 'disable') fail(`${what}: natreflection ${reflection}`);
  const dst = r.destination as Node;
  exactKeys(dst, ['network', 'port', 'not'], `${what} destination`);
  if (txt(dst.not, 'destination not') !== '0') fail(`${what}: destination not set`);
  return { ...common(r, what), id: uuid, uuid, sequence: Number(seq), source: mvcSource(r.source, what), reflection: reflection === '' ? null : reflection === 'purenat' };
}

/**
 * This profile's rules in either layout, checked strictly, with their links (legacy) and flows.
 * Every filter rule tagged with the profile must be a linked rule (legacy) or an IPv6 rule.
 */
export function opnRules(doc: PfDoc, profile: string, format: 'default' | 'mvc') {
  const tag = `synfw:${profile} `;
  const d = (r: Node) => descrOf(r, plain);
  const nat = doc.natRules.filter((r) => d(r).startsWith(tag)).map(format === 'mvc' ? mvcNat : legacyNat);
  const v6 = (r: Node) => d(r).startsWith(`${tag}ipv6 `);
  const allow = doc.filterRules.filter(v6).map(allow6);
  const linked = doc.filterRules.filter((r) => d(r).startsWith(tag) && !v6(r));
  if (format === 'mvc' && linked.length) fail(`${linked.length} filter rule(s) tagged ${tag}in the mvc layout, where the port forwards register their own`);
  const filter = format === 'mvc' ? [] : linked.map(legacyFilter);
  for (const n of format === 'mvc' ? [] : nat) {
    const rules = doc.filterRules.filter((r) => idOf(r, plain) === n.id);
    if (rules.length !== 1) fail(`${n.id}: ${rules.length} filter rules carry this associated-rule-id`);
    const f = filter.find((x) => x.id === n.id) ?? fail(`${n.id}: the linked filter rule is not tagged ${tag}`);
    const port = localRange(n);
    if (f.address !== n.target || f.port !== port || f.protocol !== n.protocol || f.iface !== n.iface || !sameSrc(f.source, n.source) || f.descr !== n.descr) {
      fail(`${n.id}: filter rule ${f.protocol} ${srcKey(f.source)} -> ${f.address}:${f.port} "${f.descr}" does not match forward ${srcKey(n.source)} -> ${n.target}:${port} "${n.descr}"`);
    }
  }
  for (const f of filter) if (!nat.some((n) => n.id === f.id)) fail(`filter rule ${f.id} has no port forward`);
  if (format === 'mvc' && new Set(nat.map((n) => n.uuid)).size !== nat.length) fail('two DNat rules share a uuid');
  return { nat, filter, allow6: allow, ...natFlows(nat), flows6: allowFlows(allow) };
}

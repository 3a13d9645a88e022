// OPNsense's config.xml read the way OPNsense reads it (SimpleXML: the XML parser's decoding and
// nothing more), checked strictly, in both layouts:
// - default (legacy, up to 25.7): <nat><rule> as firewall_nat_edit.php writes it, each linked to
//   exactly one <filter><rule> (same associated-rule-id, same descr, source, protocol, NAS ports);
// - mvc (26.1+): DNat model rules (uuid attribute, every model field, <pass>rule</pass>).
// IPv6 pass rules are legacy <filter><rule>s in both. Shares values.ts and the flows with pfsense.ts.

import { isIPv4 } from '../address.js';
import { allowFlows, natFlows, natTuples, type Allow6, type NatRule } from './pfsense.js';
import {
  checkAddress,
  child,
  descrOf,
  exactKeys,
  fail,
  IFACE,
  idOf,
  localRange,
  plain,
  portRange,
  protocolOf,
  readConfigDoc,
  sameSrc,
  srcKey,
  strictSource,
  textOf,
  type ConfigDoc,
  type Src,
  type XmlElement,
} from './values.js';

const txt = (el: XmlElement | undefined, what: string): string => textOf(el, what, plain);
const at = (r: XmlElement, name: string): XmlElement | undefined => child(r, name);
const empty = (r: XmlElement, keys: string[], what: string): void => {
  for (const k of keys) if (txt(at(r, k), k) !== '') fail(`${what}: <${k}> is not empty`);
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

export function parseOpn(xml: string): ConfigDoc {
  const doc = readConfigDoc(xml);
  if (doc.root !== 'opnsense') fail(`root element is <${doc.root}>, expected <opnsense>`);
  return doc;
}

function common(r: XmlElement, what: string) {
  const dst = at(r, 'destination') ?? fail(`${what}: no <destination>`);
  const [first, last] = portRange(txt(at(dst, 'port'), 'port'), what);
  // The WAN interface's own address: wanip for wan, opt1ip for opt1 (pf resolves <id>ip per interface).
  if (txt(at(dst, 'network'), 'network') !== `${txt(at(r, 'interface'), 'interface')}ip`) fail(`${what}: destination network is not the interface's own address`);
  if (txt(at(r, 'ipprotocol'), 'ipprotocol') !== 'inet') fail(`${what}: ipprotocol is not inet`);
  const target = txt(at(r, 'target'), 'target');
  if (!isIPv4(target)) fail(`${what}: target ${target}`);
  const local = txt(at(r, 'local-port'), 'local-port');
  if (!/^[1-9][0-9]{0,4}$/.test(local) || Number(local) + (last - first) > 65535) fail(`${what}: local-port ${local}`);
  const iface = txt(at(r, 'interface'), 'interface');
  if (!IFACE.test(iface)) fail(`${what}: interface ${iface}`);
  const descr = txt(at(r, 'descr'), 'descr');
  if (Buffer.byteLength(descr) > 255 || /[\n\r]/.test(descr)) fail(`${what}: descr is not what the model's DescriptionField accepts`);
  return { protocol: protocolOf(at(r, 'protocol'), what, plain), first, last, target, localPort: Number(local), iface, descr };
}

const LEGACY_NAT = ['protocol', 'interface', 'category', 'ipprotocol', 'descr', 'tag', 'tagged', 'poolopts', 'associated-rule-id', 'target', 'local-port', 'source', 'destination'];

function legacyNat(r: XmlElement, i: number): OpnNat {
  const what = `the profile's nat rule ${i + 1}`;
  const set = at(r, 'natreflection') !== undefined;
  exactKeys(r, set ? [...LEGACY_NAT, 'natreflection'] : LEGACY_NAT, what);
  const mode = set ? txt(at(r, 'natreflection'), 'natreflection') : '';
  if (set && mode !== 'purenat' && mode !== 'disable') fail(`${what}: natreflection is neither purenat nor disable`);
  const reflection = set ? mode === 'purenat' : null;
  empty(r, ['category', 'tag', 'tagged', 'poolopts'], what);
  exactKeys(at(r, 'destination') ?? fail(`${what}: no <destination>`), ['network', 'port'], `${what} destination`);
  const id = txt(at(r, 'associated-rule-id'), 'associated-rule-id');
  if (!/^nat_[0-9a-f]{13}[0-9]\.[0-9]{8}$/.test(id)) fail(`${what}: associated-rule-id ${id}`);
  return { ...common(r, what), id, source: strictSource(at(r, 'source'), what, 4, '1', plain), reflection };
}

function legacyFilter(r: XmlElement, i: number): OpnFilter {
  const what = `the profile's filter rule ${i + 1}`;
  exactKeys(r, ['type', 'source', 'interface', 'statetype', 'protocol', 'ipprotocol', 'destination', 'descr', 'category', 'associated-rule-id'], what);
  if (txt(at(r, 'type'), 'type') !== 'pass' || txt(at(r, 'statetype'), 'statetype') !== 'keep state' || txt(at(r, 'ipprotocol'), 'ipprotocol') !== 'inet') fail(`${what}: not a keep-state IPv4 pass rule`);
  empty(r, ['category'], what);
  const dst = at(r, 'destination') ?? fail(`${what}: no <destination>`);
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  const port = txt(at(dst, 'port'), 'port');
  portRange(port, what);
  return {
    protocol: protocolOf(at(r, 'protocol'), what, plain),
    address: txt(at(dst, 'address'), 'address'),
    port,
    iface: txt(at(r, 'interface'), 'interface'),
    descr: txt(at(r, 'descr'), 'descr'),
    id: txt(at(r, 'associated-rule-id'), 'associated-rule-id'),
    source: strictSource(at(r, 'source'), what, 4, '1', plain),
  };
}

function allow6(r: XmlElement, i: number): Allow6 {
  const what = `the profile's IPv6 filter rule ${i + 1}`;
  exactKeys(r, ['type', 'source', 'interface', 'statetype', 'protocol', 'ipprotocol', 'destination', 'descr'], what);
  if (txt(at(r, 'type'), 'type') !== 'pass' || txt(at(r, 'statetype'), 'statetype') !== 'keep state' || txt(at(r, 'ipprotocol'), 'ipprotocol') !== 'inet6') fail(`${what}: not a keep-state IPv6 pass rule`);
  const dst = at(r, 'destination') ?? fail(`${what}: no <destination>`);
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  const port = txt(at(dst, 'port'), 'port');
  portRange(port, what);
  const iface = txt(at(r, 'interface'), 'interface');
  if (!IFACE.test(iface)) fail(`${what}: interface ${iface}`);
  return {
    protocol: protocolOf(at(r, 'protocol'), what, plain),
    address: checkAddress(txt(at(dst, 'address'), 'address'), 6, what),
    port,
    iface,
    descr: txt(at(r, 'descr'), 'descr'),
    source: strictSource(at(r, 'source'), what, 6, '1', plain),
  };
}

const MVC_NAT = ['@_uuid', 'sequence', 'disabled', 'nordr', 'interface', 'ipprotocol', 'protocol', 'source', 'destination', 'target', 'local-port', 'poolopts', 'log', 'category', 'descr', 'tag', 'tagged', 'nosync', 'natreflection', 'pass', 'associated-rule-id'];
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The DNat model's source network: "any", an address or CIDR, or an interface network. */
function mvcSource(el: XmlElement | undefined, what: string): Src {
  const node = el ?? fail(`${what}: no <source>`);
  exactKeys(node, ['network', 'port', 'not'], `${what} source`);
  if (txt(at(node, 'port'), 'source port') !== '' || txt(at(node, 'not'), 'source not') !== '0') fail(`${what}: source port or not set`);
  const net = txt(at(node, 'network'), 'source network');
  if (net === 'any') return { kind: 'any' };
  if (/^[0-9.]+(\/[0-9]+)?$/.test(net)) return { kind: 'address', address: checkAddress(net, 4, what) };
  if (!IFACE.test(net)) fail(`${what}: source network ${net}`);
  return { kind: 'network', network: net };
}

/** The DNat model's revision stamps (DNat.xml <created>, <updated>), which Config::save writes on every rule: bookkeeping only. */
const STAMPS = ['created', 'updated'];

function mvcNat(r: XmlElement, i: number): OpnNat {
  const what = `the profile's DNat rule ${i + 1}`;
  const stamps = STAMPS.filter((k) => at(r, k) !== undefined);
  exactKeys(r, [...MVC_NAT, ...stamps], what);
  for (const k of stamps) {
    exactKeys(at(r, k)!, ['username', 'time', 'description'], `${what} ${k}`);
    for (const c of at(r, k)!.children) txt(c, `${what} ${k} ${c.name}`);
  }
  const uuid = r.attributes.uuid ?? fail(`${what}: no uuid`);
  if (!UUID4.test(uuid)) fail(`${what}: uuid ${uuid}`);
  const seq = txt(at(r, 'sequence'), 'sequence');
  if (!/^[1-9][0-9]{0,5}$/.test(seq)) fail(`${what}: sequence ${seq}`);
  for (const [k, v] of [['disabled', '0'], ['nordr', '0'], ['log', '0'], ['nosync', '0'], ['pass', 'rule']] as const) {
    if (txt(at(r, k), k) !== v) fail(`${what}: <${k}> is not ${v}`);
  }
  empty(r, ['poolopts', 'category', 'tag', 'tagged', 'associated-rule-id'], what);
  const reflection = txt(at(r, 'natreflection'), 'natreflection');
  if (reflection !== '' && reflection !== 'purenat' && reflection !== 'disable') fail(`${what}: natreflection ${reflection}`);
  const dst = at(r, 'destination') ?? fail(`${what}: no <destination>`);
  exactKeys(dst, ['network', 'port', 'not'], `${what} destination`);
  if (txt(at(dst, 'not'), 'destination not') !== '0') fail(`${what}: destination not set`);
  return { ...common(r, what), id: uuid, uuid, sequence: Number(seq), source: mvcSource(at(r, 'source'), what), reflection: reflection === '' ? null : reflection === 'purenat' };
}

/**
 * This profile's rules in either layout, checked strictly, with their links (legacy) and flows.
 * Every filter rule tagged with the profile must be a linked rule (legacy) or an IPv6 rule.
 */
export function opnRules(doc: ConfigDoc, profile: string, format: 'default' | 'mvc') {
  const tag = `synfw:${profile} `;
  const d = (r: XmlElement) => descrOf(r, plain);
  const nat = doc.natRules.filter((r) => d(r).startsWith(tag)).map(format === 'mvc' ? mvcNat : legacyNat);
  const v6 = (r: XmlElement) => d(r).startsWith(`${tag}ipv6 `);
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
  return { nat, filter, allow6: allow, tuples: natTuples(nat), flows: [...natFlows(nat), ...allowFlows(allow)] };
}

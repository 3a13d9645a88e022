// A pfSense or OPNsense config.xml backup as flows. The rules tagged synfw:<profile> are read per
// profile, strictly and with their links (pfsense.ts, opnsense.ts): if one of them is not what
// synfw writes, that profile's rules are skipped as a whole. Any other port forward is read when
// it uses only the elements below, each in a form whose meaning is plain (a rule that is disabled
// or does not redirect forwards nothing); anything else in it makes it skipped. Filter rules other
// than synfw's are not forwards and are not read.

import { isIPv4 } from '../address.js';
import { taggedProfile, uniqueFlows, type ReadFlow, type RouterState, type Skipped } from '../flow.js';
import { opnRules } from './opnsense.js';
import { natFlows, synfwRules, type NatRule } from './pfsense.js';
import {
  checkAddress,
  child,
  childText,
  descrOf,
  fail,
  htmlDecode,
  IFACE,
  plain,
  portRange,
  protocolOf,
  readConfigDoc,
  textOf,
  type Decode,
  type Src,
  type XmlElement,
} from './values.js';

export type Product = 'pfsense' | 'opnsense';

/** Elements a port forward may have whatever its origin: bookkeeping that does not change what it forwards. */
const INERT = ['descr', 'associated-rule-id', 'created', 'updated', 'category', 'tag', 'tagged', 'poolopts', 'nosync', 'log', 'sequence', 'pass', 'natreflection'];
const MEANING = ['source', 'destination', 'ipprotocol', 'protocol', 'target', 'local-port', 'interface', 'disabled', 'nordr'];

/** A source as either layout writes it: <any/>, <address>, <network> (legacy) or network/port/not (DNat model). */
function anySource(el: XmlElement | undefined, what: string, decode: Decode): Src {
  const node = el ?? fail(`${what}: no <source>`);
  const names = node.children.map((c) => c.name);
  if (names.includes('not') || names.includes('port')) {
    if ((child(node, 'not') && childText(node, 'not', decode) !== '0') || (child(node, 'port') && childText(node, 'port', decode) !== '')) fail(`${what}: a negated source or a source port`);
    const net = childText(node, 'network', decode);
    if (net === 'any') return { kind: 'any' };
    if (/^[0-9.]+(\/[0-9]+)?$/.test(net)) return { kind: 'address', address: checkAddress(net, 4, what) };
    if (!IFACE.test(net)) fail(`${what}: source network ${net}`);
    return { kind: 'network', network: net };
  }
  if (names.length !== 1) fail(`${what}: <source> holds [${names.join(', ')}]`);
  const k = names[0]!;
  const text = textOf(node.children[0], `${what} source ${k}`, decode);
  if (k === 'any') return { kind: 'any' };
  if (k === 'address') return { kind: 'address', address: checkAddress(text, 4, `${what} source`) };
  if (k === 'network' && IFACE.test(text)) return { kind: 'network', network: text };
  return fail(`${what}: source <${k}> ${text}`);
}

/** A port forward synfw did not write: its flows (none when disabled or not redirecting), or an error naming what it does not understand. */
export function foreignNat(r: XmlElement, what: string, decode: Decode): ReadFlow[] {
  const unknown = r.children.map((c) => c.name).filter((n) => !INERT.includes(n) && !MEANING.includes(n));
  if (unknown.length) fail(`${what}: <${unknown[0]}> is not understood`);
  // A flag is on when present (pfSense and the legacy layout write <disabled/>), unless it says 0 (the DNat model).
  const set = (name: string): boolean => child(r, name) !== undefined && childText(r, name, decode) !== '0';
  if (set('disabled') || set('nordr')) return [];
  const ip = child(r, 'ipprotocol') ? childText(r, 'ipprotocol', decode) : 'inet';
  if (ip !== 'inet') fail(`${what}: ipprotocol ${ip}`);
  const iface = childText(r, 'interface', decode);
  const dst = child(r, 'destination') ?? fail(`${what}: no <destination>`);
  if (child(dst, 'not') && childText(dst, 'not', decode) !== '0') fail(`${what}: a negated destination`);
  if (childText(dst, 'network', decode) !== `${iface}ip`) fail(`${what}: destination is not the interface's own address`);
  const [first, last] = portRange(childText(dst, 'port', decode), what);
  const target = childText(r, 'target', decode);
  if (!isIPv4(target)) fail(`${what}: target ${target}`);
  const local = child(r, 'local-port') ? childText(r, 'local-port', decode) : String(first);
  if (!/^[1-9][0-9]{0,4}$/.test(local) || Number(local) + (last - first) > 65535) fail(`${what}: local-port ${local}`);
  const mode = child(r, 'natreflection') ? childText(r, 'natreflection', decode) : '';
  if (!['', 'purenat', 'disable', 'enable'].includes(mode)) fail(`${what}: natreflection ${mode}`);
  const n: NatRule = {
    protocol: protocolOf(child(r, 'protocol'), what, decode),
    first,
    last,
    target,
    localPort: Number(local),
    iface,
    descr: descrOf(r, decode),
    id: '',
    source: anySource(child(r, 'source'), what, decode),
    reflection: mode === '' ? null : mode !== 'disable',
  };
  return natFlows([n], what).map((f) => ({ ...f, profile: null, at: what }));
}

/** The port forwards tagged with `profile` (null: untagged), each read as any port forward is. */
function portForwards(doc: ReturnType<typeof readConfigDoc>, decode: Decode, profile: string | null, flows: ReadFlow[], skipped: Skipped[]): void {
  doc.natRules.forEach((r, i) => {
    if (taggedProfile(descrOf(r, decode)) !== profile) return;
    const what = `nat rule ${i + 1}`;
    try {
      flows.push(...foreignNat(r, what, decode).map((f) => ({ ...f, profile })));
    } catch (e) {
      skipped.push({ at: what, text: descrOf(r, decode), why: (e as Error).message });
    }
  });
}

/** A config.xml backup's port forwards and synfw's IPv6 rules, as flows. */
export function readConfigXml(xml: string, product: Product): RouterState {
  const doc = readConfigDoc(xml);
  const decode = product === 'pfsense' ? htmlDecode : plain;
  const flows: ReadFlow[] = [];
  const skipped: Skipped[] = [];
  const profiles = new Set([...doc.natRules, ...doc.filterRules].map((r) => taggedProfile(descrOf(r, decode))).filter((p): p is string => p !== null));
  for (const p of profiles) {
    try {
      const mvc = doc.natRules.some((r) => taggedProfile(descrOf(r, decode)) === p && r.attributes.uuid !== undefined);
      flows.push(...(product === 'pfsense' ? synfwRules(doc, p).flows : opnRules(doc, p, mvc ? 'mvc' : 'default').flows));
    } catch (e) {
      // A rule edited in the router's page (which adds revision stamps and rewrites fields) must not
      // make the profile's other forwards read as missing: they are read as any port forward is.
      skipped.push({ at: `rules tagged synfw:${p}`, text: '', why: `${(e as Error).message}; their port forwards were read one by one, their IPv6 rules not` });
      portForwards(doc, decode, p, flows, skipped);
    }
  }
  portForwards(doc, decode, null, flows, skipped);
  return { flows: uniqueFlows(flows), skipped };
}

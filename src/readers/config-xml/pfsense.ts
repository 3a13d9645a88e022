// pfSense's config.xml read the way pfSense reads it (an XML parser, then html_entity_decode on
// every value), checked strictly: exactly the elements synfw writes, in pfSense's value formats,
// every port forward linked to exactly one pass rule that allows what it forwards, and the IPv6
// pass rules; then what the rules let in, as flows. The generic pieces are in values.ts.

import { isIPv4 } from '../address.js';
import { canonicalAddress, canonicalSource, taggedProfile, type ReadFlow } from '../flow.js';
import {
  checkAddress,
  child,
  childText,
  descrOf,
  exactKeys,
  fail,
  IFACE,
  idOf,
  localRange,
  portRange,
  protocolOf,
  protos,
  sameSrc,
  srcKey,
  strictSource,
  textOf,
  type ConfigDoc,
  type Protocol,
  type Src,
  type XmlElement,
} from './values.js';

/** A forwarded port as (proto, WAN port, NAS address, NAS port). */
export interface Tuple {
  proto: 'tcp' | 'udp';
  wan: number;
  address: string;
  port: number;
}

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

const ID = /^nat_[0-9a-f]{13}[0-9]\.[0-9]{8}$/;

const PF_NAT_KEYS = ['source', 'destination', 'ipprotocol', 'protocol', 'target', 'local-port', 'interface', 'descr', 'associated-rule-id'];

function strictNat(r: XmlElement, i: number): NatRule {
  const what = `the profile's nat rule ${i + 1}`;
  const set = child(r, 'natreflection') !== undefined;
  exactKeys(r, set ? [...PF_NAT_KEYS, 'natreflection'] : PF_NAT_KEYS, what);
  const mode = set ? childText(r, 'natreflection') : '';
  if (set && mode !== 'purenat' && mode !== 'disable') fail(`${what}: natreflection is neither purenat nor disable`);
  const reflection = set ? mode === 'purenat' : null;
  const source = strictSource(child(r, 'source'), what, 4, '');
  const dst = child(r, 'destination') ?? fail(`${what}: no <destination>`);
  exactKeys(dst, ['network', 'port'], `${what} destination`);
  // The WAN interface's own address: wanip for wan, opt1ip for opt1 (pf resolves <id>ip per interface).
  if (childText(dst, 'network') !== `${childText(r, 'interface')}ip`) fail(`${what}: destination network is not the interface's own address`);
  const [first, last] = portRange(childText(dst, 'port'), what);
  if (childText(r, 'ipprotocol') !== 'inet') fail(`${what}: ipprotocol is not inet`);
  const protocol = protocolOf(child(r, 'protocol'), what);
  const target = childText(r, 'target');
  if (!isIPv4(target)) fail(`${what}: target ${target}`);
  const local = childText(r, 'local-port');
  if (!/^[1-9][0-9]{0,4}$/.test(local) || Number(local) + (last - first) > 65535) fail(`${what}: local-port ${local}`);
  const iface = childText(r, 'interface');
  if (!IFACE.test(iface)) fail(`${what}: interface ${iface}`);
  const id = childText(r, 'associated-rule-id');
  if (!ID.test(id)) fail(`${what}: associated-rule-id ${id}`);
  return { protocol, first, last, target, localPort: Number(local), iface, descr: childText(r, 'descr'), id, source, reflection };
}

function strictTracker(el: XmlElement | undefined, what: string): number {
  const tracker = textOf(el, 'tracker');
  if (!/^[1-9][0-9]{0,9}$/.test(tracker) || Number(tracker) >= 2 ** 32) fail(`${what}: tracker ${tracker}`);
  return Number(tracker);
}

function strictFilter(r: XmlElement, i: number): FilterRule {
  const what = `the profile's filter rule ${i + 1}`;
  exactKeys(r, ['type', 'source', 'interface', 'ipprotocol', 'protocol', 'destination', 'descr', 'associated-rule-id', 'tracker'], what);
  if (childText(r, 'type') !== 'pass') fail(`${what}: type is not pass`);
  const source = strictSource(child(r, 'source'), what, 4, '');
  const dst = child(r, 'destination') ?? fail(`${what}: no <destination>`);
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  if (childText(r, 'ipprotocol') !== 'inet') fail(`${what}: ipprotocol is not inet`);
  const port = childText(dst, 'port');
  portRange(port, what);
  return {
    protocol: protocolOf(child(r, 'protocol'), what),
    address: childText(dst, 'address'),
    port,
    iface: childText(r, 'interface'),
    descr: childText(r, 'descr'),
    id: childText(r, 'associated-rule-id'),
    tracker: strictTracker(child(r, 'tracker'), what),
    source,
  };
}

function strictAllow6(r: XmlElement, i: number): Allow6 {
  const what = `the profile's IPv6 filter rule ${i + 1}`;
  exactKeys(r, ['type', 'source', 'interface', 'ipprotocol', 'protocol', 'destination', 'descr', 'tracker'], what);
  if (childText(r, 'type') !== 'pass') fail(`${what}: type is not pass`);
  if (childText(r, 'ipprotocol') !== 'inet6') fail(`${what}: ipprotocol is not inet6`);
  const dst = child(r, 'destination') ?? fail(`${what}: no <destination>`);
  exactKeys(dst, ['address', 'port'], `${what} destination`);
  const port = childText(dst, 'port');
  portRange(port, what);
  const iface = childText(r, 'interface');
  if (!IFACE.test(iface)) fail(`${what}: interface ${iface}`);
  return {
    protocol: protocolOf(child(r, 'protocol'), what),
    address: checkAddress(childText(dst, 'address'), 6, what),
    port,
    iface,
    descr: childText(r, 'descr'),
    source: strictSource(child(r, 'source'), what, 6, ''),
    tracker: strictTracker(child(r, 'tracker'), what),
  };
}

/** pfSense's substr("NAT " . $descr, 0, 62), kept to whole UTF-8 characters. */
export function natFilterDescr(descr: string): string {
  const bytes = Buffer.from(`NAT ${descr}`, 'utf8');
  let n = Math.min(62, bytes.length);
  while (n > 0 && n < bytes.length && (bytes[n]! & 0xc0) === 0x80) n--;
  return bytes.subarray(0, n).toString('utf8');
}

/** Each port forward's WAN ports per port (tcp/udp split), as tuples. */
export function natTuples(nat: NatRule[]): Tuple[] {
  return nat.flatMap((n) => protos(n.protocol).flatMap((proto) => Array.from({ length: n.last - n.first + 1 }, (_, i) => ({ proto, wan: n.first + i, address: n.target, port: n.localPort + i }))));
}

/**
 * What port forwards let in, per port: from their source (an address or any) over the WAN; with NAT
 * reflection on (purenat), LAN clients too when the source admits them (any, or an interface's
 * network such as lan, the source synfw gives the reflected copy of a restricted forward).
 */
export function natFlows(nat: NatRule[], at = 'nat rule'): ReadFlow[] {
  return nat.flatMap((n, k) => {
    const profile = taggedProfile(n.descr);
    // An interface's network arrives on the LAN, never on the WAN: reached only by reflection.
    if (n.source.kind === 'network' && n.reflection !== true) fail(`${at} ${k + 1}: the source is the network of ${n.source.network}, which only NAT reflection reaches, and reflection is not on`);
    const wanSide = n.source.kind !== 'network';
    const reflected = n.reflection === true && n.source.kind !== 'address';
    return natTuples([n]).flatMap((t) => {
      const flow = { family: 4, proto: t.proto, wan: t.wan, nas: canonicalAddress(t.address), port: t.port, profile, at: `${at} ${k + 1}` } as const;
      return [
        ...(wanSide ? [{ ...flow, source: canonicalSource(n.source.kind === 'address' ? n.source.address : 'any'), via: 'wan' as const }] : []),
        ...(reflected ? [{ ...flow, source: 'any', via: 'hairpin' as const }] : []),
      ];
    });
  });
}

/** What IPv6 pass rules let in: the NAS's own ports (no NAT), from their source. */
export function allowFlows(allows: Allow6[], at = 'IPv6 filter rule'): ReadFlow[] {
  return allows.flatMap((a, k) => {
    const [first, last] = portRange(a.port, 'ipv6');
    if (a.source.kind === 'network') fail(`${at} ${k + 1}: an interface network as the source of an IPv6 rule`);
    const source = canonicalSource(a.source.kind === 'address' ? a.source.address : 'any');
    return protos(a.protocol).flatMap((proto) =>
      Array.from({ length: last - first + 1 }, (_, i): ReadFlow => ({ family: 6, proto, wan: null, nas: canonicalAddress(a.address), port: first + i, source, via: 'wan', profile: taggedProfile(a.descr), at: `${at} ${k + 1}` })),
    );
  });
}

/**
 * The rules of one synfw profile, checked strictly and with their links: each port forward has
 * exactly one pass rule (same id, interface, protocol and source) to the NAS address and the NAS
 * port(s) pfSense computes from <local-port>; no pass rule of the profile is left without its
 * forward; IPv6 pass rules ("synfw:<profile> ipv6 ...") are recovered as flows.
 */
export function synfwRules(doc: ConfigDoc, profile: string) {
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
  return { nat, filter, allow6, tuples: natTuples(nat), flows: [...natFlows(nat), ...allowFlows(allow6)] };
}


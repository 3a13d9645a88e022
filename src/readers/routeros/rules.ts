// The RouterOS firewall rules synfw writes, each read strictly from its properties (however they
// were written: a synfw script's add commands, an /export): the WAN and hairpin dst-nat rules, the
// IPv4 forward, hairpin and reply accepts, address-list entries, the hairpin connection marking
// (mangle) and masquerade (srcnat), and the IPv6 forward accepts. Only the properties synfw writes
// are understood, with the values that make a rule safe (a masquerade without a connection mark
// would rewrite connections from the WAN too); anything else is an error.

import { fail, iface, ipv4, ipv4Cidr, ipv6Cidr, oneOf, only, port, portList, text, type Ports, type Props } from './values.js';

export interface AddressEntry {
  line: number;
  family: 4 | 6;
  list: string;
  address: string;
  comment: string;
}

export interface MangleRule {
  line: number;
  mark: string;
  iface: { key: string; value: string };
  proto: 'tcp' | 'udp';
  dstPorts: Ports[];
  comment: string;
}

export interface MasqueradeRule {
  line: number;
  mark: string;
  nasAddr: string;
  comment: string;
}

export interface Accept6Rule {
  line: number;
  /** inbound: from the WAN to the NAS; reply: from the NAS back out of the WAN. */
  dir: 'inbound' | 'reply';
  proto: 'tcp' | 'udp';
  /** "2001:db8::10/128". */
  nasAddr: string;
  ports: Ports[];
  iface: { key: string; value: string };
  srcList: string | null;
  comment: string;
}

export function addressEntry(p: Props, line: number, family: 4 | 6): AddressEntry {
  only(p, ['list', 'address', 'comment'], line, 'address-list entry');
  const address = text(p.get('address'), line, 'address');
  return {
    line,
    family,
    list: text(p.get('list'), line, 'list'),
    address: family === 4 ? ipv4Cidr(address, line) : ipv6Cidr(address, line),
    comment: text(p.get('comment'), line, 'comment', true),
  };
}

export function mangleRule(p: Props, line: number): MangleRule {
  only(p, ['chain', 'action', 'new-connection-mark', 'passthrough', 'connection-state', 'in-interface', 'in-interface-list', 'dst-address-type', 'protocol', 'dst-port', 'comment'], line, 'mangle rule');
  // prerouting runs before dstnat: dst-address-type=local and dst-port still see the WAN address and port.
  oneOf(p.get('chain'), line, 'chain', ['prerouting']);
  oneOf(p.get('action'), line, 'action', ['mark-connection']);
  oneOf(p.get('passthrough'), line, 'passthrough', ['yes']);
  oneOf(p.get('connection-state'), line, 'connection-state', ['new']);
  oneOf(p.get('dst-address-type'), line, 'dst-address-type', ['local']);
  return {
    line,
    mark: text(p.get('new-connection-mark'), line, 'new-connection-mark'),
    iface: iface(p, 'in', line),
    proto: oneOf(p.get('protocol'), line, 'protocol', ['tcp', 'udp']),
    dstPorts: portList(text(p.get('dst-port'), line, 'dst-port'), line),
    comment: text(p.get('comment'), line, 'comment', true),
  };
}

export function masqueradeRule(p: Props, line: number): MasqueradeRule {
  only(p, ['chain', 'action', 'connection-mark', 'dst-address', 'comment'], line, 'masquerade');
  oneOf(p.get('chain'), line, 'chain', ['srcnat']);
  oneOf(p.get('action'), line, 'action', ['masquerade']);
  if (!p.has('connection-mark')) fail(line, 'a masquerade without connection-mark would rewrite connections from the WAN too');
  return {
    line,
    mark: text(p.get('connection-mark'), line, 'connection-mark'),
    nasAddr: ipv4(text(p.get('dst-address'), line, 'dst-address'), line),
    comment: text(p.get('comment'), line, 'comment', true),
  };
}

export function accept6Rule(p: Props, line: number): Accept6Rule {
  oneOf(p.get('chain'), line, 'chain', ['forward']);
  oneOf(p.get('action'), line, 'action', ['accept']);
  const state = oneOf(p.get('connection-state'), line, 'connection-state', ['!invalid', 'established']);
  const inbound = state === '!invalid';
  const base = ['chain', 'action', 'connection-state', 'protocol', 'comment'];
  only(p, inbound ? [...base, 'in-interface', 'in-interface-list', 'dst-address', 'dst-port', 'src-address-list'] : [...base, 'out-interface', 'out-interface-list', 'src-address', 'src-port'], line, `ipv6 ${inbound ? 'inbound' : 'reply'} accept`);
  const side = inbound ? 'dst' : 'src';
  return {
    line,
    dir: inbound ? 'inbound' : 'reply',
    proto: oneOf(p.get('protocol'), line, 'protocol', ['tcp', 'udp']),
    nasAddr: ipv6Cidr(text(p.get(`${side}-address`), line, `${side}-address`), line),
    ports: portList(text(p.get(`${side}-port`), line, `${side}-port`), line),
    iface: iface(p, inbound ? 'in' : 'out', line),
    srcList: p.has('src-address-list') ? text(p.get('src-address-list'), line, 'src-address-list') : null,
    comment: text(p.get('comment'), line, 'comment', true),
  };
}

export interface NatRule {
  line: number;
  /** wan: in-interface(-list) of the WAN; hairpin: LAN clients to a local address (dst-address-type=local). */
  kind: 'wan' | 'hairpin';
  proto: 'tcp' | 'udp';
  /** The interface match: WAN for kind wan, LAN for kind hairpin. */
  wan: { key: string; value: string };
  srcList: string | null;
  dstPorts: Ports[];
  nasAddr: string;
  toPort: number | null;
  comment: string;
}

export interface AcceptRule {
  line: number;
  /** forward: from the WAN (dst-natted); hairpin: from the LAN interface; reply: from the NAS. */
  dir: 'forward' | 'hairpin' | 'reply';
  proto: 'tcp' | 'udp';
  nasAddr: string;
  ports: Ports[];
  srcList: string | null;
  iface: { key: string; value: string } | null;
  comment: string;
}

export function natRule(p: Props, line: number): NatRule {
  oneOf(p.get('chain'), line, 'chain', ['dstnat']);
  oneOf(p.get('action'), line, 'action', ['dst-nat']);
  const hairpin = p.has('dst-address-type');
  if (hairpin) oneOf(p.get('dst-address-type'), line, 'dst-address-type', ['local']);
  const common = ['chain', 'action', 'in-interface', 'in-interface-list', 'protocol', 'dst-port', 'to-addresses', 'to-ports', 'comment'];
  // LAN clients are trusted: a hairpin rule restricted to the allowFrom list is not what synfw writes.
  only(p, hairpin ? [...common, 'dst-address-type'] : [...common, 'src-address-list'], line, hairpin ? 'hairpin dst-nat rule' : 'dst-nat rule');
  const dstPorts = portList(text(p.get('dst-port'), line, 'dst-port'), line);
  const toPort = p.has('to-ports') ? port(text(p.get('to-ports'), line, 'to-ports'), line) : null;
  if (toPort !== null && (dstPorts.length !== 1 || dstPorts[0]!.first !== dstPorts[0]!.last)) fail(line, 'to-ports with a port list or range is not a 1:1 mapping');
  return {
    line,
    kind: hairpin ? 'hairpin' : 'wan',
    proto: oneOf(p.get('protocol'), line, 'protocol', ['tcp', 'udp']),
    wan: iface(p, 'in', line),
    srcList: p.has('src-address-list') ? text(p.get('src-address-list'), line, 'src-address-list') : null,
    dstPorts,
    nasAddr: ipv4(text(p.get('to-addresses'), line, 'to-addresses'), line),
    toPort,
    comment: text(p.get('comment'), line, 'comment', true),
  };
}

export function acceptRule(p: Props, line: number): AcceptRule {
  oneOf(p.get('chain'), line, 'chain', ['forward']);
  oneOf(p.get('action'), line, 'action', ['accept']);
  oneOf(p.get('connection-nat-state'), line, 'connection-nat-state', ['dstnat']);
  const fwd = p.has('dst-address') || p.has('dst-port');
  const rev = p.has('src-address') || p.has('src-port');
  if (fwd === rev) fail(line, 'an accept matches either dst-address/dst-port or src-address/src-port');
  const hairpin = fwd && (p.has('in-interface') || p.has('in-interface-list'));
  const dir = rev ? 'reply' : hairpin ? 'hairpin' : 'forward';
  const base = ['chain', 'action', 'connection-nat-state', 'protocol', 'comment'];
  const allowed = { forward: ['dst-address', 'dst-port', 'src-address-list'], hairpin: ['dst-address', 'dst-port', 'in-interface', 'in-interface-list'], reply: ['src-address', 'src-port'] }[dir];
  only(p, [...base, ...allowed], line, `${dir} accept`);
  const side = fwd ? 'dst' : 'src';
  return {
    line,
    dir,
    proto: oneOf(p.get('protocol'), line, 'protocol', ['tcp', 'udp']),
    nasAddr: ipv4(text(p.get(`${side}-address`), line, `${side}-address`), line),
    ports: portList(text(p.get(`${side}-port`), line, `${side}-port`), line),
    srcList: p.has('src-address-list') ? text(p.get('src-address-list'), line, 'src-address-list') : null,
    iface: hairpin ? iface(p, 'in', line) : null,
    comment: text(p.get('comment'), line, 'comment', true),
  };
}

// The rule kinds the profile options add to a synfw RouterOS script: address-list entries, the
// hairpin connection marking (mangle) and masquerade (srcnat), and the IPv6 forward accepts. Each is
// read strictly: only the properties synfw writes, with the values that make the rule safe (a
// masquerade without a connection mark would rewrite connections from the WAN too).

import { fail, iface, ipv4, ipv4Cidr, ipv6Cidr, oneOf, only, portList, text, type Ports, type Props } from './parse-routeros-values.js';

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

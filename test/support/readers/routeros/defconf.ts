// RouterOS 7's default configuration (defconf, "RouterMode": ether1 is the WAN, the other ports are
// bridged as the LAN), as the simulator's starting router. The firewall part is MikroTik's own
// defconf script, in its own syntax, as `/system default-configuration print` shows it on v7:
//  - v7 (7.14+, "accept UDP traceroute" with dst-port=): the defconf script in public repositories,
//    e.g. the file found by `find_string "defconf: drop packets with bad dst ipv6"` that starts
//    "#| Welcome to RouterOS!"; and an export of RouterOS 7 at https://pastebin.com/Ep8z3i3A;
//  - the same /ipv6 firewall filter order in RouterOS 6.46.4 (https://gist.github.com/ebababi/
//    edad2fcc586961ae55b24686974176ad, "Extracted from RouterOS 6.46.4 with /system
//    default-configuration print") and https://gist.github.com/versionsix/524f85e653eadd56e4fe3a0bb41c9cf9;
//  - newer devices' exports start the IPv6 forward chain with "defconf: fasttrack6" (the
//    `fasttrack6` option adds it).
// IPv6 forward order: accept established,related,untracked; drop invalid; drop bad src ipv6 and
// bad dst ipv6 (src/dst-address-list=bad_ipv6, which holds 2001:db8::/32 among others); drop
// hop-limit=1 ICMPv6; accept ICMPv6, HIP, IKE, AH, ESP, ipsec policy; drop everything else not
// coming from LAN.

import { RouterState } from './sim-state.js';
import { simulate } from './sim.js';

export const DEFCONF_INTERFACES = ['ether1', 'ether2', 'ether3', 'ether4', 'ether5', 'bridge'];
/** RouterOS's built-in interface lists (flagged builtin; /interface list print shows them). */
export const BUILTIN_LISTS = ['all', 'none', 'dynamic', 'static'];

export const DEFCONF_SCRIPT = `/interface list add name=WAN comment="defconf"
/interface list add name=LAN comment="defconf"
/interface list member add list=LAN interface=bridge comment="defconf"
/interface list member add list=WAN interface=ether1 comment="defconf"
/ip firewall nat add chain=srcnat out-interface-list=WAN ipsec-policy=out,none action=masquerade comment="defconf: masquerade"
/ip firewall {
  filter add chain=input action=accept connection-state=established,related,untracked comment="defconf: accept established,related,untracked"
  filter add chain=input action=drop connection-state=invalid comment="defconf: drop invalid"
  filter add chain=input action=accept protocol=icmp comment="defconf: accept ICMP"
  filter add chain=input action=accept dst-address=127.0.0.1 comment="defconf: accept to local loopback (for CAPsMAN)"
  filter add chain=input action=drop in-interface-list=!LAN comment="defconf: drop all not coming from LAN"
  filter add chain=forward action=accept ipsec-policy=in,ipsec comment="defconf: accept in ipsec policy"
  filter add chain=forward action=accept ipsec-policy=out,ipsec comment="defconf: accept out ipsec policy"
  filter add chain=forward action=fasttrack-connection connection-state=established,related comment="defconf: fasttrack"
  filter add chain=forward action=accept connection-state=established,related,untracked comment="defconf: accept established,related, untracked"
  filter add chain=forward action=drop connection-state=invalid comment="defconf: drop invalid"
  filter add chain=forward action=drop connection-state=new connection-nat-state=!dstnat in-interface-list=WAN comment="defconf: drop all from WAN not DSTNATed"
}
/ipv6 firewall {
  address-list add list=bad_ipv6 address=::/128 comment="defconf: unspecified address"
  address-list add list=bad_ipv6 address=::1 comment="defconf: lo"
  address-list add list=bad_ipv6 address=fec0::/10 comment="defconf: site-local"
  address-list add list=bad_ipv6 address=::ffff:0:0/96 comment="defconf: ipv4-mapped"
  address-list add list=bad_ipv6 address=::/96 comment="defconf: ipv4 compat"
  address-list add list=bad_ipv6 address=100::/64 comment="defconf: discard only "
  address-list add list=bad_ipv6 address=2001:db8::/32 comment="defconf: documentation"
  address-list add list=bad_ipv6 address=2001:10::/28 comment="defconf: ORCHID"
  address-list add list=bad_ipv6 address=3ffe::/16 comment="defconf: 6bone"
  filter add chain=input action=accept connection-state=established,related,untracked comment="defconf: accept established,related,untracked"
  filter add chain=input action=drop connection-state=invalid comment="defconf: drop invalid"
  filter add chain=input action=accept protocol=icmpv6 comment="defconf: accept ICMPv6"
  filter add chain=input action=accept protocol=udp dst-port=33434-33534 comment="defconf: accept UDP traceroute"
  filter add chain=input action=accept protocol=udp dst-port=546 src-address=fe80::/10 comment="defconf: accept DHCPv6-Client prefix delegation."
  filter add chain=input action=accept protocol=udp dst-port=500,4500 comment="defconf: accept IKE"
  filter add chain=input action=accept protocol=ipsec-ah comment="defconf: accept ipsec AH"
  filter add chain=input action=accept protocol=ipsec-esp comment="defconf: accept ipsec ESP"
  filter add chain=input action=accept ipsec-policy=in,ipsec comment="defconf: accept all that matches ipsec policy"
  filter add chain=input action=drop in-interface-list=!LAN comment="defconf: drop everything else not coming from LAN"
  filter add chain=forward action=accept connection-state=established,related,untracked comment="defconf: accept established,related,untracked"
  filter add chain=forward action=drop connection-state=invalid comment="defconf: drop invalid"
  filter add chain=forward action=drop src-address-list=bad_ipv6 comment="defconf: drop packets with bad src ipv6"
  filter add chain=forward action=drop dst-address-list=bad_ipv6 comment="defconf: drop packets with bad dst ipv6"
  filter add chain=forward action=drop protocol=icmpv6 hop-limit=equal:1 comment="defconf: rfc4890 drop hop-limit=1"
  filter add chain=forward action=accept protocol=icmpv6 comment="defconf: accept ICMPv6"
  filter add chain=forward action=accept protocol=139 comment="defconf: accept HIP"
  filter add chain=forward action=accept protocol=udp dst-port=500,4500 comment="defconf: accept IKE"
  filter add chain=forward action=accept protocol=ipsec-ah comment="defconf: accept ipsec AH"
  filter add chain=forward action=accept protocol=ipsec-esp comment="defconf: accept ipsec ESP"
  filter add chain=forward action=accept ipsec-policy=in,ipsec comment="defconf: accept all that matches ipsec policy"
  filter add chain=forward action=drop in-interface-list=!LAN comment="defconf: drop everything else not coming from LAN"
}
`;

export const V6_BAD_SRC = 'defconf: drop packets with bad src ipv6';
export const V6_BAD_DST = 'defconf: drop packets with bad dst ipv6';
export const V6_LAST_DROP = 'defconf: drop everything else not coming from LAN';
export const V4_ACCEPT_ESTABLISHED = 'defconf: accept established,related, untracked';
export const V4_LAST_DROP = 'defconf: drop all from WAN not DSTNATed';

export interface DefconfOptions {
  /** Interfaces besides defconf's ether1-5 and bridge (a profile's router.wan / router.lan). */
  interfaces?: string[];
  /** Newer devices: "defconf: fasttrack6" first in the IPv6 forward chain. */
  fasttrack6?: boolean;
}

const built = new Map<string, RouterState>();

/** A router fresh from the default configuration (a copy of one built once per options). */
export function defconfRouter(options: DefconfOptions = {}): RouterState {
  const key = JSON.stringify([options.interfaces ?? [], options.fasttrack6 ?? false]);
  let state = built.get(key);
  if (!state) built.set(key, (state = buildDefconf(options)));
  return state.clone();
}

function buildDefconf(options: DefconfOptions): RouterState {
  const state = new RouterState();
  for (const name of [...DEFCONF_INTERFACES, ...(options.interfaces ?? [])]) state.insert(['interface'], { name });
  for (const name of BUILTIN_LISTS) state.insert(['interface', 'list'], { name, builtin: 'yes' });
  // The fasttrack rule makes RouterOS show a dynamic counter rule on top of the filter.
  state.insert(['ip', 'firewall', 'filter'], { chain: 'forward', action: 'passthrough', dynamic: 'yes', comment: 'special dummy rule to show fasttrack counters' });
  const script = options.fasttrack6
    ? DEFCONF_SCRIPT.replace(
        '  filter add chain=forward action=accept connection-state=established,related,untracked comment="defconf: accept established,related,untracked"\n  filter add chain=forward action=drop connection-state=invalid comment="defconf: drop invalid"\n  filter add chain=forward action=drop src',
        '  filter add chain=forward action=fasttrack-connection connection-state=established,related comment="defconf: fasttrack6"\n$&',
      )
    : DEFCONF_SCRIPT;
  if (options.fasttrack6 && script === DEFCONF_SCRIPT) throw new Error('defconfRouter: the fasttrack6 anchor is gone');
  const r = simulate(script, state, 'import');
  if (r.errors.length) throw new Error(`defconf does not run: ${JSON.stringify(r.errors)}`);
  return state;
}

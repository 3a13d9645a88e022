// The mikrotik pieces for the profile options: allowFrom's address lists, hairpin NAT (LAN dst-nat
// rules, the mangle rule that marks those connections, and the srcnat masquerade of that mark only)
// and nas.address6's /ipv6 firewall filter accepts.

import type { Plan, Proto } from '../../plan/types.js';
import { mergedPacks } from '../shared/ports.js';
import { admits, sourcesRestricted } from '../shared/sources.js';
import { profileTag } from '../shared/text.js';
import { appsOf, nasPacks, natRules, portList, type Comment, type NatRuleView } from './pack.js';

export interface AddressView {
  address: string;
  comment: string;
}

export interface HairpinView {
  /** dst-nat rules for LAN clients: the WAN rules' ports and targets, matched by dst-address-type=local. */
  nat: NatRuleView[];
  /** The connection mark the mangle rules set and the masquerade matches: "synfw-<profile>-hairpin". */
  mark: string;
  /** Mangle prerouting rules marking the new hairpin connections (before dstnat, so on the WAN ports). */
  mangle: { proto: Proto; dstPort: string; comment: string }[];
  masqueradeComment: string;
}

export interface Ipv6AcceptView {
  proto: Proto;
  /** The NAS's own ports. */
  ports: string;
  comment: string;
  replyComment: string;
}

export interface Ipv6View {
  /** "2001:db8::10/128". */
  address: string;
  wan: string;
  addresses: AddressView[];
  /** The address list when allowFrom restricts the sources, else null. */
  srcList: string | null;
  accepts: Ipv6AcceptView[];
  hasAccepts: boolean;
}

/** One allowFrom entry for /ip firewall address-list or /ipv6 firewall address-list. */
export function addressEntry(plan: Plan, address: string, c: Comment): AddressView {
  return { address, comment: c(`${profileTag(plan)} allowFrom ${address}`) };
}

export function hairpinView(plan: Plan, c: Comment): HairpinView {
  const tag = profileTag(plan);
  const nat: NatRuleView[] = [];
  const mangle: HairpinView['mangle'] = [];
  for (const proto of ['tcp', 'udp'] as const) {
    nat.push(...natRules(plan, proto, c, 'hairpin'));
    const forwards = plan.forwards.filter((f) => f.proto === proto);
    for (const group of mergedPacks(forwards, (f) => f.external)) {
      const ports = portList(group);
      mangle.push({ proto, dstPort: ports, comment: c(`${tag} ${appsOf(group)} mark hairpin ${proto}/${ports}`) });
    }
  }
  return {
    nat,
    mark: `synfw-${plan.profile.name}-hairpin`,
    mangle,
    masqueradeComment: c(`${tag} masquerade hairpin connections to ${plan.nas.address}`),
  };
}

export function ipv6View(plan: Plan, wan: string, listName: string, c: Comment): Ipv6View | null {
  const address6 = plan.nas.address6;
  if (address6 === undefined) return null;
  const tag = profileTag(plan);
  const restricted = sourcesRestricted(plan);
  const open = admits(plan, 6);
  const accepts: Ipv6AcceptView[] = [];
  for (const proto of open ? (['tcp', 'udp'] as const) : []) {
    for (const group of nasPacks(plan.forwards.filter((f) => f.proto === proto))) {
      const ports = portList(group);
      const apps = appsOf(group);
      accepts.push({
        proto,
        ports,
        comment: c(`${tag} ${apps} accept ipv6 ${proto}/${ports} to ${address6}`),
        replyComment: c(`${tag} ${apps} accept ipv6 replies ${proto}/${ports} from ${address6}`),
      });
    }
  }
  return {
    address: `${address6}/128`,
    wan,
    addresses: plan.allowFrom6.map((a) => addressEntry(plan, a, c)),
    srcList: restricted ? listName : null,
    accepts,
    hasAccepts: accepts.length > 0,
  };
}

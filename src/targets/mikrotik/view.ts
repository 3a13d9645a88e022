// The mikrotik view model: the plan's forwards packed into /ip firewall nat dst-nat rules and
// /ip firewall filter forward-chain accepts, the way RouterOS's syntax allows; allowFrom, hairpin
// and nas.address6 are added by options.ts. Free text stays raw here (one line, cut to
// COMMENT_MAX bytes); the template quotes it with rosQuote.

import { isRemapped } from '../../plan/ranges.js';
import type { Plan, Proto } from '../../plan/types.js';
import { rosRegexLiteral } from '../../render/escape/routeros.js';
import { oneLine } from '../../render/text.js';
import { admits, sourcesRestricted } from '../shared/sources.js';
import { profileTag } from '../shared/text.js';
import { neededNames, type NeededName } from '../shared/interfaces.js';
import type { RenderContext, TextAbout } from '../types.js';
import { addressEntry, hairpinView, ipv6View, type AddressView, type HairpinView, type Ipv6View } from './options.js';
import { described, nasPacks, natRules, type NatRuleView } from './pack.js';

export type { NatRuleView } from './pack.js';

export interface FilterRuleView {
  proto: Proto;
  /** NAS ports ("5001,6001-6010"): dst-port of the forward accepts, src-port of the reply accept. */
  ports: string;
  /** Accept of dst-natted connections from the WAN; null when no IPv4 source may connect. */
  comment: string | null;
  /** Accept of hairpin connections from the LAN, needed only when the WAN accept is restricted. */
  hairpinComment: string | null;
  replyComment: string | null;
}

export interface MikrotikModel {
  tag: string;
  /** POSIX ERE (unquoted) matching every comment this profile's rules carry, and no other profile's. */
  tagRegex: string;
  /** The interface lists the rules match (in-interface-list): router.wan/lan, or defconf's WAN and LAN. */
  wan: string;
  lan: string;
  nas: string;
  /** The address list this profile owns ("synfw-<profile>"), IPv4 and IPv6. */
  listName: string;
  /** listName when allowFrom restricts the sources, else null. */
  srcList: string | null;
  addresses: AddressView[];
  nat: NatRuleView[];
  hairpin: HairpinView | null;
  filter: FilterRuleView[];
  hasFilter: boolean;
  v6: Ipv6View | null;
  /** The interface lists the script checks before it changes anything. */
  needed: NeededName[];
}

export function buildModel(plan: Plan, ctx: RenderContext): MikrotikModel {
  const tag = profileTag(plan);
  const nas = plan.nas.address;
  const c = (text: string, about?: TextAbout | (() => TextAbout)): string => ctx.fit(oneLine(text), undefined, about);
  const restricted = sourcesRestricted(plan);
  // A non-empty allowFrom admits only what it lists: with IPv6 sources only, no IPv4 source at all.
  const wanOpen = admits(plan, 4);
  const listName = `synfw-${plan.profile.name}`;

  const nat: NatRuleView[] = [];
  const filter: FilterRuleView[] = [];
  for (const proto of ['tcp', 'udp'] as const) {
    const forwards = plan.forwards.filter((f) => f.proto === proto);
    const packs = described(nasPacks(forwards));
    // Without remapped forwards the WAN ports pack exactly as the NAS ports: merged and packed once.
    if (wanOpen) nat.push(...natRules(plan, proto, c, '', forwards.some(isRemapped) ? undefined : packs));
    for (const { ports, apps } of packs) {
      filter.push({
        proto,
        ports,
        comment: wanOpen ? c(`${tag} ${apps} accept dst-natted ${proto}/${ports} to ${nas}`) : null,
        hairpinComment: plan.hairpin && restricted ? c(`${tag} ${apps} accept hairpin ${proto}/${ports} to ${nas}`) : null,
        replyComment: wanOpen || plan.hairpin ? c(`${tag} ${apps} accept replies ${proto}/${ports} from ${nas}`) : null,
      });
    }
  }
  const kept = filter.filter((f) => f.comment ?? f.hairpinComment ?? f.replyComment);
  const addresses = plan.allowFrom.map((a) => addressEntry(plan, a, c));
  const hairpin = plan.hairpin ? hairpinView(plan, c) : null;
  const v6 = ipv6View(plan, ctx.wan, listName, c);

  return {
    tag,
    // The space after the tag keeps profile "home" from matching "home-lab"'s rules.
    tagRegex: `^${rosRegexLiteral(tag)} `,
    wan: ctx.wan,
    lan: ctx.lan!,
    nas,
    listName,
    srcList: restricted ? listName : null,
    addresses,
    nat,
    hairpin,
    filter: kept,
    hasFilter: kept.length > 0,
    v6,
    needed: neededNames(ctx, 'interface list', plan.hairpin === true),
  };
}

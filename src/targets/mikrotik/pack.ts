// Packing for the mikrotik target: the plan's ports merged and packed into RouterOS port lists, and
// the WAN dst-nat rules built from them. RouterOS documents no maximum for dst-port lists; Linux
// multiport allows 15 slots with a range taking 2, so lists are packed to that in case RouterOS
// counts the same way.

import { formatRange, isRemapped } from '../../plan/ranges.js';
import type { Forward, Plan, Proto } from '../../plan/types.js';
import { mergedPacks, type Pack as Ports } from '../shared/ports.js';
import { appsOf as forwardApps, cutAbout, originNames, profileTag, ruleText } from '../shared/text.js';
import type { TextAbout } from '../types.js';

export interface NatRuleView {
  proto: Proto;
  /** "21,5001,6001-6010": WAN ports. */
  dstPort: string;
  /** NAS port when it differs from the WAN port; null keeps the WAN port (DNAT without a port). */
  toPorts: string | null;
  /** Raw comment text: the template escapes it. */
  comment: string;
}

/** A packed list: ports merged into ranges (overlapping or adjacent), with the forwards behind them. */
export type PortGroup = Ports<Forward>;

export const portList = (group: PortGroup): string => group.ranges.map((r) => formatRange(r)).join(',');
export const appsOf = (group: PortGroup): string => forwardApps(group.items);
/** A packed port list with what every rule on it says: the list, its forwards and their apps. */
export interface Pack {
  ports: string;
  items: Forward[];
  apps: string;
}

/** Each packed list with its port list, forwards and apps, worked out once for all the rules on it. */
export function described(packed: PortGroup[]): Pack[] {
  return packed.map((group) => ({ ports: portList(group), items: group.items, apps: appsOf(group) }));
}

/** NAS port groups of one protocol, packed into multiport lists. */
export const nasPacks = (forwards: Forward[]): PortGroup[] => mergedPacks(forwards, (f) => f.internal);

/** A comment: one line, cut to the comment field (ctx.fit), counted for SFW310 (`about` worked out only for a cut). */
export type Comment = (text: string, about?: TextAbout | (() => TextAbout)) => string;

/**
 * The dst-nat rules of one protocol: same-port forwards packed into lists, remaps one per port.
 * `label` ("hairpin ") goes right after the tag in each comment. `packed`: the same-port forwards
 * already packed by their WAN ports, when the caller has them (for a protocol without remapped
 * forwards, nasPacks of its forwards is that list: each WAN range is its NAS range).
 */
export function natRules(plan: Plan, proto: Proto, c: Comment, label = '', packed?: Pack[]): NatRuleView[] {
  const tag = `${profileTag(plan)} ${label}`.trimEnd();
  const forwards = plan.forwards.filter((f) => f.proto === proto);
  const out: NatRuleView[] = [];
  // Same port on both sides: DNAT to the address alone keeps the port, so ranges and lists pack.
  for (const { ports, items, apps } of packed ?? described(mergedPacks(forwards.filter((f) => !isRemapped(f)), (f) => f.external))) {
    const names = originNames(items);
    out.push({ proto, dstPort: ports, toPorts: null, comment: c(`${tag} ${apps} ${proto}/${ports}${names ? ` ${names}` : ''}`, () => cutAbout(items)) });
  }
  // to-ports with a range is not offset-mapped (Linux DNAT picks any port of it): one rule per port.
  for (const f of forwards.filter(isRemapped).sort((a, b) => a.external.first - b.external.first)) {
    const text = c(`${tag}${ruleText(plan, f).slice(profileTag(plan).length)}`, () => cutAbout([f]));
    for (let i = 0; i <= f.external.last - f.external.first; i++) {
      out.push({ proto, dstPort: String(f.external.first + i), toPorts: String(f.internal.first + i), comment: text });
    }
  }
  return out;
}


// Packing for the mikrotik target: the plan's ports merged and packed into RouterOS port lists, the
// WAN dst-nat rules built from them, and comments cut to COMMENT_MAX bytes.

import { formatRange, isRemapped } from '../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../plan/types.js';
import { fitBytes, oneLine, originNames, profileTag, ruleText } from './common.js';
import { packSlots } from './packing.js';

/**
 * RouterOS documents no comment limit. 255 bytes of the comment's value (UTF-8, before escaping)
 * keeps every rule printable on one terminal screen and matches the Linux xt_comment limit.
 */
export const COMMENT_MAX = 255;
/**
 * Port-list slots per rule. RouterOS documents no maximum for dst-port lists; Linux multiport allows
 * 15 slots with a range taking 2, so lists are packed to that in case RouterOS counts the same way.
 */
export const PORT_SLOTS = 15;

export interface NatRuleView {
  proto: Proto;
  /** "21,5001,6001-6010": WAN ports. */
  dstPort: string;
  /** NAS port when it differs from the WAN port; null keeps the WAN port (DNAT without a port). */
  toPorts: string | null;
  /** Raw comment text: the template escapes it. */
  comment: string;
}

/** Ports merged into ranges (overlapping or adjacent), each with the forwards behind it. */
export interface PortGroup {
  range: PortRange;
  forwards: Forward[];
}

export function mergeBy(forwards: Forward[], side: (f: Forward) => PortRange): PortGroup[] {
  const sorted = [...forwards].sort((a, b) => side(a).first - side(b).first || side(a).last - side(b).last);
  const out: PortGroup[] = [];
  for (const f of sorted) {
    const r = side(f);
    const last = out[out.length - 1];
    if (last && r.first <= last.range.last + 1) {
      last.range.last = Math.max(last.range.last, r.last);
      last.forwards.push(f);
    } else out.push({ range: { first: r.first, last: r.last }, forwards: [f] });
  }
  return out;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];
export const portList = (groups: PortGroup[]): string => groups.map((g) => formatRange(g.range)).join(',');
export const appsOf = (groups: PortGroup[]): string => uniq(groups.flatMap((g) => g.forwards.flatMap((f) => f.apps)).sort()).join(',');
/** NAS port groups of one protocol, packed into lists of at most PORT_SLOTS slots. */
export const nasPacks = (forwards: Forward[]): PortGroup[][] => packSlots(mergeBy(forwards, (f) => f.internal), (g) => g.range, PORT_SLOTS);

/** Comments as one line cut to COMMENT_MAX bytes, counting the cut ones. */
export class Comments {
  cut = 0;
  of(text: string): string {
    const line = oneLine(text);
    const out = fitBytes(line, COMMENT_MAX);
    if (out !== line) this.cut++;
    return out;
  }
}

/**
 * The dst-nat rules of one protocol: same-port forwards packed into lists, remaps one per port.
 * `label` ("hairpin ") goes right after the tag in each comment.
 */
export function natRules(plan: Plan, proto: Proto, c: Comments, label = ''): NatRuleView[] {
  const tag = `${profileTag(plan)} ${label}`.trimEnd();
  const forwards = plan.forwards.filter((f) => f.proto === proto);
  const out: NatRuleView[] = [];
  // Same port on both sides: DNAT to the address alone keeps the port, so ranges and lists pack.
  for (const groups of packSlots(mergeBy(forwards.filter((f) => !isRemapped(f)), (f) => f.external), (g) => g.range, PORT_SLOTS)) {
    const names = originNames(groups.flatMap((g) => g.forwards));
    out.push({ proto, dstPort: portList(groups), toPorts: null, comment: c.of(`${tag} ${appsOf(groups)} ${proto}/${portList(groups)}${names ? ` ${names}` : ''}`) });
  }
  // to-ports with a range is not offset-mapped (Linux DNAT picks any port of it): one rule per port.
  for (const f of forwards.filter(isRemapped).sort((a, b) => a.external.first - b.external.first)) {
    const text = c.of(`${tag}${ruleText(plan, f).slice(profileTag(plan).length)}`);
    for (let i = 0; i <= f.external.last - f.external.first; i++) {
      out.push({ proto, dstPort: String(f.external.first + i), toPorts: String(f.internal.first + i), comment: text });
    }
  }
  return out;
}


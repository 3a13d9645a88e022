// The mikrotik view model: the plan's forwards packed into /ip firewall nat dst-nat rules and
// /ip firewall filter forward-chain accepts, the way RouterOS's syntax allows. Free text stays raw
// here (one line, cut to COMMENT_MAX bytes); the template quotes it with rosQuote.

import { formatRange } from '../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../plan/types.js';
import { rosRegexLiteral } from '../render/escape/routeros.js';
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

export interface FilterRuleView {
  proto: Proto;
  /** NAS ports ("5001,6001-6010"): dst-port of the forward accept, src-port of the reply accept. */
  ports: string;
  comment: string;
  replyComment: string;
}

export interface MikrotikModel {
  tag: string;
  /** POSIX ERE (unquoted) matching every comment this profile's rules carry, and no other profile's. */
  tagRegex: string;
  /** How the dst-nat rules match the WAN: an interface (router.wan) or the defconf interface list. */
  wanKey: 'in-interface' | 'in-interface-list';
  wan: string;
  nas: string;
  nat: NatRuleView[];
  filter: FilterRuleView[];
  hasFilter: boolean;
  /** Number of comments cut to COMMENT_MAX bytes. */
  cutComments: number;
}

/** Ports merged into ranges (overlapping or adjacent), each with the forwards behind it. */
interface PortGroup {
  range: PortRange;
  forwards: Forward[];
}

function mergeBy(forwards: Forward[], side: (f: Forward) => PortRange): PortGroup[] {
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

const remapped = (f: Forward): boolean => f.external.first !== f.internal.first;
const uniq = (xs: string[]): string[] => [...new Set(xs)];
const portList = (groups: PortGroup[]): string => groups.map((g) => formatRange(g.range)).join(',');
const appsOf = (groups: PortGroup[]): string => uniq(groups.flatMap((g) => g.forwards.flatMap((f) => f.apps)).sort()).join(',');

export function buildModel(plan: Plan, defaultWan: string): MikrotikModel {
  const tag = profileTag(plan);
  const nas = plan.nas.address;
  let cutComments = 0;
  const comment = (text: string): string => {
    const line = oneLine(text);
    const cut = fitBytes(line, COMMENT_MAX);
    if (cut !== line) cutComments++;
    return cut;
  };

  const nat: NatRuleView[] = [];
  const filter: FilterRuleView[] = [];
  for (const proto of ['tcp', 'udp'] as const) {
    const forwards = plan.forwards.filter((f) => f.proto === proto);
    // Same port on both sides: DNAT to the address alone keeps the port, so ranges and lists pack.
    for (const groups of packSlots(mergeBy(forwards.filter((f) => !remapped(f)), (f) => f.external), (g) => g.range, PORT_SLOTS)) {
      const names = originNames(groups.flatMap((g) => g.forwards));
      nat.push({ proto, dstPort: portList(groups), toPorts: null, comment: comment(`${tag} ${appsOf(groups)} ${proto}/${portList(groups)}${names ? ` ${names}` : ''}`) });
    }
    // to-ports with a range is not offset-mapped (Linux DNAT picks any port of it): one rule per port.
    for (const f of forwards.filter(remapped).sort((a, b) => a.external.first - b.external.first)) {
      const text = comment(ruleText(plan, f));
      for (let i = 0; i <= f.external.last - f.external.first; i++) {
        nat.push({ proto, dstPort: String(f.external.first + i), toPorts: String(f.internal.first + i), comment: text });
      }
    }
    for (const groups of packSlots(mergeBy(forwards, (f) => f.internal), (g) => g.range, PORT_SLOTS)) {
      const ports = portList(groups);
      const apps = appsOf(groups);
      filter.push({
        proto,
        ports,
        comment: comment(`${tag} ${apps} accept dst-natted ${proto}/${ports} to ${nas}`),
        replyComment: comment(`${tag} ${apps} accept replies ${proto}/${ports} from ${nas}`),
      });
    }
  }

  return {
    tag,
    // The space after the tag keeps profile "home" from matching "home-lab"'s rules.
    tagRegex: `^${rosRegexLiteral(tag)} `,
    wanKey: plan.router.wan ? 'in-interface' : 'in-interface-list',
    wan: plan.router.wan ?? defaultWan,
    nas,
    nat,
    filter,
    hasFilter: filter.length > 0,
    cutComments,
  };
}

// miniupnpd: permission lines for miniupnpd.conf that let the NAS request exactly the plan's
// mappings and nothing else, ending with a deny-all line (miniupnpd accepts any request that no
// line matches, so the final deny is what makes the list restrictive).
//
// Semantics (miniupnpd/upnppermissions.c): a line matches when the external port lies in its
// external range, the internal port in its internal range and the client address in its network;
// the two ranges are checked independently (no offset), the first matching line wins, and lines
// carry no protocol. So a remapped range is allowed port by port, or a client could pair external
// a with internal d.

import type { Diagnostic } from '../../diagnostics.js';
import { formatRange, isRemapped, rangeSize } from '../../plan/ranges.js';
import type { Forward, Plan } from '../../plan/types.js';
import { CONF_COMMENT_MAX, confComment } from '../../render/escape/upnp.js';
import { fitBytes } from '../../render/text.js';
import { defineTarget } from '../define.js';
import { checkedIPv4, checkedPort } from '../shared/checks.js';
import { sourcesRestricted } from '../shared/sources.js';
import { profileTag, ruleText } from '../shared/text.js';
import type { HeaderParts } from '../types.js';
import { info } from './info.js';

/** Longest remapped range written one line per port; a longer one becomes a range line and a warning. */
export const REMAP_PER_PORT_MAX = 256;

export interface PermEntry {
  /** One traceability comment per contributing forward (tcp and udp share a line), raw. */
  comments: string[];
  /** "a" or "a-b", validated numbers only. */
  perms: { ext: string; int: string }[];
}

const portText = (first: number, last: number): string => formatRange({ first: checkedPort(first), last: checkedPort(last) });

function permsFor(f: Forward, warnings: Diagnostic[]): PermEntry['perms'] {
  const size = rangeSize(f.external);
  const remapped = isRemapped(f);
  if (!remapped || size === 1 || size > REMAP_PER_PORT_MAX) {
    if (remapped && size > 1) {
      warnings.push({
        code: 'SFW311',
        severity: 'warning',
        message:
          `target miniupnpd allows ${f.proto} ${formatRange(f.external)} -> ${formatRange(f.internal)} with one range line: miniupnpd checks ` +
          `the two ranges separately, so the NAS may also pair other ports of them; the remap has more than ${REMAP_PER_PORT_MAX} ports, too many for one line per port`,
        pos: f.origins[0]?.pos,
      });
    }
    return [{ ext: portText(f.external.first, f.external.last), int: portText(f.internal.first, f.internal.last) }];
  }
  return Array.from({ length: size }, (_, i) => ({
    ext: portText(f.external.first + i, f.external.first + i),
    int: portText(f.internal.first + i, f.internal.first + i),
  }));
}

/** Permission entries in plan order; forwards with the same port ranges share one entry. */
export function permEntries(plan: Plan, warnings: Diagnostic[] = []): PermEntry[] {
  const byRanges = new Map<string, PermEntry>();
  for (const f of plan.forwards) {
    const key = `${formatRange(f.external)}>${formatRange(f.internal)}`;
    // Cut to one miniupnpd.conf line by the template (confLine).
    const comment = ruleText(plan, f);
    const entry = byRanges.get(key);
    if (entry) entry.comments.push(comment);
    else byRanges.set(key, { comments: [comment], perms: permsFor(f, warnings) });
  }
  return [...byRanges.values()];
}

/**
 * allowFrom and hairpin do not change which mappings the NAS may request, so the permission lines
 * are the same; the header says what they do not do instead of staying silent.
 */
function notes(plan: Plan): string[] {
  const out: string[] = [];
  if (sourcesRestricted(plan)) {
    out.push(
      `allowFrom (${[...plan.allowFrom, ...plan.allowFrom6].join(', ')}) is not expressed here: permission lines decide which`,
      'mappings LAN hosts may request, not which internet sources may connect; UPnP mappings are open to every source.',
    );
  }
  if (plan.hairpin !== null) out.push(`hairpin (${plan.hairpin ? 'on' : 'off'}) is not expressed here: NAT loopback for the mappings is a setting of the router itself.`);
  return out;
}

interface MiniupnpdModel {
  tag: string;
  nas: string;
  entries: PermEntry[];
  warnings: Diagnostic[];
}

function header(plan: Plan, m: MiniupnpdModel): HeaderParts {
  const tag = m.tag;
  return {
    // These lines name no interface; "set router.wan to change it" would be wrong here.
    wanLine: `WAN: miniupnpd's ext_ifname (permission lines name no interface${plan.router.wan ? `; set ext_ifname=${plan.router.wan} in miniupnpd.conf` : ''})`,
    apply: [
      'Put these lines into a plain miniupnpd.conf (e.g. /etc/miniupnpd/miniupnpd.conf) in place of its allow/deny lines, then restart',
      'miniupnpd. It uses the first line that matches a request, so no other allow line may come before them, and lines after the',
      'final deny are never reached. On OpenWrt the native form is perm_rule sections in /etc/config/upnpd, from which the init',
      'script writes miniupnpd.conf; these lines are for a plain miniupnpd.conf.',
      'Permission lines carry no protocol: a line for 1194 allows tcp and udp alike; the upnp target\'s script decides the protocols.',
      'A range line (6001-6010 to 6001-6010) also lets the NAS pair two different ports of that range; remapped ranges get one line',
      'per port. Keep secure_mode=yes so that only the NAS itself can request mappings to its address.',
      ...notes(plan),
    ],
    remove: [
      `Delete the lines from "# BEGIN ${tag}" to "# END ${tag}" and restart miniupnpd, e.g.`,
      `sed -i '/^# BEGIN ${tag}$/,/^# END ${tag}$/d' /etc/miniupnpd/miniupnpd.conf`,
      'With no allow/deny line left miniupnpd accepts every request: put your own rules back.',
    ],
  };
}

/** A header line for miniupnpd.conf: one line kept far below its 1024-byte line buffer. */
const confLine = (line: string): string => fitBytes(line, CONF_COMMENT_MAX, confComment);

export const target = defineTarget(info, {
  helpers: { confLine },
  model: (plan) => {
    const warnings: Diagnostic[] = [];
    const entries = permEntries(plan, warnings);
    return { tag: profileTag(plan), nas: checkedIPv4(plan.nas.address), entries, warnings };
  },
  header,
  warnings: (_plan, m) => m.warnings,
});

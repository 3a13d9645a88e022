// The OpenWrt redirects: the plan's forwards as fw3/fw4 `redirect` sections. A redirect holds one
// src_dport (a port or a range, never a list: fw3 and fw4 cannot), so every forward becomes one
// section, except a remapped range: DNAT to a port range is not offset-mapped (targets.md §0), so it
// becomes one section per port. A tcp and a udp forward with identical ports share one section
// (proto tcp udp), which is how LuCI shows "TCP+UDP". A redirect's src_ip is one address or CIDR
// (fw4 parse_redirect and fw3 redirects.c read it as a single value; a list gets the section
// skipped), so allowFrom makes one copy of each section per source CIDR.

import { formatRange, isRemapped } from '../../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../../plan/types.js';
import { isUciName, nameText } from '../../render/escape/uci.js';
import { twinGroups } from '../shared/ports.js';
import { allowedSources } from '../shared/sources.js';
import { originNames, cutAbout, ruleText } from '../shared/text.js';
import type { RenderContext, TextAbout } from '../types.js';
import type { RedirectSection } from './sections.js';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * "synfw_<profile with - as _>_": the profile part of every section name. The guard: profile names
 * are slugs ([a-z0-9-], the schema's pattern), so they contain no `_` and mapping `-` to `_` cannot
 * make "a-b" and "a_b" collide; anything else is refused rather than mapped.
 */
export function sectionPrefix(profile: string): string {
  // Asked for every section of a render, always for the same profile.
  if (lastPrefix?.profile === profile) return lastPrefix.prefix;
  if (!SLUG.test(profile)) throw new Error(`openwrt: profile name ${JSON.stringify(profile)} is not a slug [a-z0-9-]; section names would not be unique`);
  lastPrefix = { profile, prefix: `synfw_${profile.replace(/-/g, '_')}_` };
  return lastPrefix.prefix;
}

let lastPrefix: { profile: string; prefix: string } | undefined;

/**
 * synfw_<profile>_<proto>_<first>[_<last>][_S<n>]. Read from the right the name splits one way only:
 * an upper-case S part (the n-th allowFrom source) can only be that suffix, since profile names are
 * lower case; then the last part is a port, the one before it a port (then the one before that is
 * the proto) or the proto, and no proto word is a number; so two different (profile, proto, range,
 * source) never share a name.
 */
export function sectionId(profile: string, protos: readonly Proto[], ext: PortRange, source?: number): string {
  const ports = ext.first === ext.last ? `${ext.first}` : `${ext.first}_${ext.last}`;
  return `${sectionPrefix(profile)}${protos.join('')}_${ports}${source === undefined ? '' : `_S${source}`}`;
}

/** ruleText for one or two protocols and the ports one section covers, plus the allowed source. */
export function redirectText(plan: Plan, fs: readonly Forward[], ext: PortRange, int: PortRange, source?: string): string {
  const text = ruleText(plan, fs, { external: ext, internal: int });
  if (source === undefined) return text;
  // The source goes before the free-text names, so cutting a long name never cuts it away.
  const names = originNames(fs);
  const fixed = names ? text.slice(0, text.length - names.length - 1) : text;
  return `${fixed} from ${source}${names ? ` ${names}` : ''}`;
}

/** How many sections a forward becomes: one, or one per port of a remapped range. */
function pieceCount(f: Forward): number {
  return isRemapped(f) ? f.external.last - f.external.first + 1 : 1;
}

const onePort = (port: number): PortRange => ({ first: port, last: port });

/**
 * The IPv4 sources allowed to use the forwards: [null] = anyone; [] = no one (allowFrom lists only
 * IPv6 sources, and the plan's rule is that a non-empty allowFrom admits only what it lists).
 */
export function ipv4Sources(plan: Plan): (string | null)[] {
  return allowedSources(plan, 4) ?? [null];
}

export interface Redirects {
  sections: RedirectSection[];
  /** Some remapped range was split into one section per port. */
  splitRanges: boolean;
}

/**
 * The name option: nameText of the text cut to the field (ctx.fit counts the cut, measuring
 * nameText). A text that fits was measured as it is, so its nameText is not made a second time.
 */
export function fittedName(ctx: RenderContext, text: string, about: () => TextAbout): string {
  let measured: string | undefined;
  let name = '';
  const fitted = ctx.fit(text, (s) => ((measured = s), (name = nameText(s))), about);
  return fitted === measured ? name : nameText(fitted);
}

export function buildRedirects(plan: Plan, ctx: RenderContext): Redirects {
  const sections: RedirectSection[] = [];
  const ids = new Set<string>();
  const sources = ipv4Sources(plan);
  const hairpin = plan.hairpin;
  let splitRanges = false;
  // Indexed loops: code that runs once, mostly before V8 optimises it, would make an iterator
  // result object for every step of a for-of loop.
  const groups = sources.length ? twinGroups(plan.forwards) : [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const protos = group.map((f) => f.proto);
    const tcp = protos.includes('tcp');
    const udp = protos.includes('udp');
    const first = group[0]!;
    const count = pieceCount(first);
    if (count > 1) splitRanges = true;
    for (let p = 0; p < count; p++) {
      const ext = count === 1 ? first.external : onePort(first.external.first + p);
      const int = count === 1 ? first.internal : onePort(first.internal.first + p);
      const srcDport = formatRange(ext);
      const natPort = formatRange(int);
      const identity = ext.first === int.first;
      for (let k = 0; k < sources.length; k++) {
        const source = sources[k]!;
        const id = sectionId(plan.profile.name, protos, ext, source === null ? undefined : k + 1);
        if (!isUciName(id) || ids.has(id)) throw new Error(`openwrt: section name ${id} is invalid or not unique`);
        ids.add(id);
        // NAT loopback on the first copy of a port only, so its rules exist once; hairpin omitted
        // leaves that copy to fw3/fw4's default (on).
        const reflection = k > 0 || hairpin === false ? '0' : hairpin === null ? null : '1';
        sections.push({
          id,
          summary: `${protos.join('+')} ${srcDport} -> ${plan.nas.address}:${natPort}${source === null ? '' : ` from ${source}`}`,
          name: fittedName(ctx, redirectText(plan, group, ext, int, source ?? undefined), () => cutAbout(group)),
          tcp,
          udp,
          srcIp: source,
          srcDport,
          // An identity range has no dest_port: fw4 and fw3 then DNAT without a port, which keeps it.
          destPort: identity && ext.first !== ext.last ? null : natPort,
          reflection,
          reflectionSrc: reflection === '1' ? 'internal' : null,
        });
      }
    }
  }
  return { sections, splitRanges };
}

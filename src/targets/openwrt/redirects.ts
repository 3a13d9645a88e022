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
import type { RenderContext } from '../types.js';
import type { Section } from './sections.js';

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

/** [external, internal] pieces one section each can express. */
function pieces(f: Forward): [PortRange, PortRange][] {
  const remapped = isRemapped(f);
  if (!remapped || f.external.first === f.external.last) return [[f.external, f.internal]];
  const out: [PortRange, PortRange][] = [];
  for (let i = 0; i <= f.external.last - f.external.first; i++) {
    const e = f.external.first + i;
    const n = f.internal.first + i;
    out.push([{ first: e, last: e }, { first: n, last: n }]);
  }
  return out;
}

/**
 * The IPv4 sources allowed to use the forwards: [null] = anyone; [] = no one (allowFrom lists only
 * IPv6 sources, and the plan's rule is that a non-empty allowFrom admits only what it lists).
 */
export function ipv4Sources(plan: Plan): (string | null)[] {
  return allowedSources(plan, 4) ?? [null];
}

/** The reflection options of one redirect: on (with the LAN address as source), off, or unset. */
function reflectionOptions(hairpin: boolean | null, first: boolean): { key: string; value: string }[] {
  if (!first || hairpin === false) return [{ key: 'reflection', value: '0' }];
  if (hairpin === null) return [];
  return [
    { key: 'reflection', value: '1' },
    { key: 'reflection_src', value: 'internal' },
  ];
}

export interface Redirects {
  sections: Section[];
  /** Some remapped range was split into one section per port. */
  splitRanges: boolean;
}

export function buildRedirects(plan: Plan, ctx: RenderContext): Redirects {
  const src = ctx.wan;
  const dest = ctx.lan!;
  const sections: Section[] = [];
  const ids = new Set<string>();
  const sources = ipv4Sources(plan);
  let splitRanges = false;
  for (const group of sources.length ? twinGroups(plan.forwards) : []) {
    const protos = group.map((f) => f.proto);
    const parts = pieces(group[0]!);
    if (parts.length > 1) splitRanges = true;
    for (const [ext, int] of parts) {
      sources.forEach((source, k) => {
        const id = sectionId(plan.profile.name, protos, ext, source === null ? undefined : k + 1);
        if (!isUciName(id) || ids.has(id)) throw new Error(`openwrt: section name ${id} is invalid or not unique`);
        ids.add(id);
        const text = redirectText(plan, group, ext, int, source ?? undefined);
        const identity = ext.first === int.first;
        // NAT loopback on the first copy of a port only, so its rules exist once; hairpin omitted
        // leaves that copy to fw3/fw4's default (on).
        const reflection = reflectionOptions(plan.hairpin, k === 0);
        sections.push({
          type: 'redirect',
          id,
          summary: `${protos.join('+')} ${formatRange(ext)} -> ${plan.nas.address}:${formatRange(int)}${source === null ? '' : ` from ${source}`}`,
          options: [
            { key: 'name', value: nameText(ctx.fit(text, nameText, cutAbout(group))) },
            { key: 'target', value: 'DNAT' },
            { key: 'src', value: src },
            ...(source === null ? [] : [{ key: 'src_ip', value: source }]),
            { key: 'src_dport', value: formatRange(ext) },
            { key: 'dest', value: dest },
            { key: 'dest_ip', value: plan.nas.address },
            // An identity range has no dest_port: fw4 and fw3 then DNAT without a port, which keeps it.
            ...(identity && ext.first !== ext.last ? [] : [{ key: 'dest_port', value: formatRange(int) }]),
            ...protos.map((p) => ({ key: 'proto', value: p, list: true })),
            { key: 'family', value: 'ipv4' },
            ...reflection,
          ],
        });
      });
    }
  }
  return { sections, splitRanges };
}

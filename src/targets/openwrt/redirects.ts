// The OpenWrt redirects: the plan's forwards as fw3/fw4 `redirect` sections. A redirect holds one
// src_dport (a port or a range, never a list: fw3 and fw4 cannot), so every forward becomes one
// section, except a remapped range: DNAT to a port range is not offset-mapped (targets.md §0), so it
// becomes one section per port. A tcp and a udp forward with identical ports share one section
// (proto tcp udp), which is how LuCI shows "TCP+UDP". A redirect's src_ip is one address or CIDR
// (fw4 parse_redirect and fw3 redirects.c read it as a single value; a list gets the section
// skipped), so allowFrom makes one copy of each section per source CIDR.

import { formatRange, isRemapped } from '../../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../../plan/types.js';
import { isUciName } from '../../render/escape/uci.js';
import { twinGroups } from '../shared/ports.js';
import { allowedSources } from '../shared/sources.js';
import type { RenderContext } from '../types.js';
import { info } from './info.js';
import { RedirectNames } from './names.js';
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
  return joinId(sectionHead(profile, protos), idPorts(ext), idSource(source));
}

/** sectionId from its parts (buildRedirects makes the head and the source part once per render). */
const joinId = (head: string, ports: string, source: string): string => `${head}_${ports}${source}`;

/** What sectionId puts before the ports: synfw_<profile>_<proto>. */
const sectionHead = (profile: string, protos: readonly Proto[]): string => `${sectionPrefix(profile)}${protos.join('')}`;
const idPorts = (ext: PortRange): string => (ext.first === ext.last ? `${ext.first}` : `${ext.first}_${ext.last}`);
const idSource = (source: number | undefined): string => (source === undefined ? '' : `_S${source}`);

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

/** How a section's protocols read in its proto list, its id and its summary. */
interface ProtoWords {
  protos: readonly Proto[];
  tcp: boolean;
  udp: boolean;
  /** "tcp+udp" */
  word: string;
}

const WORDS: readonly ProtoWords[] = [
  { protos: ['tcp'], tcp: true, udp: false, word: 'tcp' },
  { protos: ['udp'], tcp: false, udp: true, word: 'udp' },
  { protos: ['tcp', 'udp'], tcp: true, udp: true, word: 'tcp+udp' },
];

/** The WORDS of a group of twinGroups: one forward, or a tcp forward and its udp twin. */
const kindOf = (group: readonly Forward[]): number => (group.length === 2 ? 2 : group[0]!.proto === 'tcp' ? 0 : 1);

export function buildRedirects(plan: Plan, ctx: RenderContext): Redirects {
  const sections: RedirectSection[] = [];
  const ids = new Set<string>();
  const sources = ipv4Sources(plan);
  const hairpin = plan.hairpin;
  const names = new RedirectNames(plan, ctx, info.comments.max);
  // What every section of a kind, or of a source, shares: made once.
  const heads = WORDS.map((w) => {
    const head = sectionHead(plan.profile.name, w.protos);
    // The rest of an id is port numbers, `_` and S<n>: the head decides whether it is a valid name.
    if (!isUciName(head)) throw new Error(`openwrt: section name ${head}_... is invalid`);
    return head;
  });
  const arrow = ` -> ${plan.nas.address}:`;
  const perSource = sources.map((source, k) => {
    // NAT loopback on the first copy of a port only, so its rules exist once; hairpin omitted
    // leaves that copy to fw3/fw4's default (on).
    const reflection: RedirectSection['reflection'] = k > 0 || hairpin === false ? '0' : hairpin === null ? null : '1';
    return { source, idSource: idSource(source === null ? undefined : k + 1), from: source === null ? '' : ` from ${source}`, reflection, reflectionSrc: reflection === '1' ? 'internal' : null };
  });
  let splitRanges = false;
  // Indexed loops: code that runs once, mostly before V8 optimises it, would make an iterator
  // result object for every step of a for-of loop.
  const groups = sources.length ? twinGroups(plan.forwards) : [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const kind = kindOf(group);
    const words = WORDS[kind]!;
    const head = heads[kind]!;
    const first = group[0]!;
    const count = pieceCount(first);
    if (count > 1) splitRanges = true;
    for (let p = 0; p < count; p++) {
      const ext = count === 1 ? first.external : onePort(first.external.first + p);
      const int = count === 1 ? first.internal : onePort(first.internal.first + p);
      const srcDport = formatRange(ext);
      const identity = ext.first === int.first;
      const natPort = identity ? srcDport : formatRange(int);
      const ports = idPorts(ext);
      for (let k = 0; k < perSource.length; k++) {
        const s = perSource[k]!;
        const id = joinId(head, ports, s.idSource);
        if (ids.has(id)) throw new Error(`openwrt: section name ${id} is not unique`);
        ids.add(id);
        sections.push({
          id,
          summary: `${words.word} ${srcDport}${arrow}${natPort}${s.from}`,
          name: names.name(group, words.word, ext, int, srcDport, natPort, s.source),
          tcp: words.tcp,
          udp: words.udp,
          srcIp: s.source,
          srcDport,
          // An identity range has no dest_port: fw4 and fw3 then DNAT without a port, which keeps it.
          destPort: identity && ext.first !== ext.last ? null : natPort,
          reflection: s.reflection,
          reflectionSrc: s.reflectionSrc,
        });
      }
    }
  }
  return { sections, splitRanges };
}

// The texts rules carry: the traceability tag every rule starts with, and the rule descriptions
// built from the plan (apps, protocols, ports, custom names). Free text inside is raw here; each
// target cuts it to its field (ctx.fit) and its template escapes it.

import { formatRange } from '../../plan/ranges.js';
import type { Forward, Plan, PortRange } from '../../plan/types.js';
import type { TextAbout } from '../types.js';

/** "synfw:home": the prefix every generated rule's comment starts with, for finding them again. */
export function profileTag(plan: Plan): string {
  return `synfw:${plan.profile.name}`;
}

/** The sorted, unique app ids behind some forwards: "dsm,synology-photos". */
export function appsOf(forwards: readonly Forward[]): string {
  // A forward's own apps are sorted and unique already (the resolver makes them so).
  if (forwards.length === 1) return forwards[0]!.apps.join(',');
  return [...new Set(forwards.flatMap((f) => f.apps))].sort().join(',');
}

/**
 * What a rule's comment says beyond app ids: the custom entries' descriptions (free text, so the
 * caller escapes it). Catalog apps are named by their ids alone.
 */
export function originNames(forwards: readonly Forward[]): string {
  const names = new Set<string>();
  for (const f of forwards) for (const o of f.origins) if (o.kind === 'custom' && o.name !== o.app) names.add(o.name);
  return [...names].join(', ');
}

/** "<tag> <apps> <what>[ <custom names>]": a rule about some forwards that is not a port forward itself. */
export function aboutText(plan: Plan, forwards: readonly Forward[], what: string): string {
  const names = originNames(forwards);
  return `${profileTag(plan)} ${appsOf(forwards)} ${what}${names ? ` ${names}` : ''}`;
}

/**
 * The rule comment: tag, apps, protocol(s), WAN ports, the NAS ports when remapped, and custom
 * descriptions: "synfw:home dsm,synology-photos tcp/443 -> 5001". `forwards` is one forward or a
 * tcp+udp pair with identical ports; `ports` overrides the ranges for a rule that covers only part
 * of them (one port of a remapped range).
 */
export function ruleText(plan: Plan, forwards: Forward | readonly Forward[], ports?: { external: PortRange; internal: PortRange }): string {
  const fs: readonly Forward[] = Array.isArray(forwards) ? forwards : [forwards as Forward];
  const { external, internal } = ports ?? fs[0]!;
  const remap = external.first === internal.first ? '' : ` -> ${formatRange(internal)}`;
  return aboutText(plan, fs, `${fs.map((f) => f.proto).join('+')}/${formatRange(external)}${remap}`);
}

/**
 * Text of a rule that carries several identity forwards: the tag once, then per app group (same
 * apps, same names) "apps proto/ports names", so an app with many ports is named once. For one
 * forward this is exactly ruleText.
 */
export function packedText(plan: Plan, forwards: Forward[]): string {
  const groups = new Map<string, { apps: string; names: string; proto: string; ports: string[] }>();
  for (const f of forwards) {
    const apps = f.apps.join(',');
    const names = originNames([f]);
    const key = `${apps}\0${names}\0${f.proto}`;
    const g = groups.get(key) ?? { apps, names, proto: f.proto, ports: [] };
    g.ports.push(formatRange(f.external));
    groups.set(key, g);
  }
  const parts = [...groups.values()].map((g) => `${g.apps} ${g.proto}/${g.ports.join(',')}${g.names ? ` ${g.names}` : ''}`);
  return `${profileTag(plan)} ${parts.join('; ')}`;
}

/** A rule text with a word right after the tag: "synfw:home hairpin dsm tcp/443 -> 5001". */
export function labelled(plan: Plan, label: string, text: string): string {
  const tag = profileTag(plan);
  return `${tag} ${label} ${text.slice(tag.length + 1)}`;
}

/**
 * What a cut rule text belongs to, for SFW310: its protocol and WAN ports, and the profile position
 * of its first custom entry (free text is what makes texts long), or of any entry.
 */
export function cutAbout(forwards: readonly Forward[]): TextAbout {
  const first = forwards[0];
  if (!first) return {};
  // Called for every rule, cut or not: loops rather than flatMap, Set and spreads.
  let custom: Forward['origins'][number]['pos'];
  let any: Forward['origins'][number]['pos'];
  for (const f of forwards) {
    for (const o of f.origins) {
      if (!o.pos) continue;
      any ??= o.pos;
      if (o.kind === 'custom') {
        custom = o.pos;
        break;
      }
    }
    if (custom) break;
  }
  const pos = custom ?? any;
  let protos = first.proto as string;
  for (const f of forwards) if (!protos.split('+').includes(f.proto)) protos += `+${f.proto}`;
  const what = `${protos} ${formatRange(first.external)}`;
  return pos ? { what, pos } : { what };
}

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
  // A forward's own apps are sorted and unique already (the resolver makes them so), and the
  // forwards of one rule usually share them (the ports of one app or custom entry): then they are
  // the union, without a merged copy to sort for every rule.
  const first = forwards[0];
  if (first && forwards.every((f) => sameList(f.apps, first.apps))) return first.apps.join(',');
  return [...new Set(forwards.flatMap((f) => f.apps))].sort().join(',');
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * What a rule's comment says beyond app ids: the custom entries' descriptions (free text, so the
 * caller escapes it). Catalog apps are named by their ids alone.
 */
export function originNames(forwards: readonly Forward[]): string {
  // Usually one name (or none) for all the forwards: a set only once a second one shows up.
  let first: string | undefined;
  let names: Set<string> | undefined;
  for (let i = 0; i < forwards.length; i++) {
    const origins = forwards[i]!.origins;
    for (let j = 0; j < origins.length; j++) {
      const o = origins[j]!;
      if (o.kind !== 'custom' || o.name === o.app) continue;
      if (first === undefined) first = o.name;
      else if (o.name !== first) (names ??= new Set([first])).add(o.name);
    }
  }
  return names ? [...names].join(', ') : (first ?? '');
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
  type Group = { apps: string; names: string; proto: string; ports: string };
  const groups = new Map<string, Group>();
  // The groups in order, read by index: no spread of the map's values and no parts array.
  const list: Group[] = [];
  let g: Group | undefined;
  let prev: Forward | undefined;
  for (let i = 0; i < forwards.length; i++) {
    const f = forwards[i]!;
    const ports = formatRange(f.external);
    // The ports of one app or custom entry come one after another: the same group as the forward
    // before, without its key made again.
    if (g && prev && sameGroup(prev, f)) g.ports += `,${ports}`;
    else {
      const apps = f.apps.join(',');
      const names = originNames([f]);
      const key = `${apps}\0${names}\0${f.proto}`;
      g = groups.get(key);
      if (g) g.ports += `,${ports}`;
      else {
        groups.set(key, (g = { apps, names, proto: f.proto, ports }));
        list.push(g);
      }
    }
    prev = f;
  }
  let text = profileTag(plan);
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    text += `${i === 0 ? ' ' : '; '}${x.apps} ${x.proto}/${x.ports}${x.names ? ` ${x.names}` : ''}`;
  }
  return text;
}

/** Whether two forwards of one origin each have the same apps, names and protocol (packedText's key). */
function sameGroup(a: Forward, b: Forward): boolean {
  if (a.proto !== b.proto || a.origins.length !== 1 || b.origins.length !== 1 || !sameList(a.apps, b.apps)) return false;
  const x = a.origins[0]!;
  const y = b.origins[0]!;
  return x.app === y.app && x.kind === y.kind && x.name === y.name;
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
  // The first forward's protocol, then the other one if any forward has it (there are two).
  let protos = first.proto as string;
  for (const f of forwards) {
    if (f.proto !== first.proto) {
      protos += `+${f.proto}`;
      break;
    }
  }
  const what = `${protos} ${formatRange(first.external)}`;
  return pos ? { what, pos } : { what };
}

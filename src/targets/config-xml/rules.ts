// The rules pfSense and OPNsense both need, decided once from the plan: one port forward per
// forward and allowed source (a tcp and a udp forward with identical ports become one tcp/udp
// rule), and the IPv6 pass rules to nas.address6. Each target turns these into its own XML
// (ids, trackers, uuids, element layout); the texts here are cleaned and cut, not yet escaped.

import { formatRange } from '../../plan/ranges.js';
import type { Forward, Plan } from '../../plan/types.js';
import { cleanText } from '../../render/escape/xml.js';
import { mergeBy, twinGroups } from '../shared/ports.js';
import { allowedSources, sourcesRestricted } from '../shared/sources.js';
import { appsOf, originNames, cutAbout, profileTag, ruleText } from '../shared/text.js';
import type { RenderContext } from '../types.js';
import { associatedRuleId, unique, type RuleKey } from './ids.js';

export type PfProtocol = 'tcp' | 'udp' | 'tcp/udp';

/** A port forward's <natreflection>: both products take purenat and disable; absent is the system default. */
export type Reflection = 'purenat' | 'disable';

/** A rule's <source>: anyone, one address or CIDR, or an interface's network (pf "lan"). */
export type PfSource = { kind: 'any' } | { kind: 'address'; address: string; cidr: string } | { kind: 'network'; network: string };

/** A <source> for a template: exactly one of the three is set. */
export interface SourceView {
  any: boolean;
  address: string | null;
  network: string | null;
}

export function sourceView(s: PfSource): SourceView {
  return { any: s.kind === 'any', address: s.kind === 'address' ? s.address : null, network: s.kind === 'network' ? s.network : null };
}

export interface PfForward {
  protocol: PfProtocol;
  /** WAN port or "first-last". */
  extPort: string;
  /** First NAS port: pf computes the end of a range from it. */
  localPort: number;
  /** NAS port or range (the linked pass rule's destination port). */
  filterPort: string;
  source: PfSource;
  /** NAT reflection for this rule: purenat (hairpin true), disable (false), or the system default (null). */
  reflection: Reflection | null;
  /** Free text, cleaned and cut to the dialect's limit; the template escapes it. */
  descr: string;
  key: RuleKey;
}

export interface PfAllow6 {
  protocol: PfProtocol;
  /** NAS port or range. */
  port: string;
  source: PfSource;
  descr: string;
}

export interface PfRules {
  forwards: PfForward[];
  allows6: PfAllow6[];
}

export interface PfDialect {
  /** The description as the product stores it (what its limit, info.comments, counts). */
  stored: (text: string) => string;
  /** The LAN interface's internal name, for hairpin rules from the LAN when sources are restricted. */
  lan: string;
}

/** A CIDR the way the GUI stores a source: a single host without its /32 or /128. */
export function guiAddress(cidr: string): string {
  const host = cidr.includes(':') ? '/128' : '/32';
  return cidr.endsWith(host) ? cidr.slice(0, -host.length) : cidr;
}

/** Forwards grouped the way one pf rule can carry them: a tcp+udp pair with equal ports is one rule. */
function pack(forwards: readonly Forward[]): { protocol: PfProtocol; forwards: Forward[] }[] {
  return twinGroups(forwards).map((fs) => ({ protocol: fs.length === 2 ? 'tcp/udp' : fs[0]!.proto, forwards: fs }));
}

/**
 * The NAS-side ports to allow over IPv6: per protocol the union of the internal ranges (so no port
 * is allowed twice), then a tcp and a udp range that are equal become one tcp/udp rule.
 */
function packInternal(forwards: readonly Forward[]): { protocol: PfProtocol; forwards: Forward[]; key: string }[] {
  // Only overlapping ranges join: adjacent NAS ports keep rules of their own.
  const merged = (proto: Forward['proto']) =>
    mergeBy(forwards.filter((f) => f.proto === proto), (f) => f.internal, false).map((m) => ({ key: formatRange(m.range), forwards: m.items }));
  const udp = new Map(merged('udp').map((r) => [r.key, r.forwards]));
  const groups = merged('tcp').map((r) => {
    const twin = udp.get(r.key);
    udp.delete(r.key);
    return { protocol: (twin ? 'tcp/udp' : 'tcp') as PfProtocol, forwards: twin ? [...r.forwards, ...twin] : r.forwards, key: r.key };
  });
  return [...groups, ...[...udp].map(([key, fs]) => ({ protocol: 'udp' as PfProtocol, forwards: fs, key }))];
}

function sourcesOf(plan: Plan, family: 4 | 6, lan: string): PfSource[] {
  const list = allowedSources(plan, family);
  if (list === undefined) return [{ kind: 'any' }];
  const sources: PfSource[] = list.map((cidr) => ({ kind: 'address', address: guiAddress(cidr), cidr }));
  // LAN clients are trusted (hairpin is not subject to allowFrom): pf's NAT reflection copies the
  // rule's source, so hairpin from the LAN needs a rule whose source is the LAN network.
  if (family === 4 && plan.hairpin) sources.push({ kind: 'network', network: lan });
  return sources;
}

const sourceText = (s: PfSource): string => (s.kind === 'address' ? ` from ${s.address}` : s.kind === 'network' ? ` from ${s.network} net (hairpin)` : '');
const sourceKey = (s: PfSource): string | undefined => (s.kind === 'address' ? s.cidr : s.kind === 'network' ? `net:${s.network}` : undefined);

export function buildRules(plan: Plan, dialect: PfDialect, ctx: RenderContext): PfRules {
  // What the text is about (for SFW310) is worked out only when a text is cut.
  const fit = (text: string, about: readonly Forward[]): string => ctx.fit(cleanText(text), dialect.stored, () => cutAbout(about));
  const reflection = plan.hairpin === null ? null : plan.hairpin ? 'purenat' : 'disable';

  const forwards: PfForward[] = [];
  // The same source objects for every rule: the views make one SourceView of each (sourceViews).
  const sources4 = sourcesOf(plan, 4, dialect.lan);
  // Indexed loops: code that runs once, mostly before V8 optimises it, would make an iterator
  // result object for every step of a for-of loop.
  const groups = pack(plan.forwards);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const f = g.forwards[0]!;
    const extPort = formatRange(f.external);
    const filterPort = formatRange(f.internal);
    const text = ruleText(plan, g.forwards);
    for (let k = 0; k < sources4.length; k++) {
      const source = sources4[k]!;
      forwards.push({
        protocol: g.protocol,
        extPort,
        localPort: f.internal.first,
        filterPort,
        source,
        reflection,
        descr: fit(`${text}${sourceText(source)}`, g.forwards),
        key: { protocol: g.protocol, external: extPort, internal: filterPort, source: sourceKey(source) },
      });
    }
  }

  const allows6: PfAllow6[] = [];
  if (plan.nas.address6 !== undefined) {
    const sources6 = sourcesOf(plan, 6, dialect.lan);
    for (const g of packInternal(plan.forwards)) {
      const port = g.key;
      const apps = appsOf(g.forwards);
      const names = originNames(g.forwards);
      const protos = g.protocol === 'tcp/udp' ? 'tcp+udp' : g.protocol;
      for (const source of sources6) {
        allows6.push({
          protocol: g.protocol,
          port,
          source,
          descr: fit(`${profileTag(plan)} ipv6 ${apps} ${protos}/${port}${names ? ` ${names}` : ''}${sourceText(source)}`, g.forwards),
        });
      }
    }
  }
  return { forwards, allows6 };
}

/** One SourceView per source object: a render has a handful of sources, shared by all its rules. */
export function sourceViews(): (s: PfSource) => SourceView {
  const views = new Map<PfSource, SourceView>();
  return (s) => {
    let view = views.get(s);
    if (!view) views.set(s, (view = sourceView(s)));
    return view;
  };
}

/** A port forward with its linked pass rule, as both GUIs' legacy pages save it. */
export interface LinkedRule {
  protocol: PfProtocol;
  extPort: string;
  target: string;
  localPort: number;
  filterPort: string;
  source: SourceView;
  reflection: Reflection | null;
  /** Free text, cleaned and cut; the template escapes it. */
  descr: string;
  /** The associated-rule-id linking the two. */
  id: string;
}

/** The associated-rule-id of each port forward, distinct within the render. */
function linkIds(plan: Plan, built: PfRules): string[] {
  const taken = new Set<string>();
  return built.forwards.map((f) => unique(taken, (salt) => associatedRuleId(plan.profile.name, f.key, salt)));
}

/** The port forwards as linked rules; `view` shares source views with the caller's other rules. */
export function linkedRules(plan: Plan, built: PfRules, view = sourceViews()): LinkedRule[] {
  const ids = linkIds(plan, built);
  return built.forwards.map((f, i) => ({
    protocol: f.protocol,
    extPort: f.extPort,
    target: plan.nas.address,
    localPort: f.localPort,
    filterPort: f.filterPort,
    source: view(f.source),
    reflection: f.reflection,
    descr: f.descr,
    id: ids[i]!,
  }));
}

/** An IPv6 pass rule to nas.address6, as the templates print it. */
export interface Allow6View {
  protocol: PfProtocol;
  address: string;
  port: string;
  source: SourceView;
  descr: string;
}

/** The IPv6 pass rules as views; `view` shares source views with the caller's other rules. */
export function allowViews(plan: Plan, built: PfRules, view = sourceViews()): Allow6View[] {
  return built.allows6.map((a) => ({ protocol: a.protocol, address: plan.nas.address6!, port: a.port, source: view(a.source), descr: a.descr }));
}

/** The interface ids the rules name, with the profile key that chose each (for --merge's check). */
export function usedInterfaces(plan: Plan, ctx: RenderContext): { id: string; key: string | null }[] {
  const lanUsed = plan.hairpin === true && sourcesRestricted(plan);
  return [{ id: ctx.wan, key: ctx.wanKey }, ...(lanUsed ? [{ id: ctx.lan!, key: ctx.lanKey }] : [])];
}

/**
 * "<id>ip": pf's name for an interface's own address, which both products resolve per interface
 * ("wanip" is always the address of wan, so a forward on opt1 needs "opt1ip").
 */
export const interfaceAddress = (id: string): string => `${id}ip`;

// The `custom` list: ports outside the catalog. The user named them, so they are forwarded, except
// that a port or range that covers a port the catalog knows as risky (22/tcp SSH, 445/tcp SMB, ...)
// still needs allowRisky: writing SMB's port by number, or a range such as 1-65535, must not
// bypass the policy.

import type { CatalogIndex } from '../catalog/catalog.js';
import { quote } from '../diagnostics.js';
import type { Origin, PortRange, Proto } from '../plan/types.js';
import { formatRange, parsePortSpec, shift, specProtos, type PortSpecProblem } from '../plan/ranges.js';
import type { CustomEntry } from '../profile/types.js';
import { pointerKey, type ResolveContext } from './context.js';
import type { Candidate } from './merge.js';
import type { EntryOutcome, RiskySkip } from './outcome.js';
import { riskyAdvice } from './risky-advice.js';
import type { Listed, RiskyPolicy } from './risky.js';

interface RiskyPort {
  port: number;
  proto: Proto;
  /** "ssh: Encrypted terminal service ..." */
  what: string;
}

const NONE: readonly RiskyPort[] = Object.freeze([]);

/**
 * Single ports that a first-party catalog app marks risky, per protocol, sorted by port, and the
 * same as a byte per port number (1: risky), so that a single port (nearly every custom port) is
 * one look-up instead of a search.
 */
interface RiskyIndex {
  tcp: RiskyPort[];
  udp: RiskyPort[];
  tcpAt: Uint8Array;
  udpAt: Uint8Array;
}

function riskyWellKnown(index: CatalogIndex): RiskyIndex {
  const known = new Map<string, RiskyPort>();
  for (const app of index.catalog.apps) {
    if (app.thirdParty) continue;
    for (const p of app.ports) {
      const key = `${p.port}/${p.proto}`;
      if (p.exposure === 'risky' && p.end === undefined && !known.has(key)) known.set(key, { port: p.port, proto: p.proto, what: `${app.id}: ${p.purpose}` });
    }
  }
  const sorted = [...known.values()].sort((a, b) => a.port - b.port);
  const at = { tcp: new Uint8Array(65536), udp: new Uint8Array(65536) };
  for (const k of sorted) at[k.proto][k.port] = 1;
  return { tcp: sorted.filter((k) => k.proto === 'tcp'), udp: sorted.filter((k) => k.proto === 'udp'), tcpAt: at.tcp, udpAt: at.udp };
}

/**
 * The risky well-known ports inside a range, lowest first: a binary search for the first port in
 * it, so that checking many custom ports costs a few steps each, not a scan of the whole list.
 */
function riskyInside(wellKnown: RiskyIndex, range: PortRange, proto: Proto): readonly RiskyPort[] {
  if (range.first === range.last && (proto === 'tcp' ? wellKnown.tcpAt : wellKnown.udpAt)[range.first] === 0) return NONE;
  const list = wellKnown[proto];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.port < range.first) lo = mid + 1;
    else hi = mid;
  }
  if (lo === list.length || list[lo]!.port > range.last) return NONE;
  const inside: RiskyPort[] = [];
  for (let i = lo; i < list.length && list[i]!.port <= range.last; i++) inside.push(list[i]!);
  return inside;
}

/** "21/tcp (ftp: ...), 22/tcp (ssh: ...), 23/tcp (telnet: ...) and 21 more risky ports" */
function describeInside(inside: readonly RiskyPort[]): string {
  const named = inside.slice(0, 3).map((k) => `${k.port}/${k.proto} (${k.what})`);
  return `${named.join(', ')}${inside.length > 3 ? ` and ${inside.length - 3} more risky ports` : ''}`;
}

/** SFW203 or SFW210 for a port spec that does not parse. */
function reportSpec(ctx: ResolveContext, entry: CustomEntry, text: string, problem: PortSpecProblem, pointer: string): void {
  if (problem === 'range') ctx.error('SFW203', `custom ${entry.id}: port ${quote(text)} is out of range 1-65535`, pointer);
  else if (problem === 'order') ctx.error('SFW210', `custom ${entry.id}: ${quote(text)} has its first port after its last`, pointer);
  else ctx.error('SFW210', `custom ${entry.id}: ${quote(text)} is not a port spec: write PORT/PROTO or FIRST-LAST/PROTO with PROTO tcp, udp or both (e.g. "32400/tcp")`, pointer);
}

/** External keys that are none of the entry's ports (SFW202); false when there is one. */
function checkExternalKeys(ctx: ResolveContext, entry: CustomEntry, base: string): boolean {
  const keys = Object.keys(entry.external ?? {});
  // Most entries have no external remap: no set of (possibly thousands of) port specs then.
  if (keys.length === 0) return true;
  const labels = entry.ports;
  const labelSet = new Set(labels);
  let ok = true;
  for (const key of keys) {
    if (!labelSet.has(key)) {
      ok = false;
      const shown = labels.length > 5 ? `${labels.slice(0, 5).map(quote).join(', ')} and ${labels.length - 5} more` : labels.map(quote).join(', ');
      ctx.error('SFW202', `custom ${entry.id}: external key ${quote(key)} is not one of its ports (${shown})`, `${base}/external/${pointerKey(key)}`, true);
    }
  }
  return ok;
}

/** A custom port that covers risky well-known ports the profile does not allow: skipped, with what it exposes. */
function riskySkip(ctx: ResolveContext, entry: CustomEntry, base: string, text: string, j: number, range: PortRange, proto: Proto, inside: readonly RiskyPort[], origin: Origin): { skip: RiskySkip; exposes: string } {
  const single = range.first === range.last;
  const what = single ? `${range.first}/${proto} is ${inside[0]!.what}` : `${formatRange(range)}/${proto} includes ${describeInside(inside)}`;
  const skip: RiskySkip = {
    proto,
    ports: range,
    origin,
    skipped: {
      app: entry.id,
      label: text,
      name: origin.name,
      proto,
      ports: range,
      exposure: origin.exposure,
      reason: `risky: ${what}; forward it only by adding "${entry.id}:${text}" (or "${entry.id}") to allowRisky`,
      pos: ctx.pos(`${base}/ports/${j}`),
    },
  };
  return { skip, exposes: single ? inside[0]!.what : describeInside(inside) };
}

export function resolveCustom(
  ctx: ResolveContext,
  entries: CustomEntry[],
  index: CatalogIndex,
  listed: Listed,
  risky: RiskyPolicy,
  candidates: Candidate[],
): EntryOutcome[] {
  const outcomes: EntryOutcome[] = [];
  if (entries.length === 0) return outcomes;
  const wellKnown = riskyWellKnown(index);
  entries.forEach((entry, i) => {
    const base = `/custom/${i}`;
    if (index.byName.has(entry.id)) {
      const app = index.byName.get(entry.id)!;
      const what = app.id === entry.id ? 'a catalog app id' : `an alias of the catalog app ${app.id}`;
      ctx.error('SFW209', `custom id "${entry.id}" is ${what}; list it under apps or choose another id`, `${base}/id`);
      return;
    }
    if (listed.has(entry.id)) {
      ctx.error('SFW207', `custom id "${entry.id}" is used twice`, `${base}/id`);
      return;
    }
    let failed = !checkExternalKeys(ctx, entry, base);
    const record = { id: entry.id, kind: 'custom' as const, labels: entry.ports, riskyLabels: [] as string[] };
    listed.set(entry.id, record);

    const name = entry.description ?? entry.id;
    const pos = ctx.pos(`${base}/id`);
    let forwarded = 0;
    const riskySkips: RiskySkip[] = [];
    const details = new Map<RiskySkip, { j: number; text: string; exposes: string }>();
    const externals = entry.external;
    // One pass per port, in plain loops: this runs for every port of lists that may hold
    // thousands, before the code is warm. A port's range is both its NAS and (unless remapped)
    // its WAN range: one object in the plan.
    const ports = entry.ports;
    for (let j = 0; j < ports.length; j++) {
      const text = ports[j]!;
      const range = parsePortSpec(text);
      if (typeof range === 'string') {
        failed = true;
        reportSpec(ctx, entry, text, range, `${base}/ports/${j}`);
        continue;
      }
      const externalFirst = externals !== undefined && Object.hasOwn(externals, text) ? externals[text] : undefined;
      const external = externalFirst === undefined ? range : shift(range, externalFirst);
      if (external.last > 65535) {
        failed = true;
        ctx.error('SFW203', `custom ${entry.id}: external ${text}: WAN ports ${formatRange(external)} go past 65535`, `${base}/external/${pointerKey(text)}`);
        continue;
      }
      const protos = specProtos(text);
      for (let k = 0; k < protos.length; k++) {
        const proto = protos[k]!;
        const inside = riskyInside(wellKnown, range, proto);
        const exposure = inside.length ? ('risky' as const) : ('public' as const);
        const origin = { app: entry.id, label: text, name, kind: 'custom' as const, exposure, pos };
        if (inside.length && !risky.allows([entry.id], text)) {
          const { skip, exposes } = riskySkip(ctx, entry, base, text, j, range, proto, inside, origin);
          riskySkips.push(skip);
          details.set(skip, { j, text, exposes });
          continue;
        }
        if (inside.length > 0) record.riskyLabels.push(text);
        candidates.push({ proto, external, internal: range, origin });
        forwarded++;
      }
    }
    const advice = (s: RiskySkip) => {
      const d = details.get(s)!;
      return riskyAdvice([{ ports: `${formatRange(s.ports)}/${s.proto}`, purpose: d.exposes }], [`${entry.id}:${d.text}`]);
    };
    outcomes.push({
      forwarded,
      failed,
      risky: riskySkips,
      report(c, still) {
        if (this.forwarded === 0 && !this.failed) {
          c.error('SFW208', `custom ${entry.id}: nothing to forward: ${still.map(advice).join('; ') || 'no port left'}`, `${base}/id`);
          return;
        }
        for (const s of still) c.warn('SFW250', `custom ${entry.id}: ${advice(s)}`, `${base}/ports/${details.get(s)!.j}`);
      },
    });
  });
  return outcomes;
}

// What became of one entry of apps or custom, settled after merging: a risky port the entry may
// not forward is still reachable when another entry forwards the same NAS port (one app's
// allowRisky covers it), and the plan must say so instead of listing it as skipped. Only then can
// the entry's "nothing to forward" error (SFW208) and risky-port warning (SFW250) be decided.

import type { Forward, Origin, PortRange, Proto, Skipped } from '../plan/types.js';
import type { ResolveContext } from './context.js';

/** A risky port an entry asked for but may not forward itself. */
export interface RiskySkip {
  proto: Proto;
  /** NAS-side ports. */
  ports: PortRange;
  /** What it adds to a forward that reaches the same NAS ports. */
  origin: Origin;
  /** What the plan lists when it stays skipped. */
  skipped: Skipped;
}

export interface EntryOutcome {
  /** Ports forwarded for the entry (risky skips that turn out forwarded are added here). */
  forwarded: number;
  /** The entry had an error of its own (unknown label, bad override...): no SFW208 on top. */
  failed: boolean;
  risky: RiskySkip[];
  /** Reports what the entry's settled state calls for (SFW208, SFW250) about `stillSkipped`. */
  report(ctx: ResolveContext, stillSkipped: RiskySkip[]): void;
}

const key = (proto: Proto, r: PortRange) => `${proto} ${r.first}-${r.last}`;

/** The first forward of the protocol whose NAS ports hold `ports` (a plain loop: it may look at thousands). */
function firstCovering(forwards: Forward[], proto: Proto, ports: PortRange): Forward | undefined {
  for (let i = 0; i < forwards.length; i++) {
    const f = forwards[i]!;
    if (f.internal.first <= ports.first && ports.last <= f.internal.last && f.proto === proto) return f;
  }
  return undefined;
}

/**
 * The forward of the protocol whose NAS ports hold `ports`, when no forward is remapped: forwards
 * are then in plan order (tcp first, by port) and a plan's never overlap, so at most one holds
 * them: the last of the protocol starting at or before them.
 */
function identityCovering(forwards: Forward[], proto: Proto, ports: PortRange): Forward | undefined {
  let lo = 0;
  let hi = forwards.length;
  // The first forward after those of the protocol that start at or before ports.first.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const f = forwards[mid]!;
    const before = f.proto === proto ? f.internal.first <= ports.first : proto === 'udp';
    if (before) lo = mid + 1;
    else hi = mid;
  }
  const f = forwards[lo - 1];
  return f !== undefined && f.proto === proto && ports.last <= f.internal.last ? f : undefined;
}

/**
 * For each distinct (protocol, NAS ports) of the skips, the first forward in plan order whose NAS
 * ports hold them. Beyond a few, an offline sweep, so that many distinct risky ranges do not each
 * scan every forward: queries in order of their first port; forwards join as their first port is passed, in
 * a Fenwick tree over their last ports (highest first) that keeps the lowest plan index; a query
 * is then the minimum over the forwards reaching at least its last port.
 */
function coveringForwards(forwards: Forward[], skips: RiskySkip[], remapped: boolean): Map<string, Forward | undefined> {
  const found = new Map<string, Forward | undefined>();
  for (const proto of ['tcp', 'udp'] as const) {
    const queries = new Map<string, PortRange>();
    for (const s of skips) if (s.proto === proto) queries.set(key(proto, s.ports), s.ports);
    if (queries.size === 0) continue;
    // Without remaps, NAS ports are WAN ports: in plan order and disjoint, so a binary search finds them.
    if (!remapped) {
      for (const [k, ports] of queries) found.set(k, identityCovering(forwards, proto, ports));
      continue;
    }
    // A few ranges (the usual: a risky port or two) are found faster by looking at each forward.
    if (queries.size <= 8) {
      for (const [k, ports] of queries) found.set(k, firstCovering(forwards, proto, ports));
      continue;
    }
    const own: number[] = [];
    forwards.forEach((f, i) => f.proto === proto && own.push(i));
    const lasts = [...new Set(own.map((i) => forwards[i]!.internal.last))].sort((a, b) => b - a);
    const slot = new Map(lasts.map((last, k) => [last, k + 1]));
    const tree = new Array<number>(lasts.length + 1).fill(Infinity);
    const insert = (last: number, index: number): void => {
      for (let k = slot.get(last)!; k <= lasts.length; k += k & -k) tree[k] = Math.min(tree[k]!, index);
    };
    // Lowest index among forwards whose last port is >= `last` (a prefix of the highest-first order).
    const lowest = (last: number): number => {
      let lo = 0;
      let hi = lasts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (lasts[mid]! >= last) lo = mid + 1;
        else hi = mid;
      }
      let best = Infinity;
      for (let k = lo; k > 0; k -= k & -k) best = Math.min(best, tree[k]!);
      return best;
    };
    own.sort((a, b) => forwards[a]!.internal.first - forwards[b]!.internal.first);
    let next = 0;
    for (const [k, ports] of [...queries].sort((a, b) => a[1].first - b[1].first)) {
      while (next < own.length && forwards[own[next]!]!.internal.first <= ports.first) {
        insert(forwards[own[next]!]!.internal.last, own[next]!);
        next++;
      }
      const i = lowest(ports.last);
      found.set(k, i === Infinity ? undefined : forwards[i]);
    }
  }
  return found;
}

const byOrigin = (a: Origin, b: Origin): number => (a.app < b.app ? -1 : a.app > b.app ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/**
 * Moves every risky skip whose NAS ports a forward already reaches into that forward's origins,
 * puts the rest in `skipped`, then lets each entry report. A forward that gains origins is sorted
 * once at the end (its origins are distinct by app and label, so the order is the same).
 * `remapped`: whether a forward has NAS ports other than its WAN ports.
 */
export function settleOutcomes(ctx: ResolveContext, outcomes: EntryOutcome[], forwards: Forward[], skipped: Skipped[], remapped: boolean): void {
  const covering = coveringForwards(
    forwards,
    outcomes.flatMap((o) => o.risky),
    remapped,
  );
  const gained = new Map<Forward, Set<string>>();
  const originKey = (o: Origin) => `${o.app}\u0000${o.label}`;
  for (const outcome of outcomes) {
    const still: RiskySkip[] = [];
    for (const s of outcome.risky) {
      const f = covering.get(key(s.proto, s.ports));
      if (!f) {
        still.push(s);
        skipped.push(s.skipped);
        continue;
      }
      let have = gained.get(f);
      if (!have) gained.set(f, (have = new Set(f.origins.map(originKey))));
      if (!have.has(originKey(s.origin))) {
        have.add(originKey(s.origin));
        f.origins.push(s.origin);
      }
      outcome.forwarded++;
    }
    outcome.report(ctx, still);
  }
  for (const f of gained.keys()) {
    f.origins.sort(byOrigin);
    const apps = new Set(f.apps);
    if (f.origins.some((o) => !apps.has(o.app))) f.apps = [...new Set([...f.apps, ...f.origins.map((o) => o.app)])].sort();
  }
}

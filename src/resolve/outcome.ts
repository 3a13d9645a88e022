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

/**
 * Moves every risky skip whose NAS ports a forward already reaches into that forward's origins,
 * puts the rest in `skipped`, then lets each entry report. Lookups are memoised per port range:
 * a profile may repeat a port many times, but there are few distinct risky ports.
 */
export function settleOutcomes(ctx: ResolveContext, outcomes: EntryOutcome[], forwards: Forward[], skipped: Skipped[]): void {
  const covering = new Map<string, Forward | undefined>();
  const find = (s: RiskySkip): Forward | undefined => {
    const k = key(s.proto, s.ports);
    if (!covering.has(k)) {
      covering.set(
        k,
        forwards.find((f) => f.proto === s.proto && f.internal.first <= s.ports.first && s.ports.last <= f.internal.last),
      );
    }
    return covering.get(k);
  };
  for (const outcome of outcomes) {
    const still: RiskySkip[] = [];
    for (const s of outcome.risky) {
      const f = find(s);
      if (!f) {
        still.push(s);
        skipped.push(s.skipped);
        continue;
      }
      if (!f.origins.some((o) => o.app === s.origin.app && o.label === s.origin.label)) {
        f.origins.push(s.origin);
        f.origins.sort((a, b) => (a.app < b.app ? -1 : a.app > b.app ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
        if (!f.apps.includes(s.origin.app)) f.apps = [...f.apps, s.origin.app].sort();
      }
      outcome.forwarded++;
    }
    outcome.report(ctx, still);
  }
}

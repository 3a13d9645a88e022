// Exact interval merging per protocol. Forwards that keep their port number (WAN port == NAS port)
// merge when they touch or overlap (5000 + 5000-5001 -> 5000-5001; 5001 + 5002 -> 5001-5002).
// Remapped forwards only merge with forwards of the same remap that overlap them (never because they
// merely touch), and two forwards that send the same WAN port
// to different NAS ports are a conflict.

import type { Forward, Origin, PortRange, Proto } from '../plan/types.js';

export interface Candidate {
  proto: Proto;
  external: PortRange;
  internal: PortRange;
  origin: Origin;
}

export interface Conflict {
  proto: Proto;
  /** The WAN ports both claim. */
  overlap: PortRange;
  a: Candidate;
  b: Candidate;
}

const offset = (c: { external: PortRange; internal: PortRange }) => c.internal.first - c.external.first;

function compareOrigins(a: Origin, b: Origin): number {
  return a.app < b.app ? -1 : a.app > b.app ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

/**
 * The forward of candidates list[from, to), which all have the remap offset `off`, spanning WAN
 * ports `external`. `appsOf` hands out one apps array per app id for the forwards of a single
 * candidate (nearly all of them): consumers only read it, and settleOutcomes replaces it.
 */
function toForward(list: Candidate[], from: number, to: number, external: PortRange, off: number, appsOf: (app: string) => string[]): Forward {
  if (to - from === 1) {
    // The common case, without the dedupe and sorts below (which leave one origin as it is). Its
    // ranges are the candidate's own (never changed once made).
    const { proto, origin, internal } = list[from]!;
    return { proto, external, internal, apps: appsOf(origin.app), origins: [origin], exposure: origin.exposure === 'risky' ? 'risky' : 'public' };
  }
  const internal = { first: external.first + off, last: external.last + off };
  const seen = new Set<string>();
  const origins = list
    .slice(from, to)
    .map((c) => c.origin)
    .filter((o) => {
      const key = `${o.app}\u0000${o.label}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareOrigins);
  return {
    proto: list[from]!.proto,
    external,
    internal,
    apps: [...new Set(origins.map((o) => o.app))].sort(),
    origins,
    exposure: origins.some((o) => o.exposure === 'risky') ? 'risky' : 'public',
  };
}

/** Conflicts reported in one run; past this, the profile has a systematic mistake to fix first. */
export const CONFLICT_LIMIT = 50;

const byExternal = (a: Candidate, b: Candidate): number =>
  a.external.first - b.external.first || a.external.last - b.external.last || offset(a) - offset(b);
const byOffset = (a: Candidate, b: Candidate): number =>
  offset(a) - offset(b) || a.external.first - b.external.first || a.external.last - b.external.last;
/** The plan's order of forwards: by protocol (tcp first), then WAN ports. */
export const byPlanOrder = (a: Forward, b: Forward): number =>
  (a.proto === b.proto ? 0 : a.proto === 'tcp' ? -1 : 1) || a.external.first - b.external.first || a.external.last - b.external.last;

/**
 * Sorts in place unless already in order. The lists are nearly always in order already (a
 * profile's ports ascend, forwards come out per protocol in WAN order); sort is stable, so a list
 * in order is left as it is either way, and one pass of plain comparisons is cheaper than the sort.
 */
function sortUnlessSorted<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let k = 1; k < list.length; k++) if (compare(list[k - 1]!, list[k]!) > 0) return list.sort(compare);
  return list;
}

export interface Merged {
  /** In plan order. */
  forwards: Forward[];
  /** The forwards that carry a catalog app's port, in plan order: the plan's notes are about those only. */
  catalogForwards: Forward[];
  conflicts: Conflict[];
  moreConflicts: boolean;
}

export function mergeCandidates(candidates: Candidate[]): Merged {
  const forwards: Forward[] = [];
  const catalogForwards: Forward[] = [];
  const add = (f: Forward) => {
    forwards.push(f);
    if (f.origins.length > 1 ? f.origins.some((o) => o.kind === 'catalog') : f.origins[0]!.kind === 'catalog') catalogForwards.push(f);
  };
  const conflicts: Conflict[] = [];
  const appsById = new Map<string, string[]>();
  // Frozen: shared by many forwards, so that a consumer changing one would fail instead of
  // changing them all.
  const appsOf = (app: string): string[] => {
    let apps = appsById.get(app);
    if (!apps) appsById.set(app, (apps = Object.freeze([app]) as string[]));
    return apps;
  };
  for (const proto of ['tcp', 'udp'] as const) {
    const list: Candidate[] = [];
    for (let k = 0; k < candidates.length; k++) if (candidates[k]!.proto === proto) list.push(candidates[k]!);
    sortUnlessSorted(list, byExternal);

    // Conflicts: overlapping WAN ranges with different NAS targets. `open` holds, per remap
    // offset, the candidate reaching furthest among those that may still overlap later ones; an
    // open group with another offset overlaps the next candidate, so every visit is a conflict or
    // an expiry, and the scan stays linear however many ranges overlap.
    // Kept as two arrays in insertion order (what a Map by offset would iterate): there are few
    // open offsets, and this loop runs once per candidate without allocating.
    const openOffs: number[] = [];
    const openCands: Candidate[] = [];
    for (let n = 0; n < list.length; n++) {
      const c = list[n]!;
      if (conflicts.length > CONFLICT_LIMIT) break;
      const cOff = offset(c);
      let same = -1;
      for (let k = 0; k < openOffs.length; k++) {
        const o = openCands[k]!;
        if (o.external.last < c.external.first) {
          openOffs.splice(k, 1);
          openCands.splice(k, 1);
          k--;
        } else if (openOffs[k] !== cOff) {
          conflicts.push({
            proto,
            overlap: { first: c.external.first, last: Math.min(o.external.last, c.external.last) },
            a: o,
            b: c,
          });
        } else same = k;
      }
      if (same < 0) {
        openOffs.push(cOff);
        openCands.push(c);
      } else if (openCands[same]!.external.last < c.external.last) openCands[same] = c;
    }

    // Merging: identity forwards join touching or overlapping neighbours; remaps join duplicates.
    // A group is list[from, k) with its WAN span; one candidate's span is its own range.
    // With a single offset (no remaps, the usual case) that order is the list's own: the sort is stable.
    let oneOffset = true;
    for (let k = 1; k < list.length && oneOffset; k++) oneOffset = offset(list[k]!) === offset(list[0]!);
    const ordered = oneOffset ? list : [...list].sort(byOffset);
    let from = 0;
    let external: PortRange | undefined;
    let off = 0;
    for (let k = 0; k < ordered.length; k++) {
      const c = ordered[k]!;
      const cOff = offset(c);
      if (external !== undefined && off === cOff && (off === 0 ? c.external.first <= external.last + 1 : c.external.first <= external.last)) {
        external = { first: external.first, last: Math.max(external.last, c.external.last) };
        continue;
      }
      if (external !== undefined) add(toForward(ordered, from, k, external, off, appsOf));
      from = k;
      external = c.external;
      off = cOff;
    }
    if (external !== undefined) add(toForward(ordered, from, ordered.length, external, off, appsOf));
  }
  sortUnlessSorted(forwards, byPlanOrder);
  sortUnlessSorted(catalogForwards, byPlanOrder);
  return { forwards, catalogForwards, conflicts: conflicts.slice(0, CONFLICT_LIMIT), moreConflicts: conflicts.length > CONFLICT_LIMIT };
}

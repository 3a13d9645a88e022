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

/** The forward of a group of candidates (more than one) with the remap offset `off`, spanning WAN ports `external`. */
function toForward(group: Candidate[], external: PortRange, off: number): Forward {
  const internal = { first: external.first + off, last: external.last + off };
  const seen = new Set<string>();
  const origins = group
    .map((c) => c.origin)
    .filter((o) => {
      const key = `${o.app}\u0000${o.label}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareOrigins);
  return {
    proto: group[0]!.proto,
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
const byPlanOrder = (a: Forward, b: Forward): number =>
  (a.proto === b.proto ? 0 : a.proto === 'tcp' ? -1 : 1) || a.external.first - b.external.first || a.external.last - b.external.last;

/**
 * Sorts in place unless already in order. The lists are nearly always in order already (a
 * profile's ports ascend, forwards come out per protocol in WAN order); sort is stable, so a list
 * in order is left as it is either way. `inOrder` is the comparison written out in a plain loop:
 * a comparator call per element costs more than the check, before the code is warm.
 */
function sortUnlessInOrder<T>(list: T[], inOrder: (list: readonly T[]) => boolean, compare: (a: T, b: T) => number): void {
  if (!inOrder(list)) list.sort(compare);
}

function inExternalOrder(list: readonly Candidate[]): boolean {
  for (let k = 1; k < list.length; k++) {
    const a = list[k - 1]!.external;
    const b = list[k]!.external;
    if (a.first < b.first) continue;
    if (a.first > b.first || byExternal(list[k - 1]!, list[k]!) > 0) return false;
  }
  return true;
}

function inPlanOrder(list: readonly Forward[]): boolean {
  for (let k = 1; k < list.length; k++) {
    const a = list[k - 1]!;
    const b = list[k]!;
    if (a.proto === b.proto && a.external.first < b.external.first) continue;
    if (byPlanOrder(a, b) > 0) return false;
  }
  return true;
}

export interface Merged {
  /** In plan order. */
  forwards: Forward[];
  conflicts: Conflict[];
  moreConflicts: boolean;
  /** Whether a forward sends its WAN ports to other NAS port numbers. */
  remapped: boolean;
}

/**
 * One apps array per app id for the forwards of a single candidate (nearly all of them), frozen
 * so that a consumer changing one would fail instead of changing them all; consumers only read
 * it, and settleOutcomes replaces it. The last one is at hand: an entry's ports come in a row.
 */
function appsArrays(): (app: string) => string[] {
  const byId = new Map<string, string[]>();
  let lastApp: string | undefined;
  let lastApps: string[] = [];
  return (app) => {
    if (app !== lastApp) {
      lastApp = app;
      lastApps = byId.get(app) ?? (Object.freeze([app]) as string[]);
      byId.set(app, lastApps);
    }
    return lastApps;
  };
}

/** The forward of a single candidate: the candidate's own ranges (never changed once made) and origin. */
function forwardOf(c: Candidate, apps: string[]): Forward {
  const origins = [c.origin];
  return { proto: c.proto, external: c.external, internal: c.internal, apps, origins, exposure: c.origin.exposure === 'risky' ? 'risky' : 'public' };
}

/**
 * The usual list (a profile's ports in ascending order, none remapped, none touching the previous
 * one of its protocol) makes one forward per candidate and no conflict: merged in one pass,
 * without the general merge's sorts and scans (whose result would be the same). Undefined, as soon
 * as a candidate breaks the pattern, for any other list.
 */
function separateForwards(candidates: Candidate[]): Merged | undefined {
  const appsOf = appsArrays();
  const tcp: Forward[] = [];
  const udp: Forward[] = [];
  let tcpLast = -1;
  let udpLast = -1;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    const { first, last } = c.external;
    if (c.internal.first !== first) return undefined;
    const f = forwardOf(c, appsOf(c.origin.app));
    if (c.proto === 'tcp') {
      if (first <= tcpLast + 1) return undefined;
      tcpLast = last;
      tcp.push(f);
    } else {
      if (first <= udpLast + 1) return undefined;
      udpLast = last;
      udp.push(f);
    }
  }
  return { forwards: tcp.concat(udp), conflicts: [], moreConflicts: false, remapped: false };
}

export function mergeCandidates(candidates: Candidate[]): Merged {
  const separate = separateForwards(candidates);
  if (separate) return separate;
  const forwards: Forward[] = [];
  const conflicts: Conflict[] = [];
  let remapped = false;
  const appsOf = appsArrays();
  const byProto: Record<Proto, Candidate[]> = { tcp: [], udp: [] };
  for (let k = 0; k < candidates.length; k++) byProto[candidates[k]!.proto].push(candidates[k]!);
  for (const proto of ['tcp', 'udp'] as const) {
    const list = byProto[proto];
    sortUnlessInOrder(list, inExternalOrder, byExternal);

    // Conflicts: overlapping WAN ranges with different NAS targets. `open` holds, per remap
    // offset, the candidate reaching furthest among those that may still overlap later ones; an
    // open group with another offset overlaps the next candidate, so every visit is a conflict or
    // an expiry, and the scan stays linear however many ranges overlap.
    // Kept as two arrays in insertion order (what a Map by offset would iterate), the first
    // `open` entries of each, compacted in place as groups expire: there are few open offsets, and
    // this loop runs once per candidate without allocating.
    const openOffs: number[] = [];
    const openCands: Candidate[] = [];
    let open = 0;
    for (let n = 0; n < list.length; n++) {
      const c = list[n]!;
      if (conflicts.length > CONFLICT_LIMIT) break;
      const cOff = c.internal.first - c.external.first;
      let same = -1;
      let kept = 0;
      for (let k = 0; k < open; k++) {
        const o = openCands[k]!;
        if (o.external.last < c.external.first) continue;
        if (openOffs[k] !== cOff) {
          conflicts.push({
            proto,
            overlap: { first: c.external.first, last: Math.min(o.external.last, c.external.last) },
            a: o,
            b: c,
          });
        } else same = kept;
        openOffs[kept] = openOffs[k]!;
        openCands[kept++] = o;
      }
      open = kept;
      if (same < 0) {
        openOffs[open] = cOff;
        openCands[open++] = c;
      } else if (openCands[same]!.external.last < c.external.last) openCands[same] = c;
    }

    // Merging: identity forwards join touching or overlapping neighbours; remaps join duplicates.
    // With a single offset (no remaps, the usual case) that order is the list's own: the sort is stable.
    let oneOffset = true;
    for (let k = 1; k < list.length && oneOffset; k++) oneOffset = list[k]!.internal.first - list[k]!.external.first === list[0]!.internal.first - list[0]!.external.first;
    const ordered = oneOffset ? list : [...list].sort(byOffset);
    // A group is ordered[k, end): the candidates that join the first one's WAN span.
    for (let k = 0, end = 1; k < ordered.length; k = end, end = k + 1) {
      const c = ordered[k]!;
      const off = c.internal.first - c.external.first;
      let last = c.external.last;
      for (; end < ordered.length; end++) {
        const next = ordered[end]!;
        if (next.internal.first - next.external.first !== off || next.external.first > (off === 0 ? last + 1 : last)) break;
        if (next.external.last > last) last = next.external.last;
      }
      if (off !== 0) remapped = true;
      const f = end - k === 1 ? forwardOf(c, appsOf(c.origin.app)) : toForward(ordered.slice(k, end), { first: c.external.first, last }, off);
      forwards.push(f);
    }
  }
  sortUnlessInOrder(forwards, inPlanOrder, byPlanOrder);
  return { forwards, conflicts: conflicts.slice(0, CONFLICT_LIMIT), moreConflicts: conflicts.length > CONFLICT_LIMIT, remapped };
}

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

function toForward(group: Candidate[], external: PortRange, off: number): Forward {
  const internal = { first: external.first + off, last: external.last + off };
  if (group.length === 1) {
    // The common case, without the dedupe and sorts below (which leave one origin as it is).
    const { proto, origin } = group[0]!;
    return { proto, external, internal, apps: [origin.app], origins: [origin], exposure: origin.exposure === 'risky' ? 'risky' : 'public' };
  }
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

export function mergeCandidates(candidates: Candidate[]): { forwards: Forward[]; conflicts: Conflict[]; moreConflicts: boolean } {
  const forwards: Forward[] = [];
  const conflicts: Conflict[] = [];
  for (const proto of ['tcp', 'udp'] as const) {
    const list: Candidate[] = [];
    for (const c of candidates) if (c.proto === proto) list.push(c);
    list.sort((a, b) => a.external.first - b.external.first || a.external.last - b.external.last || offset(a) - offset(b));

    // Conflicts: overlapping WAN ranges with different NAS targets. `open` holds, per remap
    // offset, the candidate reaching furthest among those that may still overlap later ones; an
    // open group with another offset overlaps the next candidate, so every visit is a conflict or
    // an expiry, and the scan stays linear however many ranges overlap.
    // Kept as two arrays in insertion order (what a Map by offset would iterate): there are few
    // open offsets, and this loop runs once per candidate without allocating.
    const openOffs: number[] = [];
    const openCands: Candidate[] = [];
    for (const c of list) {
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
    let current: { group: Candidate[]; external: PortRange; off: number } | undefined;
    const flush = () => {
      if (current) forwards.push(toForward(current.group, current.external, current.off));
      current = undefined;
    };
    // With a single offset (no remaps, the usual case) that order is the list's own: the sort is stable.
    const oneOffset = list.every((c) => offset(c) === offset(list[0]!));
    const byOffset = oneOffset
      ? list
      : [...list].sort((a, b) => offset(a) - offset(b) || a.external.first - b.external.first || a.external.last - b.external.last);
    for (const c of byOffset) {
      const off = offset(c);
      const joins =
        current &&
        current.off === off &&
        (off === 0
          ? c.external.first <= current.external.last + 1
          : c.external.first <= current.external.last);
      if (current && joins) {
        current.group.push(c);
        current.external = { first: current.external.first, last: Math.max(current.external.last, c.external.last) };
      } else {
        flush();
        current = { group: [c], external: { ...c.external }, off };
      }
    }
    flush();
  }
  forwards.sort(
    (a, b) =>
      (a.proto === b.proto ? 0 : a.proto === 'tcp' ? -1 : 1) ||
      a.external.first - b.external.first ||
      a.external.last - b.external.last,
  );
  return { forwards, conflicts: conflicts.slice(0, CONFLICT_LIMIT), moreConflicts: conflicts.length > CONFLICT_LIMIT };
}

// mergedPacks is packSlots(mergeBy(...)) made in one pass: the same ranges, the same items in the
// same order, the same packing, for lists in port order (the fast path) and out of it (sorted first).

import { describe, expect, it } from 'vitest';
import type { PortRange } from '../../src/plan/types.js';
import { mergeBy, mergedPacks, packSlots } from '../../src/targets/shared/ports.js';

interface Item {
  id: number;
  range: PortRange;
}

/** Deterministic pseudo-random ranges: singles and short ranges, some adjacent, overlapping or equal. */
function items(seed: number, n: number): Item[] {
  let x = seed;
  const next = (m: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % m;
  };
  return Array.from({ length: n }, (_, id) => {
    const first = 1000 + next(n * 3);
    return { id, range: { first, last: first + (next(4) === 0 ? next(6) : 0) } };
  });
}

const byPort = (list: Item[]): Item[] => [...list].sort((a, b) => a.range.first - b.range.first || a.range.last - b.range.last);

/** The plain path, in mergedPacks' shape. */
function plain(list: readonly Item[], max?: number): { ranges: PortRange[]; items: number[] }[] {
  return packSlots(mergeBy(list, (i) => i.range), (m) => m.range, max).map((g) => ({ ranges: g.map((m) => m.range), items: g.flatMap((m) => m.items.map((i) => i.id)) }));
}

function fast(list: readonly Item[], max?: number): { ranges: PortRange[]; items: number[] }[] {
  return mergedPacks(list, (i) => i.range, max).map((p) => ({ ranges: p.ranges.map((r) => ({ first: r.first, last: r.last })), items: p.items.map((i) => i.id) }));
}

describe('mergedPacks', () => {
  it('equals packSlots(mergeBy(...)) for lists in port order and out of it', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const list = items(seed, 5 + seed * 3);
      for (const input of [list, byPort(list), byPort(list).reverse()]) {
        expect(fast(input)).toEqual(plain(input));
        expect(fast(input, 4)).toEqual(plain(input, 4));
      }
    }
  });

  it('merges, packs and keeps item order as mergeBy does (self-check: the inputs are not trivial)', () => {
    const list = byPort(items(7, 60));
    const packs = plain(list);
    // Merged ranges and more than one pack occur, so the comparison above can fail.
    expect(packs.length).toBeGreaterThan(1);
    expect(packs.flatMap((p) => p.ranges).length).toBeLessThan(list.length);
    expect(fast([])).toEqual([]);
  });

  it('gives an item its own range object when nothing merges with it, a new one otherwise', () => {
    const a = { id: 0, range: { first: 10, last: 10 } };
    const b = { id: 1, range: { first: 11, last: 12 } };
    const c = { id: 2, range: { first: 20, last: 20 } };
    const [pack] = mergedPacks([a, b, c], (i) => i.range);
    expect(pack!.ranges).toEqual([{ first: 10, last: 12 }, { first: 20, last: 20 }]);
    expect(pack!.ranges[0]).not.toBe(a.range);
    expect(pack!.ranges[1]).toBe(c.range);
    expect(a.range).toEqual({ first: 10, last: 10 });
  });
});

// Port ranges the way rules group them: tcp/udp twins that one rule can carry, ranges merged into
// their union, and lists packed into netfilter's multiport slots (iptables, and RouterOS and VyOS,
// which run on netfilter).

import type { Forward, PortRange, Proto } from '../../plan/types.js';

/** Linux multiport (XT_MULTI_PORTS): at most 15 slots per rule, a range taking 2. */
export const MULTIPORT_SLOTS = 15;

const slots = (r: PortRange): number => (r.first === r.last ? 1 : 2);

/** Splits entries, in order, into groups of at most `max` multiport slots. */
export function packSlots<T>(items: readonly T[], rangeOf: (item: T) => PortRange, max = MULTIPORT_SLOTS): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  // Indexed loops over forwards here and in the rule texts: code that runs once, before V8
  // optimises it, makes an iterator result object for every step of a for-of loop.
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const need = slots(rangeOf(item));
    if (used + need > max) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += need;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** A merged range and the items behind it. */
export interface Merged<T> {
  range: PortRange;
  items: T[];
}

/**
 * The union of the items' ranges, sorted, each merged range with the items inside it. Overlapping
 * ranges always merge; adjacent ones (5000 and 5001) too unless `adjacent` is false.
 */
export function mergeBy<T>(items: readonly T[], rangeOf: (item: T) => PortRange, adjacent = true): Merged<T>[] {
  const reach = adjacent ? 1 : 0;
  const out: Merged<T>[] = [];
  let last: Merged<T> | undefined;
  const sorted = inPortOrder(items, rangeOf);
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i]!;
    const r = rangeOf(item);
    if (last && r.first <= last.range.last + reach) {
      last.range.last = Math.max(last.range.last, r.last);
      last.items.push(item);
    } else out.push((last = { range: { first: r.first, last: r.last }, items: [item] }));
  }
  return out;
}

/** A packed multiport list: its merged ranges, in port order, and every item behind them, in that order. */
export interface Pack<T> {
  ranges: PortRange[];
  items: T[];
}

/**
 * packSlots(mergeBy(items, rangeOf), (m) => m.range), each group as its ranges and all their items:
 * what iptables and RouterOS rules on the NAS ports match. Made in one pass without an object per
 * merged range: a range that is one item's own is that item's range object (never to be changed),
 * and items in port order (as plans list them) are not copied to be sorted.
 */
export function mergedPacks<T>(items: readonly T[], rangeOf: (item: T) => PortRange, max = MULTIPORT_SLOTS): Pack<T>[] {
  const packs: Pack<T>[] = [];
  let pack: Pack<T> = { ranges: [], items: [] };
  let used = 0;
  // The open merged range: items[start] up to the current one, from `first` to `last`; `own` while
  // it is exactly items[start]'s range.
  let start = 0;
  let first = 0;
  let last = 0;
  let own: PortRange | undefined;
  let prev: PortRange | undefined;
  for (let i = 0; i <= items.length; i++) {
    const r = i < items.length ? rangeOf(items[i]!) : undefined;
    if (r && prev) {
      // Out of port order: start again on a sorted copy (checked here rather than in a pass of its own).
      if (before(r, prev)) return mergedPacks(inPortOrder(items, rangeOf), rangeOf, max);
      prev = r;
      if (r.first <= last + 1) {
        if (r.last > last) last = r.last;
        own = undefined;
        continue;
      }
    }
    if (i > 0) {
      const range = own ?? { first, last };
      const need = slots(range);
      if (used + need > max) {
        packs.push(pack);
        pack = { ranges: [], items: [] };
        used = 0;
      }
      pack.ranges.push(range);
      for (let j = start; j < i; j++) pack.items.push(items[j]!);
      used += need;
    }
    if (r) {
      prev = r;
      start = i;
      first = r.first;
      last = r.last;
      own = r;
    }
  }
  if (pack.ranges.length) packs.push(pack);
  return packs;
}

/** The union of the ranges, sorted, with overlapping and adjacent ranges joined. */
export function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  // mergeBy's result without the item lists: one object per merged range, not three.
  const out: PortRange[] = [];
  let last: PortRange | undefined;
  const sorted = inPortOrder(ranges, (r) => r);
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
    else out.push((last = { first: r.first, last: r.last }));
  }
  return out;
}

/** Whether `b` sorts before `a`: by first, then last port. */
const before = (b: PortRange, a: PortRange): boolean => b.first < a.first || (b.first === a.first && b.last < a.last);

/**
 * The items by first, then last port: the list itself when it is in that order already (plans list
 * their forwards sorted), else a sorted copy. A stable sort leaves a sorted list as it is, so the
 * result is the same either way; the check costs less than a comparator call per element.
 */
function inPortOrder<T>(items: readonly T[], rangeOf: (item: T) => PortRange): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if (before(rangeOf(items[i]!), rangeOf(items[i - 1]!))) {
      return [...items].sort((x, y) => rangeOf(x).first - rangeOf(y).first || rangeOf(x).last - rangeOf(y).last);
    }
  }
  return items;
}

/**
 * The forwards as rules that can say "tcp and udp" at once: each tcp forward with its udp twin
 * (identical WAN and NAS ranges) as one group, every other forward alone; tcp first, as the plan
 * sorts them. The plan has at most one udp forward per WAN range (overlapping WAN ranges that go
 * to different NAS ports are a conflict), so a map keeps this linear.
 */
export function twinGroups(forwards: readonly Forward[]): Forward[][] {
  // Keyed by the WAN range as a number (ports are below 65536), the NAS range compared on a hit:
  // no key string per forward.
  const key = (r: PortRange): number => r.first * 65536 + r.last;
  const udp = forwards.filter((f) => f.proto === 'udp');
  const udpByExternal = new Map<number, Forward>();
  for (let i = 0; i < udp.length; i++) udpByExternal.set(key(udp[i]!.external), udp[i]!);
  const paired = new Set<Forward>();
  const out: Forward[][] = [];
  for (let i = 0; i < forwards.length; i++) {
    const f = forwards[i]!;
    if (f.proto !== 'tcp') continue;
    const twin = udpByExternal.get(key(f.external));
    if (twin && twin.internal.first === f.internal.first && twin.internal.last === f.internal.last && !paired.has(twin)) {
      paired.add(twin);
      out.push([f, twin]);
    } else out.push([f]);
  }
  for (let i = 0; i < udp.length; i++) if (!paired.has(udp[i]!)) out.push([udp[i]!]);
  return out;
}

/** The plan's protocols in use, tcp first. */
export function protosOf(forwards: readonly Forward[]): Proto[] {
  let tcp = false;
  let udp = false;
  for (let i = 0; i < forwards.length; i++) {
    if (forwards[i]!.proto === 'tcp') tcp = true;
    else udp = true;
    if (tcp && udp) break;
  }
  return tcp ? (udp ? ['tcp', 'udp'] : ['tcp']) : udp ? ['udp'] : [];
}

// The rules a router model's page needs for a plan: tcp and udp twins as one rule where the page
// has a "both" protocol, a range split port by port where the page cannot take it as it is (no
// ranges at all, or a remapped range on a page whose NAS port box takes one port), and one rule per
// allowed source where the page takes one source per rule. Ports are never changed: a split rule
// keeps each port's own WAN and NAS number.

import { isRemapped, rangeSize } from '../../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../../plan/types.js';
import { twinGroups } from '../shared/ports.js';
import { allowedSources } from '../shared/sources.js';
import type { RouterModel } from './models.js';

export interface ChecklistRule {
  protos: Proto[];
  external: PortRange;
  internal: PortRange;
  /** The IPv4 sources the rule admits: undefined for any. */
  sources?: string[];
  /** The plan's forwards behind the rule (one, or a tcp+udp pair). */
  forwards: Forward[];
  /** Set when the rule is one port of a range the page cannot take whole. */
  split?: { external: PortRange; internal: PortRange };
}

/** Why a forward's range must be entered port by port on this page, or undefined. */
export function splitReason(model: RouterModel, f: Forward): 'ranges' | 'remaps' | undefined {
  if (rangeSize(f.external) === 1) return undefined;
  if (model.ranges.value === null) return 'ranges';
  if (isRemapped(f) && model.remap.value === 'single') return 'remaps';
  return undefined;
}

/** The forward groups that become rules: twins together where the page can say "both". */
function groups(model: RouterModel, plan: Plan): Forward[][] {
  return model.protocols.value.both === null ? plan.forwards.map((f) => [f]) : twinGroups(plan.forwards);
}

/** The source lists the rules repeat for: [undefined] for any source, [] when IPv4 admits nobody. */
function sourceSets(model: RouterModel, plan: Plan): (string[] | undefined)[] {
  const sources = allowedSources(plan, 4);
  if (sources === undefined) return [undefined];
  return model.source.value === 'one' ? sources.map((s) => [s]) : sources.length ? [sources] : [];
}

/** Every rule of the page, in plan order (tcp first, by WAN port), split and repeated as the page needs. */
export function checklistRules(model: RouterModel, plan: Plan): ChecklistRule[] {
  const out: ChecklistRule[] = [];
  for (const sources of sourceSets(model, plan)) {
    for (const forwards of groups(model, plan)) {
      const f = forwards[0]!;
      const protos = forwards.map((x) => x.proto);
      const base = { protos, forwards, ...(sources ? { sources } : {}) };
      if (!splitReason(model, f)) {
        out.push({ ...base, external: f.external, internal: f.internal });
        continue;
      }
      for (let i = 0; i < rangeSize(f.external); i++) {
        const port = (r: PortRange): PortRange => ({ first: r.first + i, last: r.first + i });
        out.push({ ...base, external: port(f.external), internal: port(f.internal), split: { external: f.external, internal: f.internal } });
      }
    }
  }
  return out;
}

/** How many rules the page needs for the plan (what its rule limit is compared with). */
export function ruleCount(model: RouterModel, plan: Plan): number {
  return checklistRules(model, plan).length;
}

// A router's state (what a reader understood of its export) against a plan, port by port: the
// plan's side is expectedFlows, the one oracle, so that `synfw diff` and the tests agree on what a
// plan lets in. A port is one slot (family, protocol, WAN port; IPv6: the NAS port); the flows of
// a slot are compared by where they go, the addresses their sources cover, and hairpin.

import { expectedFlows } from '../readers/expected.js';
import { canonicalAddress, sourceCover, type Flow, type ReadFlow, type RouterState } from '../readers/flow.js';
import type { Plan } from '../plan/types.js';
import type { Change, Changed, DiffReport, Foreign, PlanPort, Port, RouterPort } from './types.js';

const slotOf = (f: Flow): string => `${f.family} ${f.proto} ${f.wan ?? f.port}`;
const targetOf = (f: Flow): string => (f.family === 6 ? `[${f.nas}]:${f.port}` : `${f.nas}:${f.port}`);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The flows of one slot as a Port: its targets, the sources from the WAN (as the fewest CIDRs), hairpin. */
function portOf(flows: readonly Flow[]): Port {
  const first = flows[0]!;
  const sources = flows.filter((f) => f.via === 'wan').map((f) => f.source);
  return {
    family: first.family,
    proto: first.proto,
    wan: first.wan,
    targets: [...new Set(flows.map(targetOf))].sort(byText),
    // Two writings of the same sources (nft merges set elements) compare equal.
    sources: sources.length ? sourceCover(sources) : [],
    hairpin: flows.some((f) => f.via === 'hairpin'),
  };
}

function groupBy<F extends Flow>(flows: readonly F[], key: (f: F) => string): Map<string, F[]> {
  const out = new Map<string, F[]>();
  for (const f of flows) {
    const k = key(f);
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  }
  return out;
}

const routerPort = (flows: readonly ReadFlow[]): RouterPort => ({ ...portOf(flows), at: [...new Set(flows.map((f) => f.at))] });

/**
 * The apps each slot of the plan serves, from the forward whose WAN ports (for IPv6, NAS ports) hold
 * it: made once, as one lookup per slot would scan every forward (10,000 ports, 10,000 forwards).
 */
function appsBySlot(plan: Plan): (f: Flow) => string[] {
  const apps = new Map<string, string[]>();
  for (const fw of plan.forwards) {
    for (const [family, range] of [[4, fw.external], [6, fw.internal]] as const) {
      for (let port = range.first; port <= range.last; port++) {
        const k = `${family} ${fw.proto} ${port}`;
        if (!apps.has(k)) apps.set(k, fw.apps);
      }
    }
  }
  return (f) => apps.get(slotOf(f)) ?? [];
}

function changes(plan: Port, router: Port): Change[] {
  const out: Change[] = [];
  if (plan.targets.join() !== router.targets.join()) out.push('targets');
  if (plan.sources.join() !== router.sources.join()) out.push('sources');
  if (plan.hairpin !== router.hairpin) out.push('hairpin');
  return out;
}

const slotOrder = (a: Port, b: Port): number => a.family - b.family || byText(a.proto, b.proto) || (a.wan ?? 0) - (b.wan ?? 0) || byText(a.targets.join(), b.targets.join());

/** What `synfw diff` reports for a plan rendered for `target` and a router's state. */
export function compareState(plan: Plan, target: string, state: RouterState): DiffReport {
  const want = groupBy(expectedFlows(plan, target), slotOf);
  const appsOf = appsBySlot(plan);
  const name = plan.profile.name;
  const own = groupBy(state.flows.filter((f) => f.profile === name), slotOf);
  const report: DiffReport = { format: 1, profile: name, target, inSync: true, missing: [], stale: [], changed: [], foreign: [], same: [], skipped: state.skipped };
  for (const [slot, flows] of want) {
    const p: PlanPort = { ...portOf(flows), apps: appsOf(flows[0]!) };
    const had = own.get(slot);
    if (!had) report.missing.push(p);
    else {
      const r = routerPort(had);
      const what = changes(p, r);
      if (what.length) report.changed.push({ plan: p, router: r, what } satisfies Changed);
      else report.same.push(p);
    }
  }
  for (const [slot, flows] of own) if (!want.has(slot)) report.stale.push(routerPort(flows));

  const nas = new Set([canonicalAddress(plan.nas.address), ...(plan.nas.address6 !== undefined ? [canonicalAddress(plan.nas.address6)] : [])]);
  const others = state.flows.filter((f) => f.profile !== name);
  for (const flows of groupBy(others, (f) => `${f.profile ?? ''} ${slotOf(f)}`).values()) {
    const reasons: Foreign['reasons'] = [];
    if (flows.some((f) => nas.has(f.nas))) reasons.push('forwards to the NAS');
    if (flows[0]!.family === 4 && want.has(slotOf(flows[0]!))) reasons.push('claims a WAN port of the plan');
    const owner = flows[0]!.profile === null ? null : `synfw:${flows[0]!.profile}`;
    if (reasons.length) report.foreign.push({ ...routerPort(flows), owner, reasons });
  }
  report.missing.sort(slotOrder);
  report.stale.sort(slotOrder);
  report.changed.sort((a, b) => slotOrder(a.plan, b.plan));
  report.foreign.sort(slotOrder);
  report.same.sort(slotOrder);
  report.inSync = !report.missing.length && !report.stale.length && !report.changed.length;
  return report;
}

// The checks the pfSense and OPNsense tests share on top of the common flow comparison: the WAN
// ports per port (the oracle's, once each), and the LAN network a reflected copy names.

import { expect } from 'vitest';
import type { Plan } from '../../../../src/plan/types.js';
import { expectedFlows } from '../../../../src/readers/expected.js';
import type { ReadFlow } from '../../../../src/readers/flow.js';
import type { NatRule, Tuple } from '../../../../src/readers/config-xml/index.js';
import { routerSides } from '../../../../src/targets/define.js';
import { TARGETS } from '../../../../src/targets/index.js';
import { expectFlows, expectOwnFlows } from '../flows.js';

export const sortTuples = (t: Tuple[]): Tuple[] => [...t].sort((a, b) => a.proto.localeCompare(b.proto) || a.wan - b.wan || a.port - b.port);

/** The plan's WAN ports, each once, as (proto, WAN port, NAS address, NAS port), sorted. */
export function planTuples(plan: Plan): Tuple[] {
  const seen = new Map<string, Tuple>();
  for (const f of expectedFlows(plan)) if (f.family === 4 && f.via === 'wan') seen.set(`${f.proto} ${f.wan}`, { proto: f.proto, wan: f.wan!, address: f.nas, port: f.port });
  return sortTuples([...seen.values()]);
}

/** What the rules let in is exactly the plan's; a reflected copy's source is the LAN's network. */
export function expectConfigFlows(plan: Plan, got: { nat: NatRule[]; flows: ReadFlow[] }, target: 'pfsense' | 'opnsense'): void {
  expectFlows(got.flows, plan, target);
  expectOwnFlows(got.flows, plan);
  const lan = routerSides(TARGETS[target], plan).lan;
  for (const n of got.nat) if (n.source.kind === 'network') expect(n.source.network).toBe(lan);
}

// The one comparison of what a reader read with what the plan asks for (expectedFlows): the flows'
// keys, sorted, so that a failure lists exactly the ports, protocols, addresses and sources that
// differ.

import { expect } from 'vitest';
import type { Plan } from '../../../src/plan/types.js';
import { expectedFlows } from '../../../src/readers/expected.js';
import { coveredFlows, flowKeys, type Flow, type ReadFlow } from '../../../src/readers/flow.js';

export interface FlowCompare {
  /** What the failure message names ("home.yaml: nftables default"). */
  context?: string;
  /** Compare the addresses the sources cover, not the CIDRs as written (for targets that merge them, as nft's sets). */
  cover?: boolean;
}

/** The flows a reader read are exactly the plan's (each once), for `target`. */
export function expectFlows(actual: readonly Flow[], plan: Plan, target: string, o: FlowCompare = {}): void {
  const want = expectedFlows(plan, target);
  expect(flowKeys(o.cover ? coveredFlows(actual) : actual), o.context).toEqual(flowKeys(o.cover ? coveredFlows(want) : want));
}

/** Every flow read carries the plan's profile in its synfw tag. */
export function expectOwnFlows(flows: readonly ReadFlow[], plan: Plan, context?: string): void {
  expect(flows.filter((f) => f.profile !== plan.profile.name).map((f) => `${f.at}: ${f.profile ?? 'untagged'}`), context).toEqual([]);
}

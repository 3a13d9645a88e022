// The one comparison of what a reader read with what the plan asks for (expectedFlows): the flows'
// keys, sorted, so that a failure lists exactly the ports, protocols, addresses and sources that
// differ.

import { expect } from 'vitest';
import type { Plan } from '../../../src/plan/types.js';
import { expectedFlows } from '../../../src/readers/expected.js';
import { bareFlow, coveredFlows, flowKey, flowKeys, type Flow, type ReadFlow } from '../../../src/readers/flow.js';

export interface FlowCompare {
  /** What the failure message names ("home.yaml: nftables default"). */
  context?: string;
  /** Compare the addresses the sources cover, not the CIDRs as written (for targets that merge them, as nft's sets). */
  cover?: boolean;
  /** The output names no protocol (miniupnpd's permission lines): compare the flows without it, each once. */
  protocolBlind?: boolean;
}

/** The keys compared: the flows as `o` says to see them, sorted (duplicates kept unless protocol-blind). */
function compared(flows: readonly Flow[], o: FlowCompare): string[] {
  let out = flows.map(bareFlow);
  if (o.protocolBlind) out = [...new Map(out.map((f): [string, Flow] => [flowKey({ ...f, proto: 'tcp' }), { ...f, proto: 'tcp' }])).values()];
  if (o.cover) out = coveredFlows(out);
  return flowKeys(out);
}

/** The flows a reader read are exactly the plan's (each once), for `target`. */
export function expectFlows(actual: readonly Flow[], plan: Plan, target: string, o: FlowCompare = {}): void {
  expect(compared(actual, o), o.context).toEqual(compared(expectedFlows(plan, target), o));
}

/** Every flow read carries the plan's profile in its synfw tag. */
export function expectOwnFlows(flows: readonly ReadFlow[], plan: Plan, context?: string): void {
  expect(flows.filter((f) => f.profile !== plan.profile.name).map((f) => `${f.at}: ${f.profile ?? 'untagged'}`), context).toEqual([]);
}

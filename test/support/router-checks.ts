// What every output must check on the router before it changes anything: the WAN (and, where the
// output names it, the LAN) interface, zone or interface list, each with the message the output
// prints when it is missing, naming the profile key that set it or how to set it. Computed from the
// plan and the target's resolved names (routerSides), for the tests of every target.

import type { Plan } from '../../src/plan/types.js';
import { routerSides } from '../../src/targets/define.js';
import { TARGETS, type TargetId } from '../../src/targets/index.js';

export interface NeededCheck {
  name: string;
  message: string;
}

/** `what` is how the output calls a name ("interface", "firewall zone", "interface list"). */
export function neededChecks(id: TargetId, plan: Plan, what: string, withLan: boolean): NeededCheck[] {
  const sides = routerSides(TARGETS[id], plan);
  const one = (name: string, key: string | null, side: string): NeededCheck => ({
    name,
    message: `synfw: ${what} ${name} (${key ?? `the ${side} default; set router.${side} or router.${id}.${side}`}) does not exist on this router; nothing was changed.`,
  });
  return [one(sides.wan, sides.wanKey, 'wan'), ...(withLan ? [one(sides.lan!, sides.lanKey, 'lan')] : [])];
}

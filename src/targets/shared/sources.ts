// allowFrom, the way every target reads it: both lists empty admit anyone; otherwise each address
// family admits only its own list, so sources of the other family alone shut it out (plan/types.ts).

import type { Plan } from '../../plan/types.js';

/** Whether allowFrom restricts the forwards at all (either list non-empty). */
export function sourcesRestricted(plan: Plan): boolean {
  return plan.allowFrom.length + plan.allowFrom6.length > 0;
}

/** The sources one address family admits: undefined = anyone, a list = only those, [] = nobody. */
export function allowedSources(plan: Plan, family: 4 | 6): string[] | undefined {
  if (!sourcesRestricted(plan)) return undefined;
  return family === 4 ? plan.allowFrom : plan.allowFrom6;
}

/** Whether any source of the family may use the forwards. */
export function admits(plan: Plan, family: 4 | 6): boolean {
  return allowedSources(plan, family)?.length !== 0;
}

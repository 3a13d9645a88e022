// Profile file (or "-" for stdin) -> plan, or a ProfileError carrying every diagnostic. Warnings are
// returned, not printed: each command prints them after its output, so that on a terminal they
// come after the table instead of as a wall before it.

import { ProfileError, withFile, type Diagnostic } from '../diagnostics.js';
import { notUtf8, planFromText } from '../pipeline.js';
import type { Plan } from '../plan/types.js';
import type { PlanResult } from '../pipeline.js';
import { PROFILE_LIMIT } from '../profile/decode.js';
import { readInput } from './read-input.js';

/** Reads and plans a profile; a file that is not UTF-8 is a profile problem (SFW100) at the bad byte. */
export function planFile(path: string): { name: string; result: PlanResult } {
  const input = readInput(path, 'profile', PROFILE_LIMIT);
  const result = input.badUtf8At !== undefined ? notUtf8(input.text, input.name, input.badUtf8At) : planFromText(input.text, input.name);
  return { name: input.name, result };
}

export function loadPlan(path: string, options: { strict?: boolean } = {}): { plan: Plan; warnings: Diagnostic[]; name: string } {
  const { name, result } = planFile(path);
  const failing = (d: Diagnostic) => d.severity === 'error' || options.strict === true;
  if (!result.plan || result.diagnostics.some(failing)) throw new ProfileError(withFile(result.diagnostics, name));
  return { plan: result.plan, warnings: withFile(result.diagnostics, name), name };
}

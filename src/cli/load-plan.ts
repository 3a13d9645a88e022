// Profile file (or "-" for stdin) -> plan, or a ProfileError carrying every diagnostic. Warnings are
// returned, not printed: each command prints them after its output, so that on a terminal they
// come after the table instead of as a wall before it.

import { ProfileError, type Diagnostic } from '../diagnostics.js';
import { planFromText } from '../pipeline.js';
import type { Plan } from '../plan/types.js';
import type { PlanResult } from '../pipeline.js';
import { lineIndex } from '../profile/line-index.js';
import { PROFILE_LIMIT, readInput } from './read-input.js';

/** Every diagnostic names a file: the ones without a position are about the profile as a whole. */
export function withFile(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  return diagnostics.map((d) => (d.pos || d.file ? d : { ...d, file }));
}

/** Reads and plans a profile; a file that is not UTF-8 is a profile problem (SFW100) at the bad byte. */
export function planFile(path: string): { name: string; result: PlanResult } {
  const input = readInput(path, 'profile', PROFILE_LIMIT);
  if (input.badUtf8At !== undefined) {
    const pos = lineIndex(input.text).pos(input.name, input.badUtf8At);
    const message = 'the profile is not UTF-8 text (this byte is not); save it as UTF-8';
    return { name: input.name, result: { diagnostics: [{ code: 'SFW100', severity: 'error', message, pos }] } };
  }
  return { name: input.name, result: planFromText(input.text, input.name) };
}

export function loadPlan(path: string, options: { strict?: boolean } = {}): { plan: Plan; warnings: Diagnostic[]; name: string } {
  const { name, result } = planFile(path);
  const failing = (d: Diagnostic) => d.severity === 'error' || options.strict === true;
  if (!result.plan || result.diagnostics.some(failing)) throw new ProfileError(withFile(result.diagnostics, name));
  return { plan: result.plan, warnings: withFile(result.diagnostics, name), name };
}

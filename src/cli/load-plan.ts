// Profile file -> plan, or a ProfileError carrying every diagnostic. Warnings go to stderr here so
// that every command that plans reports them the same way.

import { hasErrors, ProfileError, type Diagnostic } from '../diagnostics.js';
import { planFromText } from '../pipeline.js';
import type { Plan } from '../plan/types.js';
import { printDiagnostics, readText } from './io.js';

export function loadPlan(file: string, options: { strict?: boolean } = {}): Plan {
  const result = planFromText(readText(file), file);
  const failing = (d: Diagnostic) => d.severity === 'error' || options.strict === true;
  if (!result.plan || result.diagnostics.some(failing)) {
    throw new ProfileError(result.diagnostics);
  }
  printDiagnostics(result.diagnostics, file);
  return result.plan;
}

export { hasErrors };

import { formatDiagnostic } from '../../src/diagnostics.js';
import { planFromText } from '../../src/pipeline.js';
import { TargetError } from '../../src/targets/types.js';

/** The formatted diagnostics for a profile given as text, as the CLI prints them. */
export function diagnose(yaml: string, file = 'p.yaml'): string[] {
  return planFromText(yaml, file).diagnostics.map((d) => formatDiagnostic(d, file));
}

/** The TargetError `fn` throws (any other error is rethrown; none at all fails). */
export function targetError(fn: () => unknown): TargetError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TargetError) return e;
    throw e;
  }
  throw new Error('expected a TargetError');
}

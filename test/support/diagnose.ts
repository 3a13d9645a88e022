import { formatDiagnostic } from '../../src/diagnostics.js';
import { planFromText } from '../../src/pipeline.js';

/** The formatted diagnostics for a profile given as text, as the CLI prints them. */
export function diagnose(yaml: string, file = 'p.yaml'): string[] {
  return planFromText(yaml, file).diagnostics.map((d) => formatDiagnostic(d, file));
}

// `synfw check`: every diagnostic of every profile, as file:line:col lines on stderr with one
// summary line per file, or as one JSON document on stdout (--format json) for editors and CI.

import { escapeUnsafe, ProfileError, formatDiagnostic, withFile, type Diagnostic } from '../diagnostics.js';
import { planFile } from './load-plan.js';
import { writeStderr, writeStdout } from './output.js';
import { riskyForwarded } from './plan-report.js';
import { printDiagnostics } from './report.js';

export const CHECK_JSON_VERSION = 1;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface FileReport {
  file: string;
  ok: boolean;
  errors: number;
  warnings: number;
  forwards?: number;
  skipped?: number;
  riskyForwarded?: string[];
  diagnostics: Diagnostic[];
}

function checkOne(path: string, strict: boolean): FileReport {
  const { name, result } = planFile(path);
  const diagnostics = withFile(result.diagnostics, name);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const ok = result.plan !== undefined && !(strict && warnings > 0);
  return {
    file: name,
    ok,
    errors,
    warnings,
    ...(result.plan ? { forwards: result.plan.forwards.length, skipped: result.plan.skipped.length, riskyForwarded: riskyForwarded(result.plan) } : {}),
    diagnostics,
  };
}

function summary(r: FileReport, strict: boolean): string {
  return escapeUnsafe(summaryText(r, strict));
}

function summaryText(r: FileReport, strict: boolean): string {
  const counts = `${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}`;
  if (!r.ok) {
    return `${r.file}: failed: ${counts}${strict && r.warnings ? ' (--strict)' : ''}; \`synfw explain CODE\` says what a code means and how to fix it`;
  }
  const risky = r.riskyForwarded?.length ? `; risky ports forwarded because of allowRisky: ${r.riskyForwarded.join(', ')}` : '';
  return `${r.file}: ok: ${plural(r.forwards ?? 0, 'forward')}, ${r.skipped ?? 0} skipped, ${plural(r.warnings, 'warning')}${risky}`;
}

export async function runCheck(paths: string[], options: { strict: boolean; json: boolean }): Promise<void> {
  const reports = paths.map((p) => checkOne(p, options.strict));
  if (options.json) {
    const doc = {
      checkJsonVersion: CHECK_JSON_VERSION,
      ok: reports.every((r) => r.ok),
      files: reports.map((r) => ({
        ...r,
        diagnostics: r.diagnostics.map((d) => ({
          file: d.pos?.file ?? d.file ?? r.file,
          ...(d.pos ? { line: d.pos.line, column: d.pos.column } : {}),
          severity: d.severity,
          code: d.code,
          message: d.message,
          text: formatDiagnostic(d, r.file),
        })),
      })),
    };
    await writeStdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const r of reports) {
      printDiagnostics(r.diagnostics, r.file);
      writeStderr(`${summary(r, options.strict)}\n`);
    }
  }
  // The diagnostics are printed already; an empty ProfileError only sets the exit status.
  if (reports.some((r) => !r.ok)) throw new ProfileError([]);
}

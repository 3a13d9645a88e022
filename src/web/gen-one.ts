// `synfw gen PROFILE --target T [--format F] [target options]` for the page: the same pure core
// and the same diagnostics as the CLI (all of them when the profile has errors; the target's
// errors when it cannot render; otherwise the warnings after the output), and the output's file
// name as `--out-dir` names it. No DOM here: the page's UI modules show what this returns.

import { hasErrors, UsageError, withFile, type Diagnostic } from '../diagnostics.js';
import { renderTarget } from '../gen/render-target.js';
import { notUtf8, planFromText } from '../pipeline.js';
import type { Plan } from '../plan/types.js';
import { TARGETS, type TargetId } from '../targets/index.js';
import { outputFile } from '../targets/shared/header.js';
import type { RenderOptions } from '../targets/types.js';

export interface GenRequest {
  /** The profile's text and the file name diagnostics and the header give it. */
  text: string;
  file: string;
  /** Set when the profile was read from bytes that are not UTF-8 (SFW100 there). */
  badUtf8At?: number;
  target: TargetId;
  /** RenderOptions without the version: format and the target's own options. */
  options: Omit<RenderOptions, 'version'>;
  version: string;
}

export interface GenResult {
  /** Absent when the profile has errors. */
  plan?: Plan;
  /** Sorted as the CLI prints them, each naming its file. */
  diagnostics: Diagnostic[];
  /** A usage error the CLI would stop with (exit 2), e.g. an option value out of range. */
  usage?: string;
  output?: { text: string; file: string };
}

export async function genOne(req: GenRequest): Promise<GenResult> {
  const result = req.badUtf8At !== undefined ? notUtf8(req.text, req.file, req.badUtf8At) : planFromText(req.text, req.file);
  const diagnostics = withFile(result.diagnostics, req.file);
  if (!result.plan || hasErrors(diagnostics)) return { diagnostics };
  const plan = result.plan;
  try {
    const r = await renderTarget(req.target, plan, { ...req.options, version: req.version }, req.file);
    if (!r.ok) return { plan, diagnostics: r.errors };
    const file = outputFile(plan, { info: TARGETS[req.target], format: req.options.format ?? 'default' });
    return { plan, diagnostics: [...diagnostics, ...r.warnings], output: { text: r.text, file } };
  } catch (e) {
    if (e instanceof UsageError) return { plan, diagnostics: [], usage: e.message };
    throw e;
  }
}

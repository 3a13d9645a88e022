// One target rendered for a plan, as `synfw gen` does it, for both front ends (the CLI and the
// browser page): the text and its warnings, or the errors that stop it (TargetError), each
// diagnostic naming its file: the profile, unless it carries a position (those about the --merge
// file carry that file's).

import { withFile, type Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { loadTarget, type TargetId } from '../targets/index.js';
import { TargetError, type RenderOptions } from '../targets/types.js';

export type TargetOutcome = { ok: true; text: string; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[] };

/** Renders target `id`; `profile` is the name diagnostics give the profile. Anything but a TargetError is thrown on. */
export async function renderTarget(id: TargetId, plan: Plan, options: RenderOptions, profile: string): Promise<TargetOutcome> {
  try {
    const rendered = (await loadTarget(id)).render(plan, options);
    return { ok: true, text: rendered.text, warnings: withFile(rendered.warnings, profile) };
  } catch (e) {
    if (!(e instanceof TargetError)) throw e;
    return { ok: false, errors: withFile(e.diagnostics, profile) };
  }
}

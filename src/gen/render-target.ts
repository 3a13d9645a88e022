// One target rendered for a plan, as `synfw gen` does it, for both front ends (the CLI and the
// browser page): the text and its warnings, or the errors that stop it (TargetError), each
// diagnostic naming its file.

import { withFile, type Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { loadTarget, type TargetId } from '../targets/index.js';
import { TargetError, type RenderOptions } from '../targets/types.js';

export type TargetOutcome = { ok: true; text: string; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[] };

/**
 * Target diagnostics without a position name the profile, except those about the --merge file:
 * a merge target may mark them with `file`, or (as it did first) start the message with the file
 * name, which then moves to the front where every diagnostic names its file.
 */
export function locate(diagnostics: readonly Diagnostic[], profile: string, merge: string | undefined): Diagnostic[] {
  return withFile(
    diagnostics.map((d) => {
      if (d.pos || d.file || merge === undefined) return d;
      for (const prefix of [`${merge}: `, `opnsense: ${merge}: `, `pfsense: ${merge}: `]) {
        if (d.message.startsWith(prefix)) return { ...d, file: merge, message: d.message.slice(prefix.length) };
      }
      return d;
    }),
    profile,
  );
}

/** Renders target `id`; `profile` is the name diagnostics give the profile. Anything but a TargetError is thrown on. */
export async function renderTarget(id: TargetId, plan: Plan, options: RenderOptions, profile: string): Promise<TargetOutcome> {
  try {
    const rendered = (await loadTarget(id)).render(plan, options);
    return { ok: true, text: rendered.text, warnings: locate(rendered.warnings, profile, options.merge?.file) };
  } catch (e) {
    if (!(e instanceof TargetError)) throw e;
    return { ok: false, errors: locate(e.diagnostics, profile, options.merge?.file) };
  }
}

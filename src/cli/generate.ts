// `synfw gen`: plan once, render every requested target in memory, then write. Nothing is written
// when any target fails, so --target all never leaves a partial set of files.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProfileError } from '../diagnostics.js';
import { loadTarget, TARGETS, targetIds, type TargetId } from '../targets/index.js';
import { TargetError, type RenderOptions } from '../targets/types.js';
import { printDiagnostics, readText, writeAtomic } from './io.js';
import { loadPlan } from './load-plan.js';
import { synfwVersion } from './version.js';

export interface GenerateRequest {
  profile: string;
  target: TargetId | 'all';
  format?: string;
  out?: string;
  outDir?: string;
  merge?: string;
  /** The values of the targets' own flags (--upnp-max, --router, ...), by RenderOptions key. */
  options?: Omit<Partial<RenderOptions>, 'version' | 'format' | 'merge'>;
  strict: boolean;
}

export async function generate(req: GenerateRequest): Promise<void> {
  const plan = loadPlan(req.profile, { strict: req.strict });
  const options: RenderOptions = {
    version: synfwVersion(),
    format: req.format,
    ...req.options,
    ...(req.merge !== undefined ? { merge: { file: req.merge, text: readText(req.merge, 'config to merge into') } } : {}),
  };
  const ids = req.target === 'all' ? targetIds : [req.target];
  const outputs: Array<{ id: TargetId; text: string }> = [];
  const failures: TargetError[] = [];
  for (const id of ids) {
    try {
      const rendered = (await loadTarget(id)).render(plan, options);
      printDiagnostics(rendered.warnings, req.profile);
      outputs.push({ id, text: rendered.text });
    } catch (e) {
      if (!(e instanceof TargetError)) throw e;
      // With --target all, a target that cannot express one of the profile's options (SFW301) is
      // left out with a warning saying so; the targets that can still get their files.
      if (req.target === 'all' && e.diagnostics.every((d) => d.code === 'SFW301')) {
        printDiagnostics(
          e.diagnostics.map((d) => ({ ...d, severity: 'warning' as const, message: `${d.message} (no ${id} file written)` })),
          req.profile,
        );
      } else failures.push(e);
    }
  }
  if (failures.length) throw new ProfileError(failures.flatMap((f) => f.diagnostics));

  if (req.outDir !== undefined) {
    mkdirSync(req.outDir, { recursive: true });
    for (const { id, text } of outputs) {
      writeAtomic(join(req.outDir, `${plan.profile.name}.${id}.${TARGETS[id].formats.default.extension}`), text);
    }
  } else if (req.out !== undefined) writeAtomic(req.out, outputs[0]!.text);
  else process.stdout.write(outputs[0]!.text);
}

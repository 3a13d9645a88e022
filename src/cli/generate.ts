// `synfw gen`: plan once, render every requested target in memory, then write. Nothing is written
// when any target fails, so --target all never leaves a partial set of files; warnings come after
// the output, and --out-dir says what it wrote.

import { join } from 'node:path';
import { escapeUnsafe, ProfileError, type Diagnostic } from '../diagnostics.js';
import { renderTarget } from '../gen/render-target.js';
import { MERGE_LIMIT } from '../profile/decode.js';
import { TARGETS, targetIds, type TargetId } from '../targets/index.js';
import type { RenderOptions } from '../targets/types.js';
import { loadPlan } from './load-plan.js';
import { writeStderr, writeStdout } from './output.js';
import { readInput } from './read-input.js';
import { printDiagnostics } from './report.js';
import { synfwVersion } from './version.js';
import { makeOutDir, writeFileAtomic, writeFilesAtomic } from './write-output.js';

export interface GenerateRequest {
  profile: string;
  target: TargetId | 'all';
  format?: string;
  out?: string;
  outDir?: string;
  /** --merge: the config.xml to read and merge into. */
  merge?: string;
  /** The targets' other flags as RenderOptions keys. */
  options: Record<string, number | string>;
  strict: boolean;
}

export async function generate(req: GenerateRequest): Promise<void> {
  const { plan, warnings, name } = loadPlan(req.profile, { strict: req.strict });
  const merge = req.merge !== undefined ? readInput(req.merge, 'config to merge into', MERGE_LIMIT) : undefined;
  const options: RenderOptions = {
    version: synfwVersion(),
    format: req.format,
    ...req.options,
    ...(merge ? { merge: { file: merge.name, text: merge.text } } : {}),
  };
  const ids = req.target === 'all' ? targetIds : [req.target];
  const outputs: Array<{ id: TargetId; text: string }> = [];
  const failures: Diagnostic[] = [];
  const notes: Diagnostic[] = [...warnings];
  for (const id of ids) {
    const r = await renderTarget(id, plan, options, name);
    if (r.ok) {
      notes.push(...r.warnings);
      outputs.push({ id, text: r.text });
    } else if (req.target === 'all' && r.errors.every((d) => d.code === 'SFW301')) {
      // With --target all, a target that cannot express one of the profile's options (SFW301) is
      // left out with a warning saying so; the targets that can still get their files.
      notes.push(...r.errors.map((d) => ({ ...d, severity: 'warning' as const, message: `${d.message} (no ${id} file written)` })));
    } else failures.push(...r.errors);
  }
  if (failures.length) throw new ProfileError(failures);
  if (req.strict && notes.length) throw new ProfileError(notes);

  if (req.outDir !== undefined) {
    const files = outputs.map(({ id, text }) => ({ file: join(req.outDir!, `${plan.profile.name}.${id}.${TARGETS[id].formats.default.extension}`), text }));
    makeOutDir(req.outDir);
    writeFilesAtomic(files);
    printDiagnostics(notes, name);
    writeStderr(files.map((f) => `wrote ${escapeUnsafe(f.file)}\n`).join(''));
    return;
  }
  if (req.out !== undefined && req.out !== '-') writeFileAtomic(req.out, outputs[0]!.text);
  else await writeStdout(outputs[0]!.text);
  printDiagnostics(notes, name);
}

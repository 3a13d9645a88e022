// `synfw gen`: plan once, render every requested target in memory, then write. Nothing is written
// when any target fails, so --target all never leaves a partial set of files; warnings come after
// the output, and --out-dir says what it wrote.

import { join } from 'node:path';
import { escapeUnsafe, ProfileError, type Diagnostic } from '../diagnostics.js';
import { loadTarget, TARGETS, targetIds, type TargetId } from '../targets/index.js';
import { TargetError, type RenderOptions } from '../targets/types.js';
import { loadPlan, withFile } from './load-plan.js';
import { writeStderr, writeStdout } from './output.js';
import { MERGE_LIMIT, readInput } from './read-input.js';
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

/**
 * Target diagnostics without a position name the profile, except those about the --merge file:
 * a merge target may mark them with `file`, or (as it did first) start the message with the file
 * name, which then moves to the front where every diagnostic names its file.
 */
function locate(diagnostics: readonly Diagnostic[], profile: string, merge: string | undefined): Diagnostic[] {
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
    try {
      const rendered = (await loadTarget(id)).render(plan, options);
      notes.push(...locate(rendered.warnings, name, merge?.name));
      outputs.push({ id, text: rendered.text });
    } catch (e) {
      if (!(e instanceof TargetError)) throw e;
      // With --target all, a target that cannot express one of the profile's options (SFW301) is
      // left out with a warning saying so; the targets that can still get their files.
      if (req.target === 'all' && e.diagnostics.every((d) => d.code === 'SFW301')) {
        notes.push(...locate(e.diagnostics, name, merge?.name).map((d) => ({ ...d, severity: 'warning' as const, message: `${d.message} (no ${id} file written)` })));
      } else failures.push(...locate(e.diagnostics, name, merge?.name));
    }
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

// The CLI's edge: reading profiles, writing outputs atomically, printing diagnostics.

import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatDiagnostic, UsageError, type Diagnostic } from '../diagnostics.js';

export function readText(file: string, what = 'profile'): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new UsageError(`cannot read ${what} ${file}: ${why}`);
  }
}

/**
 * Writes via a temporary file in the same directory and a rename: never a half-written config.
 * With noClobber the final step is a hard link, which fails instead of replacing an existing file.
 */
export function writeAtomic(file: string, text: string, options: { noClobber?: boolean } = {}): void {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    if (options.noClobber) linkSync(tmp, file);
    else renameSync(tmp, file);
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    throw new UsageError(exists ? `${file} exists; not overwriting it` : `cannot write ${file}: ${(e as Error).message}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], file: string): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d, file)}\n`);
}

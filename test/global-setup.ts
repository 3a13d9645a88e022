// Every test run works in a temporary directory of its own (TMPDIR, inherited by the test workers
// and everything they start), and at the end it must be empty: a test that leaves files behind
// fails the run. The directory is in the git-ignored .cache/ of the checkout, not under /tmp,
// because the router labs bind a directory of their own over /tmp inside their namespaces, which
// would hide a TMPDIR below /tmp from the commands they run there. It is named synfw-<pid>-run so
// that a later run removes it when this one was killed.

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pidAlive } from './lab/lab.js';

const BASE = fileURLToPath(new URL('../.cache/', import.meta.url));
const RUN_DIR = /^synfw-(\d+)-run$/;

export default function setup(): () => void {
  mkdirSync(BASE, { recursive: true });
  for (const entry of readdirSync(BASE)) {
    const m = RUN_DIR.exec(entry);
    if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) rmSync(join(BASE, entry), { recursive: true, force: true });
  }
  const dir = join(BASE, `synfw-${process.pid}-run`);
  mkdirSync(dir, { recursive: true });
  process.env.TMPDIR = dir;
  return () => {
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    if (left.length) {
      // vitest reports an error thrown here but still exits 0: set the status as well.
      process.exitCode = 1;
      throw new Error(`the tests left temporary files behind in ${dir}: ${left.join(', ')}`);
    }
  };
}

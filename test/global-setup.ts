// Every test run works in a temporary directory of its own (TMPDIR, inherited by the test workers
// and everything they start), named synfw-<pid>-run so that a later run removes it when this one
// was killed. At the end it must be empty: a test that leaves files behind fails the run.

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidAlive } from './lab/lab.js';

const RUN_DIR = /^synfw-(\d+)-run$/;

export default function setup(): () => void {
  const base = tmpdir();
  for (const entry of readdirSync(base)) {
    const m = RUN_DIR.exec(entry);
    if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) rmSync(join(base, entry), { recursive: true, force: true });
  }
  const dir = join(base, `synfw-${process.pid}-run`);
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

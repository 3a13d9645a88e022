// Golden files: real files in the target's own syntax (test/golden/<profile>/<target>[.<format>].<ext>)
// and the CLI's stderr for each declared refusal (test/golden/<target>/refusals/<case>.stderr).
// They change only when UPDATE_GOLDEN=1 is set: then a missing or different file is written and the
// check passes; otherwise a missing file fails with the command that writes it.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './profiles.js';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

const CONTRACT = 'test/targets/contract.test.ts';

/** Why a golden file is missing, and how to write it (`test`: the test file that checks it). */
export const missingGolden = (path: string, what: string, test = CONTRACT): string =>
  `no golden file ${relative(ROOT, path)} for ${what}: write it with UPDATE_GOLDEN=1 npx vitest run ${test} and review it`;

/** `text` equals the golden file at `path` byte for byte (or, with UPDATE_GOLDEN=1, becomes it). */
export function expectGolden(text: string, path: string, what: string, test = CONTRACT): void {
  if (UPDATE_GOLDEN) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    return;
  }
  if (!existsSync(path)) throw new Error(missingGolden(path, what, test));
  expect(text, `${what} differs from ${relative(ROOT, path)} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}

// vitest for `npm test`: the repository root as root, and a global set-up that gives the run a
// temporary directory of its own and fails the run if a test leaves anything in it.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    globalSetup: [fileURLToPath(new URL('global-setup.ts', import.meta.url))],
  },
});

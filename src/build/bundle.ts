// Bundles the CLI into one CommonJS file, dist/synfw.cjs, the package's `bin`. Start-up time is a
// product goal (synfw runs in git hooks): one file avoids resolving and loading ~150 modules, and
// CommonJS avoids the ESM loader's set-up; together they cut `synfw gen` from about 3x a bare
// `node -e 0` to under 2x. Everything the CLI needs is inside except Node's own modules.

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The bundle stands in for dist/cli/main.js: source files find package.json and schema/ relative
// to their own URL two directories below the package root, so import.meta.url must keep that depth.
const IMPORT_META_URL = `const importMetaUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'cli', 'main.js')).href;`;

export async function bundleCli(): Promise<void> {
  await build({
    entryPoints: [`${root}src/cli/main.ts`],
    outfile: `${root}dist/synfw.cjs`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: IMPORT_META_URL },
    logLevel: 'warning',
    legalComments: 'none',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await bundleCli();
}

// The published `synfw` binary (dist/synfw.cjs): a small launcher that runs the bundled CLI
// (dist/synfw-cli.cjs, from main.ts) with a V8 code cache where one can be kept (code-cache.ts).

import { join } from 'node:path';
import { runBundle } from './code-cache.js';

/** A hash of the bundle, set when it is built (src/build/bundle.ts): each build has its own cache. */
declare const SYNFW_BUNDLE_ID: string;

runBundle(join(__dirname, 'synfw-cli.cjs'), SYNFW_BUNDLE_ID, require);

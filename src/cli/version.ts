import { readFileSync } from 'node:fs';

/** Set in the bundled CLI (src/build/bundle.ts), which then need not read package.json. */
declare const SYNFW_VERSION: string | undefined;

let cached: string | undefined;

/** synfw's version, from the package.json next to src/ or dist/. */
export function synfwVersion(): string {
  cached ??=
    typeof SYNFW_VERSION === 'string'
      ? SYNFW_VERSION
      : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}

import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** synfw's version, from the package.json next to src/ or dist/. */
export function synfwVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}

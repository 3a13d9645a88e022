// The bin's code cache as a user meets it: made on the first run of a command, used by the next,
// and never a reason for different output or a failed run (a damaged or untrusted cache is
// replaced, an unwritable place or NODE_DISABLE_COMPILE_CACHE means running without one).

import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synfw } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';

const GEN = ['gen', 'profiles/home.yaml', '-t', 'nftables'];
const PLAIN = synfw(GEN, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });

/** The cache files of a cache home, by command. */
function cacheFiles(home: string): Record<string, string> {
  const dir = join(home, 'synfw');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).map((f) => [/^[0-9a-f]+-([a-z_]+)-/.exec(f)?.[1] ?? f, join(dir, f)]));
}

describe('the code cache', () => {
  it('is made by the first run of a command and used, unchanged, by the next', () => {
    expect(PLAIN.status).toBe(0);
    const home = tempDir();
    expect(synfw(GEN, { env: { XDG_CACHE_HOME: home } })).toEqual(PLAIN);
    const files = cacheFiles(home);
    expect(Object.keys(files)).toEqual(['gen']);
    const made = statSync(files.gen!);
    expect(made.mode & 0o777).toBe(0o600);
    expect(synfw(GEN, { env: { XDG_CACHE_HOME: home } })).toEqual(PLAIN);
    // Accepted, so not written again; another command gets a cache of its own.
    expect(statSync(files.gen!).mtimeMs).toBe(made.mtimeMs);
    expect(synfw(['check', 'profiles/home.yaml'], { env: { XDG_CACHE_HOME: home } }).status).toBe(0);
    expect(Object.keys(cacheFiles(home)).sort()).toEqual(['check', 'gen']);
  });

  it('that is damaged, or writable by others, is replaced, with the same output', () => {
    const home = tempDir();
    synfw(GEN, { env: { XDG_CACHE_HOME: home } });
    const file = cacheFiles(home).gen!;
    writeFileSync(file, 'not a code cache');
    expect(synfw(GEN, { env: { XDG_CACHE_HOME: home } })).toEqual(PLAIN);
    expect(readFileSync(file).toString()).not.toBe('not a code cache');
    chmodSync(file, 0o666);
    expect(synfw(GEN, { env: { XDG_CACHE_HOME: home } })).toEqual(PLAIN);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is not written with NODE_DISABLE_COMPILE_CACHE, nor where it cannot be', () => {
    const home = tempDir();
    expect(synfw(GEN, { env: { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' } })).toEqual(PLAIN);
    expect(cacheFiles(home)).toEqual({});
    const notADirectory = join(home, 'file');
    writeFileSync(notADirectory, '');
    expect(synfw(GEN, { env: { XDG_CACHE_HOME: notADirectory } })).toEqual(PLAIN);
  });
});

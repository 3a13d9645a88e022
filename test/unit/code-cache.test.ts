// The code cache's file handling (src/cli/code-cache.ts): where it lives, which files it trusts,
// and that writing it never leaves anything half-written or fails the run.

import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, codeCacheFile, hasCompileCache, readCodeCache, writeCodeCache } from '../../src/cli/code-cache.js';
import { tempDir } from '../support/tmp.js';

describe('codeCacheDir', () => {
  it('is the platform cache directory, XDG_CACHE_HOME first', () => {
    expect(codeCacheDir({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache/synfw');
    expect(codeCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: '/c' }, 'linux')).toBe('/c/synfw');
    expect(codeCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: 'relative' }, 'linux')).toBe('/home/u/.cache/synfw');
    expect(codeCacheDir({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Caches/synfw');
    expect(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\u\\AppData\\Local\\synfw\\Cache');
  });

  it('is none without a home, or when NODE_DISABLE_COMPILE_CACHE is set', () => {
    expect(codeCacheDir({}, 'linux')).toBeUndefined();
    expect(codeCacheDir({ HOME: 'relative' }, 'linux')).toBeUndefined();
    expect(codeCacheDir({}, 'win32')).toBeUndefined();
    expect(codeCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: '/c', NODE_DISABLE_COMPILE_CACHE: '1' }, 'linux')).toBeUndefined();
  });
});

describe('hasCompileCache', () => {
  it("is Node's own compile cache from 22.1 on, read from the version", () => {
    expect(['20.19.0', '20.20.2', '21.7.3', '22.0.0'].map(hasCompileCache)).toEqual([false, false, false, false]);
    expect(['22.1.0', '22.12.0', '23.0.0', '24.3.1'].map(hasCompileCache)).toEqual([true, true, true, true]);
  });
});

describe('codeCacheFile', () => {
  it('is one file per bundle, command and Node', () => {
    const file = codeCacheFile('/c', 'abc123', ['gen', 'home.yaml', '-t', 'nft']);
    expect(file).toBe(`/c/abc123-gen-${process.version}-${process.arch}.v8cache`);
    expect(codeCacheFile('/c', 'abc123', ['--help'])).toContain('-other-');
    expect(codeCacheFile('/c', 'abc123', ['../../etc/x'])).toContain('-other-');
  });
});

describe('readCodeCache and writeCodeCache', () => {
  it('write a private file atomically, which is read back', () => {
    const dir = join(tempDir(), 'new', 'synfw');
    const file = join(dir, 'x.v8cache');
    writeCodeCache(file, Buffer.from('cached'));
    expect(readCodeCache(file)?.toString()).toBe('cached');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual(['x.v8cache']);
  });

  it('read nothing from a missing file, a directory, or a file others may write', () => {
    const dir = tempDir();
    expect(readCodeCache(join(dir, 'missing'))).toBeUndefined();
    expect(readCodeCache(dir)).toBeUndefined();
    const file = join(dir, 'x.v8cache');
    writeFileSync(file, 'cached', { mode: 0o600 });
    expect(readCodeCache(file)?.toString()).toBe('cached'); // self-check: the same file, trusted
    chmodSync(file, 0o620);
    expect(readCodeCache(file)).toBeUndefined();
  });

  it("read nothing from another user's file", () => {
    // Only root can make a file another user's; CI runs as root.
    if (process.getuid?.() !== 0) return;
    const file = join(tempDir(), 'x.v8cache');
    writeFileSync(file, 'cached', { mode: 0o600 });
    chownSync(file, 65534, 65534);
    expect(readCodeCache(file)).toBeUndefined();
  });

  it('never throw when the cache cannot be written', () => {
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, '');
    expect(() => writeCodeCache(join(blocker, 'synfw', 'x.v8cache'), Buffer.from('cached'))).not.toThrow();
    expect(existsSync(join(blocker, 'synfw'))).toBe(false);
  });

  it('remove cache files nobody rewrote for a month, keeping the others', () => {
    const dir = join(tempDir(), 'synfw');
    mkdirSync(dir);
    const old = join(dir, 'old.v8cache');
    const recent = join(dir, 'recent.v8cache');
    const other = join(dir, 'notes.txt');
    for (const f of [old, recent, other]) writeFileSync(f, '');
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(other, longAgo, longAgo);
    writeCodeCache(join(dir, 'new.v8cache'), Buffer.from('cached'));
    expect(readdirSync(dir).sort()).toEqual(['new.v8cache', 'notes.txt', 'recent.v8cache']);
  });
});

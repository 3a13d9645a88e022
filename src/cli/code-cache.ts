// Runs the bundled CLI with a V8 code cache, so that a run does not compile the bundle again: on a
// 2-core machine compiling it is about a fifth of a `synfw gen`. The cache lives in the user's own
// cache directory ($XDG_CACHE_HOME/synfw, ~/.cache/synfw, ~/Library/Caches/synfw or
// %LOCALAPPDATA%\synfw), never in the package: an installed package may be read-only or shared by
// several users, and a cache there would be code that other users could plant. It is optional:
// NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns it off, and any failure (no home, a
// read-only disk, a file that is not ours) means running without it.
//
// Node >= 22.1 has module.enableCompileCache(), which does all of this for required files; on
// Node 20 the bundle is compiled through vm.Script with cachedData, and the cache is written once
// at exit (then it also holds the functions compiled lazily during the run).

import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, win32 } from 'node:path';
import { Script } from 'node:vm';

/** Cache files not written for this long are removed when a new one is written (old versions). */
const STALE_MS = 30 * 24 * 3600 * 1000;
const SUFFIX = '.v8cache';

/** The directory for synfw's code cache, or undefined when there is none to use. */
export function codeCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const { isAbsolute, join: joinPath } = platform === 'win32' ? win32 : posix;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return joinPath(env.XDG_CACHE_HOME, 'synfw');
  if (platform === 'win32') return env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA) ? joinPath(env.LOCALAPPDATA, 'synfw', 'Cache') : undefined;
  if (!env.HOME || !isAbsolute(env.HOME)) return undefined;
  return platform === 'darwin' ? joinPath(env.HOME, 'Library', 'Caches', 'synfw') : joinPath(env.HOME, '.cache', 'synfw');
}

/**
 * The cache file for one build of the bundle on one Node (V8 rejects data from another version),
 * for one command: the cache holds the code a run compiled, so each command gets the code it runs
 * (and loads no other command's).
 */
export function codeCacheFile(dir: string, bundleId: string, args: readonly string[]): string {
  const first = args.find((a) => !a.startsWith('-'));
  const command = first !== undefined && /^[a-z_]{1,20}$/.test(first) ? first : 'other';
  return join(dir, `${bundleId}-${command}-${process.version}-${process.arch}${SUFFIX}`);
}

const ownUid = (): number | undefined => process.getuid?.();

/**
 * The cache file open for reading, with its size, when it is a regular file of this user that
 * nobody else may write; otherwise (or when it is missing) undefined. Cached data is code: never
 * take it from others.
 */
function openCodeCache(file: string): { fd: number; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    const uid = ownUid();
    if (st.isFile() && (uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0))) return { fd, size: st.size };
  } catch {
    // Missing or unreadable: no cache.
  }
  if (fd !== undefined) closeSync(fd);
  return undefined;
}

/** Reads up to `size` bytes of `fd` into the start of `buffer` (at least that long); returns how many. */
function readInto(fd: number, buffer: Buffer, size: number): number {
  let done = 0;
  for (let n = -1; done < size && n !== 0; done += n) n = readSync(fd, buffer, done, size - done, null);
  return done;
}

/** The cached data of an open cache file, read into `buffer` when it fits; undefined when it cannot be read. */
function readOpenCache(cache: { fd: number; size: number }, buffer?: Buffer): Buffer | undefined {
  try {
    const into = buffer && buffer.length >= cache.size ? buffer : Buffer.allocUnsafeSlow(cache.size);
    return into.subarray(0, readInto(cache.fd, into, cache.size));
  } catch {
    return undefined;
  } finally {
    closeSync(cache.fd);
  }
}

/** The cached data of a trusted cache file (openCodeCache), or undefined. */
export function readCodeCache(file: string): Buffer | undefined {
  const cache = openCodeCache(file);
  return cache && readOpenCache(cache);
}

/**
 * The bundle's text, and the cached data from `file` when there is a trusted one, read through one
 * buffer: each read fills fresh memory, and on a virtual machine every fresh 4 KB page costs a
 * fault of several microseconds (a 0.7 MB bundle and its 0.7 MB cache are about 1 ms of a
 * `synfw gen` each). The text is copied out as a string before the cache is read over it. The
 * bundle is ASCII (checked when it is built), so latin1 reads it right without UTF-8 decoding.
 */
function readBundle(bundle: string, file: string): { source: string; cachedData?: Buffer } {
  const cache = openCodeCache(file);
  let buffer: Buffer;
  let source: string;
  try {
    const fd = openSync(bundle, 'r');
    try {
      const size = fstatSync(fd).size;
      buffer = Buffer.allocUnsafeSlow(Math.max(size, cache?.size ?? 0));
      source = buffer.toString('latin1', 0, readInto(fd, buffer, size));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (cache) closeSync(cache.fd);
    throw e;
  }
  const cachedData = cache && readOpenCache(cache, buffer);
  return cachedData ? { source, cachedData } : { source };
}

/** Writes the cache atomically (a private temporary file renamed over it); failures are ignored. */
export function writeCodeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was written.
    }
    return;
  }
  pruneStale(dir, file);
}

/** Removes other cache files nobody has rewritten for a month (left by earlier synfw versions). */
function pruneStale(dir: string, keep: string): void {
  try {
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (path === keep || !name.endsWith(SUFFIX)) continue;
      if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
    }
  } catch {
    // Pruning is a courtesy.
  }
}

interface ModuleApi {
  enableCompileCache?: (dir: string) => unknown;
}

/**
 * Whether this Node has module.enableCompileCache (added in 22.1). Asked of the version: loading
 * node:module to look costs Node 20 a quarter of a millisecond (it compiles its ESM loader).
 */
export function hasCompileCache(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 1);
}

/**
 * Runs the CommonJS bundle at `bundle` (built with id `bundleId`) as require() would, with the
 * code cache when there is one to use. `load` is the launcher's own require.
 */
export function runBundle(bundle: string, bundleId: string, load: NodeJS.Require): void {
  const dir = codeCacheDir(process.env, process.platform);
  if (!dir) {
    load(bundle);
    return;
  }
  if (hasCompileCache(process.versions.node)) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      (load('node:module') as ModuleApi).enableCompileCache?.(dir);
    } catch {
      // Runs uncached.
    }
    load(bundle);
    return;
  }
  const file = codeCacheFile(dir, bundleId, process.argv.slice(2));
  const { source, cachedData } = readBundle(bundle, file);
  // The bundle is written inside the function require() would wrap it in, and run as a script its
  // value is that function (src/build/bundle.ts): compiled as read, without a copy.
  const script = new Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCodeCache(file, script.createCachedData()));
  const fn = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: bundle };
  fn.call(module.exports, module.exports, load, module, bundle, dirname(bundle));
}

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

import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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
 * The cached data, when the file is a regular file of this user that nobody else may write;
 * otherwise (or when it is missing) undefined. Cached data is code: never take it from others.
 */
export function readCodeCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    const uid = ownUid();
    if (!st.isFile() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
 * Runs the CommonJS bundle at `bundle` (built with id `bundleId`) as require() would, with the
 * code cache when there is one to use. `load` is the launcher's own require.
 */
export function runBundle(bundle: string, bundleId: string, load: NodeJS.Require): void {
  const dir = codeCacheDir(process.env, process.platform);
  if (!dir) {
    load(bundle);
    return;
  }
  const moduleApi = load('node:module') as ModuleApi;
  if (typeof moduleApi.enableCompileCache === 'function') {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      moduleApi.enableCompileCache(dir);
    } catch {
      // Runs uncached.
    }
    load(bundle);
    return;
  }
  const file = codeCacheFile(dir, bundleId, process.argv.slice(2));
  const cachedData = readCodeCache(file);
  // The wrapper require() puts around a CommonJS file, on a line of its own so that line numbers
  // in stack traces stay those of the bundle. The bundle is ASCII (checked when it is built), so
  // latin1 reads it right without UTF-8 decoding.
  const source = `(function (exports, require, module, __filename, __dirname) {\n${readFileSync(bundle, 'latin1')}\n})`;
  const script = new Script(source, { filename: bundle, lineOffset: -1, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCodeCache(file, script.createCachedData()));
  const fn = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: bundle };
  fn.call(module.exports, module.exports, load, module, bundle, dirname(bundle));
}

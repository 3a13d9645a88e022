// The OpenWrt lab's fake root (uci, ubus, ucode, firewall4 built from ../shared/vendor/openwrt by
// build.sh), built once per checkout into a git-ignored cache: .cache/openwrt-lab/<key>, where the
// key hashes the tarballs and the build recipe, so the root is reused while they are unchanged and
// rebuilt when one changes. A lock directory keeps two test processes from building at once: the
// second waits for the first and then uses its root. A builder that died (its pid is gone) leaves
// its lock and scratch directory to the next one, which removes them.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/profiles.js';
import { type Availability, describeExec, exec, LAB_DIR, LAB_ENV, labAvailability, pidAlive } from '../lab.js';

export const VENDOR_OPENWRT = join(ROOT, '..', 'shared', 'vendor', 'openwrt');
export const CACHE_DIR = join(ROOT, '.cache', 'openwrt-lab');
export const OPENWRT_PARTS = ['libubox', 'ubus', 'uci', 'ucode', 'firewall4'] as const;

const RECIPE = ['build.sh', 'firewall.init'].map((f) => join(LAB_DIR, 'openwrt', f));
/** A build takes about 30 s on two idle cores and up to 100 s on busy ones; give up well after that. */
const BUILD_TIMEOUT_MS = 600_000;

/** The vendored tarball of each part, or the parts that are missing. */
export function vendorTarballs(): { ok: true; files: string[] } | { ok: false; missing: string[] } {
  const entries = existsSync(VENDOR_OPENWRT) ? readdirSync(VENDOR_OPENWRT) : [];
  const files = OPENWRT_PARTS.map((p) => entries.filter((e) => e.startsWith(`${p}-`) && e.endsWith('.tar.gz')));
  const missing = OPENWRT_PARTS.filter((_, i) => files[i]!.length !== 1);
  return missing.length ? { ok: false, missing } : { ok: true, files: files.map((f) => join(VENDOR_OPENWRT, f[0]!)) };
}

/** The cache key: the tarballs' and the recipe's contents. */
export function cacheKey(files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...files, ...RECIPE]) h.update(f.split('/').pop()!).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Takes the lock (a directory holding the owner's pid); false while a live process holds it. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  let owner: number;
  try {
    owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // No pid yet: its owner is between mkdir and writing it, or died right there.
    let age = 0;
    try {
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      return false; // just released: try again
    }
    if (age < 10_000) return false;
    owner = 0;
  }
  if (owner > 0 && pidAlive(owner)) return false;
  rmSync(lock, { recursive: true, force: true });
  return tryLock(lock);
}

/** Scratch directories (<key>.build-<pid>) of builders that died, and roots of older keys. */
function sweepCache(key: string): void {
  for (const entry of readdirSync(CACHE_DIR)) {
    const m = /^([0-9a-f]{16})(?:\.build-(\d+))?$/.exec(entry);
    if (!m) continue;
    const stale = m[2] !== undefined ? !pidAlive(Number(m[2])) || Number(m[2]) === process.pid : m[1] !== key;
    if (stale) rmSync(join(CACHE_DIR, entry), { recursive: true, force: true });
  }
}

/**
 * PID 1 of the build's own pid namespace (so cmake, make and the compilers all die with it): runs
 * the build, and kills it when its stdin, a pipe from the test process, closes because that
 * process died. Background jobs get /dev/null as stdin, hence the copy on fd 3.
 */
const GUARD = 'exec 3<&0; "$@" </dev/null & b=$!; (cat <&3 >/dev/null; kill -9 "$b") & wait "$b"';

let building: Promise<string> | undefined;

/** The fake root's path, built first if the cache has none for the current tarballs. */
export function openwrtRoot(): Promise<string> {
  building ??= buildRoot();
  return building;
}

async function buildRoot(): Promise<string> {
  const tarballs = vendorTarballs();
  if (!tarballs.ok) throw new Error(`vendored OpenWrt sources missing in ${VENDOR_OPENWRT}: ${tarballs.missing.join(', ')}`);
  const key = cacheKey(tarballs.files);
  const root = join(CACHE_DIR, key);
  if (existsSync(root)) return root;
  mkdirSync(CACHE_DIR, { recursive: true });
  const lock = join(CACHE_DIR, `${key}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!tryLock(lock)) {
    if (Date.now() > deadline) throw new Error(`waited ${BUILD_TIMEOUT_MS} ms for another process's OpenWrt build (${lock})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    if (existsSync(root)) return root; // built by the process we waited for
    sweepCache(key);
    const scratch = join(CACHE_DIR, `${key}.build-${process.pid}`);
    const build = ['sh', RECIPE[0]!, VENDOR_OPENWRT, join(scratch, 'root'), join(scratch, 'work'), RECIPE[1]!];
    // Niced: the rest of the test suite runs meanwhile, some of it with short timeouts.
    const r = await exec(['nice', '-n', '10', 'unshare', '--pid', '--fork', '--kill-child', 'sh', '-c', GUARD, 'sh', ...build], { timeoutMs: BUILD_TIMEOUT_MS, keepStdinOpen: true });
    if (r.code !== 0) {
      rmSync(scratch, { recursive: true, force: true });
      throw new Error(`building the OpenWrt lab root failed: ${describeExec(r)}`);
    }
    // The finished root appears at once, complete, under its final name.
    renameSync(join(scratch, 'root'), root);
    rmSync(scratch, { recursive: true, force: true });
    return root;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Tools the OpenWrt lab needs besides the base lab's: the build's, the namespaces', nft. */
const OPENWRT_TOOLS = ['nft', 'unshare', 'nsenter', 'nice', 'busybox', 'tar', 'cmake', 'make', 'cc', 'pkg-config'];

/**
 * Whether the OpenWrt lab can run here: the base lab (root, namespaces), its tools, the vendored
 * sources, json-c's headers (libubox needs them), overlayfs, and a merged /usr (the fake root's
 * /usr laid over the host's must also give /bin/sh and /sbin/fw4). Cheap enough for collection.
 */
export function openwrtAvailability(): Availability {
  const base = labAvailability(OPENWRT_TOOLS);
  if (!base.ok) return base;
  const tarballs = vendorTarballs();
  if (!tarballs.ok) return { ok: false, why: `vendored OpenWrt sources missing in ${VENDOR_OPENWRT}: ${tarballs.missing.join(', ')}` };
  const jsonc = spawnSync('pkg-config', ['--exists', 'json-c'], { env: LAB_ENV });
  if (jsonc.status !== 0) return { ok: false, why: 'missing: json-c development files (pkg-config json-c; Debian: libjson-c-dev)' };
  if (!/\toverlay$/m.test(readFileSync('/proc/filesystems', 'utf8'))) return { ok: false, why: 'no overlayfs in this kernel' };
  for (const dir of ['/bin', '/sbin']) {
    if (!lstatSync(dir).isSymbolicLink() || !realpathSync(dir).startsWith('/usr/')) return { ok: false, why: `${dir} is not a link into /usr (the lab needs a merged-/usr host)` };
  }
  return { ok: true };
}

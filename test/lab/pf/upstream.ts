// The pfSense and OPNsense sources of ../shared/vendor, unpacked into a git-ignored cache
// (node_modules/.cache/synfw-lab/) that is reused while the tarball is unchanged, and whether this
// machine can run them (Debian's php-cli with the xml and mbstring extensions).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../../support/profiles.js';
import { LAB_ENV, which, type Availability } from '../lab.js';

export type Product = 'pfsense' | 'opnsense';

export const VENDOR = resolve(ROOT, '..', 'shared', 'vendor');
/** The PHP harness files (php/README in ../README.md). */
export const PHP_DIR = fileURLToPath(new URL('./php/', import.meta.url));
/** The git-ignored cache (node_modules/ is ignored) shared by the test files and kept between runs. */
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'synfw-lab');

/** PHP extensions the upstream code needs: xml (pfSense's parser), SimpleXML and dom (OPNsense's Config), mbstring (pfSense util.inc). */
const EXTENSIONS = ['xml', 'SimpleXML', 'dom', 'mbstring', 'json', 'filter', 'ctype'];

/** Bumped whenever the patches below change, so an older cache is not reused. */
const PATCH_VERSION = 1;

export function tarballOf(product: Product): string | undefined {
  const dir = join(VENDOR, product);
  if (!existsSync(dir)) return undefined;
  const tgz = readdirSync(dir).filter((f) => f.endsWith('.tar.gz'));
  return tgz.length === 1 ? join(dir, tgz[0]!) : undefined;
}

/** Whether the PHP lab can run here: php with the extensions, tar, the vendored tarballs, /etc/protocols. */
export function phpAvailability(): Availability {
  const missing: string[] = [];
  if (!which('php')) missing.push('php (Debian: php-cli php-xml php-mbstring)');
  if (!which('tar')) missing.push('tar');
  for (const p of ['pfsense', 'opnsense'] as const) if (!tarballOf(p)) missing.push(`${VENDOR}/${p}/*.tar.gz`);
  // OPNsense's ProtocolField lists the protocols of /etc/protocols (Debian: netbase).
  if (!existsSync('/etc/protocols') || !/^tcp\s+6\b/m.test(readFileSync('/etc/protocols', 'utf8'))) missing.push('/etc/protocols (Debian: netbase)');
  if (missing.length) return { ok: false, why: `missing: ${missing.join(', ')}` };
  const r = spawnSync('php', ['-r', 'echo implode(",", get_loaded_extensions());'], { env: LAB_ENV, encoding: 'utf8' });
  const have = new Set((r.stdout ?? '').split(','));
  const ext = EXTENSIONS.filter((e) => !have.has(e));
  if (r.status !== 0 || ext.length) return { ok: false, why: `php lacks the extensions ${ext.join(', ')} (Debian: php-xml php-mbstring)` };
  return { ok: true };
}

export interface Upstream {
  product: Product;
  /** The unpacked directory (the root of everything the harness may read). */
  dir: string;
  /** The upstream src/ directory. */
  src: string;
  /** The product's default configuration: pfSense's last in-repo conf.default/config.xml, OPNsense's config.xml.sample. */
  defaultConfig: string;
}

/**
 * pfSense master is written for PHP 8.3; Debian 12 has 8.2. Two source rewrites in filter.inc, the
 * only patched file the harness loads, keep its meaning:
 * - 8.3 allows any expression as a static variable's initialiser (`static $gw = get_gateways();`);
 *   8.2 only constants. `static $x = null; $x ??= expr;` evaluates it on the first call as 8.3
 *   does (and again only while it is null, which the code the harness runs never relies on).
 * - `require_once('/etc/inc/pfsense-utils.inc')` names the file's place on a firewall; the harness
 *   resolves it through the include path like the other requires, so its shadows apply.
 */
const PFSENSE_PATCHES: { file: string; rewrites: { pattern: RegExp; replace: string }[] }[] = [
  {
    file: 'etc/inc/filter.inc',
    rewrites: [
      { pattern: /^(\s*)static (\$\w+) = ((?:\w+\(|\$).*);$/gm, replace: '$1static $2 = null; $2 ??= $3;' },
      { pattern: /^(\s*)static (\$\w+) = (function\b)/gm, replace: '$1static $2 = null; $2 ??= $3' },
      { pattern: /require_once\('\/etc\/inc\//g, replace: "require_once('" },
    ],
  },
];

function patch(src: string): void {
  for (const { file, rewrites } of PFSENSE_PATCHES) {
    const path = join(src, file);
    let text = readFileSync(path, 'utf8');
    for (const { pattern, replace } of rewrites) {
      const before = text;
      text = text.replace(pattern, replace);
      if (text === before) throw new Error(`upstream ${file}: the rewrite ${pattern} no longer matches; check the patch`);
    }
    writeFileSync(path, text);
    const lint = spawnSync('php', ['-l', path], { env: LAB_ENV, encoding: 'utf8' });
    if (lint.status !== 0) throw new Error(`upstream ${file} does not parse on this PHP after patching:\n${lint.stdout}${lint.stderr}`);
  }
}

const cached = new Map<Product, Upstream>();

/** The product's sources, unpacked (and patched) once per tarball into the cache. */
export function upstream(product: Product): Upstream {
  const hit = cached.get(product);
  if (hit) return hit;
  const tarball = tarballOf(product);
  if (!tarball) throw new Error(`no ${product} tarball in ${VENDOR}/${product}`);
  const st = statSync(tarball);
  const key = createHash('sha256').update(`${tarball}\0${st.size}\0${st.mtimeMs}\0${PATCH_VERSION}`).digest('hex').slice(0, 16);
  const dir = join(CACHE_DIR, `${product}-${key}`);
  if (!existsSync(join(dir, '.complete'))) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = mkdtempSync(join(CACHE_DIR, `.${product}-`));
    try {
      const untar = spawnSync('tar', ['-xzf', tarball, '-C', tmp], { env: LAB_ENV, encoding: 'utf8' });
      if (untar.status !== 0) throw new Error(`tar -xzf ${tarball}: ${untar.stderr}`);
      if (product === 'pfsense') patch(join(tmp, topDir(tmp), 'src'));
      writeFileSync(join(tmp, '.complete'), `${tarball}\n`);
      // Another test worker may have finished the same unpacking meanwhile: then use theirs.
      if (!existsSync(join(dir, '.complete'))) {
        rmSync(dir, { recursive: true, force: true }); // an interrupted earlier attempt
        try {
          renameSync(tmp, dir);
        } catch (e) {
          if (!existsSync(join(dir, '.complete'))) throw e;
        }
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const root = join(dir, topDir(dir));
  const src = join(root, 'src');
  const defaultConfig = product === 'pfsense' ? join(dir, 'pfsense-default-config.xml') : join(src, 'etc', 'config.xml.sample');
  accessSync(defaultConfig, constants.R_OK);
  const up = { product, dir, src, defaultConfig };
  cached.set(product, up);
  return up;
}

/** The tarball's one top-level directory that holds src/ (pfsense-HEAD, opnsense-HEAD). */
function topDir(dir: string): string {
  const tops = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'src')));
  if (tops.length !== 1) throw new Error(`${dir}: expected one directory with src/, found ${tops.join(', ') || 'none'}`);
  return tops[0]!;
}

// vyos-1x itself, from ../shared/vendor/vyos/ (sagitta = VyOS 1.4 LTS, current = rolling): each
// tarball is unpacked once into a git-ignored cache (node_modules/.cache/synfw-vyos/, keyed by the
// tarball and by the Python code here, shared by every test file and worker, written atomically),
// with its configuration tree built by vyos/defs.py. Then vyos/check.py checks configure-mode
// commands against that tree, and vyos/render.py renders a configuration to nftables with vyos-1x's
// own conf-mode scripts and templates (see those files and test/lab/README.md).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pidAlive } from '../lab/lab.js';
import { ROOT } from './profiles.js';

export type VyosBranch = 'sagitta' | 'current';
export const VYOS_BRANCHES: readonly VyosBranch[] = ['sagitta', 'current'];

export const VENDOR_DIR = join(ROOT, '..', 'shared', 'vendor', 'vyos');
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'synfw-vyos');
export const PY_DIR = join(ROOT, 'test', 'support', 'vyos');

/** Debian's python3 (python3-jinja2 installs for it), else the first python3 on PATH. */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export interface VyosSource {
  branch: VyosBranch;
  /** The vyos-1x commit of the tarball. */
  commit: string;
  /** The unpacked tree (interface-definitions, python, src, data). */
  dir: string;
  /** The configuration tree defs.py built. */
  defs: string;
}

function tarball(branch: VyosBranch): string | undefined {
  if (!existsSync(VENDOR_DIR)) return undefined;
  const name = readdirSync(VENDOR_DIR).find((f) => f.startsWith(`vyos-1x-${branch}-`) && f.endsWith('.tar.gz'));
  return name && join(VENDOR_DIR, name);
}

const run = (argv: string[], input?: string) => spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', input, maxBuffer: 64 << 20, env: { ...process.env, LC_ALL: 'C' } });

/**
 * What the static checks need, or why they cannot run: the vendored tarballs, tar, Debian's
 * python3, and libcidr0 (bin/ipaddrcheck loads it). `render` adds python3-jinja2.
 */
export function vyosAvailability(o: { render?: boolean } = {}): { ok: true } | { ok: false; why: string } {
  const missing = VYOS_BRANCHES.filter((b) => !tarball(b)).map((b) => `vyos-1x ${b} tarball in ${VENDOR_DIR}`);
  if (run(['tar', '--version']).status !== 0) missing.push('tar');
  const probe = `import ctypes, ctypes.util\nctypes.CDLL(ctypes.util.find_library('cidr') or 'libcidr.so.0')\n${o.render ? 'import jinja2\n' : ''}`;
  const py = run([PYTHON, '-c', probe]);
  if (py.error) missing.push('python3');
  else if (py.status !== 0) missing.push(`${/jinja2/.test(py.stderr) ? 'python3-jinja2' : 'libcidr0'} (Debian package)`);
  return missing.length ? { ok: false, why: `missing: ${missing.join(', ')}` } : { ok: true };
}

/** A hash of the Python code that builds the cache, so a change to it rebuilds the cache. */
function codeStamp(): string {
  return createHash('sha256').update(readFileSync(join(PY_DIR, 'defs.py'))).digest('hex').slice(0, 10);
}

const sources = new Map<VyosBranch, VyosSource>();

/** The unpacked vyos-1x of a branch, from the cache or unpacked now (about 1 s). */
export function vyosSource(branch: VyosBranch): VyosSource {
  const known = sources.get(branch);
  if (known) return known;
  const file = tarball(branch);
  if (!file) throw new Error(`no vyos-1x ${branch} tarball in ${VENDOR_DIR}`);
  const commit = /-([0-9a-f]{40})\.tar\.gz$/.exec(file)?.[1] ?? 'unknown';
  const key = `${branch}-${commit.slice(0, 12)}-${codeStamp()}`;
  const dir = join(CACHE_DIR, key);
  if (!existsSync(join(dir, 'defs.json'))) {
    // Built aside and renamed into place: parallel test workers never see a half-built tree.
    const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const untar = run(['tar', '-xzf', file, '-C', tmp, '--strip-components=1']);
    if (untar.status !== 0) throw new Error(`tar -xzf ${file}: ${untar.stderr}`);
    const defs = run([PYTHON, join(PY_DIR, 'defs.py'), tmp, tmp]);
    if (defs.status !== 0) throw new Error(`defs.py ${branch}: ${defs.stderr}${defs.stdout}`);
    // Byte-compiled once here (the reference cache alone takes 0.7 s to compile): each render then starts in 0.2 s.
    run([PYTHON, '-m', 'compileall', '-q', tmp]);
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(join(dir, 'defs.json'))) throw new Error(`could not build ${dir}`);
    }
    // Trees built from another tarball or by another version of defs.py are stale now, and so are
    // half-built ones of runs that died.
    for (const old of readdirSync(CACHE_DIR)) {
      const tmpOf = /\.tmp-(\d+)-\w+$/.exec(old)?.[1];
      const stale = tmpOf ? !pidAlive(Number(tmpOf)) : old.startsWith(`${branch}-`) && old !== key;
      if (stale) rmSync(join(CACHE_DIR, old), { recursive: true, force: true });
    }
  }
  const src = { branch, commit, dir, defs: join(dir, 'defs.json') };
  sources.set(branch, src);
  return src;
}

export interface CheckError {
  index: number;
  command: string;
  error: string;
}

export interface CheckRun {
  name: string;
  /** Configure-mode commands: ['set', 'nat', 'destination', ...]. */
  commands: string[][];
}

/** check.py over many runs at once (the validators' results are shared): the errors of each run, by name. */
export function checkCommands(src: VyosSource, runs: CheckRun[]): Map<string, CheckError[]> {
  const r = run([PYTHON, '-B', join(PY_DIR, 'check.py')], JSON.stringify({ source: src.dir, defs: src.defs, runs }));
  if (r.status !== 0) throw new Error(`check.py ${src.branch}: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { runs: { name: string; errors: CheckError[] }[] };
  return new Map(out.runs.map((x) => [x.name, x.errors]));
}

/**
 * For each name, the `interfaces` type VyOS files it under (`set interfaces TYPE NAME` passes, or
 * `TYPE BASE vif N` for BASE.N), or null: VyOS can have no interface of that name.
 */
export function interfaceTypes(src: VyosSource, names: string[]): Map<string, string | null> {
  type Node = { type: string; kids?: Record<string, Node> };
  const root = JSON.parse(readFileSync(src.defs, 'utf8')) as Node;
  const types = Object.entries(root.kids!.interfaces!.kids!).filter(([, n]) => n.type === 'tag');
  const runs: CheckRun[] = names.flatMap((name) => {
    const [base, vlan] = name.split(/\.(?=\d+$)/);
    return types.map(([type, n]) => ({
      name: `${name}\t${type}`,
      commands: [vlan !== undefined && n.kids?.vif ? ['set', 'interfaces', type, base!, 'vif', vlan] : ['set', 'interfaces', type, name]],
    }));
  });
  const errors = checkCommands(src, runs);
  return new Map(names.map((n) => [n, types.map(([t]) => t).find((t) => errors.get(`${n}\t${t}`)?.length === 0) ?? null]));
}

/** What render.py did with one configuration. */
export interface RenderResult {
  /** The files VyOS would load: nat (table ip vyos_nat), static_nat, firewall (the vyos_filter tables). */
  files: { nat: string; static_nat: string; firewall: string };
  /** WARNING: lines the conf-mode scripts printed (e.g. an interface that does not exist). */
  warnings: string[];
  /** A ConfigError from verify or generate (the commit would fail), or another exception. */
  error: string | null;
  /** Deletes of paths the config did not have: the CLI answers "Nothing to delete" and goes on. */
  nothingToDelete: string[];
  printed: string;
}

/**
 * render.py's command line and input for several configurations (one Python start): run it where
 * the router's interfaces are (a lab router namespace: nat.py warns about missing interfaces and
 * checks its files with nft). Its stdout is a RenderResult per configuration.
 */
export function renderInvocation(src: VyosSource, configs: { out: string; commands: string[][] }[]): { argv: string[]; input: string } {
  return { argv: [PYTHON, '-B', join(PY_DIR, 'render.py')], input: JSON.stringify({ source: src.dir, defs: src.defs, configs }) };
}

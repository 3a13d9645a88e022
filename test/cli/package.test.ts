// The npm package: small and complete (the bundled bin and its launcher, templates, schema, example
// profiles, the docs the README links to, the licence; no build leftovers), no runtime dependencies
// (the bin runs one bundled file), and a tarball that installs globally, without scripts or
// node_modules, into a working `synfw` outside the checkout.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedManifest } from '../../src/build/pack-manifest.js';
import { goldenPath, ROOT, SHIPPED_PROFILES } from '../support/profiles.js';
import { cliEnv } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Record<string, unknown> & { version: string };

/** npm with its cache (and logs) in a temporary directory, so that nothing is left behind. */
function npm(args: string[], cwd: string, cache: string) {
  return spawnSync('npm', args, { cwd, encoding: 'utf8', env: cliEnv({ npm_config_cache: cache, npm_config_update_notifier: 'false' }) });
}

function packList(cache: string): { files: string[]; size: number } {
  const r = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT, cache);
  expect(r.status, r.stderr).toBe(0);
  const [info] = JSON.parse(r.stdout) as Array<{ files: { path: string }[]; size: number }>;
  return { files: info!.files.map((f) => f.path).sort(), size: info!.size };
}

describe('npm package', () => {
  it('holds exactly the bundled bin, templates, schema, profiles, docs and licence', () => {
    const { files, size } = packList(tempDir());
    const templates = readdirSync(`${ROOT}templates`, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${e.parentPath.slice(ROOT.length)}/${e.name}`);
    expect(files).toEqual(
      ['LICENSE', 'README.md', 'package.json', 'dist/synfw.cjs', 'dist/synfw-cli.cjs', 'docs/diagnostics.md', 'docs/profile-format.md', 'schema/profile.schema.json', ...SHIPPED_PROFILES, ...templates].sort(),
    );
    expect(size).toBeLessThan(400 * 1024);
    expect(readFileSync(`${ROOT}LICENSE`, 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg.license).toBe('MIT');
  });

  it('has no runtime dependencies: the bin bundles what it uses', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    const bundle = ['dist/synfw.cjs', 'dist/synfw-cli.cjs'].map((f) => readFileSync(`${ROOT}${f}`, 'utf8')).join('\n');
    const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required.filter((m) => !m.startsWith('node:') && !['fs', 'path', 'util', 'assert', 'os', 'url', 'crypto', 'net', 'tty', 'events', 'stream'].includes(m))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('the built bin is executable and runs as a command of its own (npx may run it unlinked)', () => {
    const r = spawnSync(`${ROOT}dist/synfw.cjs`, ['gen', `${ROOT}profiles/home.yaml`, '--target', 'iptables'], { encoding: 'utf8', env: cliEnv() });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(goldenPath('profiles/home.yaml', 'iptables', 'sh'), 'utf8'));
  });

  it('the tarball installs with npm install -g into a working synfw, with no scripts and no node_modules', () => {
    const work = tempDir();
    const cache = join(work, 'cache');
    const stage = join(work, 'stage');
    // The tarball as `npm pack` makes it (prepack strips the checkout's build step from package.json;
    // here the manifest is rewritten the same way, so the checkout itself is never touched).
    for (const file of packList(cache).files) {
      mkdirSync(dirname(join(stage, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(stage, file));
    }
    writeFileSync(join(stage, 'package.json'), publishedManifest(readFileSync(`${ROOT}package.json`, 'utf8')));
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', work], stage, cache);
    expect(pack.status, pack.stderr).toBe(0);
    const tgz = join(work, `synfw-${pkg.version}.tgz`);
    const prefix = join(work, 'prefix');
    const install = npm(['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tgz], work, cache);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/install-scripts|warn/i);
    const installed = join(prefix, 'lib', 'node_modules', 'synfw');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);

    const run = (args: string[]) => spawnSync(join(prefix, 'bin', 'synfw'), args, { cwd: work, encoding: 'utf8', env: cliEnv() });
    expect(run(['--version']).stdout).toBe(`${pkg.version}\n`);
    const gen = run(['gen', join(installed, 'profiles', 'home.yaml'), '-t', 'openwrt']);
    expect([gen.status, gen.stderr]).toEqual([0, '']);
    expect(gen.stdout).toBe(readFileSync(goldenPath('profiles/home.yaml', 'openwrt', 'sh'), 'utf8'));
    expect(run(['init', '-o', 'mine/home.yaml']).status).toBe(2); // no such directory yet: one line, no trace
    mkdirSync(join(work, 'mine'));
    expect(run(['init', '-o', 'mine/home.yaml']).status).toBe(0);
    expect(run(['check', '--strict', 'mine/home.yaml']).status).toBe(0);
    expect(readFileSync(join(work, 'mine', 'synfw.schema.json'), 'utf8')).toBe(readFileSync(`${ROOT}schema/profile.schema.json`, 'utf8'));
    expect(run(['explain', 'SFW250']).stdout).toMatch(/^SFW250: risky port not forwarded\n/);
  }, 60_000);
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetIds } from '../../src/targets/index.js';
import { synfw } from '../support/run-cli.js';
import { ROOT, SHIPPED_PROFILES, VERSION } from '../support/profiles.js';
import { tempDir } from '../support/tmp.js';

const COMMANDS = ['gen', 'plan', 'check', 'apps', 'why', 'targets', 'init', 'schema', 'explain', 'completion'];

describe('synfw (global)', () => {
  it('--version prints the package version', () => {
    expect(synfw(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help lists every command', () => {
    const r = synfw(['--help']);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`synfw ${c}`);
    expect(r.stdout).toContain('Exit status: 0 ok, 1 profile problem, 2 usage or internal error');
  });

  it('bare synfw prints the help', () => {
    expect(synfw([])).toEqual({ status: 0, stdout: synfw(['--help']).stdout, stderr: '' });
  });

  it.each(COMMANDS)('%s --help has examples, in synfw\'s own words', (cmd) => {
    const r = synfw([cmd, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Examples:\n {2}# /m);
    expect(r.stdout).toContain('Show this help');
    expect(r.stdout).not.toMatch(/Show help|Show version number|\[boolean\]|\[string\]/);
    expect(r.stderr).toBe('');
  });
});

describe('synfw plan', () => {
  it('prints forwards and skipped ports, nothing on stderr', () => {
    const r = synfw(['plan', 'profiles/home.yaml'], { env: { COLUMNS: '140' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ {2}443 +tcp +192\.168\.1\.10:5001 +dsm:https, synology-drive-server:https, synology-photos:https +public$/m);
    expect(r.stdout).toMatch(/^ {2}6690 +tcp +192\.168\.1\.10:6690 +synology-drive-server:sync +public$/m);
    expect(r.stdout).toMatch(/^ {2}1194 +udp +192\.168\.1\.10:1194 +vpn-server-openvpn:openvpn +public$/m);
    expect(r.stdout).toContain('Skipped (0):');
  });

  it('the short form skips risky ports as information; an app with nothing to forward is an error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.yaml'), 'version: 1\nnas: { address: 192.168.1.10 }\napps: [dsm, bonjour]\n');
    const r = synfw(['plan', 'p.yaml'], { cwd: dir });
    expect(r).toEqual({
      status: 1,
      stdout: '',
      stderr: 'p.yaml:3:13: error SFW208: bonjour: nothing to forward: 5353/udp (mdns) is lan-only: Multicast DNS service discovery; it cannot work through a port forward\n',
    });
    writeFileSync(join(dir, 'p.yaml'), 'version: 1\nnas: { address: 192.168.1.10 }\napps: [dsm]\n');
    const ok = synfw(['plan', 'p.yaml'], { cwd: dir, env: { COLUMNS: '200' } });
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/^ {2}5000 +tcp +dsm:http +risky: DSM web UI and API over cleartext HTTP; the short form forwards only internet-safe ports: add "dsm:http" \(or "dsm"\) to allowRisky to forward it$/m);
  });

  it('says which risky ports are forwarded because of allowRisky', () => {
    const r = synfw(['plan', 'profiles/linux-router.yaml'], { env: { COLUMNS: '200' } });
    expect(r.stdout).toContain('Risky ports forwarded because of allowRisky: 80/tcp (web-station:http), 2222/tcp -> 22 (ssh:ssh), 5000-5001/tcp (dsm:http)');
    expect(r.stdout).toMatch(/^ {2}2222 +tcp +192\.168\.7\.2:22 +ssh:ssh +risky$/m);
  });

  it('--json has the documented shape', () => {
    const r = synfw(['plan', 'profiles/media.yaml', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.planJsonVersion).toBe(1);
    expect(j.profile).toEqual({ name: 'media', file: 'profiles/media.yaml' });
    expect(j.nas).toEqual({ address: '192.168.50.20', dsm: { version: '7.2.2', http: 5080, https: 5443 } });
    const plex = j.forwards.find((f: { apps: string[] }) => f.apps.includes('plex'));
    expect(plex).toMatchObject({ proto: 'tcp', external: { first: 42400, last: 42400 }, internal: { first: 32400, last: 32400 }, exposure: 'public' });
    expect(plex.origins[0]).toEqual({ app: 'plex', label: 'remote', name: 'Plex Media Server', kind: 'catalog', exposure: 'public' });
    expect(j.skipped).toEqual([]);
    expect(j.warnings).toEqual([]);
  });

  it('a missing file is a usage error (exit 2)', () => {
    const r = synfw(['plan', 'profiles/nope.yaml']);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'synfw: error: cannot read profile profiles/nope.yaml: no such file\n' });
  });
});

describe('synfw check', () => {
  it('passes every shipped profile with --strict, and says which risky ports allowRisky lets through', () => {
    const r = synfw(['check', '--strict', ...SHIPPED_PROFILES]);
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toContain('profiles/home.yaml: ok: 3 forwards, 0 skipped, 0 warnings\n');
    expect(r.stderr).toContain(
      'profiles/linux-router.yaml: ok: 6 forwards, 0 skipped, 0 warnings; risky ports forwarded because of allowRisky: 80/tcp (web-station:http), 2222/tcp -> 22 (ssh:ssh), 5000-5001/tcp (dsm:http)\n',
    );
  });

  it('prints every error as file:line:col, sorted, and exits 1 with nothing on stdout', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nnas:\n  address: 192.168.1.300\napps:\n  - plexx\n  - id: dsm\n    ports: [htps]\n');
    const r = synfw(['check', 'bad.yaml'], { cwd: dir });
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'bad.yaml:3:12: error SFW204: nas.address "192.168.1.300" is not an IPv4 address such as 192.168.1.10',
      'bad.yaml:5:5: error SFW201: unknown app "plexx" (did you mean "plex"?); `synfw apps` lists the apps synfw knows',
      'bad.yaml:7:13: error SFW202: dsm has no port "htps" (did you mean "https"?) (ports); its ports: https, http',
      'bad.yaml: failed: 3 errors, 0 warnings; `synfw explain CODE` says what a code means and how to fix it',
    ]);
  });

  it('a schema problem does not hide resolver problems elsewhere in the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.yaml'), 'version: 1\nnas: { address: 192.168.1.10 }\napps:\n  - synology-drvie-server\n  - id: dsm\n    prots: [https]\nhairpn: true\n');
    const r = synfw(['check', 'p.yaml'], { cwd: dir });
    expect(r.stderr.split('\n').filter(Boolean).map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
      'p.yaml:4:5: error SFW201',
      'p.yaml:6:5: error SFW110',
      'p.yaml:7:1: error SFW110',
      'p.yaml: failed',
    ]);
  });

  it('warnings pass, unless --strict', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'w.yaml'), 'version: 1\nnas: { address: 192.168.1.10 }\napps:\n  - id: dsm\n    ports: [https, http]\n');
    expect(synfw(['check', 'w.yaml'], { cwd: dir }).status).toBe(0);
    const strict = synfw(['check', '--strict', 'w.yaml'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('warning SFW250');
    expect(strict.stderr).toContain('failed: 0 errors, 1 warning (--strict)');
  });

  it('--format json: one document on stdout for editors and CI', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nnas: { address: 1.2.3 }\napps: [dsm]\n');
    const r = synfw(['check', '--format', 'json', 'bad.yaml', `${ROOT}profiles/home.yaml`], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([1, '']);
    const j = JSON.parse(r.stdout);
    expect(j.checkJsonVersion).toBe(1);
    expect(j.ok).toBe(false);
    expect(j.files[0]).toEqual({
      file: 'bad.yaml',
      ok: false,
      errors: 1,
      warnings: 0,
      diagnostics: [
        {
          file: 'bad.yaml',
          line: 2,
          column: 17,
          severity: 'error',
          code: 'SFW204',
          message: 'nas.address "1.2.3" is not an IPv4 address such as 192.168.1.10',
          text: 'bad.yaml:2:17: error SFW204: nas.address "1.2.3" is not an IPv4 address such as 192.168.1.10',
        },
      ],
    });
    expect(j.files[1]).toMatchObject({ ok: true, errors: 0, warnings: 0, forwards: 3, skipped: 0, riskyForwarded: [], diagnostics: [] });
  });
});

describe('synfw apps', () => {
  it('lists the catalog', () => {
    const r = synfw(['apps'], { env: { COLUMNS: '200' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^dsm +DSM web UI and API +public, risky +5001\/tcp 5000\/tcp$/m);
    expect(r.stdout).toMatch(/^synology-photos +Synology Photos +public, risky +via DSM web ports/m);
  });

  it('shows one app by id or alias, with aliases and sources', () => {
    const r = synfw(['apps', 'cloud-station'], { env: { COLUMNS: '200' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('synology-drive-server: Synology Drive Server');
    expect(r.stdout).toMatch(/^ {2}sync +6690\/tcp +public/m);
    expect(r.stdout).toContain('Aliases: cloud-station');
    // Sources are document titles with links, never research keys such as [CS].
    expect(r.stdout).toMatch(/^ {2}\d+\. DSM Help, "Cloud Station Server".*: https:\/\/\S+$/m);
    expect(r.stdout).not.toMatch(/\[CS\]/);
  });

  it('--json', () => {
    const all = JSON.parse(synfw(['apps', '--json']).stdout);
    expect(all.find((a: { id: string }) => a.id === 'lpr').ports[0]).toMatchObject({ port: 515, proto: 'tcp' });
    const one = JSON.parse(synfw(['apps', 'snmp', '--json']).stdout);
    expect(one.ports.map((p: { proto: string }) => p.proto)).toEqual(['udp']);
  });

  it('an unknown app is a usage error with a suggestion that ranks transpositions first', () => {
    expect(synfw(['apps', 'synology-fotos']).stderr).toContain('unknown app "synology-fotos" (did you mean "synology-photos"?)');
    expect(synfw(['apps', 'dms'])).toEqual({ status: 2, stdout: '', stderr: 'synfw: error: unknown app "dms" (did you mean "dsm"?); `synfw apps` lists them\n' });
  });
});

describe('synfw targets', () => {
  it('lists every target, one line each', () => {
    const r = synfw(['targets'], { env: { COLUMNS: '200' } });
    expect(r.status).toBe(0);
    const ids = r.stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0]);
    expect(ids).toEqual(targetIds);
    expect(ids.length).toBeGreaterThan(0);
  });
});

describe('synfw init and schema', () => {
  it('prints a starter profile that passes check --strict with no warning', () => {
    const dir = tempDir();
    const r = synfw(['init', '--address', '192.168.1.20', '--app', 'dsm', '--app', 'synology-drive-server'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=synfw.schema.json');
    expect(r.stderr).toBe('synfw: save the schema beside the profile for your editor: synfw schema -o synfw.schema.json\n');
    writeFileSync(join(dir, 'p.yaml'), r.stdout);
    const check = synfw(['check', '--strict', 'p.yaml'], { cwd: dir });
    expect([check.status, check.stderr]).toEqual([0, 'p.yaml: ok: 2 forwards, 2 skipped, 0 warnings\n']);
  });

  it('--out writes the profile and the schema beside it, so the $schema line works wherever the pair goes', () => {
    const dir = tempDir();
    const r = synfw(['init', '--out', 'home.yaml'], { cwd: dir });
    expect(r).toEqual({
      status: 0,
      stdout: '',
      stderr: 'wrote home.yaml\nwrote synfw.schema.json (the schema your editor reads; `synfw schema -o synfw.schema.json` refreshes it)\n',
    });
    const first = readFileSync(join(dir, 'home.yaml'), 'utf8').split('\n')[0]!;
    expect(first).toBe('# yaml-language-server: $schema=synfw.schema.json');
    expect(readFileSync(join(dir, 'synfw.schema.json'), 'utf8')).toBe(readFileSync(`${ROOT}schema/profile.schema.json`, 'utf8'));
    const again = synfw(['init', '--out', 'home.yaml'], { cwd: dir });
    expect([again.status, again.stderr]).toEqual([2, 'synfw: error: home.yaml exists; synfw init never overwrites a file\n']);
    expect(existsSync(join(dir, 'home.yaml'))).toBe(true);
  });

  it('rejects a bad address, an unknown app, or an app with nothing safe to forward (exit 2)', () => {
    expect(synfw(['init', '--address', '300.1.1.1']).status).toBe(2);
    expect(synfw(['init', '--app', 'dsmm']).stderr).toContain('did you mean "dsm"');
    expect(synfw(['init', '--app', 'ssh']).stderr).toMatch(/^synfw: error: the starter profile would not pass check: ssh: nothing to forward: /);
  });

  it('schema prints the schema, or writes it with -o', () => {
    const dir = tempDir();
    expect(synfw(['schema']).stdout).toBe(readFileSync(`${ROOT}schema/profile.schema.json`, 'utf8'));
    expect(synfw(['schema', '-o', 'x.json'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: 'wrote x.json\n' });
    expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).definitions.appId.enum).toContain('synology-drive-server');
  });
});

describe('synfw explain', () => {
  it('prints the section of docs/diagnostics.md for a code, in any case, with or without SFW', () => {
    const r = synfw(['explain', 'sfw250']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('SFW250: risky port not forwarded');
    expect(r.stdout).toContain('**Fix.**');
    expect(synfw(['explain', '201']).stdout.split('\n')[0]).toBe('SFW201: unknown app');
  });

  it('lists the codes, and refuses an unknown one', () => {
    expect(synfw(['explain']).stdout).toMatch(/^SFW100 {2}the file is not a YAML profile$/m);
    expect(synfw(['explain', 'SFW999'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^synfw: error: no diagnostic code "SFW999"/) });
  });
});

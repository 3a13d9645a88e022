import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synfw } from '../support/run-cli.js';
import { VERSION } from '../support/profiles.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'synfw-cli-'));

describe('synfw (global)', () => {
  it('--version prints the package version', () => {
    expect(synfw(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('--help lists every command', () => {
    const r = synfw(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['gen', 'plan', 'check', 'apps', 'targets', 'init']) expect(r.stdout).toContain(`synfw ${c}`);
    expect(r.stdout).toContain('Exit status: 0 ok, 1 profile problem, 2 usage or internal error');
  });

  it.each(['gen', 'plan', 'check', 'apps', 'targets', 'init'])('%s --help has examples', (cmd) => {
    const r = synfw([cmd, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stderr).toBe('');
  });

  it('no command or an unknown one is a usage error (exit 2)', () => {
    expect(synfw([]).status).toBe(2);
    const r = synfw(['gne', 'profiles/home.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Did you mean gen?');
  });
});

describe('synfw plan', () => {
  it('prints forwards and skipped ports, nothing on stderr', () => {
    const r = synfw(['plan', 'profiles/home.yaml']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ {2}443 +tcp +192\.168\.1\.10:5001 +dsm:https, synology-drive-server:https, synology-photos:https +public$/m);
    expect(r.stdout).toMatch(/^ {2}6690 +tcp +192\.168\.1\.10:6690 +synology-drive-server:sync +public$/m);
    expect(r.stdout).toMatch(/^ {2}1194 +udp +192\.168\.1\.10:1194 +vpn-server-openvpn:openvpn +public$/m);
    expect(r.stdout).toContain('Skipped (0):');
  });

  it('shows skipped ports with their reason and warns on stderr', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), 'version: 1\nnas: { address: 192.168.1.10 }\napps: [dsm, bonjour]\n');
    const r = synfw(['plan', join(dir, 'p.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${join(dir, 'p.yaml')}:3:8: warning SFW250: dsm: risky port not forwarded: 5000/tcp (http: DSM web UI and API over cleartext HTTP); to forward it, add "dsm:http" to allowRisky\n` +
        `${join(dir, 'p.yaml')}:3:13: error SFW208: bonjour: nothing to forward: 5353/udp (mdns) is lan-only: Multicast DNS service discovery; it cannot work through a port forward\n`,
    );
    writeFileSync(join(dir, 'p.yaml'), 'version: 1\nnas: { address: 192.168.1.10 }\napps: [dsm]\n');
    const ok = synfw(['plan', join(dir, 'p.yaml')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^ {2}5000 +tcp +dsm:http +risky: .*"dsm:http"/m);
    expect(ok.stderr).toContain('warning SFW250');
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
    expect(r).toEqual({ status: 2, stdout: '', stderr: expect.stringContaining('cannot read profile profiles/nope.yaml: no such file') });
  });
});

describe('synfw check', () => {
  it('passes every shipped profile', () => {
    const r = synfw(['check', '--strict', 'profiles/home.yaml', 'profiles/media.yaml', 'profiles/office.yaml', 'profiles/linux-router.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('profiles/home.yaml: ok: 3 forwards, 0 skipped, 0 warnings');
  });

  it('prints every error as file:line:col and exits 1 with nothing on stdout', () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'version: 1\nnas:\n  address: 192.168.1.300\napps:\n  - plexx\n  - id: dsm\n    ports: [htps]\n');
    const r = synfw(['check', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `${file}:3:12: error SFW204: nas.address "192.168.1.300" is not an IPv4 address such as 192.168.1.10`,
      `${file}:5:5: error SFW201: unknown app "plexx" (did you mean "plex"?); \`synfw apps\` lists them`,
      `${file}:7:13: error SFW202: dsm has no port "htps" (did you mean "https"?) (ports); its ports: https, http`,
      `${file}: failed: 3 errors, 0 warnings`,
    ]);
    expect(r.stderr).not.toContain('    at ');
  });

  it('warnings pass, unless --strict', () => {
    const dir = tmp();
    const file = join(dir, 'w.yaml');
    writeFileSync(file, 'version: 1\nnas: { address: 192.168.1.10 }\napps: [dsm]\n');
    expect(synfw(['check', file]).status).toBe(0);
    const strict = synfw(['check', '--strict', file]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('warning SFW250');
    expect(strict.stderr).toContain('failed: 0 errors, 1 warning (--strict)');
  });
});

describe('synfw apps', () => {
  it('lists the catalog', () => {
    const r = synfw(['apps']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^dsm +DSM web UI and API +public, risky +5001\/tcp 5000\/tcp$/m);
    expect(r.stdout).toMatch(/^synology-photos +Synology Photos +public, risky +via DSM web ports/m);
  });

  it('shows one app by id or alias, with aliases and sources', () => {
    const r = synfw(['apps', 'cloud-station']);
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

  it('an unknown app is a usage error with a suggestion', () => {
    const r = synfw(['apps', 'synology-fotos']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown app "synology-fotos" (did you mean "synology-photos"?)');
  });
});

describe('synfw targets', () => {
  it('lists every target, one line each', () => {
    const r = synfw(['targets']);
    expect(r.status).toBe(0);
    const ids = r.stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0]);
    expect(ids).toEqual(['iptables', 'nftables', 'openwrt', 'pfsense', 'opnsense', 'mikrotik', 'vyos', 'upnp', 'miniupnpd', 'checklist']);
  });
});

describe('synfw init', () => {
  it('prints a starter profile that passes check', () => {
    const dir = tmp();
    const r = synfw(['init', '--address', '192.168.1.20', '--app', 'dsm', '--app', 'synology-drive-server'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/profile\.schema\.json$/);
    writeFileSync(join(dir, 'p.yaml'), r.stdout);
    const check = synfw(['check', join(dir, 'p.yaml')]);
    expect(check.status).toBe(0);
    expect(check.stderr).toContain('ok: 2 forwards');
  });

  it('--out writes the file with a working relative $schema path, and never overwrites', () => {
    const dir = tmp();
    const out = join(dir, 'home.yaml');
    expect(synfw(['init', '--out', out]).status).toBe(0);
    const first = readFileSync(out, 'utf8').split('\n')[0]!;
    const rel = first.replace('# yaml-language-server: $schema=', '');
    expect(existsSync(join(dir, rel))).toBe(true);
    const again = synfw(['init', '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists');
  });

  it('rejects a bad address or app (exit 2)', () => {
    expect(synfw(['init', '--address', '300.1.1.1']).status).toBe(2);
    const r = synfw(['init', '--app', 'dsmm']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "dsm"');
  });
});

// `synfw why PORT [PROFILE]` and `synfw apps --port PORT`: the reverse lookup as a user runs it.

import { describe, expect, it } from 'vitest';
import { synfw } from '../support/run-cli.js';

describe('synfw why', () => {
  it('lists the apps that use a port, with their class, and exits 0', () => {
    const r = synfw(['why', '445/tcp']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ {2}smb +smb +445\/tcp +risky +SMB over TCP/m);
    expect(r.stdout).toMatch(/^ {2}active-backup-business +hyperv-smb +445\/tcp +outbound +/m);
    expect(r.stdout).toContain('Data Replicator copies files to the NAS through its SMB service.');
  });

  it('takes the profile as an argument or as --profile, with the same answer', () => {
    const a = synfw(['why', '32400', 'profiles/media.yaml']);
    const b = synfw(['why', '32400', '--profile', 'profiles/media.yaml']);
    expect(a.status).toBe(0);
    expect(a.stdout).toContain('  forwarded: WAN 42400/tcp -> NAS 32400/tcp for plex:remote (public)');
    expect(b).toEqual(a);
  });

  it('is what `synfw apps --port` prints', () => {
    expect(synfw(['apps', '--port', '1900/udp']).stdout).toBe(synfw(['why', '1900/udp']).stdout);
    expect(synfw(['apps', '--port', '80', '--profile', 'profiles/home.yaml']).stdout).toBe(synfw(['why', '80', 'profiles/home.yaml']).stdout);
  });

  it('apps --port --json gives the apps with their sources as links', () => {
    const apps = JSON.parse(synfw(['apps', '--port', '8096/tcp', '--json']).stdout) as Array<{ id: string; sources: Array<{ url: string }> }>;
    expect(apps.map((a) => a.id)).toEqual(['jellyfin', 'emby']);
    for (const a of apps) expect(a.sources.every((s) => /^https:\/\//.test(s.url))).toBe(true);
  });

  it('refuses a bad port, an unreadable profile and mixed options (exit 2)', () => {
    for (const args of [['why', '70000'], ['why', 'ssh'], ['why', '22', 'profiles/nope.yaml'], ['apps', 'smb', '--port', '445'], ['apps', '--profile', 'profiles/home.yaml']]) {
      const r = synfw(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('--help has examples', () => {
    const r = synfw(['why', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});

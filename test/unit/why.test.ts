// The reverse lookup: which apps use a port, in what class, and whether a profile forwards it.

import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { parsePortQuery, portUsers } from '../../src/cli/port-lookup.js';
import { whyReport } from '../../src/cli/why-report.js';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';
import { planOf } from '../support/profiles.js';

// The report's tables fit the output's width; the rows asserted here are whole, so give them room.
process.env.COLUMNS = '250';

const users = (text: string, dsm?: { http: number; https: number }) => {
  const q = parsePortQuery(text);
  if (typeof q === 'string') throw new Error(q);
  return portUsers(catalog, q, dsm).own.map((u) => `${u.app.id}:${u.port.label} ${u.port.exposure}`);
};

function profile(body: string): Plan {
  const r = planFromText(`version: 1\nnas: { address: 192.168.1.10 }\n${body}`, 'p.yaml');
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.plan;
}

const why = (text: string, plan?: Plan) => {
  const q = parsePortQuery(text);
  if (typeof q === 'string') throw new Error(q);
  return whyReport(catalog, q, plan);
};

describe('parsePortQuery', () => {
  it('reads PORT and PORT/PROTO, and refuses anything else', () => {
    expect(parsePortQuery('445')).toEqual({ port: 445 });
    expect(parsePortQuery('445/TCP')).toEqual({ port: 445, proto: 'tcp' });
    expect(parsePortQuery('1900/udp')).toEqual({ port: 1900, proto: 'udp' });
    for (const bad of ['0', '65536', '445/sctp', 'ssh', '80-90/tcp', '']) expect(parsePortQuery(bad), bad).toMatch(/is not a port/);
  });
});

describe('portUsers', () => {
  it('445/tcp: SMB and Data Replicator listen, Active Backup connects out', () => {
    expect(users('445/tcp')).toEqual(['smb:smb risky', 'active-backup-business:hyperv-smb outbound', 'data-replicator:smb risky']);
    expect(users('445/udp')).toEqual([]);
  });

  it('finds ports inside ranges and on both protocols when none is given', () => {
    expect(users('55600/tcp')).toEqual(['ftp:passive risky']);
    expect(users('22000')).toEqual(['syncthing:sync-tcp public', 'syncthing:sync-udp public']);
    expect(users('3262/tcp')).toEqual(['iscsi:target-extra risky', 'virtual-machine-manager:iscsi lan-only']);
  });

  it("DSM's own web ports follow the profile, and DSM-served apps are listed apart", () => {
    expect(users('5001/tcp')).toEqual(['dsm:https public']);
    expect(users('5443/tcp')).toEqual([]);
    expect(users('5443/tcp', { http: 5080, https: 5443 })).toEqual(['dsm:https public']);
    const served = portUsers(catalog, { port: 5443, proto: 'tcp' }, { http: 5080, https: 5443 }).served;
    expect(served.map((s) => `${s.server} ${s.label}`)).toEqual(['dsm https']);
    expect(served[0]!.apps.map((a) => a.id)).toEqual(expect.arrayContaining(['synology-photos', 'file-station', 'synology-drive-server']));
    expect(portUsers(catalog, { port: 5001, proto: 'udp' }).served).toEqual([]);
  });
});

describe('whyReport', () => {
  it('lists apps with class, marks third-party and unencrypted ports, and prints the shared-port note', () => {
    const text = why('8096/tcp');
    expect(text).toMatch(/^ {2}jellyfin \(third-party\) +http +8096\/tcp +risky +/m);
    expect(text).toMatch(/^ {2}emby \(third-party\) +http +8096\/tcp +risky +/m);
    expect(text).toContain('Jellyfin began as a fork of Emby');
    expect(why('51413/udp')).toMatch(/^ {2}transmission \(third-party\) +peer-udp +51413\/udp +public \(unencrypted\) +/m);
    expect(why('38443/tcp')).toMatch(/synology-calendar +caldav-https +38443\/tcp +public +.*\(before DSM 7\.0 only\)/);
  });

  it('says so when no app uses the port', () => {
    expect(why('12345/tcp')).toBe('No app in the catalog uses 12345/tcp.\n');
  });

  it('answers for a profile: forwarded, with the WAN and NAS ports and the class', () => {
    const text = why('32400', planOf('profiles/media.yaml'));
    expect(text).toContain('Profile "media" (profiles/media.yaml) forwards 32400 (tcp or udp):');
    expect(text).toContain('  forwarded: WAN 42400/tcp -> NAS 32400/tcp for plex:remote (public)');
    // Asked by its WAN port, the same forward is found.
    expect(why('42400/tcp', planOf('profiles/media.yaml'))).toContain('forwarded: WAN 42400/tcp -> NAS 32400/tcp for plex:remote (public)');
  });

  it('answers for a profile: skipped, with the reason and the allowRisky entry to add', () => {
    const text = why('5000/tcp', profile('apps: [dsm]\n'));
    expect(text).toContain('does not forward 5000/tcp:');
    expect(text).toContain('  not forwarded: dsm:http 5000/tcp: risky: DSM web UI and API over cleartext HTTP; the short form forwards only internet-safe ports: add "dsm:http" (or "dsm") to allowRisky to forward it');
    const allowed = why('445/tcp', profile('apps: [{ id: smb, ports: [smb] }]\nallowRisky: [smb]\n'));
    expect(allowed).toContain('forwards 445/tcp:\n  forwarded: WAN 445/tcp -> NAS 445/tcp for smb:smb (risky, accepted in allowRisky)');
  });

  it("answers for a profile that does not ask for the port, with the Let's Encrypt note for 80", () => {
    const text = why('80/tcp', planOf('profiles/home.yaml'));
    expect(text).toContain('Profile "home" (profiles/home.yaml) does not forward 80/tcp:\n  no app or custom entry of this profile asks for 80/tcp\n  note: If DSM has a Let\'s Encrypt certificate');
    expect(why('80/udp', planOf('profiles/home.yaml'))).not.toContain('note:');
  });

  it("uses the profile's DSM ports for the apps served by DSM", () => {
    const text = why('5443/tcp', planOf('profiles/media.yaml'));
    expect(text).toMatch(/^ {2}dsm +https +5443\/tcp +public/m);
    expect(text).toMatch(/Also served through DSM's HTTPS port \(public\), labels "https": .*synology-photos/);
    expect(text).toContain('forwarded: WAN 5443/tcp -> NAS 5443/tcp for download-station:https, dsm:https (public)');
  });
});

import { describe, expect, it } from 'vitest';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';
import { editDistance, suggest } from '../../src/suggest.js';
import { profileNameFromFile } from '../../src/resolve/resolve.js';

function plan(body: string, head = 'version: 1\nnas: { address: 192.168.1.10 }\n'): Plan {
  const r = planFromText(head + body, 'p.yaml');
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.plan;
}

const fwds = (p: Plan) =>
  p.forwards.map((f) => {
    const ext = f.external.first === f.external.last ? `${f.external.first}` : `${f.external.first}-${f.external.last}`;
    const int = f.internal.first === f.internal.last ? `${f.internal.first}` : `${f.internal.first}-${f.internal.last}`;
    return `${f.proto} ${ext}>${int} ${f.apps.join(',')}`;
  });
const skips = (p: Plan) => p.skipped.map((s) => `${s.app}:${s.label} ${s.proto} ${s.exposure}`);

describe('exposure policy', () => {
  it('the short form forwards public ports and skips risky ones as information, without a warning', () => {
    const p = plan('apps: [dsm]\n');
    expect(fwds(p)).toEqual(['tcp 5001>5001 dsm']);
    expect(skips(p)).toEqual(['dsm:http tcp risky']);
    expect(p.skipped[0]!.reason).toContain('"dsm:http"');
    expect(p.warnings).toEqual([]);
  });

  it('a risky port named in ports without allowRisky is skipped with a warning', () => {
    const p = plan('apps:\n  - { id: dsm, ports: [https, http] }\n');
    expect(fwds(p)).toEqual(['tcp 5001>5001 dsm']);
    expect(skips(p)).toEqual(['dsm:http tcp risky']);
    expect(p.warnings.map((w) => w.code)).toEqual(['SFW250']);
  });

  it('never contradicts itself: a risky port another entry forwards is reported as forwarded for both', () => {
    const p = plan('apps: [dsm, synology-photos]\nallowRisky: ["dsm:http"]\n');
    expect(fwds(p)).toEqual(['tcp 5000-5001>5000-5001 dsm,synology-photos']);
    expect(p.forwards[0]!.origins.map((o) => `${o.app}:${o.label}`)).toEqual(['dsm:http', 'dsm:https', 'synology-photos:http', 'synology-photos:https']);
    expect(p.skipped).toEqual([]);
    // Only the one entry that allowed it: without allowRisky both skip it.
    expect(skips(plan('apps: [dsm, synology-photos]\n'))).toEqual(['dsm:http tcp risky', 'synology-photos:http tcp risky']);
  });

  it('forwards risky ports named in allowRisky by app or by app:label, marking them risky', () => {
    // 5000 and 5001 touch, so they merge into one forward.
    expect(fwds(plan('apps: [dsm]\nallowRisky: ["dsm:http"]\n'))).toEqual(['tcp 5000-5001>5000-5001 dsm']);
    const p = plan('apps: [smb]\nallowRisky: [smb]\n');
    expect(fwds(p)).toEqual(['tcp 139>139 smb', 'tcp 445>445 smb']);
    expect(p.forwards.every((f) => f.exposure === 'risky')).toBe(true);
    // NetBIOS name and datagram services are broadcast: allowRisky cannot make them forwardable.
    expect(skips(p)).toEqual(['smb:netbios-dgm udp lan-only', 'smb:netbios-ns udp lan-only']);
  });

  it('allowRisky accepts the alias the profile used', () => {
    expect(fwds(plan('apps: [cifs]\nallowRisky: [cifs]\n'))).toEqual(['tcp 139>139 smb', 'tcp 445>445 smb']);
  });

  it('never forwards lan-only or outbound ports and says why', () => {
    const p = plan('apps: [active-backup-business]\nallowRisky: [active-backup-business]\n');
    expect(fwds(p)).toEqual(['tcp 5510>5510 active-backup-business']);
    expect(p.skipped.map((s) => s.ports.first).sort((a, b) => a - b)).toEqual([443, 445, 902, 5985, 5986]);
    expect(p.skipped.every((s) => s.reason.startsWith('outbound:'))).toBe(true);
  });

  it('accounts for every port the profile asks for: forwarded or skipped', () => {
    const p = plan('apps: [audio-station, download-station]\n');
    const asked = 2 + 3 + 2 + 4; // audio: https http + 3 lan-only; download: https http + bt tcp/udp + eMule tcp/udp
    expect(p.forwards.reduce((n, f) => n + f.origins.length, 0) + p.skipped.length).toBe(asked);
  });
});

describe('apps served by DSM', () => {
  it('follow nas.dsm.http/https', () => {
    const p = plan('apps: [synology-photos]\nallowRisky: [synology-photos]\n', 'version: 1\nnas:\n  address: 192.168.1.10\n  dsm: { http: 8080, https: 8443 }\n');
    expect(fwds(p)).toEqual(['tcp 8080>8080 synology-photos', 'tcp 8443>8443 synology-photos']);
  });

  it('share one forward with DSM, tagged with every app', () => {
    const p = plan('apps:\n  - { id: dsm, ports: [https] }\n  - { id: synology-photos, ports: [https] }\n  - { id: file-station, ports: [https] }\n');
    expect(fwds(p)).toEqual(['tcp 5001>5001 dsm,file-station,synology-photos']);
  });

  it("follow the dsm entry's external remap", () => {
    const p = plan('apps:\n  - { id: dsm, ports: [https], external: { https: 443 } }\n  - { id: synology-photos, ports: [https] }\n');
    expect(fwds(p)).toEqual(['tcp 443>5001 dsm,synology-photos']);
  });

  it('can move their own HTTPS port (Login Portal > Applications)', () => {
    const p = plan('apps:\n  - { id: synology-photos, ports: [https], override: { https: 5443 } }\n');
    expect(fwds(p)).toEqual(['tcp 5443>5443 synology-photos']);
  });

  it('are served by DSM only from the version the catalog says (Hyper Backup Vault: DSM 7)', () => {
    const head = (v: string) => `version: 1\nnas:\n  address: 192.168.1.10\n  dsm: { version: "${v}" }\n`;
    expect(fwds(plan('apps: [hyper-backup-vault]\nallowRisky: [hyper-backup-vault]\n', head('6.2')))).toEqual(['tcp 6281>6281 hyper-backup-vault']);
    expect(fwds(plan('apps: [hyper-backup-vault]\nallowRisky: [hyper-backup-vault]\n', head('7.0')))).toEqual([
      'tcp 5000-5001>5000-5001 hyper-backup-vault',
      'tcp 6281>6281 hyper-backup-vault',
    ]);
  });
});

describe('overrides and remaps', () => {
  it('override moves the NAS port and the WAN port with it', () => {
    expect(fwds(plan('apps:\n  - { id: vpn-server-openvpn, override: { openvpn: 11194 } }\n'))).toEqual(['udp 11194>11194 vpn-server-openvpn']);
  });

  it('a group selector covers both protocols (bt = bt-tcp + bt-udp)', () => {
    const p = plan('apps:\n  - { id: download-station, ports: [bt], override: { bt: 16882 } }\n');
    expect(fwds(p)).toEqual(['tcp 16882>16882 download-station', 'udp 16882>16882 download-station']);
  });

  it('override of a range keeps its length, or takes a new range', () => {
    const a = plan('apps:\n  - { id: ftp, ports: [passive], override: { passive: 50000 } }\nallowRisky: [ftp]\n');
    expect(fwds(a)).toEqual(['tcp 50000-50363>50000-50363 ftp']);
    const b = plan('apps:\n  - { id: ftp, ports: [passive], override: { passive: "50000-50100" } }\nallowRisky: [ftp]\n');
    expect(fwds(b)).toEqual(['tcp 50000-50100>50000-50100 ftp']);
  });

  it('external remaps a range by its first WAN port', () => {
    expect(fwds(plan('apps: []\ncustom:\n  - { id: r, ports: ["6001-6010/tcp"], external: { "6001-6010/tcp": 7001 } }\n'))).toEqual(['tcp 7001-7010>6001-6010 r']);
  });

  it('two WAN ports may reach one NAS port', () => {
    expect(fwds(plan('apps:\n  - { id: dsm, ports: [https], external: { https: 443 } }\ncustom:\n  - { id: direct, ports: ["5001/tcp"] }\n'))).toEqual([
      'tcp 443>5001 dsm',
      'tcp 5001>5001 direct',
    ]);
  });

  it('conflicting claims on a WAN port are an error, not a silent winner', () => {
    const r = planFromText('version: 1\nnas: { address: 192.168.1.10 }\napps: []\ncustom:\n  - { id: a, ports: ["7100-7110/tcp"] }\n  - { id: b, ports: ["9000/tcp"], external: { "9000/tcp": 7105 } }\n', 'p.yaml');
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SFW205']);
    expect(r.diagnostics[0]!.message).toContain('WAN port 7105/tcp is claimed twice');
  });
});

describe('custom ports', () => {
  it('"both" gives a tcp and a udp forward; descriptions become the display name', () => {
    const p = plan('apps: []\ncustom:\n  - { id: game, description: "Game server", ports: ["27015-27030/both"] }\n');
    expect(fwds(p)).toEqual(['tcp 27015-27030>27015-27030 game', 'udp 27015-27030>27015-27030 game']);
    expect(p.forwards[0]!.origins[0]!.name).toBe('Game server');
  });

  it('a single port the catalog knows as risky still needs allowRisky', () => {
    const r = planFromText('version: 1\nnas: { address: 192.168.1.10 }\napps: []\ncustom:\n  - { id: forge, ports: ["22/tcp", "3000/tcp"] }\n', 'p.yaml');
    expect(fwds(r.plan!)).toEqual(['tcp 3000>3000 forge']);
    expect(r.plan!.warnings.map((w) => w.code)).toEqual(['SFW250']);
    expect(fwds(plan('apps: []\ncustom:\n  - { id: forge, ports: ["22/tcp"] }\nallowRisky: ["forge:22/tcp"]\n'))).toEqual(['tcp 22>22 forge']);
  });

  it('a range that covers a risky port (here SMB 445) needs allowRisky too', () => {
    const r = planFromText('version: 1\nnas: { address: 192.168.1.10 }\napps: []\ncustom:\n  - { id: dmz, ports: ["1-1024/tcp", "27015-27030/tcp"] }\n', 'p.yaml');
    expect(fwds(r.plan!)).toEqual(['tcp 27015-27030>27015-27030 dmz']);
    expect(r.plan!.skipped[0]!.reason).toMatch(/^risky: 1-1024\/tcp includes 21\/tcp \(ftp: .*\), 22\/tcp \(ssh: .*\), 23\/tcp \(telnet: .*\) and \d+ more risky ports; forward it only by adding "dmz:1-1024\/tcp"/);
    expect(r.plan!.warnings.map((w) => w.code)).toEqual(['SFW250']);
    expect(fwds(plan('apps: []\ncustom:\n  - { id: dmz, ports: ["400-450/tcp"] }\nallowRisky: [dmz]\n'))).toEqual(['tcp 400-450>400-450 dmz']);
  });
});

describe('determinism and defaults', () => {
  it('the same profile gives the same plan regardless of list order', () => {
    const a = plan('apps: [vpn-server-openvpn, { id: dsm, ports: [https] }, wireguard]\n');
    const b = plan('apps: [wireguard, { id: dsm, ports: [https] }, vpn-server-openvpn]\n');
    expect(fwds(a)).toEqual(fwds(b));
  });

  it('defaults the profile name to the file name, slugged', () => {
    expect(profileNameFromFile('profiles/My Home NAS.yaml')).toBe('my-home-nas');
    expect(profileNameFromFile('x/__.yml')).toBe('profile');
    expect(profileNameFromFile(`${'a'.repeat(40)}.yaml`)).toBe('a'.repeat(32));
  });

  it('defaults DSM to the newest version the catalog knows', () => {
    expect(plan('apps: [wireguard]\n').nas.dsm).toEqual({ version: '7.2.2', http: 5000, https: 5001 });
  });
});

describe('did you mean', () => {
  it('suggests close ids, whole kebab parts, and nothing for unrelated words', () => {
    expect(suggest('synology-drive-servr', ['synology-drive-server', 'dsm'])).toBe('synology-drive-server');
    expect(suggest('plexx', ['plex', 'dsm'])).toBe('plex');
    expect(suggest('ddsm', ['dsm', 'ssh'])).toBe('dsm');
    expect(suggest('photo-sation', ['photo-station', 'synology-photos'])).toBe('photo-station');
    expect(suggest('openvpn-server', ['vpn-server-openvpn', 'openvpn'])).toBe('openvpn');
    expect(suggest('kubernetes', ['dsm', 'ssh', 'smb'])).toBeUndefined();
  });

  it('ranks a swap of two letters before a changed letter (dms -> dsm, not cms)', () => {
    expect(suggest('dms', ['cms', 'dsm', 'ssh'])).toBe('dsm');
    expect(suggest('synology-drvie-server', ['synology-drive-server', 'synology-directory-server'])).toBe('synology-drive-server');
    expect(editDistance('dms', 'dsm')).toBe(0.5);
    expect(editDistance('dms', 'cms')).toBe(1);
  });

  it('prefers the candidate with the same first letter on a tie, then the alphabetically first', () => {
    expect(suggest('bsm', ['asm', 'bsn'])).toBe('bsn');
    expect(suggest('xsm', ['bsm', 'asm'])).toBe('asm');
  });

  it('stays cheap: no suggestion for words nobody types, and a bounded distance', () => {
    expect(suggest('k'.repeat(2_000_000), ['dsm'])).toBeUndefined();
    expect(editDistance('a'.repeat(50), 'b'.repeat(50), 3)).toBe(Infinity);
    const names = Array.from({ length: 300 }, (_, i) => `app-name-${i}`);
    const t = performance.now();
    for (let i = 0; i < 20_000; i++) suggest(`unknown-app-${i}`, names);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

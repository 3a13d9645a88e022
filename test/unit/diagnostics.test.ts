// One test per diagnostic code: the whole message as the CLI prints it, with line and column.

import { describe, expect, it } from 'vitest';
import { diagnose } from '../support/diagnose.js';

const NAS = 'version: 1\nnas: { address: 192.168.1.10 }\n';

describe('parse and schema diagnostics', () => {
  it('SFW100 YAML syntax', () => {
    expect(diagnose('version: 1\nnas:\n  address: 192.168.1.10\n    bad: indent\napps: [dsm]\n')).toEqual([
      'p.yaml:4:8: error SFW100: YAML: bad indentation of a mapping entry',
    ]);
    expect(diagnose(`version: 1\nversion: 1\n${NAS.slice(11)}apps: [dsm]\n`)).toEqual(['p.yaml:2:1: error SFW100: YAML: duplicated mapping key']);
    expect(diagnose('')).toEqual(['p.yaml:1:1: error SFW100: the profile is empty']);
  });

  it('SFW110 unknown key, with did-you-mean and the valid keys', () => {
    expect(diagnose('version: 1\nnas:\n  address: 192.168.1.10\n  adress6: x\napps: [dsm]\n')).toEqual([
      'p.yaml:4:3: error SFW110: unknown key "adress6" in nas (did you mean "address6"?); valid keys: address, address6, dsm',
    ]);
    expect(diagnose(`${NAS}apps: [{ id: dsm, ports: [https] }]\nhairpn: true\n`)).toEqual([
      'p.yaml:4:1: error SFW110: unknown key "hairpn" (did you mean "hairpin"?); valid keys: $schema, version, name, nas, router, apps, custom, allowFrom, hairpin, allowRisky',
    ]);
  });

  it('SFW111 missing required key', () => {
    expect(diagnose('version: 1\nnas:\n  dsm: {}\napps: [dsm]\n')).toEqual(['p.yaml:2:1: error SFW111: missing required key "address" in nas']);
  });

  it('SFW112 wrong type, with a hint for an unquoted DSM version', () => {
    expect(diagnose('version: 1\nnas:\n  address: 192.168.1.10\n  dsm:\n    version: 7.2\napps: [dsm]\n')).toEqual([
      'p.yaml:5:14: error SFW112: nas.dsm.version must be a string, not number 7.2 (quote it: "7.2")',
    ]);
    expect(diagnose(`${NAS}apps:\n  - 42\n`)).toEqual(['p.yaml:4:5: error SFW112: apps[0] must be an app id or a mapping with "id", not number 42']);
  });

  it('SFW113 invalid value', () => {
    expect(diagnose('version: 1\nname: Home NAS\nnas: { address: 192.168.1.10 }\napps: [dsm]\n')).toEqual([
      `p.yaml:2:7: error SFW113: name "Home NAS" must be lower-case letters, digits and '-', starting with a letter or digit`,
    ]);
  });

  it('SFW114 unsupported version', () => {
    expect(diagnose('version: 2\nnas: { address: 192.168.1.10 }\napps: [dsm]\n')).toEqual([
      'p.yaml:1:10: error SFW114: unsupported profile version 2: this synfw reads version 1',
    ]);
  });

  it('reports every schema problem at once', () => {
    expect(diagnose('version: 1\nnas:\n  adress: 192.168.1.10\napps:\n  - Bad_App\n').length).toBe(3);
  });
});

describe('resolver diagnostics', () => {
  it('SFW201 unknown app with a suggestion', () => {
    expect(diagnose(`${NAS}apps:\n  - synology-drive-servr\n`)).toEqual([
      'p.yaml:4:5: error SFW201: unknown app "synology-drive-servr" (did you mean "synology-drive-server"?); `synfw apps` lists the apps synfw knows',
    ]);
  });

  it('SFW201 without a close id suggests custom, with an example', () => {
    expect(diagnose(`${NAS}apps:\n  - kubernetes\n`)).toEqual([
      'p.yaml:4:5: error SFW201: unknown app "kubernetes"; `synfw apps` lists the apps synfw knows, and a service it does not know goes under custom (e.g. custom: [{ id: kubernetes, ports: ["8080/tcp"] }])',
    ]);
  });

  it('SFW202 unknown label', () => {
    expect(diagnose(`${NAS}apps:\n  - id: dsm\n    ports: [htps]\n`)).toEqual([
      'p.yaml:5:13: error SFW202: dsm has no port "htps" (did you mean "https"?) (ports); its ports: https, http',
    ]);
  });

  it('SFW203 port out of range, in the schema and in custom port specs', () => {
    expect(diagnose('version: 1\nnas:\n  address: 192.168.1.10\n  dsm: { https: 70000 }\napps: [dsm]\n')).toEqual([
      'p.yaml:4:17: error SFW203: nas.dsm.https: port 70000 is out of range 1-65535',
    ]);
    expect(diagnose(`${NAS}apps: []\ncustom:\n  - id: x\n    ports: ["70000/tcp"]\n`)).toEqual([
      'p.yaml:6:14: error SFW203: custom x: port "70000/tcp" is out of range 1-65535',
    ]);
  });

  it('SFW204 bad address or CIDR', () => {
    expect(diagnose('version: 1\nnas: { address: 192.168.1.300 }\napps: [{ id: dsm, ports: [https] }]\nallowFrom: [198.51.100.7/24]\n')).toEqual([
      'p.yaml:2:17: error SFW204: nas.address "192.168.1.300" is not an IPv4 address such as 192.168.1.10',
      'p.yaml:4:13: error SFW204: allowFrom[0] "198.51.100.7/24" has host bits set (did you mean "198.51.100.0/24"?)',
    ]);
  });

  it('SFW205 external port conflict names both claimants and their lines', () => {
    expect(diagnose(`${NAS}apps:\n  - id: dsm\n    ports: [https]\n    external: { https: 443 }\n  - id: web-station\n    ports: [https]\n`)).toEqual([
      'p.yaml:4:9: error SFW205: WAN port 443/tcp is claimed twice: web-station https -> NAS 443 (line 7) and dsm https -> NAS 5001 (line 4); give one of them another WAN port with "external"',
    ]);
  });

  it('SFW206 app not in the profile\'s DSM version', () => {
    expect(diagnose('version: 1\nnas:\n  address: 192.168.1.10\n  dsm: { version: "7.2.2" }\napps:\n  - video-station\n')).toEqual([
      "p.yaml:6:5: error SFW206: video-station was removed in DSM 7.2.2, and the profile's DSM is 7.2.2 (nas.dsm.version)",
    ]);
    expect(diagnose('version: 1\nnas:\n  address: 192.168.1.10\n  dsm: { version: "6.2" }\napps:\n  - photos\n')).toEqual([
      "p.yaml:6:5: error SFW206: synology-photos (photos is synology-photos) needs DSM 7.0 or later, and the profile's DSM is 6.2 (nas.dsm.version)",
    ]);
  });

  it('SFW207 duplicate app, also through an alias', () => {
    expect(diagnose(`${NAS}apps:\n  - id: dsm\n    ports: [https]\n  - id: diskstation-manager\n`)).toEqual([
      'p.yaml:6:9: error SFW207: app "dsm" (diskstation-manager is dsm) is listed twice (first at apps[0], line 4); merge the two entries',
    ]);
  });

  it('SFW208 an app with nothing to forward says why', () => {
    expect(diagnose(`${NAS}apps:\n  - bonjour\n`)).toEqual([
      'p.yaml:4:5: error SFW208: bonjour: nothing to forward: 5353/udp (mdns) is lan-only: Multicast DNS service discovery; it cannot work through a port forward',
    ]);
    expect(diagnose(`${NAS}apps:\n  - ssh\n`)).toEqual([
      'p.yaml:4:5: error SFW208: ssh: nothing to forward: 22/tcp (ssh) is not forwarded: it is risky to expose to the internet (Encrypted terminal service, incl. rsync over SSH); reach it through a VPN on the NAS (apps vpn-server-openvpn or wireguard); to forward it anyway, add "ssh" to allowRisky',
    ]);
  });

  it('SFW208 for a custom entry names its risky ports, never "the warnings above"', () => {
    expect(diagnose(`${NAS}apps: []\ncustom:\n  - id: x\n    ports: ["22/tcp"]\n`)).toEqual([
      'p.yaml:5:9: error SFW208: custom x: nothing to forward: 22/tcp is not forwarded: it is risky to expose to the internet (ssh: Encrypted terminal service, incl. rsync over SSH); reach it through a VPN on the NAS (apps vpn-server-openvpn or wireguard); to forward it anyway, add "x:22/tcp" to allowRisky',
    ]);
  });

  it('SFW208 is not added to an entry that already has an error (no empty reason)', () => {
    expect(diagnose(`${NAS}apps:\n  - id: ftp\n    ports: [passive]\n    override: { passive: "60000-50000" }\n`)).toEqual([
      'p.yaml:6:27: error SFW210: ftp override passive: "60000-50000" must be FIRST-LAST with FIRST <= LAST',
    ]);
  });

  it('SFW209 custom id shadowing a catalog id or alias', () => {
    expect(diagnose(`${NAS}apps: []\ncustom:\n  - id: photos\n    ports: ["8080/tcp"]\n`)).toEqual([
      'p.yaml:5:9: error SFW209: custom id "photos" is an alias of the catalog app synology-photos; list it under apps or choose another id',
    ]);
  });

  it('SFW210 malformed port spec', () => {
    expect(diagnose(`${NAS}apps: []\ncustom:\n  - id: plex-box\n    ports: ["32400"]\n`)).toEqual([
      'p.yaml:6:14: error SFW210: custom plex-box: "32400" is not a port spec: write PORT/PROTO or FIRST-LAST/PROTO with PROTO tcp, udp or both (e.g. "32400/tcp")',
    ]);
  });

  it('SFW211 DSM ports belong in nas.dsm', () => {
    expect(diagnose(`${NAS}apps:\n  - id: dsm\n    ports: [https]\n    override: { https: 5443 }\n`)).toEqual([
      "p.yaml:6:17: error SFW211: set DSM's own https port with nas.dsm.https, not with an override (apps served by DSM follow it)",
    ]);
  });
});

describe('warnings', () => {
  it('SFW250 an explicitly named risky port: the safe choice first, allowRisky last', () => {
    expect(diagnose(`${NAS}apps:\n  - id: dsm\n    ports: [https, http]\n`)).toEqual([
      'p.yaml:4:9: warning SFW250: dsm: 5000/tcp (http) is not forwarded: it is risky to expose to the internet (DSM web UI and API over cleartext HTTP); use the encrypted port https (5001/tcp) instead, or reach it through a VPN on the NAS (apps vpn-server-openvpn or wireguard); to forward it anyway, add "dsm:http" to allowRisky',
    ]);
  });

  it('the short form skips risky ports quietly: information in the plan, not a warning', () => {
    expect(diagnose(`${NAS}apps:\n  - dsm\n  - synology-drive-server\n`)).toEqual([]);
  });

  it('SFW255 a NAS address that is not a private LAN address', () => {
    expect(diagnose('version: 1\nnas: { address: 203.0.113.10 }\napps: [wireguard]\n')).toEqual([
      "p.yaml:2:17: warning SFW255: nas.address 203.0.113.10 is not a private LAN address (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16); a port forward sends traffic to the NAS's address behind the router: check it is the NAS's LAN address",
    ]);
  });

  it('SFW251 allowRisky entry without effect', () => {
    expect(diagnose(`${NAS}apps:\n  - id: dsm\n    ports: [https]\nallowRisky: [ssh]\n`)).toEqual([
      'p.yaml:6:14: warning SFW251: allowRisky entry "ssh" has no effect: "ssh" is not listed in apps or custom',
    ]);
  });

  it('SFW253 and SFW254: allowFrom that shuts one address family out', () => {
    expect(diagnose('version: 1\nnas: { address: 192.168.1.10, address6: "2001:db8::10" }\napps: [wireguard]\nallowFrom: [198.51.100.0/24]\n')).toEqual([
      'p.yaml:2:42: warning SFW253: allowFrom lists only IPv4 sources, so no IPv6 source may reach nas.address6 and no IPv6 rules are generated; add IPv6 CIDRs to allowFrom to allow some',
    ]);
    expect(diagnose(`${NAS}apps: [wireguard]\nallowFrom: ["2001:db8::/32"]\n`)).toEqual([
      'p.yaml:4:12: warning SFW254: allowFrom lists only IPv6 sources, so no IPv4 source may use the port forwards; add IPv4 CIDRs to allowFrom to allow some',
    ]);
  });

  it('SFW252 explicitly selected port that can never be forwarded', () => {
    expect(diagnose(`${NAS}apps:\n  - id: audio-station\n    ports: [https, ssdp]\n`)).toEqual([
      'p.yaml:5:20: warning SFW252: audio-station port "ssdp" (1900/udp) is never forwarded: lan-only: UPnP/SSDP discovery of renderers; it cannot work through a port forward',
    ]);
  });
});

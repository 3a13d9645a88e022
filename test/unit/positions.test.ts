// Every diagnostic points at the right place: 1-based line and column, also for values written as
// nothing (`name:`), a document of only `---`, CRLF and lone-CR line endings, and a byte order mark.

import { describe, expect, it } from 'vitest';
import { diagnose } from '../support/diagnose.js';

const NAS = 'version: 1\nnas: { address: 192.168.1.10 }\n';

describe('positions', () => {
  it('an empty value is reported on its own line, at its key, as having no value', () => {
    expect(diagnose('version: 1\nname:\nnas: { address: 192.168.1.10 }\napps: [dsm]\n')).toEqual([
      "p.yaml:2:1: error SFW112: name has no value: it must be lower-case letters, digits and '-', starting with a letter or digit",
    ]);
    expect(diagnose('version: 1\nnas:\n  address:\napps: [dsm]\n')).toEqual([
      "p.yaml:3:3: error SFW112: nas.address has no value: it must be the NAS's LAN IPv4 address, such as 192.168.1.10",
    ]);
    expect(diagnose('version:\nnas: { address: 192.168.1.10 }\napps: [dsm]\n')).toEqual(['p.yaml:1:1: error SFW114: version has no value: write "version: 1"']);
    expect(diagnose('version: 1\nnas:\napps: [dsm]\n')).toEqual(['p.yaml:2:1: error SFW112: nas has no value: give a mapping']);
  });

  it('an empty external: is what it is, without an unrelated SFW112 about the entry', () => {
    expect(diagnose(`${NAS}apps:\n  - id: dsm\n    external:\n`)).toEqual(['p.yaml:5:5: error SFW112: apps[0].external has no value: give a mapping, or leave the key out']);
  });

  it('an empty list item points at its "-"', () => {
    expect(diagnose(`${NAS}apps:\n  - dsm\n  -\n  - wireguard\n`)).toEqual(['p.yaml:5:3: error SFW112: apps[1] has no value: give an app id or a mapping with "id"']);
  });

  it('a document of only --- (or nothing) is an empty profile at 1:1', () => {
    for (const text of ['', '---\n', '---\n...\n', '# just a comment\n']) expect(diagnose(text)).toEqual(['p.yaml:1:1: error SFW100: the profile is empty']);
    expect(diagnose(`${NAS}apps: [dsm]\n---\n`)).toEqual(['p.yaml:4:1: error SFW100: a profile is one YAML document, found several']);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
    ['LF', '\n'],
  ])('%s line endings count lines as YAML does', (_name, eol) => {
    const text = ['version: 1', 'nas:', '  address: 1.2.3', 'apps:', '  - dsm', '  - bogus-app'].join(eol) + eol;
    expect(diagnose(text)).toEqual([
      'p.yaml:3:12: error SFW204: nas.address "1.2.3" is not an IPv4 address such as 192.168.1.10',
      'p.yaml:6:5: error SFW201: unknown app "bogus-app"; `synfw apps` lists the apps synfw knows, and a service it does not know goes under custom (e.g. custom: [{ id: bogus-app, ports: ["8080/tcp"] }])',
    ]);
  });

  it('a byte order mark is not a column of the first line', () => {
    expect(diagnose('\ufeffversion: 2\nnas: { address: 192.168.1.10 }\napps: [dsm]\n')).toEqual(['p.yaml:1:10: error SFW114: unsupported profile version 2: this synfw reads version 1']);
  });

  it('a YAML error in a CR file is on the right line', () => {
    expect(diagnose('version: 1\rnas:\r  address: 192.168.1.10\r    bad: indent\rapps: [dsm]\r')).toEqual(['p.yaml:4:8: error SFW100: YAML: bad indentation of a mapping entry']);
  });
});

describe('one line per diagnostic, values quoted with escapes', () => {
  it('a line break in a value cannot start a line of its own', () => {
    const lines = diagnose(`version: 1\nnas: { address: "1.2.3\\np.yaml:1:1: error SFW999: forged" }\napps: [dsm]\n`);
    expect(lines).toEqual(['p.yaml:2:18: error SFW204: nas.address "1.2.3\\np.yaml:1:1: error SFW999: forged" is not an IPv4 address such as 192.168.1.10']);
  });

  it('unknown keys and odd keys are quoted too', () => {
    expect(diagnose(`${NAS}apps: [dsm]\n"a\\u0007b\\"c": 1\n`)[0]).toMatch(/^p\.yaml:4:2: error SFW110: unknown key "a\\u0007b\\"c"; valid keys: /);
  });

  it('a long value is cut, and says how long it was', () => {
    expect(diagnose(`version: 1\nnas: { address: "${'9'.repeat(300)}" }\napps: [dsm]\n`)).toEqual([
      `p.yaml:2:18: error SFW204: nas.address "${'9'.repeat(80)}..." (300 characters) is not an IPv4 address such as 192.168.1.10`,
    ]);
  });
});

describe('schema errors do not hide resolver errors', () => {
  it('reports the unknown app in one entry and the bad key in another, sorted by line', () => {
    expect(diagnose(`${NAS}apps:\n  - bogus-app\n  - id: dsm\n    prots: [https]\nallowFrom: [10.0.0.1/8]\n`).map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
      'p.yaml:4:5: error SFW201',
      'p.yaml:6:5: error SFW110',
      'p.yaml:7:13: error SFW204',
    ]);
  });

  it('but not when the profile as a whole is broken (version, nas)', () => {
    expect(diagnose('version: 1\nnas: []\napps: [bogus-app]\n').map((l) => l.split(': ')[1])).toEqual(['error SFW112']);
  });

  it('a cut allowRisky entry does not turn into "nothing to forward"', () => {
    expect(diagnose(`${NAS}apps: [ssh]\nallowRisky: ["SSH"]\n`).map((l) => l.split(': ')[1])).toEqual(['error SFW113']);
  });
});

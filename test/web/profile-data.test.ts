// The page's form edits (src/web/profile-data.ts) and the YAML it writes (src/web/profile-yaml.ts),
// in Node: the YAML reads back to the same data and plans to the same ports; each edit changes the
// ports that reach the plan as the checkbox says; keys the form has no field for survive.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogIndex, planFromText } from '../../src/pipeline.js';
import { formatRange } from '../../src/plan/ranges.js';
import type { Plan } from '../../src/plan/types.js';
import { parseYaml } from '../../src/profile/parse.js';
import {
  appEntries,
  formProblem,
  portStates,
  removeCustom,
  setApp,
  setCustom,
  setCustomRisky,
  setPort,
  setValue,
  splitPorts,
  type ProfileData,
} from '../../src/web/profile-data.js';
import { profileYaml, yamlString } from '../../src/web/profile-yaml.js';
import { FUZZ_SEED, HOSTILE_STRINGS, randomProfile, replay, Rng } from '../support/fuzz.js';
import { ALL_PROFILES, ROOT } from '../support/profiles.js';

const index = catalogIndex();
const dataOf = (text: string): ProfileData => {
  const r = parseYaml(text, 'p.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.doc.data as ProfileData;
};
const roundTrip = (data: ProfileData): ProfileData => dataOf(profileYaml(data));
/** The ports a plan forwards, as "tcp 443->5001" lines, and the errors when there is no plan. */
const forwards = (data: ProfileData): string[] => {
  const r = planFromText(profileYaml(data), 'p.yaml');
  if (!r.plan) return r.diagnostics.filter((d) => d.severity === 'error').map((d) => `error ${d.code}`);
  return r.plan.forwards.map((f) => `${f.proto} ${formatRange(f.external)}->${formatRange(f.internal)}`);
};
const app = (id: string) => index.byName.get(id)!;
const base = (): ProfileData => ({ version: 1, nas: { address: '192.168.1.10' }, apps: [] });
const withApp = (id: string, data = base()) => setApp(data, app(id), true, index);
const entry = (data: ProfileData, id: string) => appEntries(data, index).find((e) => e.id === id)!;
const toggle = (data: ProfileData, id: string, label: string, on: boolean) => setPort(data, entry(data, id), label, on, index);

describe('profile YAML written by the page', () => {
  it.each(ALL_PROFILES)('%s reads back to the same data and the same plan', (path) => {
    const text = readFileSync(`${ROOT}${path}`, 'utf8');
    const data = dataOf(text);
    expect(roundTrip(data)).toEqual(data);
    const plan = (t: string): Pick<Plan, 'forwards' | 'skipped'> => {
      const p = planFromText(t, path).plan!;
      return { forwards: p.forwards.map((f) => ({ ...f, origins: f.origins.map(({ pos: _pos, ...o }) => o) })), skipped: p.skipped.map(({ pos: _pos, ...s }) => s) };
    };
    expect(plan(profileYaml(data))).toEqual(plan(text));
  });

  it(`random profiles with hostile descriptions read back to the same data (${replay(FUZZ_SEED, 0)})`, () => {
    const rng = new Rng(FUZZ_SEED);
    for (let i = 0; i < 200; i++) {
      const data = dataOf(randomProfile(rng, `p${i}`).text);
      expect(roundTrip(data), replay(FUZZ_SEED, i)).toEqual(data);
    }
  });

  it('quotes every string a YAML reader could take for something else, and only those', () => {
    for (const s of ['yes', 'No', 'on', 'OFF', 'y', 'true', 'null', '7.2', '5000', '0x1f', '1e3', '.inf', '~', '', ' lead', 'a: b', 'a #b', '-x', '[x]', '{x}', '"q"', "'q'", '*ref', '&anchor', '!tag', '%x', '@x', '`x`', '27015/tcp', 'dsm:http']) {
      expect(yamlString(s), s).toMatch(/^"/);
    }
    for (const s of ['yes', '7.2', '5000', '', 'a: b', 'a #b', '-x', '[x]', '"q"', '*ref', '27015/tcp', ...HOSTILE_STRINGS, '\ud800 lone', '\ufffe\uffff\u0085\u00a0']) {
      expect(dataOf(`k: ${yamlString(s)}\n`), JSON.stringify(s)).toEqual({ k: s });
      expect(dataOf(`[${yamlString(s)}]\n`), JSON.stringify(s)).toEqual([s]);
    }
    for (const s of ['dsm', 'synology-drive-server', '192.168.1.10', 'br-lan', 'eth0.10', 'home']) expect(yamlString(s)).toBe(s);
    expect(yamlString('\u007f\u0085\u2028')).toBe('"\\u007f\u0085\\u2028"');
  });

  it('keeps what the form has no field for: external, override, router, allowFrom, hairpin, address6, unknown keys', () => {
    const text = readFileSync(`${ROOT}profiles/home.yaml`, 'utf8');
    let data = dataOf(`${text}router: { wan: eth1, openwrt: { wan: wan } }\nallowFrom: [198.51.100.0/24]\nhairpin: true\nextra: { keep: me }\n`);
    data = toggle(data, 'synology-drive-server', 'sync', false);
    data = setValue(data, ['nas', 'dsm', 'https'], 5443);
    const back = roundTrip(data);
    expect(back.apps).toContainEqual({ id: 'dsm', ports: ['https'], external: { https: 443 } });
    expect(back).toMatchObject({ router: { wan: 'eth1', openwrt: { wan: 'wan' } }, allowFrom: ['198.51.100.0/24'], hairpin: true, extra: { keep: 'me' }, nas: { dsm: { version: '7.2', https: 5443 } } });
  });
});

describe('form edits', () => {
  it('ticking an app lists it in the short form: its public ports are forwarded, its risky ones not', () => {
    const data = withApp('dsm');
    expect(data.apps).toEqual(['dsm']);
    expect(forwards(data)).toEqual(['tcp 5001->5001']);
    expect(portStates(data, entry(data, 'dsm'), index).map((s) => [s.port.label, s.control, s.forwarded])).toEqual([
      ['https', 'forward', true],
      ['http', 'allow', false],
    ]);
  });

  it('a risky port ticked goes into allowRisky as id:label and is forwarded; unticked, it goes away', () => {
    const on = toggle(withApp('dsm'), 'dsm', 'http', true);
    expect(on).toMatchObject({ apps: ['dsm'], allowRisky: ['dsm:http'] });
    expect(forwards(on)).toEqual(['tcp 5000-5001->5000-5001']);
    const off = toggle(on, 'dsm', 'http', false);
    expect(off).not.toHaveProperty('allowRisky');
    expect(forwards(off)).toEqual(['tcp 5001->5001']);
  });

  it('a public port unticked makes the selection explicit; ticked again, the short form is back', () => {
    const data = withApp('synology-drive-server');
    expect(forwards(data)).toEqual(['tcp 5001->5001', 'tcp 6690->6690']);
    const without = toggle(data, 'synology-drive-server', 'sync', false);
    expect(without.apps).toEqual([{ id: 'synology-drive-server', ports: ['https'] }]);
    expect(forwards(without)).toEqual(['tcp 5001->5001']);
    expect(toggle(without, 'synology-drive-server', 'sync', true).apps).toEqual(['synology-drive-server']);
  });

  it('a bare allowRisky entry becomes one entry per other risky port when one of them is unticked', () => {
    const data: ProfileData = { ...base(), apps: ['mail-server'], allowRisky: ['mail-server'] };
    expect(forwards(data)).toEqual(['tcp 25->25', 'tcp 110->110', 'tcp 143->143', 'tcp 465->465', 'tcp 993->993', 'tcp 995->995']);
    const off = toggle(data, 'mail-server', 'imap', false);
    expect(off).toMatchObject({ apps: ['mail-server'], allowRisky: ['mail-server:smtp', 'mail-server:pop3'] });
    expect(forwards(off)).toEqual(['tcp 25->25', 'tcp 110->110', 'tcp 465->465', 'tcp 993->993', 'tcp 995->995']);
  });

  it('unticking an app removes every entry of it (aliases too) and its allowRisky entries; ticking twice adds it once', () => {
    const data: ProfileData = { ...base(), apps: ['dsm', 'cloud-station', { id: 'synology-drive-server', ports: ['sync'] }], allowRisky: ['dsm:http', 'cloud-station'] };
    const off = setApp(data, app('synology-drive-server'), false, index);
    expect(off).toMatchObject({ apps: ['dsm'], allowRisky: ['dsm:http'] });
    expect(setApp(off, app('dsm'), true, index)).toBe(off);
  });

  it('custom entries: added, renamed with their allowRisky entry, removed with it', () => {
    let data = setCustom(base(), 'new', { id: 'shell', description: 'ssh <b>box</b>', ports: splitPorts('2222/tcp, 22/tcp') });
    expect(data.custom).toEqual([{ id: 'shell', description: 'ssh <b>box</b>', ports: ['2222/tcp', '22/tcp'] }]);
    expect(forwards(data)).toEqual(['tcp 2222->2222']);
    data = setCustomRisky(data, 'shell', true);
    expect(forwards(data)).toEqual(['tcp 22->22', 'tcp 2222->2222']);
    data = setCustom(data, 0, { id: 'box', description: '', ports: ['22/tcp'] });
    expect(data).toMatchObject({ custom: [{ id: 'box', ports: ['22/tcp'] }], allowRisky: ['box'] });
    expect(removeCustom(data, 0)).toEqual({ ...base() });
  });

  it('clearing a field removes its key, and an emptied nas.dsm or router goes with it', () => {
    let data = setValue(base(), ['nas', 'dsm', 'http'], 8080);
    expect(data.nas).toEqual({ address: '192.168.1.10', dsm: { http: 8080 } });
    data = setValue(data, ['nas', 'dsm', 'http'], '');
    expect(data.nas).toEqual({ address: '192.168.1.10' });
    expect(setValue(setValue(base(), ['router', 'wan'], 'eth1'), ['router', 'wan'], undefined)).toEqual(base());
    expect(setValue(base(), ['nas', 'address'], undefined)).toEqual({ ...base(), nas: {} });
  });

  it('refuses to show data whose shape its fields cannot hold, and says which key', () => {
    expect(formProblem(dataOf(readFileSync(`${ROOT}profiles/office.yaml`, 'utf8')))).toBeUndefined();
    expect(formProblem([1])).toMatch(/not a mapping/);
    expect(formProblem({ nas: { address: 5 } })).toMatch(/nas.address/);
    expect(formProblem({ apps: [{ ports: ['x'] }] })).toMatch(/apps/);
    expect(formProblem({ custom: 'x' })).toMatch(/custom/);
    expect(formProblem({ allowRisky: [1] })).toMatch(/allowRisky/);
  });
});

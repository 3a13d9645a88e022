// vyos target: both output forms read back with the strict parser (test/support/readers/vyos/)
// and compared with the plan; the script also run under bash with stub VyOS commands (the real
// shell's word splitting and quoting, a fake active config for the re-run logic); sh/bash -n and
// shellcheck; the profile options; hostile text (golden files: test/targets/contract.test.ts).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it, test, type TestContext } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { vyosText } from '../../src/render/escape/vyos.js';
import { byteLength, fitBytes, oneLine } from '../../src/render/text.js';
import { profileTag, ruleText } from '../../src/targets/shared/text.js';
import { routerSides } from '../../src/targets/define.js';
import { TARGETS } from '../../src/targets/index.js';
import { TargetError } from '../../src/targets/types.js';
import { target } from '../../src/targets/vyos/index.js';
import { info as vyosInfo } from '../../src/targets/vyos/info.js';
import { ruleBase, RULES_MAX } from '../../src/targets/vyos/view.js';

const DESCRIPTION_MAX = vyosInfo.comments.max;
import { allOptionsPlan as optionsPlan, hostilePlan, HOSTILE_TEXTS, manyPortsPlan, samplePlan, customForward as fwd } from '../fixtures/plans.js';
import { parseVyosCommands, parseVyosScript, VyosSyntaxError } from '../support/readers/vyos/script.js';
import { applyCommands, LISTS, recoverVyos, VyosConfigError, type VyCmd, type VyosRecovered } from '../../src/readers/vyos/model.js';
import { runOnStub } from '../support/vyos-stub.js';
import { expectedFlows } from '../../src/readers/expected.js';
import type { Flow } from '../../src/readers/flow.js';
import { expectFlows } from '../support/readers/flows.js';
import { vyosFlows } from '../support/readers/vyos/flows.js';
import { ALL_PROFILES, planOf, profileSlug, VERSION } from '../support/profiles.js';
import { neededChecks } from '../support/router-checks.js';

/** What the script prints, and exits 1, on a router with a zone-based firewall. */
const ZONE_MESSAGE =
  'synfw: this router uses a zone-based firewall (firewall zone ...): its zone policies decide forwarded traffic, so the forward filter rules this script adds would not let anything through. Nothing was changed; add these forwards to your zone policies instead (the header lists them).';

const render = (plan: Plan, format?: string) => target.render(plan, { version: VERSION, ...(format ? { format } : {}) });
const script = (plan: Plan) => render(plan).text;
const commands = (plan: Plan) => render(plan, 'commands').text;


// ---- what the plan asks for: the oracle's flows (expectedFlows), in the recovered config's terms ----

const sorted = (xs: string[]) => [...xs].sort();
const uniqueSorted = (xs: string[]) => [...new Set(xs)].sort();
const flowsOf = (plan: Plan, family: 4 | 6, via?: Flow['via']): Flow[] => expectedFlows(plan, 'vyos').filter((f) => f.family === family && (via === undefined || f.via === via));

/** DNAT per port: "tcp 443 192.168.1.10 5001", each once. */
const planTuples = (plan: Plan, via: Flow['via'] = 'wan'): string[] => uniqueSorted(flowsOf(plan, 4, via).map((f) => `${f.proto} ${f.wan} ${f.nas} ${f.port}`));

/** The NAS ports to accept, each once: "tcp 192.168.1.10 5001". */
const planNasPorts = (plan: Plan, family: 4 | 6, via?: Flow['via']): string[] => uniqueSorted(flowsOf(plan, family, via).map((f) => `${f.proto} ${f.nas} ${f.port}`));

/** The network group a family's rules name: only when allowFrom lists sources of that family. */
const groupOf = (plan: Plan, family: 4 | 6): string | null =>
  flowsOf(plan, family, 'wan').some((f) => f.source !== 'any') ? `synfw-${plan.profile.name}-v${family}` : null;

function expectFaithful(plan: Plan, r: VyosRecovered): void {
  expectFlows(vyosFlows(r), plan, 'vyos');
  const g4 = groupOf(plan, 4);
  const g6 = groupOf(plan, 6);
  const noDup = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
  for (const xs of [r.tuples, r.hairpin, r.accepts, r.hairpinAccepts, r.replies, r.masquerade, r.accepts6, r.replies6]) noDup(xs);
  expect(sorted(r.tuples)).toEqual(planTuples(plan));
  expect(sorted(r.hairpin)).toEqual(planTuples(plan, 'hairpin'));
  expect(sorted(r.accepts)).toEqual(planNasPorts(plan, 4, 'wan'));
  expect(sorted(r.hairpinAccepts)).toEqual(planNasPorts(plan, 4, 'hairpin'));
  expect(sorted(r.masquerade)).toEqual(planNasPorts(plan, 4, 'hairpin'));
  expect(sorted(r.replies)).toEqual(planNasPorts(plan, 4));
  expect(sorted(r.accepts6)).toEqual(planNasPorts(plan, 6));
  expect(sorted(r.replies6)).toEqual(planNasPorts(plan, 6));
  for (const s of [...r.dnatSources, ...r.acceptSources]) expect(s).toBe(g4);
  for (const s of r.accept6Sources) expect(s).toBe(g6);
  expect([...r.groups.keys()].sort()).toEqual([g4, g6].filter((g) => g !== null).sort());
  if (g4) expect(r.groups.get(g4)!.networks).toEqual(plan.allowFrom);
  if (g6) expect(r.groups.get(g6)!.networks).toEqual(plan.allowFrom6);
  const tag = `${profileTag(plan)} `;
  for (const d of [...Object.values(r.descriptions).flat(), ...[...r.groups.values()].map((g) => g.description!)]) {
    expect(d.startsWith(tag)).toBe(true);
    expect(byteLength(d)).toBeLessThanOrEqual(DESCRIPTION_MAX);
  }
}

const wanOf = (plan: Plan) => routerSides(TARGETS.vyos, plan).wan;
const lanOf = (plan: Plan) => routerSides(TARGETS.vyos, plan).lan ?? null;

/** The script read back: its skeleton checked, its set commands applied to an empty config. */
function readScript(plan: Plan, text = script(plan)) {
  const f = parseVyosScript(text);
  const base = ruleBase(plan.profile.name);
  expect(f.range).toEqual([base, base + RULES_MAX]);
  expect(f.tagPrefix).toBe(`${profileTag(plan)} `);
  expect(f.lists.map((l) => l.split(' ').slice(1).join(' '))).toEqual(Object.values(LISTS));
  expect(f.groups).toEqual([`network-group synfw-${plan.profile.name}-v4`, `ipv6-network-group synfw-${plan.profile.name}-v6`]);
  expect(f.lookups).toEqual(plan.hairpin ? { wan: wanOf(plan), lan: lanOf(plan) } : null);
  // The interface checks: exactly the interfaces the rules name, the WAN first; then the zone check.
  expect(f.links).toEqual(neededChecks('vyos', plan, 'interface', plan.hairpin === true).map(({ name, message }) => ({ iface: name, message })));
  expect(f.zoneMessage).toBe(ZONE_MESSAGE);
  const rec = recoverVyos(applyCommands(f.cmds), wanOf(plan), lanOf(plan));
  // The hairpin look-ups read the WAN's address even when no rule names the WAN (IPv6-only allowFrom).
  const used = new Set([...rec.interfaces, ...(f.lookups ? [f.lookups.wan, f.lookups.lan] : [])]);
  if (f.cmds.length) expect([...used].sort()).toEqual(f.links.map((l) => l.iface).sort());
  return { file: f, rec };
}

/** The rule (or group) a command addresses: "nat destination rule 519001", "firewall group network-group x". */
const owner = (c: VyCmd): string => {
  const w = c.words.map((x) => x.text);
  return w[0] === 'firewall' && w[1] === 'group' ? w.slice(0, 4).join(' ') : w.slice(0, w.indexOf('rule') + 2).join(' ');
};

/** The commands form read back: deletes exactly what it sets, first; then the same config as the script. */
function readCommands(plan: Plan, text = commands(plan)) {
  const f = parseVyosCommands(text);
  const deletes = f.cmds.filter((c) => c.verb === 'delete');
  const sets = f.cmds.filter((c) => c.verb === 'set');
  expect(f.cmds.slice(0, deletes.length)).toEqual(deletes);
  expect(sorted(deletes.map(owner))).toEqual(sorted([...new Set(sets.map(owner))]));
  const base = ruleBase(plan.profile.name);
  for (const list of Object.values(LISTS)) {
    const numbers = [...new Set(sets.map(owner).filter((o) => o.startsWith(`${list} `)).map((o) => Number(o.split(' ').pop())))];
    expect(numbers).toEqual(numbers.map((_, i) => base + i + 1));
  }
  return { file: f, rec: recoverVyos(applyCommands(f.cmds), wanOf(plan), lanOf(plan)) };
}

// ---- the sample plan ---------------------------------------------------------------------------

describe('vyos: sample plan', () => {
  const plan = samplePlan();
  const out = script(plan);
  const { file, rec } = readScript(plan);

  it('recovers exactly the plan from both forms (per port, no TCP/UDP cross product)', () => {
    expectFaithful(plan, rec);
    const c = readCommands(plan);
    expectFaithful(plan, c.rec);
    expect(c.rec).toEqual(rec);
  });

  it('writes VyOS 1.4+ syntax: inbound-interface name, translation port only when remapped', () => {
    expect(out).toMatch(/^set nat destination rule \d+ inbound-interface name 'eth0'$/m);
    expect(out).not.toMatch(/inbound-interface '/);
    const rule = (port: string) => new RegExp(`^set nat destination rule (\\d+) destination port '${port}'$`, 'm').exec(out)![1];
    expect(out).toContain(`set nat destination rule ${rule('443')} translation port '5001'\n`);
    // Forwards that keep their port share one rule with a port list, and have no translation port.
    const list = /^set nat destination rule (\d+) destination port '([^']*\b6001-6010\b[^']*)'$/m.exec(out)!;
    expect(list[2]!.split(',')).toEqual(['5001', '6001-6010', '6690', '21']);
    expect(out).not.toContain(`set nat destination rule ${list[1]} translation port`);
    for (const [w, n] of [[7001, 8001], [7002, 8002], [7003, 8003]]) expect(out).toContain(`set nat destination rule ${rule(String(w))} translation port '${n}'\n`);
    expect(out).not.toMatch(/translation port '\d+-/);
  });

  it('accepts DNATed connections and their replies in the forward filter, NAS ports merged', () => {
    expect(out).toContain(`firewall ipv4 forward filter rule ${ruleBase('sample') + 1} connection-status nat 'destination'\n`);
    expect(out).toMatch(/destination port '21,5001,6001-6010,6690,8001-8003'/);
    expect(out).toMatch(/source port '1194,16881'/);
    expect(out).not.toMatch(/^set firewall ipv6/m);
    expect(out).not.toMatch(/^set firewall group/m);
  });

  it("numbers rules from the profile block up, each rule's lines in the (alphabetical) order show configuration commands prints", () => {
    const base = ruleBase('sample');
    const nums = [...out.matchAll(/^set nat destination rule (\d+) description /gm)].map((m) => Number(m[1]));
    expect(nums).toEqual(nums.map((_, i) => base + i + 1));
    // tcp and udp port lists, then 443 -> 5001 and 7001-7003 -> 8001-8003 one port each.
    expect(nums).toHaveLength(6);
    for (const block of out.split('\n\n').filter((b) => b.startsWith('set '))) {
      const paths = block.split('\n').map((l) => l.replace(/ '.*$| ".*$/, ''));
      expect(paths).toEqual([...paths].sort());
    }
  });

  it('has a header with version, profile, target, WAN, apply, remove and the owned numbers', () => {
    const header = file.comments.join('\n');
    const base = ruleBase('sample');
    expect(out.split('\n')[1]).toBe(`# Generated by synfw ${VERSION} from profile "sample" for target vyos.`);
    expect(header).toContain('WAN: eth0 (default; set router.wan to change it)');
    expect(header).toContain('vbash sample.vyos.sh');
    expect(header).toContain('The script first checks, changing nothing if not, that the interfaces it names exist and that the router has no zone-based');
    expect(header).toContain('vyattacfg');
    expect(header).toContain(`owns ${base}-${base + RULES_MAX} of nat destination`);
    expect(header).toContain(`  delete nat destination rule ${base + 1}`);
    expect(header).toContain('tcp 5000 dsm http: risky');
    expect(header).not.toMatch(/\d{4}-\d\d-\d\d|\/work\//);
    const cmdHeader = parseVyosCommands(commands(plan)).comments.join('\n');
    expect(cmdHeader).toContain('(format commands)');
    expect(cmdHeader).toContain(`numbered ${base}-${base + RULES_MAX}`);
    expect(cmdHeader).toContain('Nothing to delete');
  });

  it('is deterministic and warns about nothing', () => {
    expect(script(samplePlan())).toBe(out);
    expect(commands(samplePlan())).toBe(commands(plan));
    expect(render(plan).warnings).toEqual([]);
  });
});

describe('vyos: rule numbers and packing', () => {
  it('derives a stable block of 1000 numbers per profile name, within 100000-999999', () => {
    expect(ruleBase('home')).toBe(ruleBase('home'));
    for (const name of [...ALL_PROFILES.map(profileSlug), 'a', 'x'.repeat(32)]) {
      const base = ruleBase(name);
      expect(base % 1000).toBe(0);
      expect(base).toBeGreaterThanOrEqual(100000);
      expect(base + RULES_MAX).toBeLessThanOrEqual(999999);
    }
  });

  it('combines a tcp and a udp forward with the same ports into one tcp_udp rule', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [27015, 27030]), fwd('tcp', [9000, 9000], [9001, 9001]), fwd('udp', [27015, 27030]), fwd('udp', [9000, 9000])], skipped: [] });
    const out = script(plan);
    expectFaithful(plan, readScript(plan).rec);
    expect(out.match(/^set nat destination rule \d+ protocol 'tcp_udp'$/gm)).toHaveLength(1);
    expect(out).toMatch(/description 'synfw:sample app tcp\+udp\/27015-27030 x'/);
  });

  it('packs 40 single ports into 3 DNAT rules (15 list slots each), with one accept and one reply rule', () => {
    const plan = manyPortsPlan(40);
    const { rec } = readScript(plan);
    expectFaithful(plan, rec);
    expect(rec.descriptions.dnat).toHaveLength(3);
    expect(rec.descriptions.fw4).toHaveLength(2);
  });

  it('refuses a plan that needs more rules than its block holds (SFW302)', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [20000, 21000], [30000, 31000])], skipped: [] });
    expect(() => render(plan)).toThrow(TargetError);
    try {
      render(plan);
    } catch (e) {
      expect((e as TargetError).diagnostics[0]).toMatchObject({ code: 'SFW302', message: expect.stringContaining('999') });
    }
    const fits = samplePlan({ forwards: [fwd('tcp', [20000, 20998], [30000, 30998])], skipped: [] });
    expectFaithful(fits, readScript(fits).rec);
  });

  it('with no forwards still scans and removes old rules, and sets nothing', () => {
    const plan = samplePlan({ forwards: [], skipped: [] });
    const { file, rec } = readScript(plan);
    expect(file.cmds).toEqual([]);
    expectFaithful(plan, rec);
    expect(parseVyosCommands(commands(plan)).cmds).toEqual([]);
  });
});

// ---- profile options -----------------------------------------------------------------------------

describe('vyos: allowFrom, hairpin, nas.address6', () => {
  it('all options at once: the script reads back faithfully', () => {
    const plan = optionsPlan();
    const { rec } = readScript(plan);
    expectFaithful(plan, rec);
    expect(rec.groups.get('synfw-sample-v4')!.networks).toEqual(['198.51.100.0/24', '203.0.113.7/32']);
    expect(rec.groups.get('synfw-sample-v6')!.networks).toEqual(['2001:db8:100::/48']);
  });

  it('allowFrom: a network-group used by the WAN DNAT and accept rules, never by hairpin rules', () => {
    const plan = samplePlan({ allowFrom: ['198.51.100.0/24'] });
    const { rec } = readScript(plan);
    expectFaithful(plan, rec);
    expect(rec.dnatSources.length).toBeGreaterThan(0);
    expect(new Set([...rec.dnatSources, ...rec.acceptSources])).toEqual(new Set(['synfw-sample-v4']));
    const c = readCommands(plan);
    expect(c.rec).toEqual(rec);
    expect(commands(plan)).toMatch(/^delete firewall group network-group synfw-sample-v4$/m);
  });

  it('allowFrom with IPv4 sources only: no IPv6 rules, and the header says so', () => {
    const plan = samplePlan({ allowFrom: ['198.51.100.0/24'], nas: { ...samplePlan().nas, address6: '2001:db8::10' } });
    const { file, rec } = readScript(plan);
    expectFaithful(plan, rec);
    expect(rec.accepts6).toEqual([]);
    expect(file.comments.join('\n')).toContain('no IPv6 source may reach nas.address6: no IPv6 rules are generated');
  });

  it('allowFrom with IPv6 sources only: no IPv4 WAN rules, IPv6 accepts from the group', () => {
    const plan = samplePlan({ allowFrom6: ['2001:db8:100::/48'], nas: { ...samplePlan().nas, address6: '2001:db8::10' } });
    const { file, rec } = readScript(plan);
    expectFaithful(plan, rec);
    expect(rec.tuples).toEqual([]);
    expect(rec.accepts6.length).toBeGreaterThan(0);
    expect(file.comments.join('\n')).toContain('no IPv4 source may use the forwards');
  });

  it('allowFrom with IPv6 sources only and hairpin: no IPv4 WAN rules, the hairpin rules all the same', () => {
    const plan = samplePlan({ allowFrom6: ['2001:db8:100::/48'], hairpin: true, router: { lan: 'br0' } });
    const { rec } = readScript(plan);
    expectFaithful(plan, rec);
    expect(rec.tuples).toEqual([]);
    expect(sorted(rec.hairpin)).toEqual(planTuples(plan, 'hairpin'));
  });

  it('nas.address6: IPv6 accepts on the NAS ports (internal, no remap) and replies, from anyone', () => {
    const plan = samplePlan({ nas: { ...samplePlan().nas, address6: '2001:db8::10' } });
    const { rec } = readScript(plan);
    expectFaithful(plan, rec);
    expect(rec.accepts6).toContain('tcp 2001:db8::10 5001');
    expect(rec.accepts6).not.toContain('tcp 2001:db8::10 443');
    expect(rec.accept6Sources.every((s) => s === null)).toBe(true);
    expect(readCommands(plan).rec).toEqual(rec);
  });

  it('hairpin: DNAT on the LAN for the looked-up WAN address, masquerade from the LAN subnet only', () => {
    const plan = samplePlan({ hairpin: true, router: { wan: 'pppoe0', lan: 'br0' } });
    const out = script(plan);
    const { file, rec } = readScript(plan, out);
    expectFaithful(plan, rec);
    expect(file.lookups).toEqual({ wan: 'pppoe0', lan: 'br0' });
    expect(out).toMatch(/^set nat destination rule \d+ destination address "\$synfw_wan4"$/m);
    expect(out).toMatch(/^set nat source rule \d+ source address "\$synfw_lan4"$/m);
    expect(out).toMatch(/^set nat source rule \d+ translation address 'masquerade'$/m);
    const header = file.comments.join('\n');
    expect(header).toContain('allowFrom does not apply to them');
    expect(header).toContain('run it again whenever the WAN address changes');
  });

  it('hairpin without router.lan stops with SFW305; lan = wan or a bad name with SFW304', () => {
    const cases: [Partial<Plan>, string, RegExp][] = [
      [{ hairpin: true, router: {}, keyPos: { hairpin: { file: 'p.yaml', line: 7, column: 1 } } }, 'SFW305', /hairpin needs router\.lan/],
      [{ hairpin: true, router: { wan: 'eth1', lan: 'eth1' } }, 'SFW304', /is the WAN interface too/],
      [{ hairpin: true, router: { lan: 'a-very-long-interface-name' } }, 'SFW304', /router\.lan/],
      [{ router: { wan: "eth0'; reboot" } }, 'SFW304', /router\.wan/],
    ];
    for (const [overrides, code, message] of cases) {
      try {
        render(samplePlan(overrides));
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(TargetError);
        const d = (e as TargetError).diagnostics[0]!;
        expect(d.code).toBe(code);
        expect(d.message).toMatch(/^target vyos: /);
        expect(d.message).toMatch(message);
        if (code === 'SFW305') expect(d.pos).toEqual({ file: 'p.yaml', line: 7, column: 1 });
      }
    }
  });

  it('--format commands refuses hairpin (SFW301 naming the key and the target) and takes the other options', () => {
    try {
      render(optionsPlan(), 'commands');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TargetError);
      const d = (e as TargetError).diagnostics[0]!;
      expect(d.code).toBe('SFW301');
      expect(d.message).toContain('hairpin');
      expect(d.message).toContain('vyos');
      expect(d.message).toContain('default format');
    }
    const plan = optionsPlan({ hairpin: false });
    const c = readCommands(plan);
    expectFaithful(plan, c.rec);
    expect(c.rec).toEqual(readScript(plan).rec);
  });
});

// ---- hostile text -------------------------------------------------------------------------------

describe('vyos: hostile text', () => {
  it('keeps every description to VyOS-safe ASCII, exactly as vyosText documents, cut to 255', () => {
    // Remapped ports, so each text gets a DNAT rule of its own.
    const forwards = HOSTILE_TEXTS.map((t, i) => fwd('tcp', [31000 + i, 31000 + i], [41000 + i, 41000 + i], t, `evil-${i}`));
    const plan = samplePlan({ profile: { name: 'hostile', file: 'h.yaml' }, forwards, skipped: [] });
    const rendered = render(plan);
    const { rec } = readScript(plan, rendered.text);
    expectFaithful(plan, rec);
    forwards.forEach((f, i) => {
      const full = oneLine(ruleText(plan, f));
      const got = rec.descriptions.dnat[i]!;
      expect(got).toBe(fitBytes(full, DESCRIPTION_MAX, vyosText));
      if (vyosText(full).length <= DESCRIPTION_MAX) expect(got).toBe(vyosText(full));
      else expect(got).toHaveLength(DESCRIPTION_MAX);
    });
    expect(rec.descriptions.dnat[0]).toContain('it_s _quoted_ _ back_slash $HOME `id` $(touch /tmp/synfw-canary)');
    expect(rec.descriptions.dnat[3]).toContain('Gru_e, ___, emoji _, and a _ for RouterOS help');
    expect(rendered.warnings).toEqual([expect.objectContaining({ code: 'SFW310', severity: 'warning' })]);
    expect(rendered.text).toContain('Changed here: 2 with characters replaced by _, 1 cut (ending in "...")');
  });

  it('renders hostilePlan() in both forms to text the strict parser accepts', () => {
    const plan = hostilePlan();
    for (const text of [script(plan), commands(plan)]) expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expectFaithful(plan, readScript(plan).rec);
    expectFaithful(plan, readCommands(plan).rec);
  });
});

// ---- the strict parser ----------------------------------------------------------------------------

describe('vyos: the strict parser rejects what the CLI would misread', () => {
  const ok = "# h\ndelete nat destination rule 100001\nset nat destination rule 100001 description 'synfw:x a'\nset nat destination rule 100001 destination port '1'\n" +
    "set nat destination rule 100001 inbound-interface name 'eth0'\nset nat destination rule 100001 protocol 'tcp'\nset nat destination rule 100001 translation address '10.0.0.1'\ncommit\nsave\n";
  const rec = (text: string) => recoverVyos(applyCommands(parseVyosCommands(text).cmds), 'eth0', null);
  it('accepts the baseline', () => expect(rec(ok).tuples).toEqual(['tcp 1 10.0.0.1 1']));
  it.each([
    ['a quote inside a value', ok.replace("'synfw:x a'", "'synfw:x it'\\''s'"), VyosSyntaxError, /glued|unexpected word/],
    ['a double-quoted value', ok.replace("'synfw:x a'", '"synfw:x a"'), VyosSyntaxError, /double-quoted/],
    ['a variable outside the script', ok.replace("'10.0.0.1'", '"$synfw_wan4"'), VyosSyntaxError, /double-quoted/],
    ['a ? in a value', ok.replace('x a', 'x why?'), VyosSyntaxError, /would not keep/],
    ['a backslash in a value', ok.replace('x a', 'x a\\b'), VyosSyntaxError, /would not keep/],
    ['non-ASCII', ok.replace('x a', 'x ü'), VyosSyntaxError, /printable ASCII/],
    ['unbalanced quote', ok.replace("'synfw:x a'", "'synfw:x a"), VyosSyntaxError, /unterminated '/],
    ['unquoted value', ok.replace("protocol 'tcp'", 'protocol tcp'), VyosSyntaxError, /value quoted/],
    ['quoted path word', ok.replace('rule 100001 protocol', "rule '100001' protocol"), VyosSyntaxError, /bare/],
    ['two spaces', ok.replace('rule 100001 protocol', 'rule  100001 protocol'), VyosSyntaxError, /stray spaces/],
    ['a ? in a comment', ok.replace('# h', '# h?'), VyosSyntaxError, /help/],
    ['CR LF', ok.replace(/\n/g, '\r\n'), VyosSyntaxError, /printable ASCII/],
    ['no save', ok.replace('save\n', ''), VyosSyntaxError, /commit and save/],
    ['a set after commit', ok.replace('commit\n', 'commit\nset nat destination rule 100001 log \'x\'\n'), VyosSyntaxError, /after commit/],
    ['unknown command', ok.replace('delete nat', 'rename nat'), VyosSyntaxError, /unknown command/],
    ['unknown leaf', ok.replace('protocol', 'log'), VyosConfigError, /unknown nat destination rule leaf "log"/],
    ['unknown path', ok.replace('set nat destination rule 100001 protocol', 'set system host-name'), VyosConfigError, /unknown path/],
    ['a leaf set twice', ok.replace('commit', "set nat destination rule 100001 protocol 'udp'\ncommit"), VyosConfigError, /set twice/],
    ['protocol both', ok.replace("'tcp'", "'both'"), VyosConfigError, /not one of tcp, udp, tcp_udp/],
    ['port 0', ok.replace("port '1'", "port '0'"), VyosConfigError, /bad port 0/],
    ['backwards range', ok.replace("port '1'", "port '9-3'"), VyosConfigError, /bad port 9-3/],
    ['bad address', ok.replace('10.0.0.1', '10.0.0.256'), VyosConfigError, /IPv4/],
    ['rule number 0', ok.replace(/100001/g, '0'), VyosConfigError, /1-999999/],
    ['translation port with a port list', ok.replace("port '1'", "port '1,2'").replace('commit', "set nat destination rule 100001 translation port '5'\ncommit"), VyosConfigError, /not a 1:1 mapping/],
    ['missing interface', ok.replace("set nat destination rule 100001 inbound-interface name 'eth0'\n", ''), VyosConfigError, /no inbound-interface name/],
    ['a group that does not exist', ok.replace('commit', "set nat destination rule 100001 source group network-group 'synfw-x-v4'\ncommit"), VyosConfigError, /not a network-group/],
    ['a 256-character description', ok.replace('x a', `x ${'a'.repeat(248)}`), VyosConfigError, /description/],
    ['a state on a NAT rule', ok.replace('commit', "set nat destination rule 100001 state 'new'\ncommit"), VyosConfigError, /unknown nat destination rule leaf "state"/],
  ])('%s', (_name, bad, kind, why) => {
    expect(() => rec(bad)).toThrow(kind);
    expect(() => rec(bad)).toThrow(why);
  });

  it.each([
    ['a changed guard', (s: string) => s.replace('if [ "$(id -u)" = 0 ]', 'if [ "$(id -u)" = 1 ]'), /expected/],
    ['a command between the sets', (s: string) => s.replace('\nset nat', '\nrm -rf /\nset nat'), /unknown command|unexpected/],
    ['a delete outside the loops', (s: string) => s.replace('\nset nat', '\ndelete nat destination rule 1\nset nat'), /only in its loops/],
    ['code after exit', (s: string) => `${s}echo done\n`, /after the final exit/],
    ['a loop over another list', (s: string) => s.replace('for n in $synfw_snat; do delete nat source', 'for n in $synfw_snat; do delete nat destination'), /expected/],
    ['a tag that the scan does not use', (s: string) => s.replace(/'synfw:sample '\*\)/, "'synfw:'*)"), /expected/],
    // script-template's configure, set, delete, commit and exit are aliases: inside a ( ... ) that bash
    // read before the source line ran, they would be the shell's own set and exit, or not found.
    ['a subshell around it', (s: string) => s.replace('\nif [ "$(id -u)" = 0 ]', '\n(\nif [ "$(id -u)" = 0 ]').replace(/\nexit\n$/, '\nexit\n)\n'), /expected if \[ "\$\(id -u\)" = 0 \]; then, got "\("/],
    ['no interface check', (s: string) => s.replace(/^if ! ip link show dev [^\n]*\n(.*\n){3}fi\n/gm, ''), /expected an interface check/],
    ['an interface check that goes on', (s: string) => s.replace('" >&2\n  exit 1\nfi\n', '" >&2\nfi\n'), /expected "  exit 1"/],
    ['an interface check after the zone check', (s: string) => s.replace(/^(if ! ip link show dev [^\n]*\n(?:.*\n){3}fi\n)((?:.*\n){4})/m, '$2$1'), /expected an interface check/],
    ['an interface checked twice', (s: string) => s.replace(/^(if ! ip link show dev [^\n]*\n(?:.*\n){3}fi\n)/m, '$1$1'), /checked twice/],
    ['another interface listing', (s: string) => s.replace('printf "%s ", $2', 'print $2'), /expected/],
    ['no zone-firewall check', (s: string) => s.replace(/^if cli-shell-api existsActive firewall zone; then\n(.*\n){2}fi\n/m, ''), /expected/],
    ['a zone-firewall check that goes on', (s: string) => s.replace(/(existsActive firewall zone; then\n.*\n) {2}exit 1\n/, '$1'), /expected/],
    ['an interface check inside configure', (s: string) => s.replace('\nconfigure\n', "\nconfigure\nif ! ip link show dev 'eth0' >/dev/null 2>&1; then\n  exit 1\nfi\n"), /expected/],
  ])('script: %s', (_name, edit, why) => {
    expect(edit(script(samplePlan()))).not.toBe(script(samplePlan()));
    const text = edit(script(samplePlan()));
    expect(() => parseVyosScript(text)).toThrow(VyosSyntaxError);
    expect(() => parseVyosScript(text)).toThrow(why);
  });
});

describe('vyos: IPv6 accepts match connection state (the strict model checks the values)', () => {
  const plan = samplePlan({ nas: { ...samplePlan().nas, address6: '2001:db8::10' } });
  const text = commands(plan);
  const rec = (t: string) => recoverVyos(applyCommands(parseVyosCommands(t).cmds), wanOf(plan), null);
  const accept = /^set firewall ipv6 forward filter rule (\d+) destination address /m.exec(text)![1]!;
  const reply = /^set firewall ipv6 forward filter rule (\d+) source address /m.exec(text)![1]!;
  const line = (n: string, state: string) => `set firewall ipv6 forward filter rule ${n} state '${state}'\n`;

  it('accepts: established, new and related (not invalid); replies: established and related', () => {
    for (const s of ['established', 'new', 'related']) expect(text).toContain(line(accept, s));
    for (const s of ['established', 'related']) expect(text).toContain(line(reply, s));
    expect(text).not.toContain(line(reply, 'new'));
    expect(text).not.toContain("state 'invalid'");
    expect(rec(text).accepts6.length).toBeGreaterThan(0);
  });

  it.each([
    ['an accept without new', (t: string) => t.replace(line(accept, 'new'), ''), /state established,related, not established,new,related/],
    ['an accept with invalid too', (t: string) => t.replace(line(accept, 'new'), `${line(accept, 'new')}${line(accept, 'invalid')}`), /state established,invalid,new,related/],
    ['a reply that accepts new connections', (t: string) => t.replace(line(reply, 'related'), `${line(reply, 'related')}${line(reply, 'new')}`), /not established,related/],
    ['a reply without state', (t: string) => t.replace(line(reply, 'established'), '').replace(line(reply, 'related'), ''), /state unset/],
    ['a state value set twice', (t: string) => t.replace(line(accept, 'new'), `${line(accept, 'new')}${line(accept, 'new')}`), /state set twice/],
    ['an unknown state', (t: string) => t.replace(line(accept, 'new'), line(accept, 'untracked')), /not one of established/],
  ])('rejects %s', (_name, edit, why) => {
    expect(edit(text)).not.toBe(text);
    expect(() => rec(edit(text))).toThrow(VyosConfigError);
    expect(() => rec(edit(text))).toThrow(why);
  });
});

// ---- the script under bash, with stub VyOS commands ---------------------------------------------

const CI = process.env.CI === 'true';
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
function need(ctx: TestContext, tools: string[]): void {
  const missing = tools.filter((t) => !has(t));
  if (!missing.length) return;
  if (CI) throw new Error(`required for this test: ${missing.join(', ')}`);
  ctx.skip(`skipped: ${missing.join(', ')} not installed`);
}

/** set/delete calls as parsed commands; the looked-up addresses become the variables they came from. */
function callsToCmds(calls: string[][], vars: Record<string, string> = {}): VyCmd[] {
  return calls
    .filter((c) => c[0] === 'set' || c[0] === 'delete')
    .map((c, line) => ({
      verb: c[0] as 'set' | 'delete',
      words: c.slice(1).map((text) => {
        const v = Object.entries(vars).find(([, value]) => value === text);
        return v ? { text: '', shellVar: v[0] } : { text };
      }),
      line,
    }));
}

describe('vyos: the script run by bash against a stub router', () => {
  it('on a fresh router: configure, the sets (as bash passes them), commit, save, exit', (ctx) => {
    need(ctx, ['bash']);
    for (const plan of [samplePlan(), optionsPlan({ hairpin: false }), hostilePlan()]) {
      const text = script(plan);
      const r = runOnStub(text);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.calls[0]).toEqual(['configure']);
      expect(r.calls.slice(-3)).toEqual([['commit'], ['save'], ['exit']]);
      expect(r.calls.filter((c) => c[0] === 'delete')).toEqual([]);
      // What bash passed is exactly what the strict parser read from the text.
      const run = recoverVyos(applyCommands(callsToCmds(r.calls)), wanOf(plan), null);
      expect(run).toEqual(readScript(plan, text).rec);
      expectFaithful(plan, run);
    }
    expect(existsSync('/tmp/synfw-canary')).toBe(false);
  });

  it('on a re-run: deletes the tagged rules in its range (stale ones too) and its groups, nothing else', (ctx) => {
    need(ctx, ['bash']);
    const plan = samplePlan({ allowFrom: ['198.51.100.0/24'] });
    const base = ruleBase('sample');
    const tag = (s: string) => `synfw:sample ${s}`;
    const r = runOnStub(script(plan), {
      rules: [
        ['nat destination rule', 10, 'my own port forward'],
        ['nat destination rule', base + 1, tag('dsm tcp/443')],
        ['nat destination rule', base + 500, tag('an app removed since')],
        ['nat destination rule', base + 1000, 'the next block'],
        ['nat source rule', 100, 'masquerade'],
        ['firewall ipv4 forward filter rule', base + 3, tag('accept')],
        ['firewall ipv6 forward filter rule', base + 1, tag('accept IPv6')],
      ],
      groups: ['network-group synfw-sample-v4', 'ipv6-network-group synfw-sample-v6', 'network-group other'],
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const deletes = r.calls.filter((c) => c[0] === 'delete').map((c) => c.slice(1).join(' '));
    expect(deletes).toEqual([
      `nat destination rule ${base + 1}`,
      `nat destination rule ${base + 500}`,
      `firewall ipv4 forward filter rule ${base + 3}`,
      `firewall ipv6 forward filter rule ${base + 1}`,
      'firewall group network-group synfw-sample-v4',
      'firewall group ipv6-network-group synfw-sample-v6',
    ]);
    const kinds = r.calls.map((c) => c[0]);
    expect(kinds.indexOf('set')).toBeGreaterThan(kinds.lastIndexOf('delete'));
  });

  it("stops before configure when a rule in its range is not tagged (another profile's, or someone's)", (ctx) => {
    need(ctx, ['bash']);
    const base = ruleBase('sample');
    for (const desc of ['synfw:samples x', 'port forward', '']) {
      const r = runOnStub(script(samplePlan()), { rules: [['nat source rule', base + 7, desc]] });
      expect(r.status).toBe(1);
      expect(r.calls).toEqual([]);
      expect(r.stderr).toContain(`nat source rule ${base + 7} is in the rule numbers of profile sample`);
    }
  });

  it('refuses root, and re-runs itself in the vyattacfg group', (ctx) => {
    need(ctx, ['bash']);
    const root = runOnStub(script(samplePlan()), { uid: '0' });
    expect(root.status).toBe(1);
    expect(root.calls).toEqual([]);
    expect(root.stderr).toContain('do not run this as root');
    const user = runOnStub(script(samplePlan()), { group: 'users' });
    expect(user.status).toBe(0);
    expect(user.calls).toEqual([]);
    expect(user.sg).toBe(`vyattacfg\n-c\n/bin/vbash ${user.path}\n`);
  });

  it('hairpin: looks up the WAN address (ethernet or PPPoE) and the LAN subnet, and stops without them', (ctx) => {
    need(ctx, ['bash', 'awk']);
    const route = { 'br0': '192.168.30.0/24 proto kernel scope link src 192.168.30.1 \n' };
    for (const [wan, line, addr] of [
      ['eth0', '2: eth0    inet 203.0.113.5/24 brd 203.0.113.255 scope global eth0\\       valid_lft forever preferred_lft forever\n', '203.0.113.5'],
      ['pppoe0', '9: pppoe0    inet 100.64.1.2 peer 10.0.0.1/32 scope global pppoe0\\       valid_lft forever preferred_lft forever\n', '100.64.1.2'],
    ] as const) {
      const plan = optionsPlan({ router: { wan, lan: 'br0' } });
      const r = runOnStub(script(plan), { addr: { [wan]: line }, route });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const rec = recoverVyos(applyCommands(callsToCmds(r.calls, { synfw_wan4: addr, synfw_lan4: '192.168.30.0/24' })), wan, 'br0');
      expectFaithful(plan, rec);
      // One hairpin DNAT rule per WAN DNAT rule, each matching the looked-up address.
      expect(r.calls.filter((c) => c.includes(addr))).toHaveLength(rec.descriptions.dnat.length / 2);
    }
    const plan = optionsPlan();
    for (const router of [{ route }, { addr: { eth0: '2: eth0    inet 203.0.113.5/24 scope global eth0\n' } }]) {
      const r = runOnStub(script(plan), router);
      expect(r.status).toBe(1);
      expect(r.calls).toEqual([]);
      expect(r.stderr).toMatch(/synfw: no IPv4 (address|subnet) on/);
    }
  });

  it('an interface the rules name is missing: exit 1 before anything else, naming it and what the router has', (ctx) => {
    need(ctx, ['bash', 'awk']);
    const plan = optionsPlan({ router: { wan: 'pppoe0', lan: 'br0' } });
    const checks = neededChecks('vyos', plan, 'interface', true);
    expect(checks.map((c) => c.name)).toEqual(['pppoe0', 'br0']);
    for (const { name, message } of checks) {
      const links = ['lo', 'eth0', 'eth0.10@eth0', 'pppoe0', 'br0'].filter((l) => l !== name);
      const r = runOnStub(script(plan), { links });
      expect(r.status).toBe(1);
      expect(r.calls).toEqual([]);
      // iproute2 prints a VLAN as eth0.10@eth0: the listing cuts the @parent. The stub lists in name order.
      const listed = [...links].sort().map((l) => l.replace(/@.*/, ''));
      expect(r.stderr).toBe(`${message}\nsynfw: its interfaces: ${listed.map((l) => `${l} `).join('')}\n`);
    }
    // Control: with both there, the same run gets to configure.
    expect(runOnStub(script(plan), { links: ['pppoe0', 'br0'], addr: { pppoe0: '9: pppoe0    inet 100.64.1.2 peer 10.0.0.1/32 scope global pppoe0\n' }, route: { 'br0': '192.168.30.0/24 proto kernel scope link src 192.168.30.1 \n' } }).calls[0]).toEqual(['configure']);
  });

  it('a zone-based firewall: exit 1 before anything else, saying why', (ctx) => {
    need(ctx, ['bash']);
    const r = runOnStub(script(samplePlan()), { exists: ['firewall zone'] });
    expect([r.status, r.stderr, r.calls]).toEqual([1, `${ZONE_MESSAGE}\n`, []]);
  });

  it('a failed commit: no save, the session is left, exit status 1', (ctx) => {
    need(ctx, ['bash']);
    const r = runOnStub(script(samplePlan()), { commitFails: true });
    expect(r.status).toBe(1);
    expect(r.calls.slice(-2)).toEqual([['commit'], ['exit']]);
    expect(r.stderr).toContain('the commit failed');
  });
});

// ---- real tools ------------------------------------------------------------------------------------

const PLANS: [string, () => Plan][] = [
  ['sample', samplePlan],
  ['options', optionsPlan],
  ['hostile', hostilePlan],
  ['empty', () => samplePlan({ forwards: [], skipped: [] })],
  ...ALL_PROFILES.map((p): [string, () => Plan] => [p, () => planOf(p)]),
];

describe('vyos: syntax checks with real tools', () => {
  test.for(PLANS)('%s: bash -n and sh -n accept the script, bash -n the commands', ([, plan], ctx) => {
    need(ctx, ['bash', 'sh']);
    const p = plan();
    for (const [shell, text] of [['bash', script(p)], ['sh', script(p)], ...(p.hairpin ? [] : [['bash', commands(p)]])] as const) {
      const r = spawnSync(shell, ['-n'], { input: text, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  test.for(PLANS)('%s: shellcheck finds nothing at warning level', ([, plan], ctx) => {
    need(ctx, ['shellcheck']);
    const r = spawnSync('shellcheck', ['-s', 'bash', '-S', 'warning', '-'], { input: script(plan()), encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});

// ---- shipped profiles ----------------------------------------------------------------------------------
// The golden files, the header, determinism, the flows and the refusal of hairpin in the commands
// form are the contract test's (test/targets/contract.test.ts); here both forms get VyOS's own
// full reading: rule numbers, groups, accepts, replies, masquerade, interface checks, descriptions.

describe('vyos profiles', () => {
  test.each(ALL_PROFILES)('%s: both forms read back in full, printable ASCII only', (path) => {
    const plan = planOf(path);
    const forms: [string, () => string][] = [['default', () => script(plan)], ['commands', () => commands(plan)]];
    for (const [format, text] of forms) {
      if (format === 'commands' && plan.hairpin === true) continue; // refused: the contract test's
      const { rec } = format === 'default' ? readScript(plan, text()) : readCommands(plan, text());
      expectFaithful(plan, rec);
      expect(text()).toMatch(/^[\x20-\x7e\n]*$/);
    }
  });
});

// vyos target against vyos-1x's own definitions (../shared/vendor/vyos: sagitta = 1.4 LTS, current):
// every configure-mode command synfw's output would run, in both forms (the vbash script as bash
// runs it against a stub VyOS, on a fresh router and again on a router that has its rules; the
// commands form as pasted), checked with test/support/vyos/check.py: each path exists in the
// configuration tree, tag nodes and leaves get the values they take, and every value passes its
// constraint as VyOS decides it (regexes, vyos-1x's validator scripts, vyos-utils' numeric).
// Self-checks show the checker rejects what VyOS rejects. Tests marked "§5" assert what issue 8
// §5 requires of the output (see the report: some fail until the vyos target is fixed).

import { routerSides } from '../../src/targets/define.js';
import { TARGETS } from '../../src/targets/index.js';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { TargetError } from '../../src/targets/types.js';
import { target } from '../../src/targets/vyos/index.js';
import { allOptionsPlan, customForward, HOSTILE_TEXTS, hostilePlan, manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import { labDescribe } from '../lab/lab.js';
import { ALL_PROFILES, planOf, profileSlug, VERSION } from '../support/profiles.js';
import { activeAfter, configCalls, runOnStub, type StubRouter, type StubRun } from '../support/vyos-stub.js';
import { checkCommands, interfaceTypes, VYOS_BRANCHES, vyosAvailability, vyosSource, type CheckError, type CheckRun, type VyosBranch } from '../support/vyos-upstream.js';

const render = (plan: Plan, format?: string) => target.render(plan, { version: VERSION, ...(format ? { format } : {}) }).text;

interface Case {
  name: string;
  plan: () => Plan;
}

/** Every shipped profile, the hostile one, and plans that reach what the profiles do not. */
const CASES: Case[] = [
  ...ALL_PROFILES.map((p) => ({ name: profileSlug(p), plan: () => planOf(p) })),
  { name: 'sample plan (remapped range, port lists, tcp and udp)', plan: () => samplePlan() },
  { name: 'every option (allowFrom IPv4 and IPv6, hairpin, nas.address6)', plan: () => allOptionsPlan() },
  { name: 'allowFrom with IPv6 sources only', plan: () => allOptionsPlan({ allowFrom: [], hairpin: false }) },
  { name: 'tcp and udp twins (tcp_udp rules)', plan: () => samplePlan({ forwards: [customForward('tcp', [27015, 27030]), customForward('udp', [27015, 27030]), customForward('tcp', [9000, 9000], [9001, 9001]), customForward('udp', [9000, 9000], [9001, 9001])], skipped: [] }) },
  { name: '40 single ports (packed port lists)', plan: () => manyPortsPlan(40) },
  { name: 'hostile texts, each in a rule of its own', plan: () => samplePlan({ profile: { name: 'hostile', file: 'h.yaml' }, forwards: HOSTILE_TEXTS.map((t, i) => customForward('tcp', [31000 + i, 31000 + i], [41000 + i, 41000 + i], t, `evil-${i}`)), skipped: [] }) },
  { name: 'hostile texts packed', plan: hostilePlan },
];

const WAN_ADDR = '203.0.113.1';

/** What the hairpin lookups find on the stub router: the lab's WAN address and the NAS's /24 on the LAN. */
function lookups(plan: Plan): StubRouter {
  const sides = routerSides(TARGETS.vyos, { ...plan, hairpin: false });
  const wan = sides.wan;
  const lan = plan.router.targets?.vyos?.lan ?? plan.router.lan ?? 'lan0';
  const net = `${plan.nas.address.split('.').slice(0, 3).join('.')}.0/24`;
  return {
    addr: { [wan]: `2: ${wan}    inet ${WAN_ADDR}/24 brd 203.0.113.255 scope global ${wan}\\       valid_lft forever preferred_lft forever\n` },
    route: { [lan]: `${net} proto kernel scope link src ${net.replace(/0\/24$/, '1')} \n` },
  };
}

type Form = 'script' | 'script re-run' | 'commands';
const freshRuns = new Map<string, StubRun>();
const FORMS: Form[] = ['script', 'script re-run', 'commands'];

/**
 * The configure-mode commands of a case in a form, as bash passes them: the script on a fresh
 * stub router, the script again on a router holding what the first run added (its deletes), the
 * commands form pasted. null: the target refuses the plan in that form.
 */
function commandsOf(c: Case, form: Form): string[][] | null {
  const plan = c.plan();
  if (form === 'commands') {
    let text: string;
    try {
      text = render(plan, 'commands');
    } catch (e) {
      if (e instanceof TargetError) return null;
      throw e;
    }
    const r = runOnStub(text, {}, { form: 'commands' });
    if (r.status !== 0 || r.stderr) throw new Error(`${c.name} commands: bash says ${r.stderr} (${r.status})`);
    return configCalls(r.calls);
  }
  const text = render(plan);
  let fresh = freshRuns.get(c.name);
  if (!fresh) freshRuns.set(c.name, (fresh = runOnStub(text, lookups(plan))));
  if (fresh.status !== 0 || fresh.stderr) throw new Error(`${c.name} script: ${fresh.stderr} (${fresh.status})`);
  if (form === 'script') return configCalls(fresh.calls);
  const again = runOnStub(text, { ...activeAfter(fresh.calls), ...lookups(plan) });
  if (again.status !== 0 || again.stderr) throw new Error(`${c.name} script re-run: ${again.stderr} (${again.status})`);
  return configCalls(again.calls);
}

const runName = (c: Case, form: Form) => `${c.name} | ${form}`;

/** fn's result, computed on the first call (the tests of a branch share one check.py run). */
function lazy<T>(fn: () => T): () => T {
  let box: { value: T } | undefined;
  return () => (box ??= { value: fn() }).value;
}

/** Commands the checker must reject, each with the reason it must give, and the valid command each one breaks. */
const BAD: [string, string[], RegExp][] = [
  ['a misspelt node', ['set', 'nat', 'destinaton', 'rule', '100001', 'protocol', 'tcp'], /"destinaton" is not a node under "nat"/],
  ['an unknown leaf', ['set', 'nat', 'destination', 'rule', '100001', 'log-prefix', 'x'], /"log-prefix" is not a node/],
  ['rule number 0', ['set', 'nat', 'destination', 'rule', '0', 'protocol', 'tcp'], /"0" fails the constraint: NAT rule number must be between 1 and 999999/],
  ['rule number 1000000', ['set', 'firewall', 'ipv4', 'forward', 'filter', 'rule', '1000000', 'action', 'accept'], /"1000000" fails the constraint/],
  ['a leaf given two words (a leaf used as a tag node)', ['set', 'nat', 'destination', 'rule', '100001', 'description', 'synfw:x', 'two words'], /is a leaf: it takes one value, given 2 words/],
  ['a tag node without its value', ['set', 'nat', 'destination', 'rule'], /"nat destination rule" is a tag node: it needs a value/],
  ['a leaf without its value', ['set', 'nat', 'destination', 'rule', '100001', 'protocol'], /is a leaf that requires a value/],
  ['a valueless leaf given a value', ['set', 'firewall', 'ipv4', 'forward', 'filter', 'rule', '100001', 'log', 'enable'], /is a valueless leaf/],
  ['protocol both', ['set', 'nat', 'destination', 'rule', '100001', 'protocol', 'both'], /"both" fails the constraint/],
  ['port 0', ['set', 'nat', 'destination', 'rule', '100001', 'destination', 'port', '0'], /"0" fails the constraint/],
  ['port 65536 in a list', ['set', 'nat', 'destination', 'rule', '100001', 'destination', 'port', '443,65536'], /"443,65536" fails the constraint/],
  ['a backwards port range', ['set', 'firewall', 'ipv4', 'forward', 'filter', 'rule', '100001', 'destination', 'port', '6010-6001'], /"6010-6001" fails the constraint/],
  ['a translation port list', ['set', 'nat', 'destination', 'rule', '100001', 'translation', 'port', '80,81'], /"80,81" fails the constraint/],
  ['an IPv4 address with 256', ['set', 'nat', 'destination', 'rule', '100001', 'translation', 'address', '192.168.1.256'], /fails the constraint/],
  ['an IPv6 address as DNAT target', ['set', 'nat', 'destination', 'rule', '100001', 'translation', 'address', '2001:db8::10'], /fails the constraint/],
  ['a network-group network with host bits', ['set', 'firewall', 'group', 'network-group', 'synfw-x-v4', 'network', '198.51.100.1/24'], /fails the constraint/],
  ['an IPv6 prefix in an IPv4 network-group', ['set', 'firewall', 'group', 'network-group', 'synfw-x-v4', 'network', '2001:db8::/32'], /fails the constraint/],
  ['an IPv6 network with host bits', ['set', 'firewall', 'group', 'ipv6-network-group', 'synfw-x-v6', 'network', '2001:db8::1/48'], /fails the constraint/],
  ['a group name with a space', ['set', 'firewall', 'group', 'network-group', 'synfw x', 'network', '198.51.100.0/24'], /"synfw x" fails the constraint: Name of firewall group/],
  ['a 256-character description', ['set', 'nat', 'destination', 'rule', '100001', 'description', 'a'.repeat(256)], /fails the constraint: Description too long/],
  ['an interface name with a leading digit', ['set', 'nat', 'destination', 'rule', '100001', 'inbound-interface', 'name', '0eth'], /"0eth" fails the constraint/],
  ['an action VyOS does not have', ['set', 'firewall', 'ipv4', 'forward', 'filter', 'rule', '100001', 'action', 'allow'], /"allow" fails the constraint/],
  ['connection-status nat dnat', ['set', 'firewall', 'ipv4', 'forward', 'filter', 'rule', '100001', 'connection-status', 'nat', 'dnat'], /"dnat" fails the constraint/],
  ['a masquerade written wrong', ['set', 'nat', 'source', 'rule', '100001', 'translation', 'address', 'masq'], /"masq" fails the constraint/],
];

/** The same nodes with valid values, all in one run: none may be rejected (so the rejections above are about the values). */
const GOOD: string[][] = [
  ['set', 'nat', 'destination', 'rule', '100001', 'protocol', 'tcp_udp'],
  ['set', 'nat', 'destination', 'rule', '999999', 'description', `synfw:x ${'a'.repeat(247)}`],
  ['set', 'nat', 'destination', 'rule', '100001', 'destination', 'port', '443,6001-6010,65535'],
  ['set', 'nat', 'destination', 'rule', '100001', 'translation', 'address', '192.168.1.255'],
  ['set', 'nat', 'destination', 'rule', '100001', 'translation', 'port', '5001'],
  ['set', 'nat', 'destination', 'rule', '100001', 'inbound-interface', 'name', 'pppoe0'],
  ['set', 'nat', 'source', 'rule', '1', 'translation', 'address', 'masquerade'],
  ['set', 'firewall', 'ipv4', 'forward', 'filter', 'rule', '1', 'log'],
  ['set', 'firewall', 'ipv4', 'forward', 'filter', 'rule', '1', 'action', 'accept'],
  ['set', 'firewall', 'ipv4', 'forward', 'filter', 'rule', '1', 'connection-status', 'nat', 'destination'],
  ['set', 'firewall', 'group', 'network-group', 'synfw-x-v4', 'network', '198.51.100.0/24'],
  ['set', 'firewall', 'group', 'network-group', 'synfw-x-v4', 'network', '203.0.113.7/32'],
  ['set', 'firewall', 'group', 'ipv6-network-group', 'synfw-x-v6', 'network', '2001:db8::/32'],
  ['delete', 'nat', 'destination', 'rule', '100001'],
  ['delete', 'firewall', 'group', 'network-group', 'synfw-x-v4'],
];

/** Interface names and the `interfaces` type VyOS files them under, null for none (the self-check of interfaceTypes). */
const CAN_EXIST: Record<string, string | null> = { eth0: 'ethernet', 'eth1.10': 'ethernet', br0: 'bridge', pppoe0: 'pppoe', lan0: 'ethernet', wg0: 'wireguard', 'bond1.100': 'bonding', 'br-lan': null, wan0: null, 'eth0.x': null, '0eth': null };

/** The interface names a run's commands match on (inbound-interface name, outbound-interface name). */
function interfacesUsed(cmds: string[][]): string[] {
  const out = new Set<string>();
  for (const c of cmds) {
    const at = c.findIndex((w, i) => /^(in|out)bound-interface$/.test(w) && c[i + 1] === 'name');
    if (at > 0) out.add(c[at + 2]!);
  }
  return [...out].sort();
}

const avail = vyosAvailability();

labDescribe(
  "vyos: every set/delete line against vyos-1x's own definitions",
  avail,
  { timeout: 120_000, hint: 'needs the vendored vyos-1x tarballs, python3 and Debian libcidr0; see test/lab/README.md' },
  () => {
    const runs = new Map(FORMS.map((form) => [form, lazy(() => new Map(CASES.map((c) => [c.name, commandsOf(c, form)])))]));
    const runsOf = (form: Form): Map<string, string[][] | null> => runs.get(form)!();
    /** Every case in every form, and the self-checks: one check.py run per branch (validator results shared). */
    const allRuns = (): CheckRun[] => [
      ...FORMS.flatMap((form) => CASES.flatMap((c) => {
        const cmds = runsOf(form).get(c.name);
        return cmds ? [{ name: runName(c, form), commands: cmds }] : [];
      })),
      ...BAD.map(([name, cmd]) => ({ name: `bad: ${name}`, commands: [cmd] })),
      { name: 'bad: a single-value leaf given a second value', commands: [GOOD[0]!, ['set', 'nat', 'destination', 'rule', '100001', 'protocol', 'udp']] },
      { name: 'good', commands: GOOD },
    ];
    const results = new Map(VYOS_BRANCHES.map((b) => [b, lazy(() => checkCommands(vyosSource(b), allRuns()))]));
    const resultsOf = (branch: VyosBranch): Map<string, CheckError[]> => results.get(branch)!();

    test('the cases give the checker something to check: sets in every form, deletes on a re-run', () => {
      for (const c of CASES) {
        const fresh = runsOf('script').get(c.name)!;
        expect(fresh.filter((x) => x[0] === 'set').length, c.name).toBeGreaterThan(5);
        expect(fresh.filter((x) => x[0] === 'delete'), c.name).toEqual([]);
        const again = runsOf('script re-run').get(c.name)!;
        expect(again.filter((x) => x[0] === 'delete').length, c.name).toBeGreaterThan(0);
        expect(again.filter((x) => x[0] === 'set'), c.name).toEqual(fresh);
        const pasted = runsOf('commands').get(c.name);
        if (pasted) expect(pasted.filter((x) => x[0] === 'set'), c.name).toEqual(fresh);
        else expect(c.plan().hairpin, `${c.name}: the commands form refuses only hairpin`).toBe(true);
      }
    });

    for (const branch of VYOS_BRANCHES) {
      describe(`vyos-1x ${branch}`, () => {
        for (const c of CASES) {
          test.for(FORMS)(`${c.name}: every command of the %s passes VyOS's checks`, (form) => {
            const errors = resultsOf(branch).get(runName(c, form));
            if (errors === undefined) {
              expect(runsOf(form).get(c.name), 'only a form the target refuses is not checked').toBeNull();
              return;
            }
            expect(errors).toEqual([]);
          });
        }

        test('self-check: the checker rejects what VyOS rejects, each for its reason', () => {
          const r = resultsOf(branch);
          for (const [name, cmd, why] of BAD) {
            const errors = r.get(`bad: ${name}`)!;
            expect(errors.length, `${name}: ${cmd.join(' ')}`).toBeGreaterThan(0);
            expect(errors.map((e) => e.error).join('\n'), name).toMatch(why);
          }
          expect(r.get('bad: a single-value leaf given a second value')!.map((e) => e.error)).toEqual([expect.stringMatching(/single-value leaf, already set to "tcp_udp"/)]);
        });

        test('self-check: the same nodes with valid values pass', () => {
          expect(resultsOf(branch).get('good')).toEqual([]);
        });

        test('VyOS commits nat (priority 220) before firewall (489): a firewall failure leaves the new NAT live', () => {
          type Node = { priority?: string; kids?: Record<string, Node> };
          const root = JSON.parse(readFileSync(vyosSource(branch).defs, 'utf8')) as Node;
          expect(Number(root.kids!.nat!.priority)).toBe(220);
          expect(Number(root.kids!.firewall!.priority)).toBe(489);
        });

        test("interface names: a leading digit fails VyOS's set checks; @ : + pass them (VyOS fails only at commit, see the lab)", () => {
          const src = vyosSource(branch);
          const errs = checkCommands(src, ['0eth', 'eth0@x', 'eth0:1', 'eth+'].map((n) => ({ name: n, commands: [['set', 'nat', 'destination', 'rule', '100001', 'inbound-interface', 'name', n]] })));
          expect(errs.get('0eth')!.length).toBe(1);
          for (const n of ['eth0@x', 'eth0:1', 'eth+']) expect(errs.get(n), n).toEqual([]);
        });

        /** Whether each interface named by a profile, and each self-check name, can exist on VyOS (one check.py run). */
        const existing = lazy(() => {
          const used = new Map<string, string[] | TargetError>();
          for (const p of ALL_PROFILES) {
            try {
              used.set(p, interfacesUsed(commandsOf({ name: p, plan: () => planOf(p) }, 'script')!));
            } catch (e) {
              if (!(e instanceof TargetError)) throw e;
              used.set(p, e);
            }
          }
          const names = [...used.values()].flatMap((u) => (u instanceof TargetError ? [] : u));
          return { used, ok: interfaceTypes(vyosSource(branch), [...new Set([...names, ...Object.keys(CAN_EXIST)])]) };
        });

        // §5 "one profile, many routers": a name no VyOS interface can have gives rules that match nothing.
        test.for(ALL_PROFILES)('§5 %s: every interface the output names can exist on VyOS, or the target refuses the profile naming the key to set', (profile) => {
          const { used, ok } = existing();
          const names = used.get(profile)!;
          if (names instanceof TargetError) {
            expect(names.diagnostics[0]!.message).toMatch(/router\.[a-z.]*(wan|lan)/);
            return;
          }
          expect(names.length).toBeGreaterThan(0);
          expect(names.filter((n) => ok.get(n) === null), `interfaces VyOS cannot have, named by ${profile}`).toEqual([]);
        });

        test('self-check: names VyOS interfaces have pass, others do not', () => {
          const { ok } = existing();
          expect(Object.fromEntries(Object.keys(CAN_EXIST).map((n) => [n, ok.get(n)]))).toEqual(CAN_EXIST);
        });
      });
    }

    // ---- §5: what the output must do that VyOS itself does not check -------------------------------

    test.for(['0eth', 'eth0@x', 'eth0:1', 'eth+'])('§5: router.wan or router.lan %s is refused at generation time (SFW304): VyOS rejects it at set or at commit', (name) => {
      for (const plan of [samplePlan({ router: { wan: name } }), samplePlan({ hairpin: true, router: { wan: 'eth0', lan: name } })]) {
        let err: unknown;
        try {
          render(plan);
        } catch (e) {
          err = e;
        }
        expect(err, `${name} accepted`).toBeInstanceOf(TargetError);
        expect((err as TargetError).diagnostics[0]).toMatchObject({ code: 'SFW304', message: expect.stringContaining(name) });
      }
    });

    test('§5: after a failed commit the script does not claim the old configuration is kept (NAT, committed first, may be live)', () => {
      const r = runOnStub(render(samplePlan()), { commitFails: true });
      expect(r.status).toBe(1);
      expect(r.calls.map((c) => c[0])).toContain('commit');
      expect(r.stderr).toMatch(/commit failed/);
      expect(r.stderr).not.toMatch(/keeps? (its|the) (previous|old) configuration|(previous|old) configuration (is|was) kept|nothing (was|is) changed/i);
    });

    test('§5: the header warns about a zone-based firewall (its VYOS_ZONE_FORWARD drops forwards the forward filter accepts)', () => {
      for (const text of [render(samplePlan()), render(samplePlan(), 'commands')]) {
        const header = text.split('\n').filter((l) => l.startsWith('#')).join('\n');
        expect(header).toMatch(/zone/i);
      }
    });
  },
);

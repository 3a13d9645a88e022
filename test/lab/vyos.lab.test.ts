// Router lab, vyos target: synfw's script runs in a lab router namespace (bash, the stub VyOS CLI,
// the real `ip` for its lookups); the configure-mode commands it ran, on top of a base router
// config, go through vyos-1x's own conf-mode scripts and templates (sagitta = VyOS 1.4 LTS, and
// current); the nftables VyOS renders is checked with `nft -c -f`, loaded, and every client of
// the full lab sends real packets through it. One lab per profile, all at once; see README.md.

import { beforeAll, describe, expect, test } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { TargetError } from '../../src/targets/types.js';
import { target } from '../../src/targets/vyos/index.js';
import { ruleBase, RULES_MAX } from '../../src/targets/vyos/view.js';
import { ALL_PROFILES, planOf, profileSlug, VERSION } from '../support/profiles.js';
import { activeAfter, activePaths, configCalls, runOnStub, type StubRun } from '../support/vyos-stub.js';
import { checkCommands, interfaceTypes, VYOS_BRANCHES, vyosAvailability, vyosSource } from '../support/vyos-upstream.js';
import { allClosed, Lab, labAvailability, labDescribe, once, planExpectations, ROUTER_WAN_ADDR, startLabsTogether, Steps, stepTimings } from './lab.js';
import { groupMismatches, labOptionsFor, probeGroups, runGroups, type GroupResult } from './router.js';
import { loadOnLabRouter, renderOnLabRouter, runOnLabRouter, vyosBase, vyosZoneBase, type Rendered } from './vyos-router.js';
import { restricts } from '../../src/readers/expected.js';

const labAvail = labAvailability(['nft']);
const vyAvail = vyosAvailability({ render: true });
const avail = !labAvail.ok ? labAvail : !vyAvail.ok ? vyAvail : labAvail;

const render = (plan: Plan, format?: string) => target.render(plan, { version: VERSION, ...(format ? { format } : {}) }).text;

const set = (...words: string[]): string[] => ['set', ...words];

/** The commands form as pasted (bash with the stub's set/delete), or the refusal. */
function pastedCalls(plan: Plan): string[][] | TargetError {
  try {
    const r = runOnStub(render(plan, 'commands'), {}, { form: 'commands' });
    if (r.status !== 0 || r.stderr) throw new Error(`the commands form under bash: ${r.stderr} (${r.status})`);
    return configCalls(r.calls);
  } catch (e) {
    if (e instanceof TargetError) return e;
    throw e;
  }
}

/**
 * The `interfaces` types of every interface name a lab here uses (the profiles' router.wan and
 * router.lan, the lab's defaults), looked up once before the labs start: check.py runs
 * synchronously. The definitions of both branches agree on them (the base configs are checked
 * against both below).
 */
const IFACES = [...new Set([...ALL_PROFILES.flatMap((p) => [planOf(p).router.wan ?? 'eth0', planOf(p).router.lan ?? 'lan0']), 'lan0', 'lan1'])];
let ifaceTypes = new Map<string, string | null>();

/** A full lab for the plan (`lanClient`: with a LAN client), its steps recorded, always destroyed. */
async function inLab(plan: Plan, lanClient: boolean, body: (lab: Lab, steps: Steps) => Promise<void>): Promise<Steps> {
  const steps = new Steps();
  const lab = await Lab.create(labOptionsFor(plan, 'vyos', { full: true, lanClient }));
  try {
    await body(lab, steps);
  } finally {
    await lab.destroy();
  }
  return steps;
}

/** The target's refusal of the profile's script, if it refuses it (then the lab has nothing to run). */
function refusal(plan: Plan): TargetError | null {
  try {
    render(plan);
    return null;
  } catch (e) {
    if (e instanceof TargetError) return e;
    throw e;
  }
}

const probeAll = (lab: Lab, plan: Plan, hairpin = plan.hairpin === true): Promise<GroupResult[]> => runGroups(lab, probeGroups(plan, lab, { hairpin }));

/**
 * One profile: its script run twice on the lab router (a fresh router, then one holding the first
 * run's rules), the commands form pasted; VyOS's rendering of base + first run (sagitta and
 * current), of base + both runs, and of base + the pasted commands (sagitta); then the sagitta
 * rendering loaded and every client probed, and the same with current's.
 */
async function runProfile(profile: string): Promise<Steps> {
  const plan = planOf(profile);
  const text = render(plan);
  const pasted = pastedCalls(plan);
  return inLab(plan, plan.hairpin === true, async (lab, steps) => {
    await steps.run('pasted', async () => pasted);
    const listening = lab.startListeners(planExpectations(plan).listen);
    // The CLI finds the base config active (a script may look for its interfaces there).
    const base = vyosBase(lab, ifaceTypes);
    const fresh = await steps.run('fresh', () => runOnLabRouter(lab, text, { exists: activePaths(base) }));
    const again = fresh && (await steps.run('again', () => runOnLabRouter(lab, text, { ...activeAfter(fresh.calls), exists: activePaths(base) })));
    await steps.run('canary', async () => lab.canaryExists());
    if (!fresh || !again) return;
    const renders = await Promise.all(
      VYOS_BRANCHES.map((branch) =>
        steps.run(`render ${branch}`, () => {
          const main = [...base, ...configCalls(fresh.calls)];
          const more = branch === 'sagitta' ? [{ name: 'again', commands: [...main, ...configCalls(again.calls)] }, ...(pasted instanceof TargetError ? [] : [{ name: 'pasted', commands: [...base, ...pasted] }])] : [];
          return renderOnLabRouter(lab, vyosSource(branch), [{ name: 'main', commands: main }, ...more]);
        }),
      ),
    );
    await listening;
    for (const [i, branch] of VYOS_BRANCHES.entries()) {
      await steps.run(`traffic ${branch}`, async () => {
        await loadOnLabRouter(lab, renders[i]!.get('main')!);
        return probeAll(lab, plan);
      });
    }
  });
}

/**
 * The lab's own checks on restricted.yaml (allowFrom, IPv6) with a LAN client: VyOS's rendering of
 * the base config alone must let nothing through (the drop is real), and of a leaky config
 * (everything DNATed to the NAS from anywhere, forwarded, masqueraded) must be caught. Also VyOS's
 * own verdict on interface names with @ : + (they pass `set`, see the static checks).
 */
async function selfCheck(): Promise<Steps> {
  const plan = planOf('profiles/restricted.yaml');
  return inLab(plan, true, async (lab, steps) => {
    await lab.startListeners(planExpectations(plan).listen);
    const base = vyosBase(lab, ifaceTypes);
    const leaky = [
      ...base.filter((c) => c[1] === 'interfaces'),
      set('nat', 'destination', 'rule', '10', 'inbound-interface', 'name', lab.wanIf),
      set('nat', 'destination', 'rule', '10', 'translation', 'address', lab.nasAddr),
      set('nat', 'destination', 'rule', '20', 'inbound-interface', 'name', lab.lanIf),
      set('nat', 'destination', 'rule', '20', 'destination', 'address', ROUTER_WAN_ADDR),
      set('nat', 'destination', 'rule', '20', 'translation', 'address', lab.nasAddr),
      set('nat', 'source', 'rule', '10', 'destination', 'address', lab.nasAddr),
      set('nat', 'source', 'rule', '10', 'translation', 'address', 'masquerade'),
    ];
    const badName = (name: string) => [...base, ...['protocol tcp', 'destination port 80', `inbound-interface name ${name}`, `translation address ${lab.nasAddr}`].map((w) => set('nat', 'destination', 'rule', '10', ...w.split(' ')))];
    await steps.run('base config', async () => base);
    const r = await renderOnLabRouter(lab, vyosSource('sagitta'), [
      { name: 'base', commands: base },
      { name: 'leaky', commands: leaky },
      ...['eth0@x', 'eth0:1', 'eth+'].map((n) => ({ name: `name ${n}`, commands: badName(n) })),
    ]);
    await steps.run('names', async () => r);
    await steps.run('base', async () => {
      await loadOnLabRouter(lab, r.get('base')!);
      return runGroups(lab, probeGroups(plan, lab, { hairpin: false }).map((g) => ({ ...g, expectations: allClosed(g.expectations) })));
    });
    await steps.run('leaky', async () => {
      await loadOnLabRouter(lab, r.get('leaky')!);
      return probeAll(lab, plan, true);
    });
  });
}

/**
 * §5: a router whose firewall is zone-based (home.yaml). synfw's script runs against a CLI that
 * reports `firewall zone`; if it goes ahead, VyOS's rendering of the zone config plus what it ran
 * is probed. Control: the same zone config with an accept for DNATed connections in the WAN-LAN
 * name, as a zone user would add it by hand, lets the forwards through (the lab can pass).
 */
async function zoneRun(): Promise<Steps> {
  const plan = planOf('profiles/home.yaml');
  return inLab(plan, false, async (lab, steps) => {
    const listening = lab.startListeners(planExpectations(plan).listen);
    const zone = vyosZoneBase(lab, ifaceTypes);
    await steps.run('zone base', async () => zone);
    const ran = await steps.run('script', () => runOnLabRouter(lab, render(plan), { exists: activePaths(zone) }));
    // §5: outputs naming an interface this router does not have (its are eth0 and lan0).
    const base = vyosBase(lab, ifaceTypes);
    await steps.run('no eth9', () => runOnLabRouter(lab, render({ ...plan, router: { wan: 'eth9' } }), { exists: activePaths(base) }));
    const hair = planOf('profiles/hairpin.yaml');
    await steps.run('no br9', () => runOnLabRouter(lab, render({ ...hair, nas: { ...hair.nas, address: plan.nas.address }, router: { wan: lab.wanIf, lan: 'br9' } }), { exists: activePaths(base) }));
    if (!ran) return;
    const accept = ['action accept', 'connection-status nat destination'].map((w) => set('firewall', 'ipv4', 'name', 'WAN-LAN', 'rule', '10', ...w.split(' ')));
    const r = await renderOnLabRouter(lab, vyosSource('sagitta'), [
      { name: 'synfw', commands: [...zone, ...configCalls(ran.calls)] },
      { name: 'control', commands: [...zone, ...configCalls(runOnStub(render(plan)).calls), ...accept] },
    ]);
    await listening;
    if (configCalls(ran.calls).length) {
      await steps.run('synfw', async () => {
        await loadOnLabRouter(lab, r.get('synfw')!);
        return probeAll(lab, plan);
      });
    }
    await steps.run('control', async () => {
      await loadOnLabRouter(lab, r.get('control')!);
      return probeAll(lab, plan);
    });
  });
}

const answered = (gs: GroupResult[]): number => gs.reduce((n, g) => n + g.results.filter((r) => r.answer !== null).length, 0);

/** synfw's rules in a rendered file: VyOS comments them "<list>-<number>" with the rule number. */
function synfwRules(text: string, plan: Plan, comment: RegExp): string[] {
  const base = ruleBase(plan.profile.name);
  return text.split('\n').filter((l) => {
    const m = comment.exec(l);
    return m !== null && Number(m[1]) > base && Number(m[1]) <= base + RULES_MAX;
  });
}

labDescribe(
  'router lab: vyos (vyos-1x sagitta and current)',
  avail,
  { timeout: 90_000, hint: 'run as root with nft, the vendored vyos-1x tarballs, python3, python3-jinja2 and libcidr0; see test/lab/README.md' },
  () => {
    const refused = new Map(ALL_PROFILES.map((p) => [p, refusal(planOf(p))]));
    const runs = new Map(ALL_PROFILES.filter((p) => !refused.get(p)).map((p) => [p, once(() => runProfile(p))]));
    const check = once(selfCheck);
    const zone = once(zoneRun);
    beforeAll(() => {
      ifaceTypes = interfaceTypes(vyosSource('sagitta'), IFACES);
    });
    startLabsTogether('vyos', [...runs.values(), check, zone], () => stepTimings(runs, (s) => s.timings));

    test.for(VYOS_BRANCHES)("the lab's base router configs (forward filter base, zone base) pass vyos-1x %s's set checks", async (branch) => {
      const [steps, zsteps] = await Promise.all([check(), zone()]);
      const base = steps.get<string[][]>('base config');
      expect(base.some((c) => c[1] === 'interfaces')).toBe(true);
      const errors = checkCommands(vyosSource(branch), [
        { name: 'base', commands: base },
        { name: 'zone', commands: zsteps.get<string[][]>('zone base') },
      ]);
      expect([...errors.values()].flat()).toEqual([]);
    });

    describe('lab self-check', () => {
      test("VyOS's rendering of the base config alone (forward filter default-action drop) lets nothing through, to any client", async () => {
        const groups = (await check()).get<GroupResult[]>('base');
        expect(groups.map((g) => g.kind).sort()).toEqual(['hairpin', 'hairpin', 'ipv4', 'ipv4', 'ipv6', 'ipv6']);
        expect(answered(groups)).toBe(0);
      });

      test('a leaky VyOS config (everything DNATed from anywhere, forwarded, masqueraded) is caught: the checks can fail', async () => {
        const lines = groupMismatches((await check()).get<GroupResult[]>('leaky'));
        expect(lines.some((l) => l.startsWith('wan2 ipv4') && /got NAS port/.test(l))).toBe(true);
        expect(lines.some((l) => /saw the connection from/.test(l))).toBe(true);
        expect(lines.some((l) => /tcp WAN 22: expected no answer/.test(l))).toBe(true);
        expect(lines.some((l) => /ipv6.*expected no answer.*got NAS port/.test(l))).toBe(true);
      });

      test("interface names with @ : + pass VyOS's set checks, but VyOS's nat.py fails the commit: nft rejects its rendering", async () => {
        const r = (await check()).get<Map<string, Rendered>>('names');
        for (const n of ['eth0@x', 'eth0:1', 'eth+']) expect(r.get(`name ${n}`)!.error, n).toMatch(/ConfigError: Configuration file errors encountered/);
        expect(r.get('base')!.error).toBeNull();
      });
    });

    for (const profile of ALL_PROFILES) {
      const plan = planOf(profile);
      const no = refused.get(profile);
      if (no) {
        test(`${profileSlug(profile)}: the target refuses the profile, naming the router key to set`, () => {
          expect(no.diagnostics[0]!.message).toMatch(/router\.[a-z.]*(wan|lan)/);
        });
        continue;
      }
      const run = runs.get(profile)!;
      describe(profileSlug(profile), () => {
        test('the script runs to commit and save on the lab router (its hairpin lookups with the real ip), no canary', async () => {
          const steps = await run();
          const fresh = steps.get<StubRun>('fresh');
          expect(fresh.stderr).toBe('');
          expect(fresh.status).toBe(0);
          expect(fresh.calls.map((c) => c[0]).slice(-3)).toEqual(['commit', 'save', 'exit']);
          if (plan.hairpin) expect(configCalls(fresh.calls).some((c) => c.includes(ROUTER_WAN_ADDR))).toBe(true);
          expect(steps.get<boolean>('canary')).toBe(false);
        });

        for (const branch of VYOS_BRANCHES) {
          test(`vyos-1x ${branch}: nat.py and firewall.py verify and generate the configuration without error or warning, and nft -c accepts their files`, async () => {
            const main = (await run()).get<Map<string, Rendered>>(`render ${branch}`).get('main')!;
            expect(main.error).toBeNull();
            expect(main.warnings).toEqual([]);
            expect(main.text.nat).toMatch(/dnat to /);
            expect(main.text.firewall).toMatch(/chain VYOS_FORWARD_filter/);
          });

          test(`vyos-1x ${branch}: every client sees what the plan says (forwards to the right NAS port, others and the other protocol closed, allowFrom, IPv6, hairpin)`, async () => {
            const groups = (await run()).get<GroupResult[]>(`traffic ${branch}`);
            const kinds = groups.map((g) => g.kind);
            expect(kinds.filter((k) => k === 'ipv4')).toHaveLength(restricts(plan) ? 2 : 1);
            if (plan.nas.address6) expect(kinds).toContain('ipv6');
            if (plan.hairpin) expect(kinds.filter((k) => k === 'hairpin')).toHaveLength(2);
            expect(groups.flatMap((g) => g.results).filter((r) => r.answer !== null).length).toBeGreaterThan(0);
            expect(groupMismatches(groups)).toEqual([]);
          });
        }

        test('a second run (deleting what the first added, then setting it again) gives VyOS the same nftables', async () => {
          const steps = await run();
          const again = steps.get<StubRun>('again');
          expect(again.status).toBe(0);
          expect(configCalls(again.calls).filter((c) => c[0] === 'delete').length).toBeGreaterThan(0);
          const r = steps.get<Map<string, Rendered>>('render sagitta');
          expect(r.get('again')!.error).toBeNull();
          expect(r.get('again')!.nothingToDelete).toEqual([]);
          expect(r.get('again')!.text).toEqual(r.get('main')!.text);
        });

        test('the commands form, pasted, gives VyOS the same nftables as the script (or is refused: hairpin)', async () => {
          const steps = await run();
          const pasted = steps.get<string[][] | TargetError>('pasted');
          if (pasted instanceof TargetError) {
            expect(plan.hairpin).toBe(true);
            expect(pasted.diagnostics.map((d) => d.code)).toEqual(['SFW301']);
            return;
          }
          const r = steps.get<Map<string, Rendered>>('render sagitta');
          // On a router without them, each delete line answers "Nothing to delete" (the header says so).
          expect(r.get('pasted')!.nothingToDelete).toEqual(pasted.filter((c) => c[0] === 'delete').map((c) => c.join(' ')));
          expect(r.get('pasted')!.text).toEqual(r.get('main')!.text);
        });

        if (plan.nas.address6) {
          test('§5: IPv6 accepts match connection state like the other targets (each of synfw\'s IPv6 rules in VyOS\'s nftables matches ct state or direction)', async () => {
            const fw = (await run()).get<Map<string, Rendered>>('render sagitta').get('main')!.text.firewall;
            const rules = synfwRules(fw, plan, /comment "ipv6-FWD-filter-(\d+)"/);
            expect(rules.length).toBeGreaterThan(0);
            expect(rules.filter((l) => !/\bct (state|direction)\b/.test(l))).toEqual([]);
          });
        }
      });
    }

    test.for([
      ['eth9', 'router.wan eth9 (home.yaml)', 'no eth9'],
      ['br9', 'router.lan br9 (hairpin.yaml)', 'no br9'],
    ])('§5: with %s, an interface the router does not have, the script stops before changing anything, naming what it looked for and what it found (%s)', async ([missing, , step]) => {
      const ran = (await zone()).get<StubRun>(step!);
      expect(ran.status).not.toBe(0);
      expect(configCalls(ran.calls)).toEqual([]);
      expect(ran.stderr).toContain(missing);
      expect(ran.stderr).toMatch(/\beth0\b|\blan0\b/);
    });

    describe('§5: a router with a zone-based firewall', () => {
      test('control: the zone config with an accept for DNATed connections in its WAN-LAN name lets the forwards through (the lab can pass)', async () => {
        expect(groupMismatches((await zone()).get<GroupResult[]>('control'))).toEqual([]);
      });

      test("synfw's script stops before changing anything (naming the zone-based firewall), or its rules let the forwards through", async () => {
        const steps = await zone();
        const ran = steps.get<StubRun>('script');
        if (configCalls(ran.calls).length === 0) {
          expect(ran.status).not.toBe(0);
          expect(ran.stderr).toMatch(/zone/i);
          return;
        }
        expect(groupMismatches(steps.get<GroupResult[]>('synfw'))).toEqual([]);
      });
    });
  },
);

// Router lab, profile options allowFrom, hairpin and nas.address6 with the iptables and nftables
// targets: a full lab per profile and target (a second WAN client outside allowFrom, IPv6 from the
// WAN straight to nas.address6, a LAN client behind the router's LAN bridge), real packets from
// every client at once, a control run with hairpin off, and a few plans derived from the profiles
// (UDP through the hairpin, allowFrom of one address family only). See README.md.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { loadTarget } from '../../src/targets/index.js';
import { ALL_PROFILES, VERSION, planOf, profileSlug } from '../support/profiles.js';
import { allClosed, Lab, labAvailability, labDescribe, once, planExpectations, ROUTER_WAN_ADDR, startLabsTogether, Steps } from './lab.js';
import { leakyNft, referenceNft } from './reference.js';
import {
  groupMismatches,
  iptablesBase,
  labOptionsFor,
  nftIntegrationCommands,
  nftablesBase,
  probeGroups,
  runGroups,
  type GroupResult,
  type RouterTarget,
} from './router.js';
import { restricts } from '../../src/readers/expected.js';

const avail = labAvailability(['nft', 'iptables', 'ip6tables']);

const TARGETS: RouterTarget[] = ['iptables', 'nftables'];

/** Profiles that use at least one of the options: restricted.yaml and hairpin.yaml today. */
const OPTION_PROFILES = ALL_PROFILES.filter((p) => {
  const plan = planOf(p);
  return restricts(plan) || plan.hairpin || plan.nas.address6 !== undefined;
});

/**
 * Plans derived from the shipped profiles for what they do not cover, rendered through the
 * targets directly: UDP and a remap through the hairpin (hairpin.yaml forwards TCP only), and
 * allowFrom with sources of one family only (the other family then gets nothing at all).
 */
const VARIANTS: { name: string; plan: () => Plan; check: (groups: GroupResult[]) => void }[] = [
  {
    name: 'home.yaml with hairpin on (router.lan br-lan): UDP and a remap through the hairpin',
    plan: () => ({ ...planOf('profiles/home.yaml'), hairpin: true, router: { wan: 'eth0', lan: 'br-lan' } }),
    check: (groups) => {
      const lan = groups.find((g) => g.kind === 'hairpin' && g.host === ROUTER_WAN_ADDR)!;
      expect(lan.expectations.filter((e) => e.answer !== null).map((e) => `${e.proto}/${e.port}`)).toEqual(expect.arrayContaining(['tcp/443', 'udp/1194']));
    },
  },
  {
    name: 'restricted.yaml with IPv4 sources only (allowFrom6 empty): no IPv6 source reaches the NAS',
    plan: () => ({ ...planOf('profiles/restricted.yaml'), allowFrom6: [] }),
    check: (groups) => {
      const v6 = groups.filter((g) => g.kind === 'ipv6');
      expect(v6).toHaveLength(2);
      for (const g of v6) expect(g.expectations.every((e) => e.answer === null)).toBe(true);
    },
  },
  {
    name: 'restricted.yaml with IPv6 sources only (allowFrom empty): no IPv4 source gets a forward',
    plan: () => ({ ...planOf('profiles/restricted.yaml'), allowFrom: [] }),
    check: (groups) => {
      const v4 = groups.filter((g) => g.kind === 'ipv4');
      expect(v4).toHaveLength(2);
      for (const g of v4) expect(g.expectations.every((e) => e.answer === null)).toBe(true);
      expect(groups.some((g) => g.kind === 'ipv6' && g.expectations.some((e) => e.answer !== null))).toBe(true);
    },
  },
];

/** The target's output for a plan, rendered directly (so a control run can change the plan). */
async function render(target: RouterTarget, plan: Plan): Promise<string> {
  return (await loadTarget(target)).render(plan, { version: VERSION }).text;
}

/** The router's default-drop base for a target: iptables/ip6tables FORWARD DROP, or table inet filter. */
const base = (target: RouterTarget) => (target === 'iptables' ? iptablesBase : nftablesBase);

/** Applies the target's output on a router that has the base, as the output's header says. */
async function apply(lab: Lab, target: RouterTarget, text: string, name = 'synfw'): Promise<void> {
  if (target === 'iptables') {
    const file = join(lab.dir, `${name}.sh`);
    writeFileSync(file, text);
    await lab.runScript('rtr', file);
  } else {
    await lab.mustIn('rtr', ['nft', '-f', '-'], { input: text });
    // Linked once; loading a new version of the file replaces synfw's table only.
    if (name === 'synfw') for (const cmd of nftIntegrationCommands(text, 'nft')) await lab.mustIn('rtr', ['sh', '-ec', cmd]);
  }
}

interface Phase {
  /** Puts (more) rules on the router. */
  load: (lab: Lab) => Promise<void>;
  /** Whether the LAN client must now be answered through the WAN address. */
  hairpin: boolean;
}

/**
 * One full lab and its phases, one after the other, each followed by every client's probes. New
 * probes use new source ports, so no conntrack entry carries over from one phase to the next.
 */
async function fullRun(plan: Plan, target: RouterTarget, phases: Phase[], lanClient = plan.hairpin === true): Promise<GroupResult[][]> {
  const started = performance.now();
  const lab = await Lab.create(labOptionsFor(plan, target, { full: true, lanClient }));
  const timings: number[] = [Math.round(performance.now() - started)];
  try {
    await Promise.all([base(target)(lab), lab.startListeners(planExpectations(plan).listen)]);
    const results: GroupResult[][] = [];
    for (const phase of phases) {
      await phase.load(lab);
      results.push(await runGroups(lab, probeGroups(plan, lab, { hairpin: phase.hairpin })));
    }
    timings.push(Math.round(performance.now() - started));
    if (process.env.SYNFW_LAB_TIMINGS) console.log(`[synfw lab] options ${plan.profile.name} ${target}: lab ready ${timings[0]} ms, done ${timings[1]} ms`);
    return results;
  } finally {
    await lab.destroy();
  }
}

async function runProfile(profile: string, target: RouterTarget): Promise<Steps> {
  const plan = planOf(profile);
  const off = { ...plan, hairpin: false };
  const steps = new Steps();
  await Promise.all([
    // The profile as it is; with hairpin, then the hairpin-off output applied over it (turning the
    // option off and running synfw's output again must take hairpin away).
    steps.run('main', async () => {
      const phases: Phase[] = [{ load: async (lab) => apply(lab, target, await render(target, plan)), hairpin: plan.hairpin === true }];
      if (plan.hairpin) phases.push({ load: async (lab) => apply(lab, target, await render(target, off), 'synfw-off'), hairpin: false });
      const [first, reapplied] = await fullRun(plan, target, phases);
      if (reapplied) await steps.run('reappliedOff', async () => reapplied);
      return first!;
    }),
    // Control: the same profile with hairpin off, in a lab of its own: the LAN client must not get through.
    plan.hairpin
      ? steps.run('hairpinOff', async () => (await fullRun(off, target, [{ load: async (lab) => apply(lab, target, await render(target, off)), hairpin: false }], true))[0]!)
      : Promise.resolve(),
  ]);
  return steps;
}

/**
 * The lab's own checks, with hand-written rules instead of synfw's, in two labs at once, each
 * running its rule sets one after the other: no rules behind iptables' FORWARD DROP, then none
 * behind nft's policy-drop forward chain; the correct ruleset, the same with hairpin off, then a
 * leaky one. Every probe opens a new connection from a new source port, so no conntrack entry
 * carries over from one rule set to the next.
 */
async function selfCheck(profile: string): Promise<Record<'noneIpt' | 'noneNft' | 'reference' | 'referenceOff' | 'leaky', GroupResult[]>> {
  const plan = planOf(profile);
  const inLab = async <T>(body: (lab: Lab) => Promise<T>): Promise<T> => {
    const lab = await Lab.create(labOptionsFor(plan, 'nftables', { full: true, lanClient: plan.hairpin === true }));
    try {
      return await body(lab);
    } finally {
      await lab.destroy();
    }
  };
  const listen = (lab: Lab) => lab.startListeners(planExpectations(plan).listen);
  const [none, rules] = await Promise.all([
    inLab(async (lab) => {
      // Without rules every probe expects silence, so each waits only the short "closed" time.
      const probe = () => runGroups(lab, probeGroups(plan, lab, { hairpin: plan.hairpin === true }).map((g) => ({ ...g, expectations: allClosed(g.expectations) })));
      await Promise.all([iptablesBase(lab), listen(lab)]);
      const noneIpt = await probe();
      await lab.mustIn('rtr', ['nft', 'flush', 'ruleset']);
      await nftablesBase(lab);
      return { noneIpt, noneNft: await probe() };
    }),
    inLab(async (lab) => {
      const nft = (text: string) => lab.mustIn('rtr', ['nft', '-f', '-'], { input: text });
      const probe = (hairpin: boolean) => runGroups(lab, probeGroups(plan, lab, { hairpin }));
      await Promise.all([nftablesBase(lab), listen(lab)]);
      await nft(referenceNft(plan, lab, { hairpin: plan.hairpin === true }));
      const reference = await probe(plan.hairpin === true);
      await nft(referenceNft(plan, lab, { hairpin: false }));
      const referenceOff = await probe(false);
      await nft(leakyNft(lab));
      return { reference, referenceOff, leaky: await probe(plan.hairpin === true) };
    }),
  ]);
  return { ...none, ...rules };
}

const byKind = (kind: GroupResult['kind']) => (g: GroupResult) => g.kind === kind;
const answered = (gs: GroupResult[]): number => gs.reduce((n, g) => n + g.results.filter((r) => r.answer !== null).length, 0);

labDescribe('router lab: allowFrom, hairpin, nas.address6', avail, { timeout: 60_000 }, () => {
  const runs = new Map(OPTION_PROFILES.flatMap((p) => TARGETS.map((t) => [`${p} ${t}`, once(() => runProfile(p, t))] as const)));
  const checks = new Map(OPTION_PROFILES.map((p) => [p, once(() => selfCheck(p))]));
  const variantRuns = new Map(
    VARIANTS.flatMap((v) =>
      TARGETS.map((t) => [`${v.name} ${t}`, once(async () => (await fullRun(v.plan(), t, [{ load: async (lab) => apply(lab, t, await render(t, v.plan())), hairpin: v.plan().hairpin === true }]))[0]!)] as const),
    ),
  );
  startLabsTogether('options', [...runs.values(), ...checks.values(), ...variantRuns.values()]);

  test('some profiles use the options (restricted.yaml, hairpin.yaml)', () => {
    expect(OPTION_PROFILES.map(profileSlug)).toEqual(expect.arrayContaining(['restricted', 'hairpin']));
  });

  for (const profile of OPTION_PROFILES) {
    const plan = planOf(profile);
    const check = checks.get(profile)!;

    describe(`${profileSlug(profile)}: lab self-check (hand-written nft rules)`, () => {
      test('a correct hand-written ruleset passes every check: the lab can pass', async () => {
        expect(groupMismatches((await check()).reference)).toEqual([]);
      });

      test('with the forward policy drop and no rules (nft and iptables), no client gets any answer', async () => {
        const { noneNft, noneIpt } = await check();
        expect(answered(noneNft)).toBe(0);
        expect(answered(noneIpt)).toBe(0);
        const groups = noneNft.map((g) => g.kind);
        if (plan.nas.address6) expect(groups).toContain('ipv6');
        if (plan.hairpin) expect(groups).toContain('hairpin');
      });

      test('a leaky ruleset (everything from anywhere, masqueraded) is caught: the checks can fail', async () => {
        const lines = groupMismatches((await check()).leaky);
        if (plan.allowFrom.length) expect(lines.some((l) => l.startsWith('wan2 ipv4') && /got NAS port/.test(l))).toBe(true);
        expect(lines.some((l) => /saw the connection from/.test(l))).toBe(true);
        expect(lines.some((l) => /tcp WAN 22: expected no answer/.test(l))).toBe(true);
        if (plan.nas.address6) expect(lines.some((l) => /ipv6.*expected no answer.*got NAS port/.test(l))).toBe(true);
      });

      if (plan.hairpin) {
        test('the hand-written ruleset with hairpin off passes the control run (the LAN client gets nothing)', async () => {
          const off = (await check()).referenceOff;
          expect(off.filter(byKind('hairpin'))).toHaveLength(2);
          expect(groupMismatches(off)).toEqual([]);
        });
      }
    });

    for (const target of TARGETS) {
      const run = runs.get(`${profile} ${target}`)!;
      const main = async (): Promise<GroupResult[]> => (await run()).get<GroupResult[]>('main');

      describe(`${profileSlug(profile)}: ${target}`, () => {
        test('IPv4 from the WAN: forwarded ports (tcp and udp) reach the right NAS port, others stay closed', async () => {
          const gs = (await main()).filter((g) => g.kind === 'ipv4' && g.from === 'wan');
          expect(gs).toHaveLength(1);
          expect(groupMismatches(gs)).toEqual([]);
        });

        test('WAN clients are not masqueraded: the NAS sees their own address', async () => {
          const lines = groupMismatches((await main()).filter((g) => g.kind !== 'hairpin'));
          expect(lines.filter((l) => /saw the connection from/.test(l))).toEqual([]);
        });

        if (restricts(plan)) {
          test('allowFrom: the allowed WAN client is answered; a client outside the allowed sources gets no answer at all (IPv4 and IPv6, tcp and udp)', async () => {
            const groups = await main();
            const outside = groups.filter((g) => g.from === 'wan2');
            expect(outside.map((g) => g.kind).sort()).toEqual(plan.nas.address6 ? ['ipv4', 'ipv6'] : ['ipv4']);
            expect(outside.flatMap((g) => g.expectations.map((e) => e.proto))).toEqual(expect.arrayContaining(plan.forwards.map((f) => f.proto)));
            const allowed = groups.filter((g) => g.from === 'wan');
            expect(allowed.flatMap((g) => g.results).filter((r) => r.answer !== null).length).toBeGreaterThan(0);
            expect(groupMismatches([...allowed, ...outside])).toEqual([]);
          });
        }

        if (plan.nas.address6) {
          test('nas.address6: IPv6 from the WAN to the NAS passes on the forwarded NAS ports and on no other', async () => {
            const gs = (await main()).filter((g) => g.kind === 'ipv6' && g.from === 'wan');
            expect(gs).toHaveLength(1);
            expect(groupMismatches(gs)).toEqual([]);
          });
        }

        if (plan.hairpin) {
          test("hairpin: a LAN client reaches the NAS through the router's WAN address, masqueraded by the router", async () => {
            const gs = (await main()).filter((g) => g.kind === 'hairpin' && g.host === ROUTER_WAN_ADDR);
            expect(gs).toHaveLength(1);
            expect(groupMismatches(gs)).toEqual([]);
          });

          test("hairpin leaves the router's LAN address alone: the LAN client's connections to it are not sent to the NAS", async () => {
            const gs = (await main()).filter((g) => g.kind === 'hairpin' && g.host !== ROUTER_WAN_ADDR);
            expect(gs).toHaveLength(1);
            expect(groupMismatches(gs)).toEqual([]);
          });

          test('hairpin turned off and the output applied again over it: the LAN client no longer gets through', async () => {
            const again = (await run()).get<GroupResult[]>('reappliedOff');
            expect(again.filter(byKind('hairpin'))).toHaveLength(2);
            expect(groupMismatches(again)).toEqual([]);
          });

          test('hairpin off (control run): the LAN client does not reach the NAS through the WAN address', async () => {
            const off = (await run()).get<GroupResult[]>('hairpinOff');
            expect(groupMismatches(off.filter(byKind('hairpin')))).toEqual([]);
            expect(groupMismatches(off.filter((g) => g.kind !== 'hairpin'))).toEqual([]);
          });
        }
      });
    }
  }

  for (const variant of VARIANTS) {
    for (const target of TARGETS) {
      describe(`${variant.name}: ${target}`, () => {
        test('every client sees what the plan says (WAN clients IPv4 and IPv6, LAN client)', async () => {
          const groups = await variantRuns.get(`${variant.name} ${target}`)!();
          variant.check(groups);
          expect(groupMismatches(groups)).toEqual([]);
        });
      });
    }
  }
});

// Router lab, OpenWrt target: synfw's output applied on the real OpenWrt software (uci, ubus,
// ucode, firewall4, built from ../shared/vendor/openwrt) in a lab router namespace, as its header
// tells a user to, starting from OpenWrt's default /etc/config/firewall; firewall4 loads nft
// there and real packets go through it. Every profile, both formats, all at once; see README.md.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';
import { loadTarget } from '../../src/targets/index.js';
import { ALL_PROFILES, HOSTILE_PROFILE, planOf, profileSlug, renderProfile, ROOT, VERSION } from '../support/profiles.js';
import { allClosed, CANARY, type ExecResult, Lab, labDescribe, once, OPEN_TIMEOUT_MS, planExpectations, ROUTER_WAN_ADDR, startLabsTogether, Steps, stepTimings } from './lab.js';
import { applyOutput, type OpenWrtFormat, removeOutput } from './openwrt/apply.js';
import { openwrtAvailability, openwrtRoot } from './openwrt/build.js';
import { fw4Warnings, OpenWrtRouter } from './openwrt/runner.js';
import { groupMismatches, labOptionsFor, probeGroups, runGroups, type GroupResult } from './router.js';
import { restricts } from '../../src/readers/expected.js';

const avail = openwrtAvailability();

const FORMATS: { format: OpenWrtFormat; label: string }[] = [
  { format: 'script', label: 'sh script' },
  { format: 'config', label: '--format config' },
];

/** The profile whose script run also tries scripts naming zones the router does not have. */
const ZONE_PROFILE = 'profiles/home.yaml';
/** Plausible OpenWrt zone names that OpenWrt's default config does not have. */
const MISSING_ZONES = { wan: 'wan2', lan: 'dmz' } as const;

async function render(plan: Plan, format: OpenWrtFormat): Promise<string> {
  return (await loadTarget('openwrt')).render(plan, { version: VERSION, ...(format === 'config' ? { format: 'config' } : {}) }).text;
}

/** ZONE_PROFILE with router.wan or router.lan set to a zone the router does not have. */
async function missingZoneScript(key: keyof typeof MISSING_ZONES): Promise<string> {
  const yaml = `${readFileSync(`${ROOT}${ZONE_PROFILE}`, 'utf8')}\nrouter:\n  ${key}: ${MISSING_ZONES[key]}\n`;
  const r = planFromText(yaml, ZONE_PROFILE);
  if (!r.plan) throw new Error(`${ZONE_PROFILE} with router.${key}: ${MISSING_ZONES[key]} does not resolve: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return render(r.plan, 'script');
}

interface Snapshot {
  uci: string;
  ruleset: string;
}

/** What a run that must change nothing saw. */
interface Untouched {
  result: ExecResult;
  before: Snapshot & { changes: string; file: string };
  after: Snapshot & { changes: string; file: string };
}

/**
 * A lab for the plan (every client it calls for; a LAN client for hairpin) with OpenWrt started in
 * its router and the NAS listening; always torn down afterwards, processes and mounts included.
 */
async function inOpenWrtLab<T>(plan: Plan, body: (lab: Lab, router: OpenWrtRouter, boot: ExecResult) => Promise<T>, lanClient = plan.hairpin === true): Promise<T> {
  const root = await openwrtRoot();
  const lab = await Lab.create(labOptionsFor(plan, 'openwrt', { full: true, lanClient }));
  let router: OpenWrtRouter | undefined;
  try {
    const [started] = await Promise.all([OpenWrtRouter.start(lab, root), lab.startListeners(planExpectations(plan).listen)]);
    router = started.router;
    return await body(lab, router, started.boot);
  } finally {
    router?.stop();
    await lab.destroy();
  }
}

async function snapshot(router: OpenWrtRouter): Promise<Snapshot> {
  const [uci, ruleset] = await Promise.all([router.uciExport(), router.ruleset()]);
  return { uci, ruleset };
}

/** Runs `run` and records the firewall config (committed file and pending changes) and ruleset around it. */
async function untouched(router: OpenWrtRouter, run: () => Promise<ExecResult>): Promise<Untouched> {
  const state = async () => ({
    ...(await snapshot(router)),
    changes: (await router.must(['uci', 'changes', 'firewall'])).stdout,
    file: (await router.must(['cat', '/etc/config/firewall'])).stdout,
  });
  const before = await state();
  const result = await run();
  return { result, before, after: await state() };
}

/**
 * One profile in one format through the whole lab: apply, every client's probes, re-run, (script)
 * a pending uncommitted change and, for ZONE_PROFILE, scripts naming missing zones, remove.
 */
async function runProfile(profile: string, format: OpenWrtFormat): Promise<Steps> {
  const plan = planOf(profile);
  const text = (await renderProfile(profile, 'openwrt', format === 'config' ? { format: 'config' } : {})).text;
  const steps = new Steps();
  await inOpenWrtLab(plan, async (lab, router, boot) => {
    await steps.run('boot', async () => boot);
    await steps.run('baseline', () => snapshot(router));
    await steps.run('apply', () => applyOutput(router, format, text));
    await steps.run('applied', () => snapshot(router));
    await steps.run('probes', () => runGroups(lab, probeGroups(plan, lab, { hairpin: plan.hairpin === true })));
    await steps.run('apply2', () => applyOutput(router, format, text, { rerun: true }));
    await steps.run('applied2', () => snapshot(router));
    if (format === 'script') {
      await steps.run('pending', async () => {
        const pending = "uci set firewall.lab_pending=rule && uci set firewall.lab_pending.name='lab: a change of the user, not committed yet'";
        await router.must(['/bin/sh', '-ec', pending]);
        try {
          return await untouched(router, () => applyOutput(router, format, text));
        } finally {
          await router.must(['uci', 'revert', 'firewall']);
        }
      });
      if (profile === ZONE_PROFILE) {
        for (const key of ['wan', 'lan'] as const) {
          await steps.run(`missing-${key}`, async () => {
            const script = await missingZoneScript(key);
            return untouched(router, () => router.sh(script, `missing-${key}.sh`));
          });
        }
      }
    }
    await steps.run('remove', () => removeOutput(router, format, text));
    await steps.run('removed', () => snapshot(router));
    await steps.run('canary', async () => lab.canaryExists());
  });
  return steps;
}

/**
 * The lab's own checks, in one lab for restricted.yaml (allowFrom, IPv6) with a LAN client: with
 * OpenWrt's default config and no synfw section, nothing gets through; a leaky config is caught
 * by the allowFrom, closed-port, IPv6 and masquerade checks; a broken section makes fw4 warn
 * while it exits 0; a script that writes the canary is caught.
 */
async function selfCheck(): Promise<{ boot: ExecResult; none: GroupResult[]; leaky: GroupResult[]; broken: ExecResult; canary: boolean }> {
  const plan = planOf('profiles/restricted.yaml');
  return inOpenWrtLab(
    plan,
    async (lab, router, boot) => {
      const groups = () => probeGroups(plan, lab, { hairpin: true });
      const none = await runGroups(lab, groups().map((g) => ({ ...g, expectations: allClosed(g.expectations) })));
      const leak = [
        "config redirect 'lab_leak'",
        "\toption name 'lab: every port to the NAS, from anywhere'",
        "\toption target 'DNAT'",
        "\toption src 'wan'",
        "\toption dest 'lan'",
        `\toption dest_ip '${lab.nasAddr}'`,
        "\tlist proto 'tcp'",
        "\tlist proto 'udp'",
        '',
        "config rule 'lab_leak6'",
        "\toption name 'lab: all IPv6 to the LAN'",
        "\toption family 'ipv6'",
        "\toption src 'wan'",
        "\toption dest 'lan'",
        "\toption target 'ACCEPT'",
        '',
      ].join('\n');
      // The LAN zone masqueraded too: the NAS no longer sees the WAN clients' own addresses.
      await router.must(['/bin/sh', '-ec', "cat >> /etc/config/firewall\nuci set firewall.@zone[0].masq=1\nuci commit firewall\n/etc/init.d/firewall reload"], { input: leak });
      // Every probe waits as long as an answered one may take, so a leak is seen even under load.
      const leaky = await runGroups(lab, groups(), { timeoutMs: OPEN_TIMEOUT_MS });
      const broken = await router.run(['/bin/sh', '-ec', 'cat >> /etc/config/firewall\n/etc/init.d/firewall reload'], {
        input: "config redirect 'lab_broken'\n\toption name 'lab: a zone that does not exist'\n\toption src 'nosuchzone'\n\toption src_dport '8080'\n\toption dest_ip '192.0.2.1'\n\tlist proto 'tcp'\n",
      });
      await router.sh(`: "$(touch ${CANARY})"\n`, 'injected.sh');
      return { boot, none, leaky, broken, canary: lab.canaryExists() };
    },
    true,
  );
}

/** home.yaml with hairpin on, rendered through the target: hairpin (fw4 reflection) with UDP and a remap. */
const HAIRPIN_VARIANT = (): Plan => ({ ...planOf('profiles/home.yaml'), hairpin: true });

const answered = (gs: GroupResult[]): number => gs.reduce((n, g) => n + g.results.filter((r) => r.answer !== null).length, 0);

labDescribe('router lab: OpenWrt (uci + firewall4 + nft)', avail, { timeout: 240_000 }, () => {
  const runs = new Map(ALL_PROFILES.flatMap((p) => FORMATS.map(({ format }) => [`${p} ${format}`, once(() => runProfile(p, format))] as const)));
  const check = once(selfCheck);
  const hairpinRun = once(async () => {
    const plan = HAIRPIN_VARIANT();
    const text = await render(plan, 'script');
    return inOpenWrtLab(plan, async (lab, router) => ({ apply: await applyOutput(router, 'script', text), groups: await runGroups(lab, probeGroups(plan, lab, { hairpin: true })) }));
  });
  startLabsTogether('openwrt', [openwrtRoot, ...runs.values(), check, hairpinRun], () => stepTimings(runs, (s) => s.timings));

  describe('lab self-check', () => {
    test("OpenWrt's default config boots in the lab without a fw4 warning", async () => {
      const { boot } = await check();
      expect(boot.code).toBe(0);
      expect(fw4Warnings(boot.stderr)).toEqual([]);
    });

    test('with no synfw section, no client gets any answer (WAN IPv4 and IPv6, outside allowFrom, LAN client)', async () => {
      const { none } = await check();
      expect(none.map((g) => g.kind).sort()).toEqual(['hairpin', 'hairpin', 'ipv4', 'ipv4', 'ipv6', 'ipv6']);
      expect(answered(none)).toBe(0);
    });

    test('a leaky config (every port from anywhere, LAN masqueraded, all IPv6) is caught: the checks can fail', async () => {
      const lines = groupMismatches((await check()).leaky);
      expect(lines.some((l) => l.startsWith('wan2 ipv4') && /got NAS port/.test(l))).toBe(true);
      expect(lines.some((l) => /tcp WAN 22: expected no answer/.test(l))).toBe(true);
      expect(lines.some((l) => /ipv6.*expected no answer.*got NAS port/.test(l))).toBe(true);
      expect(lines.some((l) => /saw the connection from/.test(l))).toBe(true);
    });

    test('a section fw4 cannot use makes it print a [!] warning while it exits 0: the warning check can fail', async () => {
      const { broken } = await check();
      expect(broken.code).toBe(0);
      expect(fw4Warnings(broken.stderr).join('\n')).toMatch(/lab_broken|a zone that does not exist/);
    });

    test(`a script that does create ${CANARY} in the router is caught`, async () => {
      expect((await check()).canary).toBe(true);
    });
  });

  describe('home.yaml with hairpin on (rendered through the target): UDP and a remap through fw4 reflection', () => {
    test('every client sees what the plan says, the LAN client through the WAN address included', async () => {
      const { apply, groups } = await hairpinRun();
      expect(apply.code).toBe(0);
      expect(fw4Warnings(apply.stderr)).toEqual([]);
      const lan = groups.find((g) => g.kind === 'hairpin' && g.host === ROUTER_WAN_ADDR)!;
      expect(lan.expectations.filter((e) => e.answer !== null).map((e) => `${e.proto}/${e.port}`)).toEqual(expect.arrayContaining(['tcp/443', 'udp/1194']));
      expect(groupMismatches(groups)).toEqual([]);
    });
  });

  for (const profile of ALL_PROFILES) {
    const plan = planOf(profile);
    for (const { format, label } of FORMATS) {
      const run = runs.get(`${profile} ${format}`)!;
      const groups = async (kind: GroupResult['kind'], from?: string): Promise<GroupResult[]> =>
        (await run()).get<GroupResult[]>('probes').filter((g) => g.kind === kind && (from === undefined || g.from === from));

      describe(`${profileSlug(profile)}: ${label}`, () => {
        test(format === 'script' ? '`sh FILE` exits 0, and fw4 prints no [!] warning (apply, re-run, remove)' : 'pasted and reloaded as the header says: the reload exits 0 and fw4 prints no [!] warning (apply, re-apply, remove)', async () => {
          const steps = await run();
          for (const name of ['apply', 'apply2', 'remove']) {
            const r = steps.get<ExecResult>(name);
            expect.soft(r.code, `${name}: ${r.stderr}`).toBe(0);
            expect.soft(fw4Warnings(r.stderr), name).toEqual([]);
          }
        });

        test("every forwarded WAN port (tcp and udp, remapped ones too) reaches the right NAS port from the client's own address; other ports and the other protocol stay closed", async () => {
          const gs = await groups('ipv4', 'wan');
          expect(gs).toHaveLength(1);
          expect(gs[0]!.expectations.some((e) => e.answer !== null)).toBe(true);
          expect(groupMismatches(gs)).toEqual([]);
        });

        if (restricts(plan)) {
          test('allowFrom: a WAN client outside the allowed sources gets no answer at all (IPv4 and IPv6, tcp and udp)', async () => {
            const outside = (await run()).get<GroupResult[]>('probes').filter((g) => g.from === 'wan2');
            expect(outside.map((g) => g.kind).sort()).toEqual(plan.nas.address6 ? ['ipv4', 'ipv6'] : ['ipv4']);
            expect(groupMismatches(outside)).toEqual([]);
          });
        }

        if (plan.nas.address6) {
          test('nas.address6: IPv6 from the WAN to the NAS passes on the forwards’ NAS ports and on no other', async () => {
            const gs = await groups('ipv6', 'wan');
            expect(gs).toHaveLength(1);
            expect(groupMismatches(gs)).toEqual([]);
          });
        }

        if (plan.hairpin === true) {
          test("hairpin: a LAN client reaches the NAS through the router's WAN address (masqueraded); the router's LAN address is left alone", async () => {
            const gs = await groups('hairpin');
            expect(gs).toHaveLength(2);
            expect(groupMismatches(gs)).toEqual([]);
          });
        }

        test(`${format === 'script' ? 'a second run' : 'deleting the earlier paste and pasting again'} leaves \`uci export firewall\` and the nft ruleset identical`, async () => {
          const steps = await run();
          const first = steps.get<Snapshot>('applied');
          expect(first.uci).not.toBe(steps.get<Snapshot>('baseline').uci);
          expect(steps.get<Snapshot>('applied2')).toEqual(first);
        });

        test(format === 'script' ? '`sh FILE remove` restores the original `uci export firewall` and ruleset' : "deleting the tagged sections and reloading, as the header says, restores the original `uci export firewall` and ruleset", async () => {
          const steps = await run();
          steps.get('remove');
          expect(steps.get<Snapshot>('removed')).toEqual(steps.get<Snapshot>('baseline'));
        });

        if (format === 'script') {
          test('with an uncommitted uci change pending, the script stops (non-zero) and changes nothing: config, pending change, ruleset', async () => {
            const { result, before, after } = (await run()).get<Untouched>('pending');
            expect(before.changes).toMatch(/lab_pending/);
            expect(result.code).not.toBe(0);
            expect(after).toEqual(before);
          });
        }

        if (format === 'script' && profile === ZONE_PROFILE) {
          for (const key of ['wan', 'lan'] as const) {
            test(`a script naming a ${key.toUpperCase()} zone the router does not have (router.${key}: ${MISSING_ZONES[key]}) stops (non-zero) before changing anything and names the zone`, async () => {
              const { result, before, after } = (await run()).get<Untouched>(`missing-${key}`);
              expect(before.uci).toMatch(/synfw:home /);
              expect(result.code).not.toBe(0);
              expect(result.stderr).toMatch(new RegExp(`\\b${MISSING_ZONES[key]}\\b`));
              expect(after).toEqual(before);
            });
          }
        }

        if (profile === HOSTILE_PROFILE) {
          test(`free text runs no shell command: ${CANARY} does not exist after every run`, async () => {
            const steps = await run();
            steps.get('apply');
            steps.get('remove');
            expect(steps.get<boolean>('canary')).toBe(false);
          });
        }
      });
    }
  }
});

// Router lab, iptables target: the generated sh script and iptables-restore file applied to a real
// Linux router (a network namespace whose FORWARD policy is DROP) with real packets sent through
// it. One lab per profile, all profiles at once; see README.md.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TargetError } from '../../src/targets/types.js';
import { ALL_PROFILES, HOSTILE_PROFILE, planOf, profileSlug, renderProfile } from '../support/profiles.js';
import {
  CANARY,
  type ExecResult,
  type Expectation,
  Lab,
  labAvailability,
  labDescribe,
  normalizeSave,
  once,
  planExpectations,
  probeMismatches,
  type ProbeResult,
  startLabsTogether,
  Steps,
  stepTimings,
  toProbes,
} from './lab.js';
import { labOptionsFor } from './router.js';

const avail = labAvailability(['iptables', 'iptables-save', 'iptables-restore', 'ip6tables', 'ip6tables-save']);

/**
 * Profiles whose --format restore synfw refuses (TargetError): hairpin and nas.address6 need the
 * sh script (run-time address look-ups, ip6tables rules).
 */
const restoreRefusals = new Map<string, TargetError>();
for (const p of ALL_PROFILES) {
  try {
    await renderProfile(p, 'iptables', { format: 'restore' });
  } catch (e) {
    if (e instanceof TargetError) restoreRefusals.set(p, e);
    else throw e;
  }
}

interface ProbeRun {
  expectations: Expectation[];
  results: ProbeResult[];
}

/** The hook commands the restore file's header tells the user to run after loading it. */
function restoreHookCommands(restore: string): string[] {
  const lines = restore.split('\n');
  const start = lines.findIndex((l) => /hook the chains once/.test(l));
  const cmds: string[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^#\s+(iptables .*)$/.exec(l);
    if (!m) break;
    cmds.push(m[1]!);
  }
  if (start < 0 || cmds.length === 0) throw new Error('the restore file header lists no hook commands after "hook the chains once"');
  return cmds;
}

/** The chains the script creates (`iptables ... -N NAME`). */
function createdChains(script: string): string[] {
  return [...new Set([...script.matchAll(/ -N (\S+)/g)].map((m) => m[1]!))];
}

async function runProfile(profile: string): Promise<{ steps: Steps; chains: string[] }> {
  const steps = new Steps();
  const { plan, text: script } = await renderProfile(profile, 'iptables');
  const restore = restoreRefusals.has(profile) ? undefined : (await renderProfile(profile, 'iptables', { format: 'restore' })).text;
  const exp = planExpectations(plan);
  // The WAN client sits inside allowFrom (if any), the LAN interface is named as router.lan says.
  const lab = await Lab.create(labOptionsFor(plan, 'iptables'));
  try {
    const file = join(lab.dir, 'iptables.sh');
    writeFileSync(file, script);
    const sh = (...args: string[]): Promise<ExecResult> => lab.runScript('rtr', file, args);
    // IPv4 and IPv6 rules: the script adds ip6tables chains for nas.address6.
    const save = async (): Promise<string> => {
      const [v4, v6] = await Promise.all([lab.mustIn('rtr', ['iptables-save']), lab.mustIn('rtr', ['ip6tables-save'])]);
      return `${normalizeSave(v4.stdout)}\n# ip6tables\n${normalizeSave(v6.stdout)}`;
    };
    // Only synfw's rules may let traffic through: FORWARD DROP (IPv4 and IPv6) and nothing else,
    // not even an ESTABLISHED accept (the script accepts the replies of its own DNATed flows).
    // The nat table exists on any NAT router; creating it here keeps the baseline comparable.
    const policies = 'iptables -w -P FORWARD DROP && iptables -w -t nat -P PREROUTING ACCEPT && ip6tables -w -P FORWARD DROP';
    await Promise.all([lab.mustIn('rtr', ['sh', '-c', policies]), lab.startListeners(exp.listen)]);

    await steps.run('baseline', save);
    await steps.run('apply', () => sh());
    await steps.run('save1', save);
    await steps.run('probes', async (): Promise<ProbeRun> => {
      // Answered from the WAN client's own address: synfw never masquerades WAN traffic.
      const expectations = [...exp.open.map((e) => ({ ...e, peer: [lab.clientAddr] })), ...exp.closed];
      return { expectations, results: await lab.probe(toProbes(lab, expectations)) };
    });
    await steps.run('apply2', () => sh());
    await steps.run('save2', save);
    await steps.run('remove', async () => [await sh('remove'), await sh('remove')]);
    await steps.run('saveRemoved', save);

    if (restore !== undefined) {
      await steps.run('restoreTest', () => lab.mustIn('rtr', ['iptables-restore', '-w', '--test', '--noflush'], { input: restore }));
      const loadRestore = async (): Promise<string> => {
        await lab.mustIn('rtr', ['iptables-restore', '-w', '--noflush'], { input: restore });
        for (const cmd of restoreHookCommands(restore)) await lab.mustIn('rtr', ['sh', '-c', cmd]);
        return save();
      };
      await steps.run('restore1', loadRestore);
      await steps.run('restore2', loadRestore);
    }
    await steps.run('canary', async () => lab.canaryExists());
  } finally {
    await lab.destroy();
  }
  return { steps, chains: createdChains(script) };
}

labDescribe('router lab: iptables', avail, { timeout: 60_000 }, () => {
  const runs = new Map(ALL_PROFILES.map((p) => [p, once(() => runProfile(p))]));
  // The lab itself: without rules nothing gets through, and a leaky rule set is caught.
  const selfCheck = once(async () => {
    const plan = planOf(ALL_PROFILES[0]!);
    const exp = planExpectations(plan);
    const lab = await Lab.create(labOptionsFor(plan, 'iptables'));
    try {
      await Promise.all([lab.mustIn('rtr', ['iptables', '-w', '-P', 'FORWARD', 'DROP']), lab.startListeners(exp.listen)]);
      const open = await lab.probe(toProbes(lab, exp.open));
      const leaky = [
        `iptables -w -t nat -A PREROUTING -i ${lab.wanIf} -j DNAT --to-destination ${lab.nasAddr}`,
        'iptables -w -A FORWARD -j ACCEPT',
      ];
      await lab.mustIn('rtr', ['sh', '-ec', leaky.join('\n')]);
      const closed = await lab.probe(toProbes(lab, exp.closed));
      const injected = join(lab.dir, 'injected.sh');
      writeFileSync(injected, `: "$(touch ${CANARY})"\n`);
      await lab.runScript('rtr', injected);
      return { exp, open, closed, canary: lab.canaryExists() };
    } finally {
      await lab.destroy();
    }
  });

  startLabsTogether('iptables', [...runs.values(), selfCheck], () => stepTimings(runs, (r) => r.steps.timings));

  describe('lab self-check', () => {
    test('with FORWARD DROP and no rules, no forwarded port answers', async () => {
      const { exp, open } = await selfCheck();
      expect(probeMismatches(exp.open, open)).toHaveLength(exp.open.length);
    });

    test('with a rule that forwards everything, every "closed" probe is answered (the closed checks can fail)', async () => {
      const { exp, closed } = await selfCheck();
      expect(exp.closed.length).toBeGreaterThan(4);
      expect(closed.map((r) => r.answer)).toEqual(exp.closed.map((e) => e.port));
    });

    test(`a script that does create ${CANARY} is caught`, async () => {
      expect((await selfCheck()).canary).toBe(true);
    });
  });

  for (const profile of ALL_PROFILES) {
    const run = runs.get(profile)!;
    describe(profileSlug(profile), () => {
      test("every forwarded WAN port (tcp and udp, remapped ones too) reaches the right NAS port, from the client's own address", async () => {
        const { steps } = await run();
        steps.get('apply');
        const { expectations, results } = steps.get<ProbeRun>('probes');
        const open = expectations.map((e, i) => [e, results[i]!] as const).filter(([e]) => e.answer !== null);
        expect(open.length).toBeGreaterThan(0);
        expect(probeMismatches(open.map(([e]) => e), open.map(([, r]) => r))).toEqual([]);
      });

      test('ports the plan does not forward stay closed (22, 445, DSM 5000, NAS side of remaps, other protocol)', async () => {
        const { steps } = await run();
        expect(steps.get<string>('baseline')).toMatch(/^:FORWARD DROP /m);
        const { expectations, results } = steps.get<ProbeRun>('probes');
        const closed = expectations.map((e, i) => [e, results[i]!] as const).filter(([e]) => e.answer === null);
        expect(closed.map(([e]) => `${e.proto}/${e.port}`)).toContain('tcp/22');
        expect(probeMismatches(closed.map(([e]) => e), closed.map(([, r]) => r))).toEqual([]);
      });

      test('running the script a second time leaves iptables-save identical (counters aside)', async () => {
        const { steps, chains } = await run();
        const first = steps.get<string>('save1');
        steps.get('apply2');
        for (const c of chains) expect(first).toContain(`:${c} `);
        expect(steps.get<string>('save2')).toBe(first);
      });

      test('`sh FILE remove` (twice) deletes the hooks and chains and restores the original ruleset', async () => {
        const { steps, chains } = await run();
        steps.get('remove');
        const after = steps.get<string>('saveRemoved');
        expect(chains.length).toBeGreaterThan(0);
        for (const c of chains) expect(after).not.toContain(c);
        expect(after).toBe(steps.get<string>('baseline'));
      });

      const refusal = restoreRefusals.get(profile);
      if (refusal) {
        test('synfw refuses --format restore for this plan with SFW301 (hairpin, nas.address6: the sh script only)', () => {
          const plan = planOf(profile);
          expect(plan.hairpin || plan.nas.address6 !== undefined).toBe(true);
          expect(refusal.diagnostics.map((d) => d.code)).toEqual(refusal.diagnostics.map(() => 'SFW301'));
          expect(refusal.diagnostics.length).toBeGreaterThan(0);
        });
      } else {
        test('--format restore passes iptables-restore --test --noflush', async () => {
          const { steps } = await run();
          steps.get('restoreTest');
        });

        test('--format restore, loaded twice with the hook commands its header lists, gives the same ruleset as the script', async () => {
          const { steps } = await run();
          const fromScript = steps.get<string>('save1');
          expect(steps.get<string>('restore1')).toBe(fromScript);
          expect(steps.get<string>('restore2')).toBe(fromScript);
        });
      }

      if (profile === HOSTILE_PROFILE) {
        test(`free text runs no shell command: ${CANARY} does not exist after every script run`, async () => {
          const { steps } = await run();
          steps.get('apply');
          steps.get('apply2');
          steps.get('remove');
          expect(steps.get<boolean>('canary')).toBe(false);
        });
      }
    });
  }
});

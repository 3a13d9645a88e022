// Router lab, nftables target: the generated file loaded with the real nft on a Linux router
// (a network namespace whose own forward chain has policy drop), linked to that chain exactly as
// the file's header says, with real packets sent through it. One lab per profile, all at once;
// see README.md.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_PROFILES, planOf, profileSlug, renderProfile } from '../support/profiles.js';
import {
  type ExecResult,
  type Expectation,
  Lab,
  labAvailability,
  labDescribe,
  once,
  planExpectations,
  probeMismatches,
  type ProbeResult,
  startLabsTogether,
  Steps,
  stepTimings,
  toProbes,
} from './lab.js';
import { leakyNft } from './reference.js';
import {
  groupMismatches,
  iptablesBase,
  labOptionsFor,
  nftIntegrationCommands,
  nftablesBase,
  normalizeRuleset,
  probeGroups,
  runGroups,
  type GroupResult,
} from './router.js';

const avail = labAvailability(['nft', 'iptables']);

interface ProbeRun {
  expectations: Expectation[];
  results: ProbeResult[];
}

/** The table the file owns (its first `table inet NAME` line) and the header's remove command. */
function tableOf(text: string): { table: string; remove: string } {
  const table = /^table inet (\S+)$/m.exec(text)?.[1];
  const remove = /^#\s+(nft delete table inet \S+)\s*$/m.exec(text)?.[1];
  if (!table) throw new Error('the nftables file declares no `table inet NAME`');
  if (!remove) throw new Error('the nftables file header gives no `nft delete table inet ...` remove command');
  return { table, remove };
}

/** The probes of a plan from the (allowed) WAN client, answered ones seen from its own address. */
function expectations(lab: Lab, exp: ReturnType<typeof planExpectations>): Expectation[] {
  return [...exp.open.map((e) => ({ ...e, peer: [lab.clientAddr] })), ...exp.closed];
}

async function runProfile(profile: string): Promise<{ steps: Steps; table: string }> {
  const steps = new Steps();
  const { plan, text } = await renderProfile(profile, 'nftables');
  const { table, remove } = tableOf(text);
  const integrate = nftIntegrationCommands(text, 'nft');
  const exp = planExpectations(plan);
  // Every WAN client the plan calls for: one outside allowFrom too, IPv6 for nas.address6.
  const lab = await Lab.create(labOptionsFor(plan, 'nftables', { full: true }));
  try {
    const file = join(lab.dir, 'synfw.nft');
    writeFileSync(file, text);
    const nft = (...args: string[]): Promise<ExecResult> => lab.mustIn('rtr', ['nft', ...args]);
    const list = async (): Promise<string> => normalizeRuleset((await nft('list', 'ruleset')).stdout);
    await Promise.all([nftablesBase(lab), lab.startListeners(exp.listen)]);

    await steps.run('client', async () => lab.clientAddr);
    await steps.run('baseline', list);
    await steps.run('check', () => nft('-c', '-f', file));
    await steps.run('afterCheck', list);
    await steps.run('load1', () => nft('-f', file));
    // The header's step for a router whose forward chain drops by default, run as written.
    await steps.run('integrate', async () => {
      for (const cmd of integrate) await lab.mustIn('rtr', ['sh', '-ec', cmd]);
    });
    await steps.run('list1', list);
    await steps.run('probes', async (): Promise<ProbeRun> => {
      const all = expectations(lab, exp);
      return { expectations: all, results: await lab.probe(toProbes(lab, all)) };
    });
    await steps.run('load2', () => nft('-f', file));
    await steps.run('list2', list);
    await steps.run('remove', () => lab.mustIn('rtr', ['sh', '-ec', remove]));
    await steps.run('tablesRemoved', async () => (await nft('list', 'tables')).stdout.trim());
    // The same file on a router whose firewall is iptables (nf_tables backend) with FORWARD DROP
    // for IPv4 and IPv6, linked by the header's `or iptables ...` command(s); every WAN client.
    // New probes, new source ports: no conntrack entry of the first run is reused.
    await steps.run('iptProbes', async (): Promise<GroupResult[]> => {
      await nft('flush', 'ruleset');
      await iptablesBase(lab);
      await nft('-f', file);
      for (const cmd of nftIntegrationCommands(text, 'iptables')) await lab.mustIn('rtr', ['sh', '-ec', cmd]);
      return runGroups(lab, probeGroups(plan, lab, { hairpin: plan.hairpin === true }));
    });
  } finally {
    await lab.destroy();
  }
  return { steps, table };
}

labDescribe('router lab: nftables', avail, { timeout: 60_000 }, () => {
  const runs = new Map(ALL_PROFILES.map((p) => [p, once(() => runProfile(p))]));
  // The lab itself: the base chain drops everything, synfw's table alone cannot override it, and
  // a leaky ruleset is caught.
  const selfCheck = once(async () => {
    const profile = ALL_PROFILES[0]!;
    const plan = planOf(profile);
    const exp = planExpectations(plan);
    const lab = await Lab.create(labOptionsFor(plan, 'nftables'));
    try {
      await Promise.all([nftablesBase(lab), lab.startListeners(exp.listen)]);
      const none = await lab.probe(toProbes(lab, exp.open));
      // synfw's table loaded, but not linked to the router's forward chain as its header says.
      const unlinked = await (async () => {
        const { text } = await renderProfile(profile, 'nftables');
        await lab.mustIn('rtr', ['nft', '-f', '-'], { input: text });
        const r = await lab.probe(toProbes(lab, exp.open));
        await lab.mustIn('rtr', ['sh', '-ec', tableOf(text).remove]);
        return r;
      })().catch((e: Error) => e);
      await lab.mustIn('rtr', ['nft', '-f', '-'], { input: leakyNft(lab) });
      const leaky = await lab.probe(toProbes(lab, exp.closed));
      return { exp, none, unlinked, leaky };
    } finally {
      await lab.destroy();
    }
  });

  startLabsTogether('nftables', [...runs.values(), selfCheck], () => stepTimings(runs, (r) => r.steps.timings));

  describe('lab self-check', () => {
    test('with the forward chain at policy drop and no rules, no forwarded port answers', async () => {
      const { exp, none } = await selfCheck();
      expect(probeMismatches(exp.open, none)).toHaveLength(exp.open.length);
    });

    test("synfw's table alone, not linked to the router's forward chain, lets nothing through (the drop is real)", async () => {
      const { exp, unlinked } = await selfCheck();
      if (unlinked instanceof Error) throw unlinked;
      expect(probeMismatches(exp.open, unlinked)).toHaveLength(exp.open.length);
    });

    test('with a ruleset that forwards everything, every "closed" probe is answered (the closed checks can fail)', async () => {
      const { exp, leaky } = await selfCheck();
      expect(exp.closed.length).toBeGreaterThan(4);
      expect(leaky.map((r) => r.answer)).toEqual(exp.closed.map((e) => e.port));
    });
  });

  for (const profile of ALL_PROFILES) {
    const run = runs.get(profile)!;
    describe(profileSlug(profile), () => {
      test('`nft -c -f FILE` accepts the file and changes nothing', async () => {
        const { steps } = await run();
        steps.get('check');
        expect(steps.get<string>('afterCheck')).toBe(steps.get<string>('baseline'));
      });

      test('every forwarded WAN port (tcp and udp, remapped ones too) reaches the right NAS port, from the client\'s own address', async () => {
        const { steps } = await run();
        steps.get('load1');
        steps.get('integrate');
        const { expectations: all, results } = steps.get<ProbeRun>('probes');
        const open = all.map((e, i) => [e, results[i]!] as const).filter(([e]) => e.answer !== null);
        expect(open.length).toBeGreaterThan(0);
        expect(probeMismatches(open.map(([e]) => e), open.map(([, r]) => r))).toEqual([]);
      });

      test('ports the plan does not forward stay closed (22, 445, DSM 5000, NAS side of remaps, other protocol)', async () => {
        const { steps } = await run();
        expect(steps.get<string>('baseline')).toMatch(/policy drop;/);
        const { expectations: all, results } = steps.get<ProbeRun>('probes');
        const closed = all.map((e, i) => [e, results[i]!] as const).filter(([e]) => e.answer === null);
        expect(closed.map(([e]) => `${e.proto}/${e.port}`)).toContain('tcp/22');
        expect(probeMismatches(closed.map(([e]) => e), closed.map(([, r]) => r))).toEqual([]);
      });

      test('loading the file a second time leaves `nft list ruleset` identical (counters aside)', async () => {
        const { steps, table } = await run();
        const first = steps.get<string>('list1');
        expect(first).toContain(`table inet ${table} {`);
        steps.get('load2');
        expect(steps.get<string>('list2')).toBe(first);
      });

      test("the header's remove command deletes synfw's table and nothing else", async () => {
        const { steps, table } = await run();
        steps.get('remove');
        const tables = steps.get<string>('tablesRemoved');
        expect(tables).not.toContain(table);
        expect(tables).toBe('table inet filter');
      });

      test("on an iptables router with FORWARD DROP (IPv4 and IPv6), linked by the header's iptables command, every WAN client sees what it should", async () => {
        const { steps } = await run();
        const groups = steps.get<GroupResult[]>('iptProbes');
        expect(groups.map((g) => g.name)).toContain(`wan ipv4 (${steps.get<string>('client')}, allowed)`);
        expect(groupMismatches(groups)).toEqual([]);
      });
    });
  }
});

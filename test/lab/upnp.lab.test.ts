// Router lab, upnp + miniupnpd targets: the real miniupnpd runs on the lab router with synfw's
// permission lines, synfw's upnp script runs on the lab NAS with the real upnpc, and real packets
// go from the WAN client through the mappings. One lab per profile, all at once; see README.md.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { TARGETS } from '../../src/targets/index.js';
import { TargetError } from '../../src/targets/types.js';
import { upnpMappings } from '../../src/targets/upnp/index.js';
import { ALL_PROFILES, HOSTILE_PROFILE, planOf, profileSlug, renderProfile } from '../support/profiles.js';
import {
  CANARY,
  describeExec,
  type ExecResult,
  type Expectation,
  externalRanges,
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
import { httpPortFor, listMappings, mappingKeys, setupLegacyFirewall, startMiniupnpd, upnpc, type Mapping } from './miniupnpd.js';
import { expectedFlows, restricts } from '../../src/readers/expected.js';

const avail = labAvailability(['iptables-legacy', 'miniupnpd', 'upnpc']);

/** Profiles synfw refuses to render for upnp (TargetError), e.g. more mappings than --upnp-max. */
const refusals = new Map<string, TargetError>();
for (const p of ALL_PROFILES) {
  try {
    await renderProfile(p, 'upnp');
  } catch (e) {
    if (e instanceof TargetError) refusals.set(p, e);
    else throw e;
  }
}

interface ProbeRun {
  expectations: Expectation[];
  results: ProbeResult[];
}

interface Refusal {
  port: number;
  request: ExecResult;
  after: Mapping[];
}

type Run =
  | { refused: TargetError }
  | { refused?: undefined; plan: Plan; steps: Steps; expected: string[]; log: () => string };

/** Every (proto, WAN port, NAS, NAS port) the plan asks for (the oracle's IPv4 WAN flows): UPnP maps port by port. */
function expectedMappings(plan: Plan): string[] {
  return expectedFlows(plan, 'upnp')
    .filter((f) => f.family === 4 && f.via === 'wan')
    .map((f) => `${f.proto.toUpperCase()} ${f.wan}->${f.nas}:${f.port}`)
    .sort();
}

/** A TCP port outside every allow line (the plan's external ports) and not miniupnpd's own: 22 if possible. */
function unpermittedPort(plan: Plan): number {
  const ranges = [...externalRanges(plan, 'tcp'), ...externalRanges(plan, 'udp')];
  const free = (p: number): boolean => p !== httpPortFor(plan) && !ranges.some((r) => r.first <= p && p <= r.last);
  for (const p of [22, 23, 445, 3389]) if (free(p)) return p;
  for (let p = 1024; p < 65536; p++) if (free(p)) return p;
  throw new Error('lab: the plan forwards every port');
}

async function runProfile(profile: string): Promise<Run> {
  const plan = planOf(profile);
  let script: string;
  try {
    script = (await renderProfile(profile, 'upnp')).text;
  } catch (e) {
    if (e instanceof TargetError) return { refused: e };
    throw e;
  }
  const permissions = (await renderProfile(profile, 'miniupnpd')).text;
  const exp = planExpectations(plan);
  const steps = new Steps();
  const lab = await Lab.create({ wanIf: plan.router.wan ?? TARGETS.iptables.router!.wan, nasAddr: plan.nas.address });
  let log = (): string => '';
  try {
    await Promise.all([setupLegacyFirewall(lab), lab.startListeners(exp.listen)]);
    const igd = await startMiniupnpd(lab, plan, permissions);
    log = igd.log;
    const file = join(lab.dir, 'upnp.sh');
    writeFileSync(file, script);
    // The script finds the gateway by SSDP discovery itself, as on a real NAS.
    const sh = (...args: string[]): Promise<ExecResult> => lab.runScript('nas', file, args, { timeoutMs: 100_000 });

    await steps.run('apply', () => sh());
    await steps.run('list1', () => listMappings(lab, igd.url));
    await steps.run('probes', async (): Promise<ProbeRun> => {
      const expectations = [...exp.open, ...exp.closed];
      return { expectations, results: await lab.probe(toProbes(lab, expectations)) };
    });
    await steps.run('apply2', () => sh());
    await steps.run('list2', () => listMappings(lab, igd.url));
    await steps.run('refused', async (): Promise<Refusal> => {
      const port = unpermittedPort(plan);
      const request = await upnpc(lab, igd.url, ['-e', 'synfw lab: outside the permission lines', '-a', plan.nas.address, String(port), String(port), 'TCP']);
      return { port, request, after: await listMappings(lab, igd.url) };
    });
    await steps.run('remove', () => sh('remove'));
    await steps.run('list3', () => listMappings(lab, igd.url));
    await steps.run('canary', async () => lab.canaryExists());
  } finally {
    const text = log();
    log = () => text;
    await lab.destroy();
  }
  return { plan, steps, expected: expectedMappings(plan), log };
}

/** The run, or a failed expectation when synfw refused to render this profile's upnp script. */
async function mapped(run: () => Promise<Run>): Promise<Exclude<Run, { refused: TargetError }>> {
  const r = await run();
  if (r.refused) throw new Error(`synfw refused the upnp target for this profile: ${r.refused.message}`);
  return r;
}

labDescribe('router lab: upnp + miniupnpd', avail, { timeout: 120_000 }, () => {
  const runs = new Map(ALL_PROFILES.map((p) => [p, once(() => runProfile(p))]));
  startLabsTogether('upnp', [...runs.values()], () => stepTimings(runs, (r) => (r.refused ? undefined : r.steps.timings)));

  for (const profile of ALL_PROFILES) {
    const run = runs.get(profile)!;
    const refusal = refusals.get(profile);
    if (refusal) {
      // SFW301 for each profile option UPnP cannot express (allowFrom, hairpin, nas.address6),
      // otherwise SFW302 (more mappings than --upnp-max).
      const plan = planOf(profile);
      const options = [restricts(plan), plan.hairpin, plan.nas.address6 !== undefined].filter(Boolean).length;
      const codes = options ? Array<string>(options).fill('SFW301') : ['SFW302'];
      describe(profileSlug(profile), () => {
        test(`synfw refuses the upnp target for this plan with ${codes.join(', ')} (nothing to run in the lab)`, () => {
          expect(refusal.diagnostics.map((d) => d.code)).toEqual(codes);
        });
      });
      continue;
    }
    describe(profileSlug(profile), () => {
      test('the script runs on the NAS and `upnpc -l` lists exactly the expected mappings', async () => {
        const r = await mapped(run);
        const apply = r.steps.get<ExecResult>('apply');
        expect(apply.stdout).toMatch(/mappings of synfw:\S+ to \S+ are in place/);
        const listed = r.steps.get<Mapping[]>('list1');
        expect(mappingKeys(listed), `miniupnpd log:\n${r.log()}`).toEqual(r.expected);
      });

      test('the descriptions the script sends come back unchanged from miniupnpd', async () => {
        const r = await mapped(run);
        const listed = r.steps.get<Mapping[]>('list1');
        const sent = new Map(upnpMappings(r.plan).map((m) => [`${m.proto} ${m.external}`, m.description]));
        const diff = listed
          .filter((m) => sent.get(`${m.proto} ${m.external}`) !== m.description)
          .map((m) => `${m.proto} ${m.external}: sent ${JSON.stringify(sent.get(`${m.proto} ${m.external}`))}, listed ${JSON.stringify(m.description)}`);
        expect(diff).toEqual([]);
      });

      test('traffic from the WAN reaches the right NAS port through every mapping; other ports stay closed', async () => {
        const r = await mapped(run);
        r.steps.get('apply');
        const { expectations, results } = r.steps.get<ProbeRun>('probes');
        expect(probeMismatches(expectations, results)).toEqual([]);
      });

      test('re-running the script leaves the same mappings', async () => {
        const r = await mapped(run);
        r.steps.get('apply2');
        expect(mappingKeys(r.steps.get<Mapping[]>('list2'))).toEqual(mappingKeys(r.steps.get<Mapping[]>('list1')));
      });

      test('a request outside the permission lines is refused and not mapped', async () => {
        const r = await mapped(run);
        const { port, request, after } = r.steps.get<Refusal>('refused');
        const refused = request.code !== 0 || /failed with code/.test(request.stdout + request.stderr);
        expect(refused, describeExec(request)).toBe(true);
        expect(after.filter((m) => m.external === port)).toEqual([]);
        expect(r.log()).not.toMatch(/parsing error|no permission rule matched/);
      });

      test('`sh upnp.sh remove` deletes every mapping', async () => {
        const r = await mapped(run);
        r.steps.get('remove');
        expect(mappingKeys(r.steps.get<Mapping[]>('list3'))).toEqual([]);
      });

      if (profile === HOSTILE_PROFILE) {
        test(`free text runs no shell command: ${CANARY} does not exist after every script run`, async () => {
          const r = await mapped(run);
          r.steps.get('apply');
          r.steps.get('apply2');
          r.steps.get('remove');
          expect(r.steps.get<boolean>('canary')).toBe(false);
        });
      }
    });
  }
});

// Random valid profiles (seeded: the seed is in every failure message): nothing asked for is
// dropped, no WAN port is claimed twice, the plan is deterministic, and every target's output reads
// back to the plan through the strict parsers.

import { describe, expect, it } from 'vitest';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';
import { TARGETS, targetIds } from '../../src/targets/index.js';
import { TargetError } from '../../src/targets/types.js';
import { FUZZ_SEED, randomProfile, replay, Rng } from '../support/fuzz.js';
import { expectTargetReparses } from '../support/reparse.js';

const CASES = 100;

/** A forward or a skipped entry for every (app, label) the profile asked for. */
function expectNothingDropped(plan: Plan, requested: Array<{ app: string; label: string }>, where: string): void {
  const accounted = new Set([...plan.forwards.flatMap((f) => f.origins.map((o) => `${o.app} ${o.label}`)), ...plan.skipped.map((s) => `${s.app} ${s.label}`)]);
  for (const r of requested) expect(accounted.has(`${r.app} ${r.label}`), `${where}: ${r.app}:${r.label} is neither forwarded nor skipped`).toBe(true);
  for (const s of plan.skipped) expect(s.reason.trim(), `${where}: ${s.app}:${s.label} has no reason`).not.toBe('');
}

function expectNoWanPortTwice(plan: Plan, where: string): void {
  for (const proto of ['tcp', 'udp'] as const) {
    const ranges = plan.forwards.filter((f) => f.proto === proto).map((f) => f.external).sort((a, b) => a.first - b.first);
    ranges.forEach((r, i) => {
      if (i > 0) expect(r.first, `${where}: WAN ${proto} ${r.first} is claimed twice`).toBeGreaterThan(ranges[i - 1]!.last);
    });
  }
}

describe('fuzz: random valid profiles', () => {
  it(`nothing dropped, no WAN port twice, deterministic, every target reads back (seed ${FUZZ_SEED})`, async () => {
    const rng = new Rng(FUZZ_SEED);
    let resolved = 0;
    for (let i = 0; i < CASES; i++) {
      const where = replay(FUZZ_SEED, i);
      const g = randomProfile(rng);
      const r = planFromText(g.text, 'fuzz.yaml');
      if (!r.plan) {
        // A random profile may pair two remaps on one WAN port or list an app with nothing to
        // forward; nothing else may go wrong with it.
        expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).filter((c) => c !== 'SFW205' && c !== 'SFW208'), `${where}\n${g.text}`).toEqual([]);
        continue;
      }
      resolved++;
      const plan = r.plan;
      expectNothingDropped(plan, g.requested, where);
      expectNoWanPortTwice(plan, where);
      expect(JSON.stringify(planFromText(g.text, 'fuzz.yaml').plan), `${where}: the plan is deterministic`).toBe(JSON.stringify(plan));
      for (const id of targetIds) {
        try {
          await expectTargetReparses(id, plan, Object.keys(TARGETS[id].formats), `${where}\n${g.text}`);
        } catch (e) {
          // A target may refuse what it cannot express (SFW301/SFW302), with a diagnostic, never a crash.
          if (!(e instanceof TargetError)) throw new Error(`${where}: ${id}: ${(e as Error).message}\n${g.text}`, { cause: e });
          expect(e.diagnostics.map((d) => d.code).every((c) => c === 'SFW301' || c === 'SFW302'), `${where}: ${id}: ${e.message}`).toBe(true);
        }
      }
    }
    // Most random profiles resolve; if they stop doing so, the generator no longer tests much.
    expect(resolved, `seed ${FUZZ_SEED}`).toBeGreaterThan(CASES / 3);
  }, 120_000);
});

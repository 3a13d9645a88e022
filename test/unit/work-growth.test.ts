// No step of synfw may grow faster than its input: 10x the ports must cost about 10x the work, in
// the pipeline (parse, validate, resolve) and in every target's rendering. Work is counted, not
// timed (test/support/work.ts: blocks of JavaScript run, bytes allocated), so the test is stable
// on a busy machine and still fails on a quadratic step (about 100x at 10x the ports), as the
// self-check shows. Sorting makes some steps n log n, hence a bound a little above 10x.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bigProfile } from '../../src/bench/big-profile.js';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';
import { loadTarget, targetIds } from '../../src/targets/index.js';
import { TargetError } from '../../src/targets/types.js';
import { ROOT } from '../support/profiles.js';
import { measureWork, stopMeasuring, type Work } from '../support/work.js';

const MAX_GROWTH = 12;
const SRC = `${ROOT}src/`;

afterAll(stopMeasuring);

/**
 * Entries of every kind at once: remapped ports, ranges, both protocols, custom ranges that cover
 * a risky well-known port (most skipped, each then found inside the widest, which allowRisky lets
 * through),
 * allowFrom in both families, address6 and hairpin, so that the IPv6, hairpin and risky-port
 * paths grow with it too.
 */
function variedProfile(entries: number): string {
  const lines = ['version: 1', `name: varied-${entries}`, 'nas: { address: 192.168.1.10, address6: "2001:db8::10" }', 'hairpin: true', 'router: { lan: br0 }'];
  lines.push('allowFrom: ["203.0.113.0/24", "2001:db8:1::/48"]', 'apps: [dsm, plex, synology-drive-server]');
  lines.push(`allowRisky: [${Array.from({ length: entries }, (_, i) => i).filter((i) => i % 5 === 0).map((i) => `r${i}`).join(', ')}]`, 'custom:');
  for (let i = 0; i < entries; i++) {
    const base = 30000 + i * 10;
    lines.push(`  - id: c${i}`, `    description: "entry ${i}"`, `    ports: ["${base}/tcp", "${base + 2}-${base + 4}/udp", "${base + 6}/both"]`);
    lines.push(`    external: { "${base}/tcp": ${20000 + i} }`);
    lines.push(`  - id: r${i}`, `    ports: ["10-${100 + entries - i}/tcp"]`);
  }
  return `${lines.join('\n')}\n`;
}

function plan(text: string): Plan {
  const r = planFromText(text, 'growth.yaml');
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.plan;
}

function growth(small: Work, large: Work): { blocks: number; allocated: number } {
  return { blocks: large.blocks / small.blocks, allocated: large.allocated / small.allocated };
}

const within = (g: { blocks: number; allocated: number }) => g.blocks <= MAX_GROWTH && g.allocated <= MAX_GROWTH;

const PROFILES: Array<[string, (n: number) => string, number]> = [
  ['single ports', (n) => bigProfile(n), 400],
  ['varied entries', variedProfile, 60],
];

describe.each(PROFILES)('10x the %s costs at most %sx the work', (_name, profile, n) => {
  it('to parse, validate and resolve', async () => {
    plan(profile(n)); // the code's first run compiles it: not part of the growth
    const g = growth(await measureWork(SRC, () => plan(profile(n))), await measureWork(SRC, () => plan(profile(10 * n))));
    expect(g, JSON.stringify(g)).toSatisfy(within);
  });

  it.each(targetIds)('to render %s', async (id) => {
    const target = await loadTarget(id);
    // A target may refuse a plan (VyOS past its 999 rules): the work until it does counts the same.
    const render = (p: Plan) => () => {
      try {
        return target.render(p, { version: 'growth', upnpMax: 131070 }).text.length;
      } catch (e) {
        if (!(e instanceof TargetError)) throw e;
        return 0;
      }
    };
    const small = plan(profile(n));
    const large = plan(profile(10 * n));
    render(small)();
    const g = growth(await measureWork(SRC, render(small)), await measureWork(SRC, render(large)));
    expect(g, JSON.stringify(g)).toSatisfy(within);
  });
});

describe('the work count (self-check)', () => {
  const here = fileURLToPath(import.meta.url);
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);
  const linear = (n: number) => numbers(n).map((x) => x * 2);
  // A scan of the whole list for each item, and a list copied for each item it gains.
  const scan = (n: number) => numbers(n).filter((x) => numbers(n).some((y) => y === x)).length;
  const copy = (n: number) => numbers(n).reduce<number[]>((list, x) => [...list, x], []).length;
  const measure = async (f: (n: number) => unknown) => growth(await measureWork(here, () => f(500)), await measureWork(here, () => f(5000)));

  it('passes linear work', async () => {
    expect(await measure(linear)).toSatisfy(within);
  });

  it('fails a quadratic scan (blocks) and a quadratic copy (bytes)', async () => {
    expect((await measure(scan)).blocks).toBeGreaterThan(5 * MAX_GROWTH);
    expect((await measure(copy)).allocated).toBeGreaterThan(5 * MAX_GROWTH);
  });
});

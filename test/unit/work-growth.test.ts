// No step of synfw may grow faster than its input: 10x the ports must cost about 10x the work, in
// the pipeline (parse, validate, resolve) and in every target's rendering. Work is counted, not
// timed (test/support/work.ts: blocks of JavaScript run, bytes allocated), so the test is stable
// on a busy machine and still fails on a quadratic step (about 100x at 10x the ports), as the
// self-check shows. Sorting makes some steps n log n, hence a bound a little above 10x. Each count
// is the least of three calls (leastWork): what else the process does only ever adds to it.

import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigProfile } from '../../src/bench/big-profile.js';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';
import { loadTarget, targetIds, type TargetId } from '../../src/targets/index.js';
import { ROOT } from '../support/profiles.js';
import { leastWork, startMeasuring, stopMeasuring, type Work } from '../support/work.js';

const MAX_GROWTH = 12;
// Bytes allocated come from the collector's statistics, which concurrent sweeping on a loaded
// machine shifts by more than block counts move (a linear render once measured 12.1x); a quadratic
// step is about 100x (the self-check's copy: 119x), far above either bound.
const MAX_ALLOCATION_GROWTH = 20;
const SRC = `${ROOT}src/`;

beforeAll(startMeasuring);
afterAll(stopMeasuring);

/**
 * Entries of every kind at once: remapped ports, ranges, both protocols, custom ranges that cover
 * a risky well-known port (most skipped, each then found inside the widest, which allowRisky lets
 * through), allowFrom in both families, address6 and hairpin, so that the IPv6, hairpin and
 * risky-port paths grow with it too. A target that refuses one of those options by declaration
 * (UPnP cannot limit sources) gets the profile without it: a refused render would measure nothing.
 */
function variedProfile(entries: number, refused: ReadonlySet<string> = new Set()): string {
  const lines = ['version: 1', `name: varied-${entries}`];
  lines.push(refused.has('address6') ? 'nas: { address: 192.168.1.10 }' : 'nas: { address: 192.168.1.10, address6: "2001:db8::10" }');
  if (!refused.has('hairpin')) lines.push('hairpin: true');
  // Each kind of router names its LAN its own way (docs/profile-format.md, router names).
  lines.push('router: { lan: br0, pfsense: { lan: lan }, opnsense: { lan: lan }, vyos: { lan: eth1 }, mikrotik: { lan: LAN } }');
  if (!refused.has('allowFrom')) lines.push('allowFrom: ["203.0.113.0/24", "2001:db8:1::/48"]');
  lines.push('apps: [dsm, plex, synology-drive-server]');
  lines.push(`allowRisky: [${Array.from({ length: entries }, (_, i) => i).filter((i) => i % 5 === 0).map((i) => `r${i}`).join(', ')}]`, 'custom:');
  for (let i = 0; i < entries; i++) {
    const base = 30000 + i * 10;
    lines.push(`  - id: c${i}`, `    description: "entry ${i}"`, `    ports: ["${base}/tcp", "${base + 2}-${base + 4}/udp", "${base + 6}/both"]`);
    lines.push(`    external: { "${base}/tcp": ${20000 + i} }`);
    // Of ten widths, so that the ports forwarded grow with the entries (UPnP maps each one).
    lines.push(`  - id: r${i}`, `    ports: ["10-${110 - (i % 10)}/tcp"]`);
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

const within = (g: { blocks: number; allocated: number }) => g.blocks <= MAX_GROWTH && g.allocated <= MAX_ALLOCATION_GROWTH;

// VyOS numbers its rules 1-999: the varied profile's 10x stays below that at 15 entries.
const PROFILES: Array<[string, (n: number, refused?: ReadonlySet<string>) => string, (id: TargetId) => number]> = [
  ['single ports', (n) => bigProfile(n), () => 400],
  ['varied entries', variedProfile, (id) => (id === 'vyos' ? 15 : 60)],
];

describe.each(PROFILES)(`10x the %s costs at most ${MAX_GROWTH}x the blocks and ${MAX_ALLOCATION_GROWTH}x the bytes`, (_name, profile, size) => {
  it('to parse, validate and resolve', async () => {
    const n = size('iptables');
    plan(profile(n)); // the code's first run compiles it: not part of the growth
    const g = growth(await leastWork(SRC, () => plan(profile(n))), await leastWork(SRC, () => plan(profile(10 * n))));
    expect(g, JSON.stringify(g)).toSatisfy(within);
  });

  it.each(targetIds)('to render %s', async (id) => {
    const target = await loadTarget(id);
    const n = size(id);
    const refused = new Set(Object.keys(target.info.refuses ?? {}));
    // Both sizes must render: a refusal would measure the work of refusing, not of rendering.
    const render = (p: Plan) => () => target.render(p, { version: 'growth', upnpMax: 131070 }).text.length;
    const small = plan(profile(n, refused));
    const large = plan(profile(10 * n, refused));
    expect(render(small)()).toBeGreaterThan(0);
    expect(render(large)()).toBeGreaterThan(0);
    const g = growth(await leastWork(SRC, render(small)), await leastWork(SRC, render(large)));
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
  const measure = async (f: (n: number) => unknown, n = 500) => growth(await leastWork(here, () => f(n)), await leastWork(here, () => f(10 * n)));

  // Large enough that the few kilobytes the measuring itself allocates are noise (at 500 items
  // they once made a linear map look 12.1x).
  it('passes linear work', async () => {
    const g = await measure(linear, 50_000);
    expect(g, JSON.stringify(g)).toSatisfy(within);
  });

  it('fails a quadratic scan (blocks) and a quadratic copy (bytes)', async () => {
    expect((await measure(scan)).blocks).toBeGreaterThan(5 * MAX_GROWTH);
    expect((await measure(copy)).allocated).toBeGreaterThan(3 * MAX_ALLOCATION_GROWTH);
  });
});

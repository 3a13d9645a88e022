// `npm run bench`: start-up of `synfw gen` against a bare `node -e 0` (interleaved runs, medians,
// ratio), and rendering cost of generated 1,000- and 10,000-port profiles through every target.
// A benchmark, not a test: it prints figures and never fails on them.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/synfw.cjs');
const node = process.execPath;
const runs = Number(process.env.SYNFW_BENCH_RUNS ?? 15);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function wallMs(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(node, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function startup(): void {
  const gen = [cli, 'gen', join(root, 'profiles/home.yaml'), '--target', 'iptables'];
  const bare = ['-e', '0'];
  wallMs(gen);
  wallMs(bare);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = wallMs(gen);
    const y = wallMs(bare);
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  console.log(`start-up, ${runs} interleaved runs each (median wall time):`);
  console.log(`  synfw gen profiles/home.yaml --target iptables  ${median(a).toFixed(1)} ms`);
  console.log(`  node -e 0                                       ${median(b).toFixed(1)} ms`);
  console.log(`  ratio (median of per-pair ratios)               ${median(ratios).toFixed(2)}x (goal: <= 1.3x)`);
}

/** A profile with `count` single TCP/UDP ports that do not merge (every other port). */
function bigProfile(count: number): string {
  const ports = Array.from({ length: count }, (_, i) => `"${20000 + i * 2}/${i % 2 ? 'udp' : 'tcp'}"`);
  return `version: 1\nname: bench-${count}\nnas: { address: 192.168.1.10 }\napps: []\ncustom:\n  - id: bulk\n    description: Generated benchmark ports\n    ports: [${ports.join(', ')}]\n`;
}

function rendering(): void {
  const dir = mkdtempSync(join(tmpdir(), 'synfw-bench-'));
  try {
    const worker = fileURLToPath(new URL('./render-all.js', import.meta.url));
    const results: Record<number, { perTarget: Record<string, number>; refused: Record<string, string>; totalMs: number; planMs: number; maxRssMb: number }> = {};
    for (const count of [1000, 10000]) {
      const file = join(dir, `bench-${count}.yaml`);
      writeFileSync(file, bigProfile(count));
      const samples = Array.from({ length: 3 }, () => {
        const r = spawnSync(node, [worker, file], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`render-all failed: ${r.stderr}`);
        return JSON.parse(r.stdout) as (typeof results)[number];
      });
      samples.sort((x, y) => x.totalMs - y.totalMs);
      results[count] = samples[1]!;
    }
    console.log('\nrendering every target (median of 3 processes; plan = parse + validate + resolve):');
    const targets = Object.keys(results[10000]!.perTarget);
    console.log(`  ${'ports'.padEnd(8)}${'plan'.padStart(8)}${targets.map((t) => t.padStart(11)).join('')}${'total'.padStart(9)}${'peak RSS'.padStart(10)}`);
    for (const count of [1000, 10000]) {
      const r = results[count]!;
      console.log(
        `  ${String(count).padEnd(8)}${`${r.planMs.toFixed(0)}ms`.padStart(8)}${targets.map((t) => `${r.perTarget[t]!.toFixed(0)}ms`.padStart(11)).join('')}${`${r.totalMs.toFixed(0)}ms`.padStart(9)}${`${r.maxRssMb.toFixed(0)}MB`.padStart(10)}`,
      );
    }
    for (const count of [1000, 10000]) {
      for (const [id, code] of Object.entries(results[count]!.refused)) console.log(`  ${count} ports: ${id} refused the plan (${code}), time to refuse shown`);
    }
    const growth = results[10000]!.totalMs / results[1000]!.totalMs;
    console.log(`  10x the ports cost ${growth.toFixed(1)}x the time (linear: ~10x); goal: 10,000 ports through all targets < 1000 ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

startup();
rendering();

// `npm run bench`: the figures of the README's Performance section, each from whole processes as a
// user runs them (the built bin, dist/synfw.cjs):
//   - start-up: `synfw gen` of a typical profile against a bare `node -e 0`, in the same run, with
//     and without the code cache;
//   - Capirca's `aclgen` on the equivalent filter-only policy (src/bench/capirca), when installed, and
//     aclgen against `node -e 0`: the most any Node program could reach;
//   - 1,000 and 10,000 custom ports through each range-capable target, each in its own process,
//     with its peak memory, its time above Node's own start-up, and the growth from 1k to 10k; and
//     what js-yaml alone takes to parse the 10,000-port profile, which every one of those runs does;
//   - the browser page's load time, as the last `npm test` measured it.
// Commands being compared run in turn (A B A B ...) and the figures are medians, with ratios taken
// pair by pair, so that a machine that slows down during the run affects both sides alike. Peak
// memory comes from GNU time (/usr/bin/time), when installed. A benchmark, not a test: it prints
// figures and never fails on them. SYNFW_BENCH_RUNS sets the number of runs (default 15 for the
// comparisons, a third of that for each scale measurement).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigProfile } from './big-profile.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** SYNFW_BENCH_BIN measures another build's bin (an older checkout's dist/synfw.cjs) the same way. */
const cli = process.env.SYNFW_BENCH_BIN ?? join(root, 'dist/synfw.cjs');
const node = process.execPath;
const runs = Math.max(3, Number(process.env.SYNFW_BENCH_RUNS ?? 15));
const scaleRuns = Math.max(3, Math.round(runs / 3));
const GNU_TIME = '/usr/bin/time';
const haveTime = existsSync(GNU_TIME);
/** The targets that write port ranges as ranges (UPnP maps one port per request). */
const RANGE_TARGETS = ['iptables', 'nftables', 'openwrt', 'pfsense', 'opnsense', 'mikrotik', 'vyos'];
const TYPICAL = ['gen', join(root, 'profiles/home.yaml'), '--target', 'iptables'];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Run {
  ms: number;
  /** Peak resident memory in MB, when GNU time is there to say. */
  rssMb?: number;
}

/** Runs a command to completion (stdout discarded) and times it from outside; `env` adds to the environment. */
function run(dir: string, command: string, args: string[], env?: Record<string, string>): Run {
  const rssFile = join(dir, 'rss');
  const [cmd, argv] = haveTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, ...(env ? { env: { ...process.env, ...env } } : {}) });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  // synfw exits 1 for warnings only with --strict, so any failure here is a broken benchmark.
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return haveTime ? { ms, rssMb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 } : { ms };
}

type Command = [string, string[], Record<string, string>?];

/** A and B in turn, after one unmeasured run of each: medians and the median of the A/B ratios. */
function compare(dir: string, a: Command, b: Command, n = runs): { a: number; b: number; ratio: number } {
  run(dir, ...a);
  run(dir, ...b);
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = run(dir, ...a).ms;
    const y = run(dir, ...b).ms;
    as.push(x);
    bs.push(y);
    ratios.push(x / y);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}

const ms = (x: number): string => `${x.toFixed(x < 100 ? 1 : 0)} ms`;

function startup(dir: string): void {
  const r = compare(dir, [node, [cli, ...TYPICAL]], [node, ['-e', '0']]);
  console.log(`\nStart-up: synfw gen profiles/home.yaml --target iptables against node -e 0 (${runs} interleaved pairs)`);
  console.log(`  synfw gen ${ms(r.a)}, node -e 0 ${ms(r.b)}: ${r.ratio.toFixed(2)}x (goal: <= 1.3x)`);
  // A command's first run, or a user who turns the cache off.
  const cold = compare(dir, [node, [cli, ...TYPICAL], { NODE_DISABLE_COMPILE_CACHE: '1' }], [node, ['-e', '0']]);
  console.log(`  without the code cache (NODE_DISABLE_COMPILE_CACHE=1): synfw gen ${ms(cold.a)}, node -e 0 ${ms(cold.b)}: ${cold.ratio.toFixed(2)}x`);
}

function aclgenPath(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v aclgen'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Issue 13's goal: synfw this many times faster than aclgen. */
const CAPIRCA_GOAL = 2.5;

function capirca(dir: string): void {
  const aclgen = aclgenPath();
  console.log(`\nCapirca: aclgen on profiles/home.yaml's forward accepts as a filter-only policy (src/bench/capirca)`);
  if (!aclgen) {
    console.log('  skipped: aclgen is not installed (Debian: apt-get install python3-capirca)');
    return;
  }
  const base = join(root, 'src/bench/capirca');
  const args = ['--base_directory', join(base, 'policies'), '--definitions_directory', join(base, 'def'), '--output_directory', dir, '--policy_file', join(base, 'policies/pol/home.pol')];
  const r = compare(dir, [aclgen, args], [node, [cli, ...TYPICAL]]);
  console.log(`  aclgen ${ms(r.a)}, synfw gen ${ms(r.b)} (${runs} interleaved pairs): synfw is ${r.ratio.toFixed(1)}x faster (goal: >= ${CAPIRCA_GOAL}x)`);
  // The most any Node program can reach: aclgen against Node doing nothing at all. A goal above
  // this ratio asks synfw to start faster than Node itself.
  const ceiling = compare(dir, [aclgen, args], [node, ['-e', '0']]);
  const within = ceiling.ratio / CAPIRCA_GOAL;
  console.log(
    `  ceiling: aclgen ${ms(ceiling.a)}, node -e 0 ${ms(ceiling.b)}: ${ceiling.ratio.toFixed(1)}x, so ${CAPIRCA_GOAL}x asks synfw to run within ${within.toFixed(2)}x of node -e 0`,
  );
}

interface Scale {
  /** Median wall time per target, and the same minus Node's start-up. */
  ms: Record<string, number>;
  above: Record<string, number>;
  rssMb: Record<string, number>;
  node: number;
}

/** Each target in its own process, `scaleRuns` times, in turn with node -e 0. */
function scale(dir: string, count: number): Scale {
  const file = join(dir, `bench-${count}.yaml`);
  writeFileSync(file, bigProfile(count));
  const times: Record<string, number[]> = {};
  const rss: Record<string, number[]> = {};
  const bare: number[] = [];
  for (const t of RANGE_TARGETS) run(dir, node, [cli, 'gen', file, '--target', t]);
  for (let i = 0; i < scaleRuns; i++) {
    for (const t of RANGE_TARGETS) {
      const r = run(dir, node, [cli, 'gen', file, '--target', t]);
      (times[t] ??= []).push(r.ms);
      if (r.rssMb !== undefined) (rss[t] ??= []).push(r.rssMb);
      bare.push(run(dir, node, ['-e', '0']).ms);
    }
  }
  const nodeMs = median(bare);
  const out: Scale = { ms: {}, above: {}, rssMb: {}, node: nodeMs };
  for (const t of RANGE_TARGETS) {
    out.ms[t] = median(times[t]!);
    out.above[t] = Math.max(0, out.ms[t] - nodeMs);
    if (rss[t]) out.rssMb[t] = Math.max(...rss[t]);
  }
  return out;
}

/**
 * js-yaml alone parsing a profile into events, timed inside fresh processes as each synfw run
 * parses it (median of `scaleRuns`): a part of every run that the design card's YAML library sets.
 * The child compiles js-yaml's functions as they are first called, where synfw has them in its
 * code cache: a few milliseconds of the figure.
 */
function yamlAlone(file: string): number {
  const jsYaml = createRequire(import.meta.url).resolve('js-yaml');
  const script = `const t=require('node:fs').readFileSync(${JSON.stringify(file)},'utf8');const y=require(${JSON.stringify(jsYaml)});const a=performance.now();y.parseEvents(t);process.stdout.write(String(performance.now()-a))`;
  const times = Array.from({ length: scaleRuns }, () => {
    const r = spawnSync(node, ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`js-yaml alone exited ${r.status}: ${r.stderr}`);
    return Number(r.stdout);
  });
  return median(times);
}

function scaling(dir: string): void {
  const small = scale(dir, 1000);
  const big = scale(dir, 10000);
  const sum = (s: Scale): number => RANGE_TARGETS.reduce((a, t) => a + s.above[t]!, 0);
  console.log(`\nScale: custom ports through each range-capable target, each in its own process (median of ${scaleRuns} runs, in turn with node -e 0)`);
  console.log(`  node -e 0: ${ms(small.node)} (1,000-port runs), ${ms(big.node)} (10,000-port runs)`);
  const rssCol = (s: Scale, t: string): string => (s.rssMb[t] === undefined ? '' : `${s.rssMb[t]!.toFixed(0)} MB`);
  console.log(`  ${'target'.padEnd(10)}${'1,000 ports'.padStart(14)}${'above node'.padStart(12)}${'peak'.padStart(8)}${'10,000 ports'.padStart(15)}${'above node'.padStart(12)}${'peak'.padStart(8)}${'growth'.padStart(9)}`);
  for (const t of RANGE_TARGETS) {
    const growth = small.above[t]! > 0 ? `${(big.above[t]! / small.above[t]!).toFixed(1)}x` : '-';
    console.log(
      `  ${t.padEnd(10)}${ms(small.ms[t]!).padStart(14)}${ms(small.above[t]!).padStart(12)}${rssCol(small, t).padStart(8)}${ms(big.ms[t]!).padStart(15)}${ms(big.above[t]!).padStart(12)}${rssCol(big, t).padStart(8)}${growth.padStart(9)}`,
    );
  }
  const peak = Math.max(0, ...Object.values(big.rssMb));
  console.log(`  all seven above node's start-up: ${ms(sum(small))} for 1,000 ports, ${ms(sum(big))} for 10,000 ports (goal: < 1000 ms)`);
  const yaml = yamlAlone(join(dir, 'bench-10000.yaml'));
  console.log(`  of which js-yaml alone, parsing the 10,000-port profile into events in a fresh process: ${ms(yaml)} a run, ${ms(RANGE_TARGETS.length * yaml)} of the seven`);
  console.log(`  growth from 1,000 to 10,000 ports: ${(sum(big) / sum(small)).toFixed(1)}x (10x the work; goal: linear)${haveTime ? `; highest peak memory ${peak.toFixed(0)} MB (goal: < 150 MB)` : '; peak memory: install GNU time (/usr/bin/time) to see it'}`);
}

/** The browser page's load times, as the last `npm test` measured them in headless Chromium (test/web/page.test.ts). */
function webPage(): void {
  const file = join(root, 'dist/test-artifacts/web-timings.json');
  console.log('\nBrowser page: first render, empty page ready (headless Chromium)');
  if (!existsSync(file)) {
    console.log('  not measured: npm test writes dist/test-artifacts/web-timings.json when Chromium is installed');
    return;
  }
  const timings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  const first = timings.firstRenderMs;
  console.log(first === undefined ? '  not measured: the last npm test recorded no first render' : `  ${ms(first)}, from the last npm test (goal: well under 1 s)`);
  // Loading each shipped profile into the page afterwards, for comparison.
  const loads = Object.entries(timings).filter(([k]) => k.startsWith('load ')).map(([, v]) => v);
  if (loads.length) console.log(`  loading a profile into it: ${ms(median(loads))} median of ${loads.length} (${ms(Math.min(...loads))}-${ms(Math.max(...loads))})`);
}

const dir = mkdtempSync(join(tmpdir(), 'synfw-bench-'));
try {
  console.log(`synfw benchmark of ${cli}: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`);
  startup(dir);
  capirca(dir);
  scaling(dir);
  webPage();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Work a piece of code does, counted instead of timed, so that a test can tell linear from
// quadratic growth on a busy machine: V8's precise block coverage counts how many times each block
// of JavaScript ran (loops included), and the garbage collector's statistics give the bytes
// allocated (copying a growing array in a loop shows there, as no block count would).

import { Session } from 'node:inspector/promises';
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Work {
  /** Block executions in scripts whose URL contains `scope`. */
  blocks: number;
  /** Bytes allocated on the JavaScript heap during the call. */
  allocated: number;
}

interface Coverage {
  result: Array<{ url: string; functions: Array<{ ranges: Array<{ count: number }> }> }>;
}

let session: Session | undefined;

// A full collection before each measurement, so that none is under way during it: a cycle that
// began earlier reports memory it has not swept yet as still in use, which makes the bytes
// allocated come out too low, and the least of three calls (leastWork) then picks that low count.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Starts counting. Call it before the code to be measured first runs (a beforeAll): V8 counts the
 * blocks only of functions compiled while counting is on, so code compiled earlier would be
 * measured by its calls alone, and a loop inside it not at all.
 */
export async function startMeasuring(): Promise<void> {
  await coverageSession();
}

async function coverageSession(): Promise<Session> {
  if (!session) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }
  return session;
}

/** Counts the work of `fn` (synchronous, or a promise that settles) in scripts whose URL contains `scope`. */
export async function measureWork(scope: string, fn: () => unknown): Promise<Work> {
  const s = await coverageSession();
  await s.post('Profiler.takePreciseCoverage'); // resets the counters
  const gc = new GCProfiler();
  collect();
  const start = getHeapStatistics().used_heap_size;
  gc.start();
  await fn();
  const end = getHeapStatistics().used_heap_size;
  const { statistics } = gc.stop();
  const { result } = (await s.post('Profiler.takePreciseCoverage')) as unknown as Coverage;
  let blocks = 0;
  for (const script of result) {
    if (!script.url.includes(scope)) continue;
    for (const f of script.functions) for (const r of f.ranges) blocks += r.count;
  }
  // What the heap grew by between collections, plus what the collections freed.
  let allocated = 0;
  let last = start;
  for (const g of statistics) {
    allocated += g.beforeGC.heapStatistics.usedHeapSize - last;
    last = g.afterGC.heapStatistics.usedHeapSize;
  }
  allocated += end - last;
  return { blocks, allocated };
}

export async function stopMeasuring(): Promise<void> {
  if (!session) return;
  await session.post('Profiler.stopPreciseCoverage');
  session.disconnect();
  session = undefined;
}

/**
 * The least work of `runs` calls, field by field: what else the process allocates meanwhile (the
 * test runner's messages, a timer) only ever adds to a count, so the least is the closest to the
 * code's own, and one noisy call cannot fail a growth test.
 */
export async function leastWork(scope: string, fn: () => unknown, runs = 3): Promise<Work> {
  let least: Work = { blocks: Infinity, allocated: Infinity };
  for (let i = 0; i < runs; i++) {
    const w = await measureWork(scope, fn);
    least = { blocks: Math.min(least.blocks, w.blocks), allocated: Math.min(least.allocated, w.allocated) };
  }
  return least;
}

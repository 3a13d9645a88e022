// The router lab: three network namespaces (WAN client, router, NAS) joined by two veth pairs,
// NAS listeners that answer with their own port number, and a WAN prober. Everything lives in
// namespaces named synfw-<pid>-<n>-{wan,rtr,nas}; no address, route or rule of the host's own
// network namespace is touched and no packet leaves the lab. See README.md.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import type { Plan, PortRange, Proto } from '../../src/plan/types.js';

export const LAB_DIR = fileURLToPath(new URL('./', import.meta.url));
export const CANARY = '/tmp/synfw-canary';

/** Namespace names: synfw-<pid>-<n>-<role>, unique per process and lab. */
const PREFIX = `synfw-${process.pid}`;
const NS_NAME = /^synfw-(\d+)-\d+-(?:wan|rtr|nas|chk)$/;
const TMP_NAME = /^synfw-(\d+)-\d+-[A-Za-z0-9]{6}$/;
let counter = 0;

// ---------------------------------------------------------------------------------------------
// Tools, availability and skipping

/** PATH for every lab command: the caller's PATH plus the sbin directories (iptables, ip, miniupnpd). */
export const LAB_PATH = [
  ...new Set([
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
    '/usr/local/sbin',
    '/usr/local/bin',
    '/usr/sbin',
    '/usr/bin',
    '/sbin',
    '/bin',
  ]),
].join(delimiter);

export const LAB_ENV: NodeJS.ProcessEnv = { ...process.env, PATH: LAB_PATH, LC_ALL: 'C' };

/** Absolute path of a tool on LAB_PATH, or undefined. */
export function which(tool: string): string | undefined {
  for (const dir of LAB_PATH.split(delimiter)) {
    const file = join(dir, tool);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // next directory
    }
  }
  return undefined;
}

export type Availability = { ok: true } | { ok: false; why: string };

/** Tools every lab needs, whatever it tests. */
const BASE_TOOLS = ['ip', 'sh'];

/**
 * Whether this machine can run a lab that needs `tools`: Linux, root, the tools on PATH (sbin
 * included), and network namespaces that can actually be created (a root shell in an unprivileged
 * container cannot). Cheap enough to call at collection time.
 */
export function labAvailability(tools: string[]): Availability {
  if (process.platform !== 'linux') return { ok: false, why: `not Linux (${process.platform})` };
  if (process.getuid?.() !== 0) return { ok: false, why: 'not root' };
  const missing = [...new Set([...BASE_TOOLS, ...tools])].filter((t) => !which(t));
  if (missing.length) return { ok: false, why: `missing: ${missing.join(', ')}` };
  const name = `${PREFIX}-0-chk`;
  const add = spawnSync('ip', ['netns', 'add', name], { env: LAB_ENV, encoding: 'utf8' });
  spawnSync('ip', ['netns', 'del', name], { env: LAB_ENV, encoding: 'utf8' });
  if (add.status !== 0) {
    return { ok: false, why: `cannot create network namespaces (ip netns add: ${(add.stderr || add.error?.message || `exit ${add.status}`).trim()})` };
  }
  return { ok: true };
}

/**
 * describe() when the lab can run. Otherwise, with CI=true, a suite whose one test fails with
 * the reason; without CI, describe.skip and one console line saying what is missing.
 */
export function labDescribe(name: string, avail: Availability, options: { timeout: number }, body: () => void): void {
  if (avail.ok) {
    describe(name, options, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      test('the lab can run here (CI=true: a missing prerequisite fails instead of skipping)', () => {
        throw new Error(`router lab "${name}" cannot run: ${avail.why}`);
      });
    });
  } else {
    console.log(`[synfw lab] skipped ${name}: ${avail.why} (run as root with the tools installed; see test/lab/README.md)`);
    describe.skip(name, body);
  }
}

// ---------------------------------------------------------------------------------------------
// Running commands

export interface ExecResult {
  argv: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface ExecOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Killed (SIGKILL) after this long; default 30 s. */
  timeoutMs?: number;
}

export function exec(argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { env: opts.env ?? LAB_ENV, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const done = (code: number | null, signal: NodeJS.Signals | null, extra = ''): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ argv, code, signal, stdout, stderr: stderr + extra, ms: Math.round(performance.now() - start) });
    };
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(null, 'SIGKILL', `\n[lab] killed after ${timeoutMs} ms`);
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => done(null, null, `\n[lab] ${e.message}`));
    child.on('close', (code, signal) => done(code, signal));
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

export function describeExec(r: ExecResult): string {
  const status = r.code === null ? `signal ${r.signal ?? '?'}` : `exit ${r.code}`;
  const out = [r.stdout.trim() && `stdout:\n${tail(r.stdout)}`, r.stderr.trim() && `stderr:\n${tail(r.stderr)}`].filter(Boolean).join('\n');
  return `\`${r.argv.join(' ')}\` -> ${status}${out ? `\n${out}` : ''}`;
}

function tail(s: string, lines = 40): string {
  const all = s.trimEnd().split('\n');
  return (all.length > lines ? ['...', ...all.slice(-lines)] : all).join('\n');
}

/** exec() that throws, with the command's output, unless it exits 0. */
export async function must(argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const r = await exec(argv, opts);
  if (r.code !== 0) throw new Error(describeExec(r));
  return r;
}

// ---------------------------------------------------------------------------------------------
// Namespaces

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes lab namespaces left by runs that crashed (their owner pid is gone), after killing the
 * processes still inside them (listeners, miniupnpd). Labs of live runs are left alone.
 */
export async function sweepStaleLabs(): Promise<string[]> {
  const list = await exec(['ip', 'netns', 'list']);
  const stale = list.stdout
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter((n) => {
      const m = NS_NAME.exec(n);
      return m !== null && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]));
    });
  for (const ns of stale) {
    const pids = await exec(['ip', 'netns', 'pids', ns]);
    for (const pid of pids.stdout.split(/\s+/).filter(Boolean).map(Number)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await exec(['ip', 'netns', 'del', ns]);
  }
  // Their temp directories (scripts, miniupnpd.conf): synfw-<pid>-<n>-XXXXXX.
  for (const entry of readdirSync(tmpdir())) {
    const m = TMP_NAME.exec(entry);
    if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
  return stale;
}

const liveLabs = new Set<Lab>();

export type NsRole = 'wan' | 'rtr' | 'nas';

export interface LabOptions {
  /** The router's WAN interface name: the profile's router.wan, or the target's default. */
  wanIf: string;
  /** The NAS address (the profile's nas.address); the LAN is its /24. */
  nasAddr: string;
}

export interface ListenSpec {
  proto: Proto;
  port: number;
}

export interface Probe {
  proto: Proto;
  /** The router's WAN address: the only address the WAN client talks to. */
  host: string;
  /** External (WAN) port. */
  port: number;
  timeoutMs: number;
}

export interface ProbeResult {
  answer: number | null;
  error?: string;
}

/** One lab topology; create with Lab.create(), always destroy() (also done on process exit). */
export class Lab {
  readonly id: string;
  readonly ns: Record<NsRole, string>;
  readonly wanIf: string;
  readonly lanIf: string;
  readonly clientAddr = '203.0.113.2';
  readonly routerWanAddr = '203.0.113.1';
  readonly routerLanAddr: string;
  readonly nasAddr: string;
  /** A private temp directory for scripts and configs. */
  readonly dir: string;
  /** Bound over /tmp for the scripts under test (see runScript). */
  readonly tmp: string;
  private readonly procs = new Set<ChildProcess>();
  private destroyed = false;

  private constructor(o: LabOptions) {
    this.id = `${PREFIX}-${++counter}`;
    this.ns = { wan: `${this.id}-wan`, rtr: `${this.id}-rtr`, nas: `${this.id}-nas` };
    this.wanIf = o.wanIf;
    this.lanIf = o.wanIf === 'lan0' ? 'lan1' : 'lan0';
    const octets = o.nasAddr.split('.');
    if (octets.length !== 4 || octets[0] === '203') throw new Error(`lab: NAS address ${o.nasAddr} is not an IPv4 LAN address the lab can use`);
    this.nasAddr = o.nasAddr;
    this.routerLanAddr = [...octets.slice(0, 3), octets[3] === '1' ? '254' : '1'].join('.');
    this.dir = mkdtempSync(join(tmpdir(), `${this.id}-`));
    this.tmp = join(this.dir, 'tmp');
    mkdirSync(this.tmp, { mode: 0o1777 });
  }

  static async create(o: LabOptions): Promise<Lab> {
    const lab = new Lab(o);
    liveLabs.add(lab);
    try {
      await lab.build();
    } catch (e) {
      await lab.destroy();
      throw new Error(`lab set-up failed: ${(e as Error).message}`);
    }
    return lab;
  }

  private async build(): Promise<void> {
    const { wan, rtr, nas } = this.ns;
    await Promise.all(Object.values(this.ns).map((n) => must(['ip', 'netns', 'add', n])));
    // veth pairs created directly inside the namespaces: nothing appears in the host's namespace.
    await must(['ip', 'link', 'add', 'eth0', 'netns', wan, 'type', 'veth', 'peer', 'name', this.wanIf, 'netns', rtr]);
    await must(['ip', 'link', 'add', this.lanIf, 'netns', rtr, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', nas]);
    const batch = (ns: string, lines: string[]): Promise<ExecResult> => must(['ip', '-n', ns, '-batch', '-'], { input: `${lines.join('\n')}\n` });
    await Promise.all([
      batch(wan, ['link set lo up', `addr add ${this.clientAddr}/24 dev eth0`, 'link set eth0 up']),
      batch(rtr, [
        'link set lo up',
        `addr add ${this.routerWanAddr}/24 dev ${this.wanIf}`,
        `link set ${this.wanIf} up`,
        `addr add ${this.routerLanAddr}/24 dev ${this.lanIf}`,
        `link set ${this.lanIf} up`,
      ]),
      batch(nas, ['link set lo up', `addr add ${this.nasAddr}/24 dev eth0`, 'link set eth0 up', `route add default via ${this.routerLanAddr}`]),
      this.mustIn('rtr', ['sh', '-c', 'echo 1 > /proc/sys/net/ipv4/ip_forward']),
    ]);
  }

  /** Runs a command inside one of the lab's namespaces. */
  in(role: NsRole, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return exec(['ip', 'netns', 'exec', this.ns[role], ...argv], opts);
  }

  mustIn(role: NsRole, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return must(['ip', 'netns', 'exec', this.ns[role], ...argv], opts);
  }

  /**
   * Runs a script under test, `sh FILE ARGS`, inside a namespace, with the lab's own directory
   * bound over /tmp (in the mount namespace `ip netns exec` creates, so the host never sees it):
   * whatever the script writes to /tmp, an injected `touch /tmp/synfw-canary` included, lands in
   * this lab and nowhere else, which keeps parallel runs and test files from masking each other.
   * Throws unless it exits 0.
   */
  runScript(role: NsRole, file: string, args: string[] = [], opts: ExecOptions = {}): Promise<ExecResult> {
    // The lab directory itself is under the host's /tmp, hidden by the bind: run a copy.
    const name = basename(file);
    copyFileSync(file, join(this.tmp, name));
    const argv = ['sh', '-c', 'mount --bind "$1" /tmp && shift && exec sh "$@"', 'sh', this.tmp, `/tmp/${name}`, ...args];
    return this.mustIn(role, argv, { cwd: this.tmp, ...opts });
  }

  /** Whether a script run by runScript created /tmp/synfw-canary. */
  canaryExists(): boolean {
    return existsSync(join(this.tmp, basename(CANARY)));
  }

  /** Starts a long-running process inside a namespace; destroy() kills it. */
  spawnIn(role: NsRole, argv: string[], env: NodeJS.ProcessEnv = LAB_ENV): ChildProcess {
    // `ip netns exec` execs the command itself, so the child's pid is the command's pid. Its stdin
    // is a pipe that closes when this process dies (the listener exits then).
    const child = spawn('ip', ['netns', 'exec', this.ns[role], ...argv], { env, cwd: this.dir, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.on('error', () => {});
    this.procs.add(child);
    child.on('exit', () => this.procs.delete(child));
    return child;
  }

  /** Starts the NAS listeners and waits for them to be bound. */
  async startListeners(ports: ListenSpec[]): Promise<void> {
    const child = this.spawnIn('nas', [process.execPath, join(LAB_DIR, 'listener.mjs'), ...ports.map((p) => `${p.proto}:${p.port}`)]);
    await waitForOutput(child, /^ready$/m, 10_000, 'NAS listeners');
  }

  /** Runs all probes at once from the WAN client. */
  async probe(probes: Probe[]): Promise<ProbeResult[]> {
    const r = await this.mustIn('wan', [process.execPath, join(LAB_DIR, 'probe.mjs')], { input: JSON.stringify(probes) });
    return JSON.parse(r.stdout) as ProbeResult[];
  }

  /** Kills the lab's processes, deletes its namespaces and temp directory. Never throws. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await Promise.all(
      [...this.procs].map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve();
            const t = setTimeout(() => {
              p.kill('SIGKILL');
              resolve();
            }, 2_000);
            p.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
            p.kill('SIGTERM');
          }),
      ),
    );
    await Promise.all(Object.values(this.ns).map((n) => exec(['ip', 'netns', 'del', n])));
    rmSync(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }

  /** For process exit: same as destroy(), synchronously. */
  destroySync(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const p of this.procs) p.kill('SIGKILL');
    for (const n of Object.values(this.ns)) spawnSync('ip', ['netns', 'del', n], { env: LAB_ENV });
    rmSync(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }
}

export async function destroyAllLabs(): Promise<void> {
  await Promise.all([...liveLabs].map((l) => l.destroy()));
}

process.once('exit', () => {
  for (const lab of liveLabs) lab.destroySync();
});

/** Resolves when the child's stdout+stderr matches `pattern`; rejects on exit or timeout. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const finish = (err?: Error): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(out);
    };
    const onData = (d: Buffer): void => {
      out += d.toString('utf8');
      if (pattern.test(out)) finish();
    };
    const onExit = (code: number | null, signal: string | null): void =>
      finish(new Error(`${what} exited (${code ?? signal}) before becoming ready:\n${out}`));
    const timer = setTimeout(() => finish(new Error(`${what} not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

// ---------------------------------------------------------------------------------------------
// What to expect, from the plan

/** Open probes wait this long for an answer; closed probes this long for none. */
export const OPEN_TIMEOUT_MS = 2_000;
export const CLOSED_TIMEOUT_MS = 400;
/** Ranges up to this size are listened on and probed port by port; larger ones at first, middle, last. */
export const FULL_RANGE_MAX = 64;
/** Ports the NAS listens on (tcp and udp) that no shipped profile forwards: SSH, SMB, DSM HTTP, DNS. */
export const EXTRA_PORTS = [22, 445, 5000, 53];

export function sampleOffsets(r: PortRange): number[] {
  const size = r.last - r.first + 1;
  if (size <= FULL_RANGE_MAX) return Array.from({ length: size }, (_, i) => i);
  return [...new Set([0, Math.floor((size - 1) / 2), size - 1])];
}

export interface Expectation {
  proto: Proto;
  /** WAN port probed on the router's WAN address. */
  port: number;
  /** The NAS port that must answer, or null: nothing may answer. */
  answer: number | null;
}

const inRanges = (port: number, ranges: PortRange[]): boolean => ranges.some((r) => r.first <= port && port <= r.last);

export function externalRanges(plan: Plan, proto: Proto): PortRange[] {
  return plan.forwards.filter((f) => f.proto === proto).map((f) => f.external);
}

/**
 * From the plan: the NAS ports to listen on (every sampled internal and external port of every
 * forward, in both protocols, plus EXTRA_PORTS), the probes that must reach a given NAS port, and
 * the probes that must stay unanswered (every listened (proto, port) outside that protocol's
 * external ranges: unforwarded ports, the NAS side of remaps, the other protocol of a forward).
 */
export function planExpectations(plan: Plan): { listen: ListenSpec[]; open: Expectation[]; closed: Expectation[] } {
  const open: Expectation[] = [];
  const ports = new Set<number>(EXTRA_PORTS);
  for (const f of plan.forwards) {
    for (const i of sampleOffsets(f.external)) {
      open.push({ proto: f.proto, port: f.external.first + i, answer: f.internal.first + i });
      ports.add(f.external.first + i);
      ports.add(f.internal.first + i);
    }
  }
  const sorted = [...ports].sort((a, b) => a - b);
  const listen: ListenSpec[] = (['tcp', 'udp'] as const).flatMap((proto) => sorted.map((port) => ({ proto, port })));
  const closed = listen.filter((l) => !inRanges(l.port, externalRanges(plan, l.proto))).map((l) => ({ ...l, answer: null }));
  return { listen, open, closed };
}

export function toProbes(lab: Lab, expectations: Expectation[]): Probe[] {
  return expectations.map((e) => ({
    proto: e.proto,
    host: lab.routerWanAddr,
    port: e.port,
    timeoutMs: e.answer === null ? CLOSED_TIMEOUT_MS : OPEN_TIMEOUT_MS,
  }));
}

/** One line per probe whose result differs from the expectation; empty when all match. */
export function probeMismatches(expectations: Expectation[], results: ProbeResult[]): string[] {
  return expectations.flatMap((e, i) => {
    const r = results[i]!;
    if (r.answer === e.answer) return [];
    const got = r.answer === null ? `no answer (${r.error ?? '?'})` : `NAS port ${r.answer} answered`;
    const want = e.answer === null ? 'no answer (not forwarded)' : `NAS port ${e.answer}`;
    return [`${e.proto} WAN ${e.port}: expected ${want}, got ${got}`];
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers for the test files

/** iptables-save output without comment lines, blank lines and packet/byte counters. */
export function normalizeSave(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.replace(/\[\d+:\d+\]/g, '[0:0]'))
    .join('\n');
}

/**
 * Results of a run's steps, each kept separately so that one failing step fails only the tests
 * that need it. get() rethrows a step's error.
 */
export class Steps {
  private readonly results = new Map<string, { ok: true; value: unknown } | { ok: false; error: unknown }>();
  readonly timings: Record<string, number> = {};

  async run<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
    const start = performance.now();
    try {
      const value = await fn();
      this.results.set(name, { ok: true, value });
      return value;
    } catch (error) {
      this.results.set(name, { ok: false, error });
      return undefined;
    } finally {
      this.timings[name] = Math.round(performance.now() - start);
    }
  }

  get<T>(name: string): T {
    const r = this.results.get(name);
    if (!r) throw new Error(`lab step "${name}" did not run (an earlier step failed: ${this.firstError() ?? 'unknown'})`);
    if (!r.ok) throw r.error;
    return r.value as T;
  }

  private firstError(): string | undefined {
    for (const [name, r] of this.results) if (!r.ok) return `${name}: ${(r.error as Error)?.message ?? String(r.error)}`;
    return undefined;
  }
}

/** Memoises an async function: the first call starts it, every call gets the same promise. */
export function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    if (!p) {
      p = fn();
      p.catch(() => {}); // reported by the tests that await it
    }
    return p;
  };
}

// The router lab: three network namespaces (WAN client, router, NAS) joined by two veth pairs,
// NAS listeners that answer with their own port number, and a WAN prober. Everything lives in
// namespaces named synfw-<pid>-<n>-{wan,rtr,nas}; no address, route or rule of the host's own
// network namespace is touched and no packet leaves the lab. See README.md.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Plan, PortRange, Proto } from '../../src/plan/types.js';

export const LAB_DIR = fileURLToPath(new URL('./', import.meta.url));
export const CANARY = '/tmp/synfw-canary';

/** Namespace names: synfw-<pid>-<n>-<role>, unique per process and lab. */
const PREFIX = `synfw-${process.pid}`;
const NS_NAME = /^synfw-(\d+)-\d+-(?:wan2?|sw|rtr|nas|lan|chk)$/;
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
const BASE_TOOLS = ['ip', 'bridge', 'sh'];

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
 * the reason; without CI, describe.skip and one console line saying what is missing (and `hint`:
 * how to get it).
 */
export function labDescribe(name: string, avail: Availability, options: { timeout: number; hint?: string }, body: () => void): void {
  if (avail.ok) {
    describe(name, { timeout: options.timeout }, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      test('the lab can run here (CI=true: a missing prerequisite fails instead of skipping)', () => {
        throw new Error(`router lab "${name}" cannot run: ${avail.why}`);
      });
    });
  } else {
    console.log(`[synfw lab] skipped ${name}: ${avail.why} (${options.hint ?? 'run as root with the tools installed; see test/lab/README.md'})`);
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
  /**
   * Leaves the command's stdin open (no input) until it exits: a command that watches its stdin
   * then learns when this process dies, however it dies.
   */
  keepStdinOpen?: boolean;
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
      child.stdin.destroy();
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
    if (!opts.keepStdinOpen) child.stdin.end(opts.input ?? '');
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

/** Whether a process of that pid is alive (owned by anyone). */
export function pidAlive(pid: number): boolean {
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
  sweepStaleTempDirs();
  return stale;
}

/** Deletes the temp directories (synfw-<pid>-<n>-XXXXXX) of runs whose process is gone. */
export function sweepStaleTempDirs(): void {
  for (const entry of readdirSync(tmpdir())) {
    const m = TMP_NAME.exec(entry);
    if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
}

/** A new temp directory named like a lab's, so that sweepStaleTempDirs removes it after a crash. */
export function labTempDir(): string {
  return mkdtempSync(join(tmpdir(), `${PREFIX}-${++counter}-`));
}

const liveLabs = new Set<Lab>();

/**
 * The lab's namespaces. Always: wan (the WAN client), rtr (the router), nas. Optional: wan2 (a
 * second WAN client, behind the same WAN "switch" sw), lan (a client on the router's LAN bridge).
 */
export type NsRole = 'wan' | 'wan2' | 'sw' | 'rtr' | 'nas' | 'lan';

export interface LabOptions {
  /** The router's WAN interface name: the profile's router.wan, or the target's default. */
  wanIf: string;
  /** The router's LAN interface name: the profile's router.lan, or lan0 (lan1 if wanIf is lan0). */
  lanIf?: string;
  /** The NAS address (the profile's nas.address); the LAN is its /24. */
  nasAddr: string;
  /** The WAN client's IPv4 address; default 203.0.113.2. Outside 203.0.113.0/24 it gets host routes. */
  clientAddr?: string;
  /**
   * A second WAN client in its own namespace (wan2) with this address. The WAN side then becomes
   * a bridge in a switch namespace (sw) with the router's WAN veth and both clients on it; the
   * router's own WAN interface stays a plain veth named wanIf.
   */
  client2Addr?: string;
  /**
   * The NAS's IPv6 address (the profile's nas.address6). Enables IPv6: the NAS gets it (/64), the
   * router forwards IPv6 and has an address on both sides, the WAN clients get clientAddr6 and
   * client2Addr6 with a default route via the router.
   */
  nasAddr6?: string;
  clientAddr6?: string;
  client2Addr6?: string;
  /**
   * A LAN client namespace (lan). The router's LAN interface (lanIf) then is a bridge in the
   * router namespace with two veths enslaved, one to the NAS and one to the LAN client, both in
   * the NAS's /24.
   */
  lanClient?: boolean;
}

export interface ListenSpec {
  proto: Proto;
  port: number;
}

export interface Probe {
  proto: Proto;
  /** Where the probe goes: the router's WAN address, or the NAS's IPv6 address. */
  host: string;
  /** Destination port (the WAN port for the router's WAN address). */
  port: number;
  timeoutMs: number;
}

export interface ProbeResult {
  answer: number | null;
  /** The source address the NAS listener saw (IPv4-mapped IPv6 addresses given as IPv4). */
  peer?: string;
  error?: string;
}

/** Lab addresses outside every profile's LAN: the router's WAN side. */
export const ROUTER_WAN_ADDR = '203.0.113.1';
export const ROUTER_WAN_ADDR6 = '2001:db8:ffff::1';
export const DEFAULT_CLIENT_ADDR = '203.0.113.2';

/** One lab topology; create with Lab.create(), always destroy() (also done on process exit). */
export class Lab {
  readonly id: string;
  readonly ns: Partial<Record<NsRole, string>> & Record<'wan' | 'rtr' | 'nas', string>;
  readonly wanIf: string;
  readonly lanIf: string;
  readonly clientAddr: string;
  readonly client2Addr?: string;
  readonly routerWanAddr = ROUTER_WAN_ADDR;
  readonly routerLanAddr: string;
  readonly nasAddr: string;
  readonly nasAddr6?: string;
  readonly routerWanAddr6?: string;
  readonly routerLanAddr6?: string;
  readonly clientAddr6?: string;
  readonly client2Addr6?: string;
  /** The LAN client's address (lanClient), in the NAS's /24. */
  readonly lanClientAddr?: string;
  /** A private temp directory for scripts and configs. */
  readonly dir: string;
  /** Bound over /tmp for the scripts under test (see runScript). */
  readonly tmp: string;
  private readonly procs = new Set<ChildProcess>();
  private destroyed = false;

  private constructor(o: LabOptions) {
    this.id = `${PREFIX}-${++counter}`;
    this.wanIf = o.wanIf;
    this.lanIf = o.lanIf ?? (o.wanIf === 'lan0' ? 'lan1' : 'lan0');
    if (this.lanIf === this.wanIf) throw new Error(`lab: WAN and LAN interface are both ${this.wanIf}`);
    const octets = o.nasAddr.split('.');
    if (octets.length !== 4 || octets[0] === '203') throw new Error(`lab: NAS address ${o.nasAddr} is not an IPv4 LAN address the lab can use`);
    this.nasAddr = o.nasAddr;
    this.routerLanAddr = [...octets.slice(0, 3), octets[3] === '1' ? '254' : '1'].join('.');
    this.clientAddr = o.clientAddr ?? DEFAULT_CLIENT_ADDR;
    this.client2Addr = o.client2Addr;
    const ns: Partial<Record<NsRole, string>> = { wan: `${this.id}-wan`, rtr: `${this.id}-rtr`, nas: `${this.id}-nas` };
    if (o.client2Addr) {
      ns.wan2 = `${this.id}-wan2`;
      ns.sw = `${this.id}-sw`;
    }
    if (o.lanClient) {
      ns.lan = `${this.id}-lan`;
      const used = new Set([octets[3], this.routerLanAddr.split('.')[3]]);
      const host = ['100', '101', '102'].find((h) => !used.has(h))!;
      this.lanClientAddr = [...octets.slice(0, 3), host].join('.');
    }
    this.ns = ns as Lab['ns'];
    if (o.nasAddr6) {
      this.nasAddr6 = o.nasAddr6;
      this.routerWanAddr6 = ROUTER_WAN_ADDR6;
      this.routerLanAddr6 = routerAddr6For(o.nasAddr6);
      this.clientAddr6 = o.clientAddr6;
      this.client2Addr6 = o.client2Addr6;
    }
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

  private roles(): NsRole[] {
    return Object.keys(this.ns) as NsRole[];
  }

  private async build(): Promise<void> {
    const { wan, rtr, nas, wan2, sw, lan } = this.ns;
    await Promise.all(this.roles().map((r) => must(['ip', 'netns', 'add', this.ns[r]!])));
    // Before any interface exists: no duplicate address detection (new interfaces inherit
    // "default"), so IPv6 addresses, link-local ones included, are usable at once. The router
    // forwards, and its bridges (if any) do not hand bridged packets to ip(6)tables/nft.
    const v6 = this.nasAddr6 !== undefined;
    await Promise.all(
      this.roles().map((r) => {
        const lines = ['for f in /proc/sys/net/ipv6/conf/default/accept_dad /proc/sys/net/ipv6/conf/all/accept_dad; do [ ! -e $f ] || echo 0 > $f; done'];
        if (r === 'rtr') {
          lines.push('echo 1 > /proc/sys/net/ipv4/ip_forward');
          if (v6) lines.push('echo 1 > /proc/sys/net/ipv6/conf/all/forwarding');
          lines.push('for f in /proc/sys/net/bridge/bridge-nf-call-*; do [ ! -e $f ] || echo 0 > $f; done');
        }
        return must(['ip', 'netns', 'exec', this.ns[r]!, 'sh', '-ec', lines.join('\n')]);
      }),
    );
    // veth pairs created directly inside the namespaces: nothing appears in the host's namespace.
    const veth = (a: string, aIf: string, b: string, bIf: string): Promise<ExecResult> =>
      must(['ip', 'link', 'add', aIf, 'netns', a, 'type', 'veth', 'peer', 'name', bIf, 'netns', b]);
    const links: Promise<ExecResult>[] = [];
    if (sw) {
      links.push(veth(sw, 'p-rtr', rtr, this.wanIf), veth(sw, 'p-wan', wan, 'eth0'), veth(sw, 'p-wan2', wan2!, 'eth0'));
    } else {
      links.push(veth(wan, 'eth0', rtr, this.wanIf));
    }
    if (lan) {
      links.push(veth(rtr, 'syn-nas', nas, 'eth0'), veth(rtr, 'syn-cli', lan, 'eth0'));
    } else {
      links.push(veth(rtr, this.lanIf, nas, 'eth0'));
    }
    await Promise.all(links);

    const batch = (ns: string, lines: string[]): Promise<ExecResult> => must(['ip', '-n', ns, '-batch', '-'], { input: `${lines.join('\n')}\n` });
    const onWan = (addr: string): boolean => addr.startsWith('203.0.113.');
    const client = (addr: string, addr6: string | undefined): string[] => [
      'link set lo up',
      onWan(addr) ? `addr add ${addr}/24 dev eth0` : `addr add ${addr}/32 dev eth0`,
      ...(addr6 ? [`addr add ${addr6}/128 dev eth0 nodad`] : []),
      'link set eth0 up',
      ...(onWan(addr) ? [] : [`route add ${ROUTER_WAN_ADDR}/32 dev eth0`]),
      ...(addr6 ? [`route add ${ROUTER_WAN_ADDR6}/128 dev eth0`, `route add default via ${ROUTER_WAN_ADDR6} dev eth0`] : []),
    ];
    const clients: [string, string | undefined][] = [[this.clientAddr, this.clientAddr6]];
    if (this.client2Addr) clients.push([this.client2Addr, this.client2Addr6]);
    const rtrLines = ['link set lo up', `addr add ${this.routerWanAddr}/24 dev ${this.wanIf}`];
    if (v6) rtrLines.push(`addr add ${this.routerWanAddr6}/64 dev ${this.wanIf} nodad`);
    rtrLines.push(`link set ${this.wanIf} up`);
    if (lan) {
      rtrLines.push(
        `link add ${this.lanIf} type bridge forward_delay 0 stp_state 0`,
        `link set syn-nas master ${this.lanIf}`,
        `link set syn-cli master ${this.lanIf}`,
        'link set syn-nas up',
        'link set syn-cli up',
      );
    }
    rtrLines.push(`addr add ${this.routerLanAddr}/24 dev ${this.lanIf}`);
    if (v6) rtrLines.push(`addr add ${this.routerLanAddr6}/64 dev ${this.lanIf} nodad`);
    rtrLines.push(`link set ${this.lanIf} up`);
    for (const [a, a6] of clients) {
      if (!onWan(a)) rtrLines.push(`route add ${a}/32 dev ${this.wanIf}`);
      if (a6) rtrLines.push(`route add ${a6}/128 dev ${this.wanIf}`);
    }
    const nasLines = ['link set lo up', `addr add ${this.nasAddr}/24 dev eth0`];
    if (v6) nasLines.push(`addr add ${this.nasAddr6}/64 dev eth0 nodad`);
    nasLines.push('link set eth0 up', `route add default via ${this.routerLanAddr}`);
    if (v6) nasLines.push(`route add default via ${this.routerLanAddr6} dev eth0`);
    const jobs = [batch(wan, client(this.clientAddr, this.clientAddr6)), batch(rtr, rtrLines), batch(nas, nasLines)];
    if (wan2) jobs.push(batch(wan2, client(this.client2Addr!, this.client2Addr6)));
    if (sw) {
      jobs.push(
        batch(sw, [
          'link set lo up',
          'link add br0 type bridge forward_delay 0 stp_state 0',
          ...['p-rtr', 'p-wan', 'p-wan2'].flatMap((p) => [`link set ${p} master br0`, `link set ${p} up`]),
          'link set br0 up',
        ]),
      );
    }
    if (lan) {
      jobs.push(batch(lan, ['link set lo up', `addr add ${this.lanClientAddr}/24 dev eth0`, 'link set eth0 up', `route add default via ${this.routerLanAddr}`]));
    }
    await Promise.all(jobs);
    await this.waitLinksUp();
  }

  /**
   * Waits until every interface of the lab is operationally up and every bridge port forwards.
   * The kernel reports carrier changes with a delay of up to a second (linkwatch), and until then
   * a bridge port drops what it gets: without this wait the first packets of a probe run are lost.
   */
  private async waitLinksUp(timeoutMs = 5_000): Promise<void> {
    // One shell loop for the whole lab: cheaper than polling from here under load.
    const script = [
      'end=$(( $(date +%s) + $1 )); shift',
      'while :; do',
      '  pending=""',
      '  for ns in "$@"; do',
      '    l=$(ip -n "$ns" -o link show | grep -v "^[0-9]*: lo:" | grep -v " state UP " || true)',
      '    b=$(bridge -n "$ns" link show | grep -v " state forwarding " || true)',
      '    [ -z "$l$b" ] || pending="$pending [$ns] $l $b"',
      '  done',
      '  [ -n "$pending" ] || exit 0',
      '  if [ "$(date +%s)" -ge "$end" ]; then printf "%s" "$pending" >&2; exit 1; fi',
      '  sleep 0.02',
      'done',
    ].join('\n');
    const r = await exec(['sh', '-c', script, 'sh', String(Math.ceil(timeoutMs / 1000)), ...Object.values(this.ns).map((n) => n!)], { timeoutMs: timeoutMs + 5_000 });
    if (r.code !== 0) throw new Error(`links not up after ${timeoutMs} ms: ${describeExec(r)}`);
  }

  /** Runs a command inside one of the lab's namespaces. */
  in(role: NsRole, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return exec(['ip', 'netns', 'exec', this.nsName(role), ...argv], opts);
  }

  mustIn(role: NsRole, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return must(['ip', 'netns', 'exec', this.nsName(role), ...argv], opts);
  }

  /** The namespace of a role; throws if this lab has none (e.g. wan2 without client2Addr). */
  nsName(role: NsRole): string {
    const n = this.ns[role];
    if (!n) throw new Error(`lab ${this.id} has no ${role} namespace`);
    return n;
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
    const child = spawn('ip', ['netns', 'exec', this.nsName(role), ...argv], { env, cwd: this.dir, stdio: ['pipe', 'pipe', 'pipe'] });
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

  /** Runs all probes at once from one client (default: the WAN client). */
  async probe(probes: Probe[], from: NsRole = 'wan'): Promise<ProbeResult[]> {
    if (probes.length === 0) return [];
    const r = await this.mustIn(from, [process.execPath, join(LAB_DIR, 'probe.mjs')], { input: JSON.stringify(probes) });
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
    await Promise.all(Object.values(this.ns).map((n) => exec(['ip', 'netns', 'del', n!])));
    rmSync(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }

  /** For process exit: same as destroy(), synchronously. */
  destroySync(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const p of this.procs) p.kill('SIGKILL');
    for (const n of Object.values(this.ns)) spawnSync('ip', ['netns', 'del', n!], { env: LAB_ENV });
    rmSync(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }
}

/** The router's LAN-side IPv6 address: ::1 in the NAS's /64 (::2 if the NAS is ::1). */
export function routerAddr6For(nasAddr6: string): string {
  const parts = ipaddr.IPv6.parse(nasAddr6).parts.slice(0, 4);
  const nas = ipaddr.IPv6.parse(nasAddr6).toNormalizedString();
  const one = new ipaddr.IPv6([...parts, 0, 0, 0, 1]);
  return (one.toNormalizedString() === nas ? new ipaddr.IPv6([...parts, 0, 0, 0, 2]) : one).toString();
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
  /** WAN port probed on the router's WAN address (or the NAS port, for IPv6 to the NAS). */
  port: number;
  /** The NAS port that must answer, or null: nothing may answer. */
  answer: number | null;
  /** When answered: the source addresses the NAS may have seen (unset: not checked). */
  peer?: string[];
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

/**
 * IPv6 straight to the NAS's global address (no NAT): every sampled NAS-side port of a forward
 * must answer itself, every other listened port must not (the WAN side of a remap included).
 * Uses the same listeners as planExpectations.
 */
export function planExpectations6(plan: Plan): { open: Expectation[]; closed: Expectation[] } {
  const { listen } = planExpectations(plan);
  const internal = (proto: Proto): PortRange[] => plan.forwards.filter((f) => f.proto === proto).map((f) => f.internal);
  const open: Expectation[] = [];
  const seen = new Set<string>();
  for (const f of plan.forwards) {
    for (const i of sampleOffsets(f.internal)) {
      const port = f.internal.first + i;
      if (seen.has(`${f.proto}/${port}`)) continue;
      seen.add(`${f.proto}/${port}`);
      open.push({ proto: f.proto, port, answer: port });
    }
  }
  const closed = listen.filter((l) => !inRanges(l.port, internal(l.proto))).map((l) => ({ ...l, answer: null }));
  return { open, closed };
}

/** Every expectation turned into "nothing may answer". */
export function allClosed(expectations: Expectation[]): Expectation[] {
  return expectations.map(({ proto, port }) => ({ proto, port, answer: null }));
}

/**
 * The probes for expectations. `timeoutMs` overrides the wait of every probe: a self-check that
 * must see a leak gives the "closed" probes the time an answer may take on a loaded machine.
 */
export function toProbes(lab: Lab, expectations: Expectation[], host: string = lab.routerWanAddr, timeoutMs?: number): Probe[] {
  return expectations.map((e) => ({
    proto: e.proto,
    host,
    port: e.port,
    timeoutMs: timeoutMs ?? (e.answer === null ? CLOSED_TIMEOUT_MS : OPEN_TIMEOUT_MS),
  }));
}

/** One line per probe whose result differs from the expectation; empty when all match. */
export function probeMismatches(expectations: Expectation[], results: ProbeResult[]): string[] {
  return expectations.flatMap((e, i) => {
    const r = results[i]!;
    if (r.answer === e.answer) {
      if (r.answer === null || !e.peer || e.peer.includes(r.peer ?? '')) return [];
      return [`${e.proto} WAN ${e.port}: NAS port ${r.answer} answered but saw the connection from ${r.peer ?? '?'}, expected ${e.peer.join(' or ')}`];
    }
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

/**
 * Starts every lab of a test file at once before its tests (each test then awaits its own run) and
 * tears them all down afterwards, with a sweep of earlier crashed runs first. With SYNFW_LAB_TIMINGS
 * set, prints `report`'s lines and the total time.
 */
export function startLabsTogether(name: string, runs: Array<() => Promise<unknown>>, report?: () => Promise<string[]>): void {
  let started = 0;
  beforeAll(async () => {
    started = performance.now();
    await sweepStaleLabs();
    for (const run of runs) void run();
  });
  afterAll(async () => {
    await destroyAllLabs();
    if (!process.env.SYNFW_LAB_TIMINGS) return;
    for (const line of (await report?.()) ?? []) console.log(`[synfw lab] ${name} ${line}`);
    console.log(`[synfw lab] ${name}: ${Math.round(performance.now() - started)} ms in all`);
  });
}

/** "<profile>: <step timings>" for each finished run, for startLabsTogether's report. */
export async function stepTimings<R>(runs: Map<string, () => Promise<R>>, timings: (r: R) => unknown): Promise<string[]> {
  const lines: string[] = [];
  for (const [key, run] of runs) {
    const r = await run().catch(() => undefined);
    const t = r === undefined ? undefined : timings(r);
    if (t !== undefined) lines.push(`${basename(key).replace(/\.ya?ml$/, '')}: ${JSON.stringify(t)}`);
  }
  return lines;
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

// OpenWrt in the lab's router namespace: the real ubusd, uci, ucode and firewall4 from the fake
// root (build.ts), a netifd stand-in (netifd.uc) and /bin/sh = busybox, all inside a private pid
// and mount namespace (namespace.sh) so that the fake root looks real to them and the host sees
// none of it. Commands run in there through nsenter, so `fw4 reload` loads nft in the router's
// network namespace.

import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeExec, exec, type ExecResult, LAB_DIR, type Lab, waitForOutput, which } from '../lab.js';
import { normalizeRuleset } from '../router.js';

/** What OpenWrt's own shell sessions get: its PATH, a C locale, nothing from the test process. */
const OPENWRT_ENV: NodeJS.ProcessEnv = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C', HOME: '/root' };

/** fw4's warnings (`[!] Section ... skipped due to invalid options`, ...), which never change its exit status. */
export function fw4Warnings(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('[!]'));
}

/**
 * `nft list ruleset` output without packet and byte counts, and without empty regular chains:
 * `fw4 reload` flushes its table but keeps the chains an earlier config needed (an emptied
 * dstnat_wan once the last redirect is gone), which a fresh start would not create.
 */
export function normalizeFw4Ruleset(text: string): string {
  return normalizeRuleset(text).replace(/^\tchain \S+ \{\n\t\}\n/gm, '');
}

/**
 * /etc/config/network for a lab router, as OpenWrt names things: interfaces lan (the lab's LAN
 * device), wan and wan6 (both on the lab's WAN device), all static with the lab's addresses, so
 * that the default firewall zones (lan: network lan; wan: networks wan, wan6) cover them.
 */
export function networkConfig(lab: { wanIf: string; lanIf: string; routerWanAddr: string; routerLanAddr: string; routerWanAddr6?: string | undefined; routerLanAddr6?: string | undefined }): string {
  const iface = (name: string, device: string, opts: [string, string | undefined][]): string =>
    [`config interface '${name}'`, `\toption device '${device}'`, "\toption proto 'static'", ...opts.filter(([, v]) => v).map(([k, v]) => `\toption ${k} '${v}'`), ''].join('\n');
  return [
    iface('loopback', 'lo', [['ipaddr', '127.0.0.1'], ['netmask', '255.0.0.0']]),
    iface('lan', lab.lanIf, [['ipaddr', lab.routerLanAddr], ['netmask', '255.255.255.0'], ['ip6addr', lab.routerLanAddr6 && `${lab.routerLanAddr6}/64`]]),
    iface('wan', lab.wanIf, [['ipaddr', lab.routerWanAddr], ['netmask', '255.255.255.0']]),
    iface('wan6', lab.wanIf, [['ip6addr', lab.routerWanAddr6 && `${lab.routerWanAddr6}/64`]]),
  ].join('\n');
}

export class OpenWrtRouter {
  private constructor(
    private readonly lab: Lab,
    private readonly holder: ChildProcess,
    /** PID 1 of the router's pid namespace, as the host sees it. */
    private readonly pid: number,
  ) {}

  /**
   * Starts OpenWrt in the lab's router namespace: lays the fake root over /etc and /usr (with a
   * writable /etc layer of this lab's own, holding /etc/config/network for its devices), starts
   * ubusd and the netifd stand-in, then boots the firewall (`/etc/init.d/firewall start`), as
   * the router had it running before anything is applied. Returns that boot's output.
   */
  static async start(lab: Lab, root: string): Promise<{ router: OpenWrtRouter; boot: ExecResult }> {
    const state = join(lab.dir, 'openwrt');
    mkdirSync(join(state, 'etc', 'config'), { recursive: true });
    writeFileSync(join(state, 'etc', 'config', 'network'), networkConfig(lab));
    // --kill-child: when unshare dies, however it dies, its child (PID 1 of the new pid namespace)
    // gets SIGKILL, and with it every process in there. unshare itself ignores SIGTERM: stop() kills it.
    const argv = ['unshare', '--mount', '--propagation', 'private', '--pid', '--mount-proc', '--fork', '--kill-child'];
    const holder = lab.spawnIn('rtr', [...argv, 'sh', join(LAB_DIR, 'openwrt', 'namespace.sh'), root, state, lab.tmp, join(LAB_DIR, 'openwrt', 'netifd.uc')]);
    try {
      await waitForOutput(holder, /^ready$/m, 15_000, 'OpenWrt (ubusd, netifd stand-in)');
      const children = readFileSync(`/proc/${holder.pid}/task/${holder.pid}/children`, 'utf8').trim().split(/\s+/);
      const router = new OpenWrtRouter(lab, holder, Number(children[0]));
      const boot = await router.run(['/etc/init.d/firewall', 'start']);
      if (boot.code !== 0) throw new Error(`firewall did not start: ${describeExec(boot)}`);
      return { router, boot };
    } catch (e) {
      holder.kill('SIGKILL');
      throw e;
    }
  }

  /** Runs a command in the router as OpenWrt would (its PATH, /bin/sh = busybox). Never throws. */
  run(argv: string[], opts: { input?: string } = {}): Promise<ExecResult> {
    const nsenter = ['nsenter', `--target=${this.pid}`, '--mount', '--net', '--pid', '--wd=/tmp', '--'];
    return exec([which('nsenter') ?? 'nsenter', ...nsenter.slice(1), ...argv], { env: OPENWRT_ENV, input: opts.input });
  }

  /** run() that throws, with the output, unless the command exits 0. */
  async must(argv: string[], opts: { input?: string } = {}): Promise<ExecResult> {
    const r = await this.run(argv, opts);
    if (r.code !== 0) throw new Error(describeExec(r));
    return r;
  }

  /** `sh /tmp/NAME ARGS` in the router, the file being `text` (the router's /tmp is the lab's). */
  sh(text: string, name: string, args: string[] = []): Promise<ExecResult> {
    writeFileSync(join(this.lab.tmp, name), text);
    return this.run(['/bin/sh', `/tmp/${name}`, ...args]);
  }

  async uciExport(): Promise<string> {
    return (await this.must(['uci', 'export', 'firewall'])).stdout;
  }

  /** `nft list ruleset`, normalized by normalizeFw4Ruleset. */
  async ruleset(): Promise<string> {
    return normalizeFw4Ruleset((await this.must(['nft', 'list', 'ruleset'])).stdout);
  }

  /** Kills ubusd, the stand-in and anything else in the router's pid namespace (mounts go with it). */
  stop(): void {
    this.holder.kill('SIGKILL');
  }
}

// The VyOS router of the lab: a lab router namespace whose nftables are what vyos-1x's own code
// renders from a VyOS configuration (test/support/vyos/render.py): a base config like a real router
// has (its interfaces, and a forward filter that drops by default), plus what synfw's output runs
// in configure mode. synfw's script runs there under bash against the stub VyOS CLI
// (test/support/vyos-stub.ts) with the real `ip` for its hairpin lookups. See README.md.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VyosStub, type StubOptions, type StubRouter, type StubRun } from '../support/vyos-stub.js';
import { renderInvocation, type RenderResult, type VyosSource } from '../support/vyos-upstream.js';
import { LAB_ENV, type Lab } from './lab.js';

/**
 * What VyOS loads at boot before any conf-mode script runs (vyos-1x data/vyos-firewall-init.conf),
 * as far as the templates rely on it: nftables.j2 flushes the raw tables' vyos_global_rpfilter
 * chains, which a prerouting hook jumps to. (The rest of that file, flow accounting, MSS clamping
 * and VRF zones, holds no rule.)
 */
export const VYOS_INIT = ['raw', 'ip6 raw']
  .map((table) =>
    [
      `table ${table} {`,
      '\tchain vyos_global_rpfilter {\n\t\treturn\n\t}',
      '\tchain vyos_rpfilter {\n\t\ttype filter hook prerouting priority -300; policy accept;\n\t\tcounter jump vyos_global_rpfilter\n\t}',
      '}\n',
    ].join('\n'),
  )
  .join('');

const set = (...words: string[]): string[] => ['set', ...words];

/**
 * The router's own config before synfw's: its interfaces with the lab's addresses (under the
 * `interfaces` type VyOS files each name under, `types` from interfaceTypes; a name VyOS cannot
 * have, like hairpin.yaml's br-lan, has no entry: the static checks report those), and the
 * firewall base: the forward filter drops what no rule accepts, IPv4 and IPv6, with no state
 * policy, so synfw's rules alone must let every forward and its replies through.
 */
export function vyosBase(lab: Lab, types: Map<string, string | null>): string[][] {
  const cmds: string[][] = [];
  const iface = (name: string, addrs: (string | undefined)[]): void => {
    const type = types.get(name);
    if (!type) return;
    for (const a of addrs) if (a) cmds.push(set('interfaces', type, name, 'address', a));
  };
  iface(lab.wanIf, [`${lab.routerWanAddr}/24`, lab.routerWanAddr6 && `${lab.routerWanAddr6}/64`]);
  iface(lab.lanIf, [`${lab.routerLanAddr}/24`, lab.routerLanAddr6 && `${lab.routerLanAddr6}/64`]);
  cmds.push(set('firewall', 'ipv4', 'forward', 'filter', 'default-action', 'drop'), set('firewall', 'ipv6', 'forward', 'filter', 'default-action', 'drop'));
  return cmds;
}

/**
 * A router with VyOS's zone-based firewall instead of the forward filter base (VyOS docs, "Zone
 * Based Firewall"): zones WAN and LAN, LAN to WAN accepted, WAN to LAN through a name whose
 * default is drop; VYOS_ZONE_FORWARD (priority 1) then drops what VYOS_FORWARD_filter accepted.
 */
export function vyosZoneBase(lab: Lab, types: Map<string, string | null>): string[][] {
  const fw = ['firewall'];
  return [
    ...vyosBase(lab, types).filter((c) => c[1] === 'interfaces'),
    set(...fw, 'ipv4', 'name', 'WAN-LAN', 'default-action', 'drop'),
    set(...fw, 'ipv4', 'name', 'LAN-WAN', 'default-action', 'accept'),
    set(...fw, 'zone', 'WAN', 'interface', lab.wanIf),
    set(...fw, 'zone', 'WAN', 'from', 'LAN', 'firewall', 'name', 'LAN-WAN'),
    set(...fw, 'zone', 'LAN', 'interface', lab.lanIf),
    set(...fw, 'zone', 'LAN', 'from', 'WAN', 'firewall', 'name', 'WAN-LAN'),
  ];
}

/**
 * Runs synfw's output under bash in the router namespace against the stub CLI (`router`: the
 * active config it finds), with the lab's own directory bound over /tmp as for every script under
 * test (runScript): the real `ip` answers the hairpin lookups, and a canary lands in this lab.
 */
export async function runOnLabRouter(lab: Lab, text: string, router: StubRouter = {}, o: Pick<StubOptions, 'form'> = {}): Promise<StubRun> {
  const name = `vyos-${Math.random().toString(36).slice(2, 8)}`;
  const stub = new VyosStub(text, router, { ...o, realIp: true, dir: { real: join(lab.tmp, name), seen: `/tmp/${name}` } });
  const r = await lab.in('rtr', ['sh', '-c', 'mount --bind "$1" /tmp && shift && exec "$@"', 'sh', lab.tmp, ...stub.argv], {
    env: { ...LAB_ENV, ...stub.env, PATH: `${stub.seen}/bin:${LAB_ENV.PATH}` },
    cwd: lab.dir,
  });
  return stub.read(r.code, r.stderr);
}

export interface Rendered extends RenderResult {
  /** The rendered files' text, by name. */
  text: { nat: string; static_nat: string; firewall: string };
}

/** VyOS's own rendering of each configuration (render.py, run in the router namespace). */
export async function renderOnLabRouter(lab: Lab, src: VyosSource, configs: { name: string; commands: string[][] }[]): Promise<Map<string, Rendered>> {
  const dirs = configs.map((c) => join(lab.dir, `vyos-${src.branch}-${c.name}`));
  const inv = renderInvocation(src, configs.map((c, i) => ({ out: dirs[i]!, commands: c.commands })));
  const r = await lab.mustIn('rtr', inv.argv, { input: inv.input, timeoutMs: 60_000 });
  const results = JSON.parse(r.stdout) as RenderResult[];
  return new Map(
    results.map((x, i) => {
      const read = (f: string): string => (existsSync(f) ? readFileSync(f, 'utf8') : '');
      return [configs[i]!.name, { ...x, text: { nat: read(x.files.nat), static_nat: read(x.files.static_nat), firewall: read(x.files.firewall) } }];
    }),
  );
}

/**
 * Puts a rendering on the router as VyOS would have it: a fresh ruleset, the boot-time tables,
 * then nat.py's files and firewall.py's, each checked with `nft -c -f` first.
 */
export async function loadOnLabRouter(lab: Lab, r: Rendered): Promise<void> {
  if (r.error) throw new Error(`VyOS's conf-mode scripts failed: ${r.error}`);
  await lab.mustIn('rtr', ['nft', 'flush', 'ruleset']);
  await lab.mustIn('rtr', ['nft', '-f', '-'], { input: VYOS_INIT });
  for (const f of [r.files.nat, r.files.static_nat, r.files.firewall]) {
    await lab.mustIn('rtr', ['nft', '-c', '-f', f]);
    await lab.mustIn('rtr', ['nft', '-f', f]);
  }
}

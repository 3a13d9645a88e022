// miniupnpd (Debian's miniupnpd-iptables 2.3.1) as the lab router's UPnP IGD, and upnpc helpers
// for the NAS side. Follows docs/lab-notes.md: legacy iptables backend, chains created by hand,
// ext_ip set to a public-looking address that miniupnpd only reports (nothing is sent to it).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../src/plan/types.js';
import { describeExec, waitForOutput, type ExecResult, type Lab } from './lab.js';

/**
 * Reported as the router's external address. miniupnpd 2.3.1 refuses every mapping while its
 * external address is private, reserved or a documentation range; 11.0.0.0/8 is none of those.
 * Only UPnP clients ever see it: the WAN client connects to the lab's 203.0.113.1, which arrives
 * on the WAN interface and is DNATed by interface.
 */
export const EXT_IP = '11.22.33.44';
export const UUID = 'a0d1f1a5-5f3e-4b5d-9c43-5f1e1ab0c0de';
/** miniupnpd's HTTP port candidates: the first one no plan port uses is taken. */
const HTTP_PORTS = [2869, 5555, 49152, 60123];

export function httpPortFor(plan: Plan): number {
  const used = (p: number): boolean => plan.forwards.some((f) => (f.external.first <= p && p <= f.external.last) || (f.internal.first <= p && p <= f.internal.last));
  const port = HTTP_PORTS.find((p) => !used(p));
  if (port === undefined) throw new Error('lab: every miniupnpd HTTP port candidate is used by the plan');
  return port;
}

/**
 * The router's legacy-backend firewall for miniupnpd: FORWARD DROP, miniupnpd's chains and jumps,
 * an ESTABLISHED,RELATED accept (miniupnpd's filter rules accept only the first direction).
 */
export async function setupLegacyFirewall(lab: Lab): Promise<void> {
  const w = lab.wanIf;
  const cmds = [
    'iptables-legacy -w -P FORWARD DROP',
    'iptables-legacy -w -t nat -N MINIUPNPD',
    'iptables-legacy -w -t nat -N MINIUPNPD-POSTROUTING',
    'iptables-legacy -w -t filter -N MINIUPNPD',
    'iptables-legacy -w -t mangle -N MINIUPNPD',
    `iptables-legacy -w -t nat -A PREROUTING -i ${w} -j MINIUPNPD`,
    `iptables-legacy -w -t nat -A POSTROUTING -o ${w} -j MINIUPNPD-POSTROUTING`,
    'iptables-legacy -w -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
    `iptables-legacy -w -A FORWARD -i ${w} -j MINIUPNPD`,
  ];
  await lab.mustIn('rtr', ['sh', '-ec', cmds.join('\n')]);
}

export interface Miniupnpd {
  /** The root description URL upnpc would find by SSDP discovery. */
  url: string;
  /** Everything miniupnpd logged so far (it runs in the foreground with -d). */
  log: () => string;
}

/** Writes miniupnpd.conf with synfw's permission lines, starts miniupnpd and waits until it answers. */
export async function startMiniupnpd(lab: Lab, plan: Plan, permissionLines: string): Promise<Miniupnpd> {
  const port = httpPortFor(plan);
  const conf = join(lab.dir, 'miniupnpd.conf');
  writeFileSync(
    conf,
    [
      `ext_ifname=${lab.wanIf}`,
      `ext_ip=${EXT_IP}`,
      `listening_ip=${lab.lanIf}`,
      `port=${port}`,
      'enable_upnp=yes',
      'enable_natpmp=no',
      'secure_mode=yes',
      'system_uptime=no',
      `uuid=${UUID}`,
      '',
      permissionLines,
    ].join('\n'),
  );
  // -P: a pid file of its own, so that parallel labs (and a host miniupnpd) never collide.
  const child = lab.spawnIn('rtr', ['miniupnpd', '-d', '-f', conf, '-P', join(lab.dir, 'miniupnpd.pid')]);
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString('utf8')));
  await waitForOutput(child, /HTTP listening on port \d+/, 10_000, 'miniupnpd');
  const url = `http://${lab.routerLanAddr}:${port}/rootDesc.xml`;
  // Ready when the NAS gets an answer through the IGD's control URL.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const r = await upnpc(lab, url, ['-s']);
    if (r.code === 0 && /ExternalIPAddress = /.test(r.stdout)) break;
    if (Date.now() > deadline) throw new Error(`miniupnpd does not answer upnpc -s:\n${describeExec(r)}\nminiupnpd log:\n${log}`);
    await new Promise((res) => setTimeout(res, 100));
  }
  return { url, log: () => log };
}

/** upnpc in the NAS namespace, addressed to the router's root description (no 2 s SSDP wait). */
export function upnpc(lab: Lab, url: string, args: string[]): Promise<ExecResult> {
  return lab.in('nas', ['upnpc', '-u', url, ...args], { timeoutMs: 15_000 });
}

export interface Mapping {
  proto: 'TCP' | 'UDP';
  external: number;
  client: string;
  internal: number;
  description: string;
}

/** Parses `upnpc -l`:  " 0 TCP  5001->192.168.1.10:5001  'desc' '' 604800". */
export function parseMappings(out: string): Mapping[] {
  const re = /^\s*\d+\s+(TCP|UDP)\s+(\d+)->([\d.]+):(\d+)\s+'(.*)'\s+'[^']*'\s+\d+\s*$/;
  return out.split('\n').flatMap((line) => {
    const m = re.exec(line);
    return m ? [{ proto: m[1] as 'TCP' | 'UDP', external: Number(m[2]), client: m[3]!, internal: Number(m[4]), description: m[5]! }] : [];
  });
}

/** "TCP 443->192.168.1.10:5001", sorted: for comparing mapping lists. */
export function mappingKeys(ms: Mapping[]): string[] {
  return ms.map((m) => `${m.proto} ${m.external}->${m.client}:${m.internal}`).sort();
}

export async function listMappings(lab: Lab, url: string): Promise<Mapping[]> {
  const r = await upnpc(lab, url, ['-l']);
  if (r.code !== 0) throw new Error(describeExec(r));
  return parseMappings(r.stdout);
}

// Router exports made without the router, for targets whose software cannot run here: RouterOS
// (`/ip firewall export` and `/ipv6 firewall export`, printed from the RouterOS simulator's state
// after it ran the script) and VyOS (`show configuration commands`, printed from the set/delete
// calls the vbash script made against the stub router). Both are the exports' documented forms, not
// captured from real routers.

import { routerSides } from '../../../src/targets/define.js';
import { TARGETS } from '../../../src/targets/index.js';
import type { Plan } from '../../../src/plan/types.js';
import { defconfRouter } from '../readers/routeros/defconf.js';
import { simulate } from '../readers/routeros/sim.js';
import { configCalls, runOnStub } from '../vyos-stub.js';

/** RouterOS export quoting: bare when safe, else "..." with \\ \" \$ \? and \XX for other bytes. */
function rosValue(v: string): string {
  if (/^[A-Za-z0-9_.:/,*+-]+$/.test(v)) return v;
  let out = '';
  for (const byte of Buffer.from(v, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (c === '\\' || c === '"' || c === '$' || c === '?') out += `\\${c}`;
    else if (byte >= 0x20 && byte < 0x7f) out += c;
    else out += `\\${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `"${out}"`;
}

const MENUS = ['ip firewall address-list', 'ip firewall nat', 'ipv6 firewall address-list', 'ipv6 firewall filter'];

/** The script run by the simulator on a defconf router, then exported as RouterOS prints its menus. */
export function routerOsExport(plan: Plan, script: string): string {
  const sides = routerSides(TARGETS.mikrotik, plan);
  const state = defconfRouter({ interfaces: [] });
  const run = simulate(script, state, 'import');
  if (run.errors.length) throw new Error(`the simulator refused the script: ${JSON.stringify(run.errors)}`);
  void sides;
  return MENUS.map((menu) => {
    const items = state.table(menu.split(' ')).filter((i) => i.props.dynamic !== 'yes');
    // RouterOS prints an IPv6 list entry's prefix length (::1 as ::1/128).
    const value = (k: string, v: string): string => (menu === 'ipv6 firewall address-list' && k === 'address' && !v.includes('/') ? `${v}/128` : v);
    return [`/${menu}`, ...items.map((i) => `add ${Object.entries(i.props).filter(([k]) => k !== 'dynamic' && k !== 'builtin').map(([k, v]) => `${k}=${rosValue(value(k, v))}`).join(' ')}`)].join('\n');
  }).join('\n');
}

/** The vbash script run against the stub router (the plan's interfaces, addresses for hairpin), as `show configuration commands`. */
export function vyosShowCommands(plan: Plan, script: string): string {
  const { wan, lan } = routerSides(TARGETS.vyos, plan);
  const links = [wan, ...(lan ? [lan] : [])];
  const run = runOnStub(script, {
    links,
    addr: { [wan]: `2: ${wan}    inet 203.0.113.5/24 brd 203.0.113.255 scope global ${wan}\\       valid_lft forever preferred_lft forever\n` },
    ...(lan ? { route: { [lan]: '192.168.30.0/24 proto kernel scope link src 192.168.30.1 \n' } } : {}),
  });
  if (run.status !== 0) throw new Error(`the script failed on the stub router: ${run.stderr}`);
  let lines: string[] = [];
  for (const c of configCalls(run.calls)) {
    const path = c.slice(1);
    if (c[0] === 'delete') lines = lines.filter((l) => !`${l} `.startsWith(`set ${path.join(' ')} `));
    else lines.push(`set ${path.slice(0, -1).join(' ')} '${path[path.length - 1]}'`);
  }
  return `${lines.join('\n')}\n`;
}

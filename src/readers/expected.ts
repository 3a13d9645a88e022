// What a plan asks every router to let in, as flows (flow.ts), written once from the plan's meaning
// (docs/profile-format.md) and never from a target's code: the oracle every reader's result is
// compared with, and what `synfw diff` will compare a router with. allowFrom and the tri-state
// hairpin are read here and nowhere else.

import type { Plan } from '../plan/types.js';
import { canonicalAddress, canonicalSource, flowKey, type Family, type Flow } from './flow.js';

/** Whether the profile limits the sources at all (allowFrom lists any address of either family). */
export function restricts(plan: Plan): boolean {
  return plan.allowFrom.length + plan.allowFrom6.length > 0;
}

/**
 * The sources allowFrom admits for one address family: ['any'] when the profile lists no source at
 * all, else that family's own list (canonical, once each; a /0 admits anyone), so [] when only the
 * other family is listed: nobody.
 */
export function admittedSources(plan: Plan, family: Family): string[] {
  if (!restricts(plan)) return ['any'];
  const own = [...new Set((family === 4 ? plan.allowFrom : plan.allowFrom6).map(canonicalSource))];
  return own.includes('any') ? ['any'] : own;
}

/**
 * Targets whose output leaves NAT loopback to the router's default when the profile does not set
 * hairpin, and whose router's default is on: fw3 and fw4 reflect every redirect (reflection '1').
 * pfSense and OPNsense leave it to a system setting the output does not show, the others do not
 * reflect unless told to.
 */
const REFLECTS_BY_DEFAULT: ReadonlySet<string> = new Set(['openwrt']);

/**
 * Whether LAN clients reach the forwards through the router's WAN address: hairpin true; false
 * never; left out (null), the router's default where the output leaves it on. A default hangs on
 * the IPv4 forwards, so it needs one.
 */
export function hairpinOn(plan: Plan, target?: string): boolean {
  if (plan.hairpin !== null) return plan.hairpin;
  return target !== undefined && REFLECTS_BY_DEFAULT.has(target) && admittedSources(plan, 4).length > 0;
}

/**
 * The plan's flows, sorted and each once: every WAN port of every forward from every admitted IPv4
 * source; with hairpin, the same ports from the LAN (any LAN client: allowFrom does not apply);
 * with nas.address6, every NAS port (no NAT) from every admitted IPv6 source.
 */
export function expectedFlows(plan: Plan, target?: string): Flow[] {
  const nas = canonicalAddress(plan.nas.address);
  const out = new Map<string, Flow>();
  const add = (f: Flow): void => void out.set(flowKey(f), f);
  const sources4 = admittedSources(plan, 4);
  const hairpin = hairpinOn(plan, target);
  for (const f of plan.forwards) {
    for (let i = 0; i <= f.external.last - f.external.first; i++) {
      const ports = { proto: f.proto, wan: f.external.first + i, nas, port: f.internal.first + i };
      for (const source of sources4) add({ family: 4, ...ports, source, via: 'wan' });
      if (hairpin) add({ family: 4, ...ports, source: 'any', via: 'hairpin' });
    }
  }
  if (plan.nas.address6 !== undefined) {
    const nas6 = canonicalAddress(plan.nas.address6);
    const sources6 = admittedSources(plan, 6);
    for (const f of plan.forwards) {
      for (let port = f.internal.first; port <= f.internal.last; port++) {
        for (const source of sources6) add({ family: 6, proto: f.proto, wan: null, nas: nas6, port, source, via: 'wan' });
      }
    }
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f);
}

// What the router must load for a plan, as the tuples pf-lines.ts makes of the generated rules:
// per forward and allowed source, an rdr on the WAN interface to that interface's own address
// (reflected onto the LAN when hairpin is in effect) and a pass rule to the NAS port; per NAS
// port and allowed IPv6 source, an IPv6 pass rule to nas.address6. Computed from the plan alone.

import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { Plan, PortRange } from '../../../src/plan/types.js';
import { ROOT } from '../../support/profiles.js';
import { cidr } from './pf-lines.js';
import type { Product } from './upstream.js';
import { admittedSources, restricts } from '../../../src/readers/expected.js';

/** issue 8: hairpin is tri-state; omitted leaves the router's own default. */
export type Hairpin = 'default' | 'on' | 'off';

/** What the profile says for this product, read from the profile file itself. */
export interface ProfileIntent {
  /** Interface id of the WAN: the per-target key (issue 8 §5: router.pfsense.wan), else router.wan, else wan. */
  wan: string;
  /** Interface id of the LAN (its network is the source of hairpin rules when allowFrom restricts). */
  lan: string;
  hairpin: Hairpin;
}

type Doc = { router?: Record<string, unknown>; hairpin?: unknown };

export function intentOf(profileText: string, product: Product): ProfileIntent {
  const doc = (load(profileText) ?? {}) as Doc;
  const router = doc.router ?? {};
  const own = (router[product] ?? {}) as { wan?: string; lan?: string };
  const plain = router as { wan?: string; lan?: string };
  return {
    wan: own.wan ?? plain.wan ?? 'wan',
    lan: own.lan ?? plain.lan ?? 'lan',
    hairpin: doc.hairpin === true ? 'on' : doc.hairpin === false ? 'off' : 'default',
  };
}

export const intentOfFile = (path: string, product: Product): ProfileIntent => intentOf(readFileSync(`${ROOT}${path}`, 'utf8'), product);

export interface RouterFacts {
  /** The system-wide reflection default of the config the rules land in. */
  reflection: boolean;
  /** Interfaces where the product puts reflected port forwards: those without a gateway (the LAN). */
  reflectionIfaces: string[];
}

const fmt = (r: PortRange): string => (r.first === r.last ? String(r.first) : `${r.first}-${r.last}`);

export interface Expected {
  rdr: string[];
  pass: string[];
}

export function expectedTuples(plan: Plan, intent: ProfileIntent, router: RouterFacts): Expected {
  const restricted = restricts(plan);
  const listed = (family: 4 | 6): string[] => admittedSources(plan, family).map((s) => (s === 'any' ? s : cidr(s)!));
  const reflect = intent.hairpin === 'on' || (intent.hairpin === 'default' && router.reflection);
  // LAN clients are trusted (hairpin is not subject to allowFrom): with sources restricted, pf's
  // reflection, which copies each rule's source, needs rules whose source is the LAN network.
  const v4 = [...listed(4), ...(restricted && intent.hairpin === 'on' ? [`net:${intent.lan}`] : [])];
  const v6 = listed(6);
  const nas = plan.nas.address;
  const rdrIfaces = [intent.wan, ...(reflect ? router.reflectionIfaces.filter((i) => i !== intent.wan) : [])];
  const rdr = plan.forwards.flatMap((f) =>
    v4.flatMap((src) => rdrIfaces.map((i) => `rdr ${i} inet ${f.proto} from ${src} to addr:${intent.wan} port ${fmt(f.external)} -> ${nas} port ${fmt(f.internal)}`)),
  );
  const pass = plan.forwards.flatMap((f) => v4.map((src) => `pass ${intent.wan} inet ${f.proto} from ${src} to ${cidr(nas)} port ${fmt(f.internal)}`));
  return { rdr, pass: [...pass, ...expand6(plan, intent.wan, v6)] };
}

/** The IPv6 pass rules as one tuple per NAS port (how the product groups ports into rules is its business). */
function expand6(plan: Plan, wan: string, sources: string[]): string[] {
  if (plan.nas.address6 === undefined) return [];
  const to = cidr(plan.nas.address6)!;
  const seen = new Set<string>();
  for (const f of plan.forwards) for (let p = f.internal.first; p <= f.internal.last; p++) for (const s of sources) seen.add(`pass ${wan} inet6 ${f.proto} from ${s} to ${to} port ${p}`);
  return [...seen];
}

/** IPv6 pass tuples with port ranges split into one tuple per port, for comparison with expand6. */
export function perPort6(tuples: string[]): string[] {
  return tuples.flatMap((t) => {
    const m = / inet6 .* port ([0-9]+)-([0-9]+)$/.exec(t);
    if (!m) return [t];
    const head = t.slice(0, t.lastIndexOf(' port ') + ' port '.length);
    return Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => `${head}${Number(m[1]) + i}`);
  });
}

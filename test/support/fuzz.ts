// Seeded random inputs for the fuzz tests: a small PRNG, random valid profiles built from the
// catalog, broken variants of them, and hostile strings. The seed comes from SYNFW_FUZZ_SEED or
// is drawn per run; every failure message carries it, so `SYNFW_FUZZ_SEED=<seed> npm test`
// replays the same cases.

import { catalog } from '../../src/catalog/catalog.js';
import type { CatalogApp } from '../../src/catalog/types.js';
import { appPorts } from '../../src/resolve/app-ports.js';

export const FUZZ_SEED = process.env.SYNFW_FUZZ_SEED ? Number(process.env.SYNFW_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

/** mulberry32: small, fast, good enough to pick cases. */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A random selection of at most `max` elements, in random order. */
  subset<T>(xs: readonly T[], max = xs.length): T[] {
    const shuffled = [...xs];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled.slice(0, this.int(0, Math.min(max, shuffled.length)));
  }
}

/** Replay hint for assertion messages. */
export const replay = (seed: number, i: number) => `seed ${seed} case ${i} (replay: SYNFW_FUZZ_SEED=${seed})`;

export const HOSTILE_STRINGS = [
  '$(touch /tmp/synfw-canary)',
  '`id`',
  "it's \"quoted\" \\ back\\slash",
  'line\nbreak',
  'cr\rreturn\r\nand crlf',
  'p.yaml:1:1: error SFW999: forged diagnostic',
  '\nx.yaml:9:9: warning SFW250: forged',
  ']]> <![CDATA[ <rule>&amp;</rule> --> <!--',
  '; rm -rf / # comment',
  '/ip firewall filter remove [find]',
  '${IFS}$HOME',
  'Grüße 日本語 🚀',
  '\u0000nul\u0007bell\u001b[31mred',
  '\u2028line separator\u2029paragraph',
  '\u202eevil bidi override',
  'x'.repeat(400),
  "' ; echo pwned ; '",
  '%s %n %x',
];

export interface GeneratedProfile {
  text: string;
  /** The (app, label) pairs the profile asks for, catalog and custom, for the "nothing dropped" check. */
  requested: Array<{ app: string; label: string }>;
}

const usable = catalog.apps.filter((a) => !a.dsm?.removed && !a.dsm?.legacy);
const yamlString = (s: string) => JSON.stringify(s);

/**
 * A random profile that should resolve: random apps (short or long form, with a random subset of
 * their labels), custom ports on a WAN range of their own, allowRisky for some risky ports.
 * Conflicts are possible (two apps on one port with different remaps); callers skip profiles
 * the resolver rejects and count them.
 */
export function randomProfile(rng: Rng, name = 'fuzz'): GeneratedProfile {
  const dsm = { version: catalog.newestDsm, http: rng.chance(0.3) ? rng.int(1025, 9999) : 5000, https: 5001 };
  if (dsm.http === dsm.https) dsm.http = 5000;
  const apps = rng.subset(usable, 6);
  const requested: GeneratedProfile['requested'] = [];
  const lines = ['version: 1', `name: ${name}`, 'nas:', `  address: 192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`, `  dsm: { http: ${dsm.http}, https: ${dsm.https} }`];
  const allowRisky: string[] = [];
  const appLines = lines.length;
  for (const app of apps) {
    const ports = appPorts(app, dsm);
    const forwardable = ports.filter((p) => p.exposure === 'public' || p.exposure === 'risky');
    if (forwardable.length === 0) continue;
    const short = rng.chance(0.5);
    // An explicit selection always holds a port that can be forwarded (else the app is an error).
    const chosen = short ? ports : [...new Set([rng.pick(forwardable), ...rng.subset(ports)])];
    if (short) lines.push(`  - ${app.id}`);
    else lines.push(`  - id: ${app.id}`, `    ports: [${chosen.map((p) => p.label).join(', ')}]`);
    for (const p of chosen) requested.push({ app: app.id, label: p.label });
    const risky = chosen.filter((p) => p.exposure === 'risky');
    // Allowed when it is all the app has (else nothing to forward), and sometimes anyway.
    if (risky.length && (!chosen.some((p) => p.exposure === 'public') || rng.chance(0.4))) {
      allowRisky.push(rng.chance(0.5) ? app.id : `${app.id}:${rng.pick(risky).label}`);
    }
  }
  if (lines.length === appLines) lines.push('apps: []');
  else lines.splice(appLines, 0, 'apps:');
  const customs = rng.int(lines.length === appLines + 1 ? 1 : 0, 3);
  if (customs) lines.push('custom:');
  for (let i = 0; i < customs; i++) {
    const id = `svc-${i}`;
    const first = 40000 + i * 1000 + rng.int(0, 400);
    const last = rng.chance(0.5) ? first : first + rng.int(1, 40);
    const proto = rng.pick(['tcp', 'udp', 'both']);
    const spec = `${first === last ? first : `${first}-${last}`}/${proto}`;
    lines.push(`  - id: ${id}`, `    description: ${yamlString(rng.pick(HOSTILE_STRINGS))}`, `    ports: [${yamlString(spec)}]`);
    if (rng.chance(0.3)) lines.push(`    external: { ${yamlString(spec)}: ${50000 + i * 1000} }`);
    requested.push({ app: id, label: spec });
  }
  if (allowRisky.length) lines.push(`allowRisky: [${allowRisky.map(yamlString).join(', ')}]`);
  return { text: `${lines.join('\n')}\n`, requested };
}

/** Ways to break a valid profile, each a change a user could make by mistake or on purpose. */
export const BREAKAGES: Array<(text: string, rng: Rng) => string> = [
  (t, r) => t.replace(/^version: 1$/m, `version: ${r.pick(['2', '"1"', '', 'x'])}`),
  (t, r) => t.replace(/address: [^\n]*/, `address: ${r.pick(['300.1.1.1', '', '"a\\nb"', '1.2.3', '::1', '[]'])}`),
  (t, r) => `${t}${r.pick(['hairpn: true', 'apps2: []', '"\\u0000": 1', 'nas: {}'])}\n`,
  (t, r) => t.replace(/^apps:.*$/m, `apps:\n  - ${r.pick(['not-an-app', 'Bad_Id', '42', '{ id: dsm, ports: [nope] }', '', '"a\\nb: error SFW999: x"'])}`),
  (t, r) => `${t}custom:\n  - id: ${r.pick(['x', 'photos', 'dsm'])}\n    ports: [${r.pick(['"99999/tcp"', '"22"', '"5-1/udp"', '""', '[]', 'null'])}]\n`,
  (t, r) => t.replace(/\n/g, r.pick(['\r\n', '\r'])) + r.pick(['', 'bad: [', '\t: x']),
  (t, r) => t.slice(0, r.int(1, Math.max(1, t.length - 1))),
  (t, r) => t.replace(/: /, r.pick([':: ', ': &a ', ': *nope ', ': !!binary '])),
  (t) => `---\n${t}---\n${t}`,
  (t, r) => `${t}allowFrom: [${r.pick(['198.51.100.7/24', '"x"', '10.0.0.0/33', ''])}]\n`,
];

export type { CatalogApp };

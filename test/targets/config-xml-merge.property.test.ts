// --merge on generated config.xml files of every shape a user may have: line endings (LF, CRLF),
// indentation (tabs, spaces, one line), declaration and BOM or not, sections missing, empty or
// self-closing, the user's own rules, comments and rules of another profile in between, and
// descriptions that only resemble synfw's tag. For each: merging twice equals merging once, every
// byte of the user's own content survives, this profile's rules are there exactly once, and the
// inserted text uses the file's own line ending. Seeded: a failure prints its seed to replay it.

import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { target as opnsense } from '../../src/targets/opnsense/index.js';
import { target as pfsense } from '../../src/targets/pfsense/index.js';
import { samplePlan } from '../fixtures/plans.js';
import { VERSION } from '../support/profiles.js';

/** mulberry32: small, fast and good enough to pick shapes; the same seed gives the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Product = 'pfsense' | 'opnsense';

interface Shape {
  eol: '\n' | '\r\n';
  unit: string;
  oneLine: boolean;
  decl: boolean;
  bom: boolean;
}

/** User descriptions that look like synfw's but are not this profile's rules. */
const LOOKALIKES = [
  'my rule, not synfw:home',
  'synfw:homework backup',
  'synfw:home-lab dsm tcp/443',
  'old synfw:home rule kept by hand',
  'synfw:HOME upper case',
  'NAT rule for synfw:home users',
  'synfw: home with a space',
];

function userRule(product: Product, section: 'nat' | 'filter', descr: string, n: number): string[] {
  const d = product === 'pfsense' ? `<![CDATA[${descr}]]>` : descr.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (section === 'nat') {
    return ['<rule>', ['<protocol>tcp</protocol>', `<target>192.168.9.${n}</target>`, `<local-port>${1000 + n}</local-port>`, '<interface>wan</interface>', `<descr>${d}</descr>`, `<associated-rule-id>user_${n}</associated-rule-id>`], '</rule>'].flat();
  }
  return ['<rule>', ['<type>pass</type>', '<interface>lan</interface>', `<descr>${d}</descr>`, `<tracker>${200 + n}</tracker>`], '</rule>'].flat();
}

/** A config.xml of the given product and shape, with the user's own rules; also the rule lines, to check they survive. */
function generate(rand: () => number, product: Product): { text: string; shape: Shape; userLines: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const shape: Shape = { eol: pick(['\n', '\r\n'] as const), unit: pick(['\t', '  ', '    ']), oneLine: rand() < 0.15, decl: rand() < 0.8, bom: rand() < 0.1 };
  const root = product;
  const lines: { depth: number; text: string }[] = [];
  const userLines: string[] = [];
  const sectionNames = product === 'opnsense' ? ['interfaces', 'nat', 'filter'] : ['system', 'interfaces', 'nat', 'filter'];
  let n = 0;
  for (const name of sectionNames) {
    if (name === 'interfaces') {
      lines.push({ depth: 1, text: '<interfaces>' }, { depth: 2, text: '<wan><if>igb0</if></wan>' }, { depth: 2, text: '<lan><if>igb1</if></lan>' }, { depth: 1, text: '</interfaces>' });
      continue;
    }
    if (name === 'system') {
      lines.push({ depth: 1, text: '<system><hostname>fw</hostname></system>' });
      continue;
    }
    const form = pick(['absent', 'empty', 'self-closing', 'rules', 'rules', 'rules'] as const);
    if (form === 'absent') continue;
    if (form === 'self-closing') {
      lines.push({ depth: 1, text: `<${name}/>` });
      continue;
    }
    lines.push({ depth: 1, text: `<${name}>` });
    const count = form === 'empty' ? 0 : 1 + Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      if (rand() < 0.3) lines.push({ depth: 2, text: `<!-- note ${i}: keep the next rule -->` });
      const rule = userRule(product, name as 'nat' | 'filter', pick(LOOKALIKES), ++n);
      rule.forEach((t, k) => lines.push({ depth: k === 0 || k === rule.length - 1 ? 2 : 3, text: t }));
      userLines.push(...rule.slice(1, -1));
    }
    lines.push({ depth: 1, text: `</${name}>` });
  }
  const body = shape.oneLine
    ? `<${root}>${lines.map((l) => l.text).join('')}</${root}>`
    : [`<${root}>`, ...lines.map((l) => `${shape.unit.repeat(l.depth)}${l.text}`), `</${root}>`].join(shape.eol);
  const text = `${shape.bom ? '\ufeff' : ''}${shape.decl ? `<?xml version="1.0"?>${shape.eol}` : ''}${body}${shape.eol}`;
  return { text, shape, userLines };
}

const PLANS: [string, Plan][] = [
  ['sample', samplePlan({ profile: { name: 'home', file: 'home.yaml' } })],
  ['restricted + hairpin + address6', samplePlan({ profile: { name: 'home', file: 'home.yaml' }, allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:1::/48'], hairpin: true, nas: { ...samplePlan().nas, address6: '2001:db8::10' } })],
];

const RUNS = 120;

describe.each([
  ['pfsense', pfsense, undefined],
  ['opnsense', opnsense, undefined],
  ['opnsense', opnsense, 'mvc'],
] as const)('%s%s --merge on generated config.xml files', (product, target, format) => {
  it.each(PLANS)(`%s: ${RUNS} files: idempotent, the user's content intact, the file's own line ends`, (_name, plan) => {
    const base = Number(process.env.SYNFW_SEED ?? 20261203);
    for (let run = 0; run < RUNS; run++) {
      const seed = base + run;
      const { text, shape, userLines } = generate(random(seed), product);
      const merge = (t: string): string => target.render(plan, { version: VERSION, ...(format ? { format } : {}), merge: { file: 'backup.xml', text: t } }).text;
      const why = `seed ${seed} (replay: SYNFW_SEED=${seed}), ${JSON.stringify(shape)}`;
      const once = merge(text);
      expect(merge(once), `${why}: merging twice changed the file`).toBe(once);
      for (const line of userLines) expect(once.includes(line), `${why}: user line lost: ${line}`).toBe(true);
      expect(once.split('<descr>').length - 1, `${why}: the user's rules plus this profile's`).toBeGreaterThan(userLines.filter((l) => l.startsWith('<descr>')).length);
      if (shape.eol === '\r\n') expect(/(?<!\r)\n/.test(once), `${why}: a bare LF in a CRLF file`).toBe(false);
      else expect(once.includes('\r'), `${why}: a CR in an LF file`).toBe(false);
      if (shape.bom) expect(once.startsWith('\ufeff'), `${why}: BOM lost`).toBe(true);
      // Removing this profile's rules again (a plan with nothing to forward is not possible, so
      // merge the other profile's) leaves every lookalike rule where it was.
      const other = target.render({ ...plan, profile: { name: 'other', file: 'other.yaml' } }, { version: VERSION, ...(format ? { format } : {}), merge: { file: 'backup.xml', text: once } }).text;
      for (const line of userLines) expect(other.includes(line), `${why}: user line lost after another profile's merge: ${line}`).toBe(true);
    }
  });
});

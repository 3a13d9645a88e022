// RedirectNames (the redirects' name options, with what consecutive sections share made fit once)
// against the plain path it stands for: fittedName of redirectText, for every section of every
// shipped profile and of plans whose custom names test each step of nameText and the cut.

import { describe, expect, test } from 'vitest';
import { isRemapped } from '../../src/plan/ranges.js';
import type { Forward, Plan } from '../../src/plan/types.js';
import { twinGroups } from '../../src/targets/shared/ports.js';
import { info } from '../../src/targets/openwrt/info.js';
import { fittedName, RedirectNames, redirectText } from '../../src/targets/openwrt/names.js';
import { ipv4Sources } from '../../src/targets/openwrt/redirects.js';
import { customForward as fwd, HOSTILE_TEXTS, samplePlan } from '../fixtures/plans.js';
import { fitContext } from '../support/fit-context.js';
import { ALL_PROFILES, planOf } from '../support/profiles.js';

const MAX = info.comments.max;

/** Every name of the plan's redirects both ways, with the texts each way cut. */
function bothWays(plan: Plan): { fast: string[]; plain: string[]; fastCuts: string[]; plainCuts: string[] } {
  const fastCtx = fitContext(info);
  const plainCtx = fitContext(info);
  const names = new RedirectNames(plan, fastCtx, MAX);
  const fast: string[] = [];
  const plain: string[] = [];
  for (const group of twinGroups(plan.forwards)) {
    const f = group[0]!;
    const word = group.map((x) => x.proto).join('+');
    const count = isRemapped(f) ? f.external.last - f.external.first + 1 : 1;
    for (let p = 0; p < count; p++) {
      const ext = count === 1 ? f.external : { first: f.external.first + p, last: f.external.first + p };
      const int = count === 1 ? f.internal : { first: f.internal.first + p, last: f.internal.first + p };
      const ports = ext.first === ext.last ? `${ext.first}` : `${ext.first}-${ext.last}`;
      const nasPort = int.first === int.last ? `${int.first}` : `${int.first}-${int.last}`;
      for (const source of ipv4Sources(plan)) {
        fast.push(names.name(group, word, ext, int, ports, nasPort, source));
        plain.push(fittedName(plainCtx, redirectText(plan, group, ext, int, source ?? undefined), () => ({})));
      }
    }
  }
  return { fast, plain, fastCuts: fastCtx.cuts, plainCuts: plainCtx.cuts };
}

/** Custom names that test each step: control runs, quotes, %, trimmed ends, non-ASCII, the cut. */
const NAMES = [
  ...HOSTILE_TEXTS,
  '',
  ' ',
  '\n',
  ' \t ',
  'lead',
  '  leading spaces',
  'trailing spaces  ',
  '\ntrailing newline\n',
  'a\u00a0no-break\u00a0',
  '\u2028separators\u2029',
  '50% "off"',
  'Grüße',
  '🚀'.repeat(20),
  // Around the field's end: the part of a name before the custom names is 28 to 50 bytes here.
  ...Array.from({ length: 25 }, (_, i) => 'n'.repeat(50 + i)),
  ...Array.from({ length: 12 }, (_, i) => `${'é'.repeat(25 + i)}x`),
];

/** Forwards with the names above, from one custom entry each; some tcp+udp twins, some remapped. */
function namesPlan(extra: Partial<Plan> = {}): Plan {
  const forwards: Forward[] = [];
  NAMES.forEach((name, i) => {
    const port = 20000 + 20 * i;
    const tcp = fwd('tcp', [port, port], [port, port], name, `app-${i % 3}`);
    forwards.push(tcp);
    // Every other entry has a udp twin sharing its apps array, as the resolver's forwards do.
    if (i % 2 === 0) forwards.push({ ...fwd('udp', [port, port], [port, port], name, `app-${i % 3}`), apps: tcp.apps });
    if (i % 3 === 0) forwards.push(fwd('tcp', [port + 2, port + 4], [port + 12, port + 14], name, `app-${i % 3}`));
    // A second forward of the entry with the same apps array: the cached head.
    forwards.push({ ...fwd('tcp', [port + 6, port + 6], [port + 6, port + 6], name, `app-${i % 3}`), apps: tcp.apps });
  });
  forwards.sort((a, b) => (a.proto === b.proto ? a.external.first - b.external.first : a.proto === 'tcp' ? -1 : 1));
  return samplePlan({ profile: { name: 'names', file: 'names.yaml' }, forwards, skipped: [], ...extra });
}

describe('openwrt: RedirectNames gives every redirect the name fittedName gives it', () => {
  const cases: [string, Plan][] = [
    ['names', namesPlan()],
    ['names with allowFrom', namesPlan({ allowFrom: ['198.51.100.0/24', '203.0.113.7'] })],
    ...ALL_PROFILES.map((p): [string, Plan] => [p, planOf(p)]),
  ];
  test.each(cases)('%s', (_name, plan) => {
    const { fast, plain, fastCuts, plainCuts } = bothWays(plan);
    expect(fast.length).toBeGreaterThan(0);
    expect(fast).toEqual(plain);
    expect(fastCuts).toEqual(plainCuts);
  });

  test('the names plan tests what it is meant to: cut, trimmed, changed and kept names', () => {
    const { plain, plainCuts } = bothWays(namesPlan());
    expect(plainCuts.length).toBeGreaterThan(4);
    expect(plain.some((n) => n.endsWith('...'))).toBe(true);
    expect(plain.some((n) => n.includes('\uff05'))).toBe(true);
    expect(plain.some((n) => / trailing spaces$/.test(n))).toBe(true);
    expect(plain.some((n) => / {3}leading spaces$/.test(n))).toBe(true);
    // A name of exactly the field's size, and one a byte over it (cut).
    expect(plain.some((n) => Buffer.byteLength(n) === MAX && !n.endsWith('...'))).toBe(true);
  });

  test('a wrong fast path would fail: a head nameText changes is not taken as it is', () => {
    // An app id with `%` cannot come from a profile, but the check does not rely on that.
    const f = fwd('tcp', [443, 443], [443, 443], 'x', 'odd%app');
    const plan = samplePlan({ forwards: [f], skipped: [] });
    const { fast, plain } = bothWays(plan);
    expect(fast).toEqual(plain);
    expect(fast[0]).toContain('odd\uff05app');
  });
});

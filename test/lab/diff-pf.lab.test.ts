// synfw diff against config.xml as pfSense and OPNsense themselves save it, for every profile and
// each of pfSense, OPNsense legacy and OPNsense MVC (--format mvc): synfw's output merged into the
// lab's user config (pf/user-config.ts), loaded by the product's own config code and written back
// by its own serialiser (pf/php/*-export.php), is in sync, with the user's own forwards foreign
// exactly where they touch the plan; a forward deleted, or its target port changed, in PHP the
// way the product's GUI does it, is exactly that drift. No root: php-cli (see pf/README.md).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compareState } from '../../src/diff/compare.js';
import { readRouterState } from '../../src/diff/read-state.js';
import type { DiffReport, Foreign, Port } from '../../src/diff/types.js';
import type { ReadFlow } from '../../src/readers/flow.js';
import type { Plan } from '../../src/plan/types.js';
import { routerSides } from '../../src/targets/define.js';
import { loadTarget, TARGETS } from '../../src/targets/index.js';
import { TargetError } from '../../src/targets/types.js';
import { synfw } from '../support/run-cli.js';
import { planFromText } from '../../src/pipeline.js';
import { ALL_PROFILES, profileSlug, ROOT, VERSION } from '../support/profiles.js';
import { labDescribe, once, sweepStaleTempDirs } from './lab.js';
import { runHarness } from './pf/run-php.js';
import { phpAvailability, type Product } from './pf/upstream.js';
import { userConfig, type Layout } from './pf/user-config.js';

/** The user's own port forwards in the lab's user config (pf/user-config.ts). */
const USER_FORWARDS: Record<Product, { proto: 'tcp' | 'udp'; wan: number; target: string }[]> = {
  pfsense: [
    { proto: 'tcp', wan: 2222, target: '192.168.1.50' },
    { proto: 'udp', wan: 27960, target: '192.168.1.51' },
  ],
  opnsense: [{ proto: 'tcp', wan: 2222, target: '192.168.1.50' }],
};

/** The NAS port the drift gives the first synfw forward (no profile uses it). */
const DRIFT_PORT = 4444;

/** home.yaml edited so that the user's tcp 2222 forward touches the plan: each reason once (a self-check of the foreign assertions above). */
const TOUCHING: { label: string; edit: (text: string) => string; reasons: Foreign['reasons'] }[] = [
  { label: 'home with the NAS at 192.168.1.50', edit: (t) => swap(t, 'address: 192.168.1.10', 'address: 192.168.1.50'), reasons: ['forwards to the NAS'] },
  { label: 'home with DSM on WAN port 2222', edit: (t) => swap(t, 'https: 443 }', 'https: 2222 }'), reasons: ['claims a WAN port of the plan'] },
];

function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`home.yaml no longer has ${from}`);
  return text.replace(from, to);
}

const WAYS: { product: Product; layout: Layout; title: string }[] = [
  { product: 'pfsense', layout: 'legacy', title: 'pfSense' },
  { product: 'opnsense', layout: 'legacy', title: 'OPNsense legacy' },
  { product: 'opnsense', layout: 'mvc', title: 'OPNsense MVC (--format mvc)' },
];

const portLine = (p: Port): string => `${p.family} ${p.proto} ${p.wan ?? '-'} -> ${p.targets.join(',')} from ${p.sources.join(',')}${p.hairpin ? ' hairpin' : ''}`;
const summary = (r: DiffReport): string[][] => [r.missing.map(portLine), r.stale.map(portLine), r.changed.map((c) => `${portLine(c.plan)} | ${portLine(c.router)}`)];

interface Saved {
  xml: string;
}

/** `synfw diff PROFILE -t product --from config.xml --json`: the profile given as its text. */
function diffCli(profile: string, product: Product, xml: string): { status: number | null; report: DiffReport } {
  const dir = mkdtempSync(join(tmpdir(), `synfw-${process.pid}-pfdiff-`));
  try {
    writeFileSync(join(dir, 'config.xml'), xml);
    writeFileSync(join(dir, 'profile.yaml'), profile);
    const r = synfw(['diff', join(dir, 'profile.yaml'), '-t', product, '--from', join(dir, 'config.xml'), '--json']);
    if (r.status !== 0 && r.status !== 3) throw new Error(`synfw diff exited ${r.status}: ${r.stderr}`);
    return { status: r.status, report: JSON.parse(r.stdout) as DiffReport };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The user's forwards that diff must show as foreign: those to the NAS or on a WAN port of the plan. */
function expectedForeign(plan: Plan, product: Product): string[] {
  const ports = compareState(plan, product, { flows: [], skipped: [] }).missing;
  const nas = new Set(ports.flatMap((p) => (p.family === 4 ? p.targets.map((t) => t.replace(/:\d+$/, '')) : [])));
  return USER_FORWARDS[product]
    .filter((u) => nas.has(u.target) || ports.some((p) => p.family === 4 && p.proto === u.proto && p.wan === u.wan))
    .map((u) => `${u.proto} ${u.wan}`)
    .sort();
}

labDescribe("lab: synfw diff reads config.xml as pfSense's and OPNsense's own PHP saves it", phpAvailability(), { timeout: 120_000, hint: 'install php-cli php-xml php-mbstring netbase; see test/lab/pf/README.md' }, () => {
  beforeAll(() => sweepStaleTempDirs());
  for (const way of WAYS) {
    describe(way.title, () => {
      const user = once(async () => userConfig(way.product, way.layout, { reflection: false }));
      const cases = [
        ...ALL_PROFILES.map((path) => ({ label: profileSlug(path), profile: readFileSync(join(ROOT, path), 'utf8'), reasons: undefined })),
        ...TOUCHING.map((t) => ({ label: `self-check: ${t.label}`, profile: t.edit(readFileSync(join(ROOT, 'profiles/home.yaml'), 'utf8')), reasons: t.reasons })),
      ];
      const runs = cases.map(({ label, profile, reasons }) => {
        const merged = once(async (): Promise<{ plan: Plan; text: string } | null> => {
          const r = planFromText(profile, `${label}.yaml`);
          if (!r.plan) throw new Error(`${label} does not resolve: ${r.diagnostics.map((d) => d.message).join('; ')}`);
          const plan = r.plan;
          try {
            const t = await loadTarget(way.product);
            const text = t.render(plan, { version: VERSION, format: way.layout === 'mvc' ? 'mvc' : undefined, merge: { file: 'config.xml', text: await user() } }).text;
            return { plan, text };
          } catch (e) {
            if (e instanceof TargetError) return null;
            throw e;
          }
        });
        const save = (drift: string) =>
          once(async (): Promise<Saved | null> => {
            const m = await merged();
            return m && runHarness<Saved>(way.product, `${way.product}-export.php`, m.text, way.product === 'opnsense' ? [way.layout, drift] : [drift]);
          });
        return { label, profile, reasons, merged, saved: save('none'), deleted: save('delete'), retargeted: save(`port:${DRIFT_PORT}`) };
      });
      beforeAll(() => {
        for (const r of runs) void r.saved(), void r.deleted(), void r.retargeted();
      });

      for (const { label, profile, reasons, merged, saved, deleted, retargeted } of runs) {
        test(`${label}: in sync after the product's save; a deleted forward and a changed target port are exactly the drift`, async () => {
          const m = await merged();
          if (!m) return; // a plan the target refuses has no output (the pf lab tests that)
          const { plan } = m;
          const inSync = diffCli(profile, way.product, (await saved())!.xml);
          expect(inSync.status, 'exit status in sync').toBe(0);
          expect([inSync.report.skipped, ...summary(inSync.report)]).toEqual([[], [], [], []]);
          expect(inSync.report.same.length).toBeGreaterThan(0);
          const foreign = inSync.report.foreign.map((f) => `${f.proto} ${f.wan}`).sort();
          expect(foreign, "the user's own forwards shown").toEqual(expectedForeign(plan, way.product));
          expect(inSync.report.foreign.every((f) => f.owner === null)).toBe(true);
          if (reasons) {
            // The self-checks: the user's tcp 2222 -> 192.168.1.50:22 is shown, for exactly that reason.
            expect(inSync.report.foreign.map((f) => [`${f.proto} ${f.wan}`, f.targets, f.reasons])).toEqual([['tcp 2222', ['192.168.1.50:22'], reasons]]);
          }

          // The drifts touch the first synfw forward (its flows: nat rule 1 of the profile's rules).
          const state = readRouterState(way.product, (await saved())!.xml, routerSides(TARGETS[way.product], plan));
          const victim = (f: ReadFlow): boolean => f.family === 4 && f.profile === plan.profile.name && f.at === 'nat rule 1';
          const first = Math.min(...state.flows.filter(victim).map((f) => f.port));
          expect(Number.isFinite(first), 'the first forward was read').toBe(true);
          const wants = {
            deleted: compareState(plan, way.product, { flows: state.flows.filter((f) => !victim(f)), skipped: [] }),
            retargeted: compareState(plan, way.product, { flows: state.flows.map((f) => (victim(f) ? { ...f, port: DRIFT_PORT + f.port - first } : f)), skipped: [] }),
          };
          for (const [name, run] of [['deleted', deleted], ['retargeted', retargeted]] as const) {
            const after = diffCli(profile, way.product, (await run())!.xml);
            expect(wants[name].inSync, `${name}: the drift changes something`).toBe(false);
            expect(after.status, `${name}: exit status`).toBe(3);
            expect([after.report.skipped, ...summary(after.report)], name).toEqual([[], ...summary(wants[name])]);
            expect(after.report.foreign.map((f) => `${f.proto} ${f.wan}`).sort(), `${name}: foreign`).toEqual(foreign);
          }
        });
      }
    });
  }
});

// The pfSense / OPNsense lab suite (pfsense.lab.test.ts, opnsense.lab.test.ts): synfw's output,
// merged into the user's config or imported over it, read by the product's own PHP, which prints
// the pf rules the router would load. See README.md.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { planFromText } from '../../../src/pipeline.js';
import type { Plan } from '../../../src/plan/types.js';
import { loadTarget } from '../../../src/targets/index.js';
import { TargetError } from '../../../src/targets/types.js';
import { ALL_PROFILES, profileSlug, ROOT, VERSION } from '../../support/profiles.js';
import { labDescribe, once, sweepStaleTempDirs } from '../lab.js';
import { foreignRules, linesOf, normalizeEmpty, namesOf, ruleProblems, splitLines, tuplesOf, untagged, withoutProfile, type Result } from './check.js';
import { expectedTuples, intentOf, type ProfileIntent } from './expected.js';
import { parseRule } from './pf-lines.js';
import { runPhp } from './run-php.js';
import { phpAvailability, type Product } from './upstream.js';
import { restoreAreas, USER_IFACES, userConfig, type Layout } from './user-config.js';

const NAME: Record<Product, string> = { pfsense: 'pfSense', opnsense: 'OPNsense' };
/** Where both products put reflected port forwards in the user's config: interfaces without a gateway. */
const REFLECTION_IFACES = ['lan'];

interface Case {
  label: string;
  plan: Plan;
  intent: ProfileIntent;
}

function caseOf(label: string, text: string, file: string, product: Product): Case {
  const r = planFromText(text, file);
  if (!r.plan) throw new Error(`${file} does not resolve: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return { label, plan: r.plan, intent: intentOf(text, product) };
}

const profileText = (path: string): string => readFileSync(`${ROOT}${path}`, 'utf8');

/** A shipped profile with a few lines of YAML added (keys it does not set yet). */
const derived = (path: string, extra: string, product: Product): Case => caseOf(`${profileSlug(path)} + ${extra.trim().replace(/\n\s*/g, ' ')}`, `${profileText(path)}\n${extra}`, path, product);

async function render(product: Product, layout: Layout, plan: Plan, merge?: string): Promise<string> {
  const t = await loadTarget(product);
  return t.render(plan, { version: VERSION, format: layout === 'mvc' ? 'mvc' : undefined, merge: merge === undefined ? undefined : { file: 'config.xml', text: merge } }).text;
}

/** The user's config and what the product makes of it, per system reflection setting. */
function userSide(product: Product, layout: Layout) {
  // Built on first use, not while vitest collects the tests (which it also does when they are skipped).
  const make = (reflection: boolean) => {
    let text: string | undefined;
    const xml = (): string => (text ??= userConfig(product, layout, { reflection }));
    return { xml, run: once(() => runPhp(product, xml())) };
  };
  const off = make(false);
  const on = make(true);
  // The areas a plain import of `file` replaces, emptied: the user's config as that import leaves
  // it apart from synfw's rules (restoring an area the file lacks is not possible).
  const emptied = new Map<string, () => Promise<Result>>();
  const emptiedFor = (file: string): Promise<Result> => {
    const areas = ['nat', 'filter'].filter((a) => new RegExp(`^(\\t|  )<${a}>`, 'm').test(file));
    const key = areas.join();
    if (!emptied.has(key)) {
      const ind = product === 'pfsense' ? '\t' : '  ';
      const empty = `<${product}>\n${areas.map((a) => `${ind}<${a}>\n${ind}</${a}>\n`).join('')}</${product}>\n`;
      emptied.set(key, once(() => runPhp(product, restoreAreas(product, off.xml(), empty))));
    }
    return emptied.get(key)!();
  };
  return { off, on, emptiedFor, of: (reflection: boolean) => (reflection ? on : off) };
}

/** The user's own pf lines that the run no longer generates (or no longer in their order). */
function ownProblems(run: Result, base: Result): string[] {
  const got = linesOf(run);
  const was = linesOf(base);
  return [...splitLines(got.nat, was.nat).missing, ...splitLines(got.filter, was.filter).missing].map((l) => `the user's rule no longer generates: ${l}`);
}

/** The rules the run adds to the user's (synfw's), against the plan's; and their descriptions' tags. */
function problems(product: Product, c: Case, run: Result, base: Result, reflection: boolean): { rules: string[]; tags: string[] } {
  const got = linesOf(run);
  const was = linesOf(base);
  const added = { nat: splitLines(got.nat, was.nat).added, filter: splitLines(got.filter, was.filter).added };
  const tuples = tuplesOf(added, namesOf(run));
  const want = expectedTuples(c.plan, c.intent, { reflection, reflectionIfaces: REFLECTION_IFACES });
  return { rules: ruleProblems(tuples, want), tags: untagged(tuples, product, c.plan.profile.name) };
}

const validationOf = (r: Result): string[] => ('validation' in r ? r.validation.map((v) => `${v.field}: ${v.message}`) : []);
const noticesOf = (r: Result): string[] => ('notices' in r ? r.notices.filter((n) => !n.startsWith('phpwarning')) : []);

export function pfLabSuite(product: Product, layouts: Layout[]): void {
  labDescribe(`${NAME[product]}: synfw's rules through the upstream PHP`, phpAvailability(), { timeout: 120_000, hint: 'install php-cli php-xml php-mbstring netbase; see test/lab/pf/README.md' }, () => {
    for (const layout of layouts) {
      const title = product === 'opnsense' ? `${NAME[product]} ${layout === 'mvc' ? 'MVC (--format mvc)' : 'legacy'}` : NAME[product];
      describe(title, () => {
        const user = userSide(product, layout);
        const shipped = ALL_PROFILES.map((path) => caseOf(profileSlug(path), profileText(path), path, product));
        const runs = shipped.map((c) => {
          const merged = once(async () => {
            const text = await render(product, layout, c.plan, user.off.xml());
            return { text, run: await runPhp(product, text) };
          });
          const imported = once(async () => {
            const file = await render(product, layout, c.plan);
            return { file, run: await runPhp(product, restoreAreas(product, user.off.xml(), file)) };
          });
          return { c, merged, imported };
        });
        // Start every run now: they queue for the php slots, the tests await their own.
        beforeAll(() => {
          sweepStaleTempDirs();
          void user.off.run();
          for (const r of runs) void r.merged(), void r.imported();
        });

        for (const { c, merged, imported } of runs) {
          describe(c.label, () => {
            test(`router.wan for ${product} (${c.intent.wan}) is an interface id of the user's config (${USER_IFACES.join(', ')})`, () => {
              expect(USER_IFACES as readonly string[], `issue 8 §5: ${product} accepts only interface ids; give the profile router.${product}.wan`).toContain(c.intent.wan);
            });

            test('merged (--merge): the rdr and pass rules are exactly the plan\'s', async () => {
              const { run } = await merged();
              const p = problems(product, c, run, await user.off.run(), false);
              expect(p.rules, 'generated pf rules vs. the plan').toEqual([]);
              expect(p.tags, 'descriptions').toEqual([]);
              expect(noticesOf(run), 'notices').toEqual([]);
              // Nothing ran (php/no-exec.php), but no command may even be asked for with profile text in it.
              expect(run.calls.filter((call) => /synfw|canary/.test(call)), 'commands asked for').toEqual([]);
            });

            test("merged: the user's own rules give the same pf lines, and the config outside the profile's rules is unchanged", async () => {
              const { run } = await merged();
              const base = await user.off.run();
              expect(ownProblems(run, base)).toEqual([]);
              expect(withoutProfile(run.config, c.plan.profile.name)).toEqual(normalizeEmpty(base.config));
            });

            test('imported as it is (NAT and Firewall Rules areas): exactly the plan\'s rules, and nothing else left in those areas', async () => {
              const { file, run } = await imported();
              const emptied = await user.emptiedFor(file);
              const p = problems(product, c, run, emptied, false);
              expect(p.rules, 'generated pf rules vs. the plan').toEqual([]);
              expect(ownProblems(run, emptied)).toEqual([]);
              expect(foreignRules(run.config, c.plan.profile.name), 'the import replaces the areas').toEqual([]);
              expect(file, 'the header warns that it does').toMatch(/REPLACES/);
            });

            if (product === 'opnsense') {
              test('the DNat model validates every rule (performValidation(true)), merged and imported', async () => {
                expect(validationOf((await merged()).run)).toEqual([]);
                expect(validationOf((await imported()).run)).toEqual([]);
              });
            }
          });
        }

        describe('issue 8 §5', () => {
          const home = 'profiles/home.yaml';
          test('router.wan: opt1 (a second WAN): the port forwards match traffic to opt1\'s own address', async () => {
            const c = derived(home, 'router:\n  wan: opt1\n', product);
            const run = await runPhp(product, await render(product, layout, c.plan, user.off.xml()));
            expect(problems(product, c, run, await user.off.run(), false).rules).toEqual([]);
          });

          test('router.wan: eth0 (a Linux interface name) is refused at generation time, naming the per-target key', async () => {
            const c = derived(home, 'router:\n  wan: eth0\n', product);
            const err = await render(product, layout, c.plan).then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(err, 'render must fail').toBeInstanceOf(TargetError);
            expect(String((err as Error).message)).toMatch(new RegExp(`router\\.${product}\\.wan`));
          });

          test('with --merge, router.wan must name an interface of the user\'s config (opt2 is not one)', async () => {
            const c = derived(home, 'router:\n  wan: opt2\n', product);
            const err = await render(product, layout, c.plan, user.off.xml()).then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(err, 'render must fail').toBeInstanceOf(TargetError);
            expect(String((err as Error).message)).toMatch(/opt2/);
          });

          for (const [setting, extra] of [['omitted', ''], ['true', 'hairpin: true\n'], ['false', 'hairpin: false\n']] as const) {
            for (const reflection of [false, true]) {
              test(`hairpin ${setting}, system NAT reflection ${reflection ? 'on' : 'off'}: reflection ${setting === 'omitted' ? 'follows the system' : setting === 'true' ? 'on' : 'off'}`, async () => {
                const c = extra ? derived(home, extra, product) : caseOf('home', profileText(home), home, product);
                const side = user.of(reflection);
                const run = await runPhp(product, await render(product, layout, c.plan, side.xml()));
                expect(problems(product, c, run, await side.run(), reflection).rules).toEqual([]);
              });
            }
          }
        });

        describe('self-checks: the comparisons can fail', () => {
          const c = caseOf('home', profileText('profiles/home.yaml'), 'profiles/home.yaml', product);
          const mergedHome = once(() => render(product, layout, c.plan, user.off.xml()));
          const check = async (text: string) => problems(product, c, await runPhp(product, text), await user.off.run(), false);
          const once1 = (text: string, find: RegExp, replace: string): string => {
            expect(text.match(new RegExp(find.source, 'g')), `${find} in the merged output`).toHaveLength(1);
            return text.replace(find, replace);
          };

          test('a port forward to the wrong NAS port is caught', async () => {
            const p = await check(once1(await mergedHome(), /<local-port>5001<\/local-port>/, '<local-port>5002</local-port>'));
            expect(p.rules.join('\n')).toMatch(/unexpected: rdr wan inet tcp from any to addr:wan port 443 -> 192\.168\.1\.10 port 5002/);
          });

          test('a missing port forward is caught', async () => {
            const text = await mergedHome();
            const rule = [...text.matchAll(/<rule( uuid="[^"]*")?>(?:(?!<\/rule>)[\s\S])*?<local-port>6690<\/local-port>[\s\S]*?<\/rule>\s*/g)];
            expect(rule).toHaveLength(1);
            const p = await check(text.replace(rule[0]![0], ''));
            expect(p.rules.join('\n')).toMatch(/missing: rdr wan inet tcp from any to addr:wan port 6690/);
          });

          test("a user rule removed by the merge is caught", async () => {
            const text = await mergedHome();
            const rule = [...text.matchAll(/<rule( uuid="[^"]*")?>(?:(?!<\/rule>)[\s\S])*?<local-port>22<\/local-port>[\s\S]*?<\/rule>\s*/g)];
            expect(rule).toHaveLength(1);
            const run = await runPhp(product, text.replace(rule[0]![0], ''));
            const base = await user.off.run();
            expect(ownProblems(run, base).join('\n')).toMatch(/2222/);
            expect(withoutProfile(run.config, 'home')).not.toEqual(normalizeEmpty(base.config));
          });

          test("a port forward on opt1 that matches traffic to wan's address is caught", async () => {
            const c1 = derived('profiles/home.yaml', 'router:\n  wan: opt1\n', product);
            // synfw's own rules only: the user's game server forward rightly uses opt1ip.
            const text = (await render(product, layout, c1.plan, user.off.xml())).replace(/<rule[ >](?:(?!<\/rule>)[\s\S])*<\/rule>/g, (rule) =>
              rule.includes('synfw:home ') ? rule.replace(/<network>opt1ip<\/network>/, '<network>wanip</network>') : rule,
            );
            const p = problems(product, c1, await runPhp(product, text), await user.off.run(), false);
            expect(p.rules.join('\n')).toMatch(/unexpected: rdr opt1 inet tcp from any to addr:wan port 443/);
          });

          if (product === 'opnsense') {
            test('the DNat model reports a rule it cannot accept', async () => {
              const run = await runPhp(product, once1(await mergedHome(), /<local-port>5001<\/local-port>/, '<local-port>not-a-port</local-port>'));
              expect(validationOf(run).join('\n')).toMatch(/local-port/);
            });
          }

          test('the rule reader refuses what it does not know', async () => {
            const names = namesOf(await user.off.run());
            const dev = names.devices.wan!;
            expect(() => parseRule(`rdr on ${dev} inet proto tcp from any to (${dev}) port 443 -> 192.168.1.10 port 5001 tag x`, names)).toThrow(/not understood/);
            expect(() => parseRule(`# rdr on ${dev} inet proto tcp from any to (${dev}) port 443 -> 192.168.1.10`, names)).toThrow(/comment/);
            expect(() => parseRule(`rdr on eth9 inet proto tcp from any to (${dev}) port 443 -> 192.168.1.10`, names)).toThrow(/device eth9/);
            expect(() => parseRule(`pass in quick on ${dev} inet proto icmp from any to 192.168.1.10 port 1`, names)).toThrow(/protocol icmp/);
            expect(parseRule(`rdr on ${dev} inet proto { tcp udp } from 203.0.113.7 to (${dev}) port 27015:27030 -> 192.168.1.10`, names)!.tuples).toEqual([
              'rdr wan inet tcp from 203.0.113.7/32 to addr:wan port 27015-27030 -> 192.168.1.10 port 27015-27030',
              'rdr wan inet udp from 203.0.113.7/32 to addr:wan port 27015-27030 -> 192.168.1.10 port 27015-27030',
            ]);
          });
        });
      });
    }
  });
}

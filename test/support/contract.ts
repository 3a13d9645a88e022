// The contract every registered target meets (test/targets/contract.test.ts runs it over the
// registry; test/targets/contract-self.test.ts runs it over a fake target to show its failures):
// its declarations are complete, it has a reader and golden files, and for every format and every
// shipped profile its output is deterministic, starts with the header, has \n line endings only,
// is ASCII when the profile is, equals its golden file and reads back to exactly
// expectedFlows(plan, target); each declared refusal gives SFW301 through the CLI, with the stderr
// stored next to the goldens.

import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { refusals } from '../../src/targets/define.js';
import { CLI_OPTION_KEYS, TargetError, type CliFlag, type OptionKey, type Refusal, type RenderOptions, type Rendered, type TargetInfo } from '../../src/targets/types.js';
import { expectGolden, missingGolden } from './golden.js';
import { ALL_PROFILES, planOf, profileSlug, ROOT, VERSION } from './profiles.js';
import { expectFlows } from './readers/flows.js';
import type { OutputReader } from './readers/targets.js';

/** A target as the contract sees it: its declarations, its render, and the tests' reader of its output. */
export interface ContractTarget {
  /** The registry's key. */
  id: string;
  info: TargetInfo;
  render(plan: Plan, options: RenderOptions): Rendered;
  reader: OutputReader | undefined;
  /** Where its golden files live (test/golden/ of the checkout; a temporary folder for the self-test). */
  goldenRoot?: string;
}

const goldenRoot = (t: ContractTarget): string => t.goldenRoot ?? `${ROOT}test/golden/`;

/** test/golden/<profile>/<target>[.<format>].<ext> */
export function outputGolden(t: ContractTarget, profile: string, format: string): string {
  const ext = t.info.formats[format]?.extension ?? '?';
  return `${goldenRoot(t)}${profileSlug(profile)}/${t.id}${format === 'default' ? '' : `.${format}`}.${ext}`;
}

// ---- declared refusals -------------------------------------------------------------------------

/** One declared refusal: where it is declared, and the format and options that select it. */
export interface RefusalCase {
  /** The stderr file's name: "allowFrom", "restore.hairpin", "router-fritzbox.address6". */
  name: string;
  key: OptionKey;
  refusal: Refusal;
  format: string;
  /** The choice option's flag and value ("router", "fritzbox"), for a choice's refusal. */
  choice?: { flag: CliFlag; value: string };
}

/** Every refusal the target declares: its own, each format's, each value of each choice option. */
export function refusalCases(info: TargetInfo): RefusalCase[] {
  const each = (r: Partial<Record<OptionKey, Refusal>> | undefined): [OptionKey, Refusal][] => Object.entries(r ?? {}) as [OptionKey, Refusal][];
  const out: RefusalCase[] = each(info.refuses).map(([key, refusal]) => ({ name: key, key, refusal, format: 'default' }));
  for (const [format, f] of Object.entries(info.formats)) out.push(...each(f.refuses).map(([key, refusal]) => ({ name: `${format}.${key}`, key, refusal, format })));
  for (const [flag, opt] of Object.entries(info.cli ?? {}) as [CliFlag, NonNullable<TargetInfo['cli']>[CliFlag]][]) {
    if (opt?.kind !== 'choice') continue;
    for (const [value, choice] of Object.entries(opt.choices)) {
      out.push(...each(choice.refuses).map(([key, refusal]) => ({ name: `${flag}-${value}.${key}`, key, refusal, format: 'default', choice: { flag, value } })));
    }
  }
  return out;
}

/** test/golden/<target>/refusals/<case>.stderr */
export const refusalGolden = (t: ContractTarget, c: RefusalCase): string => `${goldenRoot(t)}${t.id}/refusals/${c.name}.stderr`;

/**
 * The first of `profiles` whose plan this one refusal applies to (the skeleton's own test of
 * "uses the option and `when` holds", asked with the refusal alone), or undefined.
 */
export function refusingProfile(c: RefusalCase, profiles: readonly string[]): string | undefined {
  const alone: TargetInfo = { id: 'refusal', description: '', formats: { default: { extension: 'txt', description: '' } }, refuses: { [c.key]: c.refusal } };
  return profiles.find((p) => refusals(alone, 'default', planOf(p)).length > 0);
}

/** The CLI arguments that render `profile` for the case. */
export function refusalArgs(id: string, c: RefusalCase, profile: string): string[] {
  return ['gen', profile, '--target', id, ...(c.format === 'default' ? [] : ['--format', c.format]), ...(c.choice ? [`--${c.choice.flag}`, c.choice.value] : [])];
}

// ---- registration ------------------------------------------------------------------------------

/** The render of one case, or the diagnostics of its refusal. */
export function renderCase(t: ContractTarget, plan: Plan, format: string): { text: string } | { refused: TargetError } {
  try {
    return { text: t.render(plan, { version: VERSION, ...(format === 'default' ? {} : { format }) }).text };
  } catch (e) {
    if (e instanceof TargetError) return { refused: e };
    throw e;
  }
}

/**
 * What is missing for the target to take part in the contract, one clear sentence each: its
 * declarations, its reader, a golden file per rendered profile and format, and per declared
 * refusal a profile that triggers it (from `profiles`, then `refusalProfiles`) and its stored
 * stderr, unless `unreachable` ("<id> <case>": why) lists it (then no profile may trigger it).
 * Empty when it is complete.
 */
export function registrationProblems(
  t: ContractTarget,
  profiles: readonly string[] = ALL_PROFILES,
  refusalProfiles: readonly string[] = [],
  unreachable: Readonly<Record<string, string>> = {},
): string[] {
  const out: string[] = [];
  const { info } = t;
  if (info.id !== t.id) out.push(`target ${t.id}: info.id is "${info.id}", not the registry key "${t.id}" (src/targets/${t.id}/info.ts)`);
  if (!info.description?.trim()) out.push(`target ${t.id} declares no description (src/targets/${t.id}/info.ts)`);
  if (!info.formats?.default) out.push(`target ${t.id} declares no default format (src/targets/${t.id}/info.ts: formats.default)`);
  for (const [format, f] of Object.entries(info.formats ?? {})) {
    if (!/^[a-z0-9]+$/.test(f.extension ?? '')) out.push(`target ${t.id} format ${format} declares no file extension (src/targets/${t.id}/info.ts)`);
    if (!f.description?.trim()) out.push(`target ${t.id} format ${format} declares no description (src/targets/${t.id}/info.ts)`);
  }
  if (!t.reader) out.push(`target ${t.id} has no reader: add one to OUTPUT_READERS in test/support/readers/targets.ts that reads its output back to flows`);
  if (!info.formats?.default) return out;
  for (const profile of profiles) {
    const plan = planOf(profile);
    for (const format of Object.keys(info.formats)) {
      const r = renderCase(t, plan, format);
      const golden = outputGolden(t, profile, format);
      if ('text' in r && !existsSync(golden)) out.push(missingGolden(golden, `target ${t.id} format ${format}, ${profile}`));
      if ('refused' in r && existsSync(golden)) out.push(`${relative(ROOT, golden)} is stale: target ${t.id} format ${format} refuses ${profile}`);
    }
  }
  for (const c of refusalCases(info)) {
    const profile = refusingProfile(c, [...profiles, ...refusalProfiles]);
    const known = unreachable[`${t.id} ${c.name}`];
    if (known !== undefined) {
      if (profile) out.push(`target ${t.id} refusal ${c.name} is listed as unreachable (${known}), yet ${profile} triggers it: remove it from the list`);
      continue;
    }
    if (!profile) out.push(`target ${t.id} declares refusal ${c.name}, but no profile uses it: add one to test/fixtures/profiles/refusals/`);
    const golden = refusalGolden(t, c);
    if (profile && !existsSync(golden)) out.push(missingGolden(golden, `target ${t.id} refusal ${c.name} (${refusalArgs(t.id, c, profile).join(' ')})`));
  }
  return out;
}

// ---- one rendered case -------------------------------------------------------------------------

const NON_ASCII = /[^\x00-\x7f]/;

/** The header line every output starts with (HTML escapes its quotes). */
export function headerLine(t: ContractTarget, plan: Plan, format: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const q = '(?:"|&quot;)';
  return new RegExp(`Generated by synfw ${esc(VERSION)} from profile ${q}${esc(plan.profile.name)}${q} for target ${esc(t.id)}${format === 'default' ? '' : esc(` (format ${format})`)}\\.`);
}

/**
 * One target x format x profile: a refusal is SFW301 only (the CLI test checks its stderr); a
 * render is deterministic, has the header in its first lines, \n line endings only, is ASCII when
 * the profile is, equals its golden file and reads back to exactly the plan's flows.
 */
export function expectContractCase(t: ContractTarget, profile: string, format: string): void {
  const what = `target ${t.id} format ${format}, ${profile}`;
  const plan = planOf(profile);
  const r = renderCase(t, plan, format);
  if ('refused' in r) {
    expect(r.refused.diagnostics.map((d) => d.code), `${what}: a refusal gives SFW301 only`).toEqual(r.refused.diagnostics.map(() => 'SFW301'));
    expect(refusals(t.info, format, plan).map((d) => d.message), `${what}: refused for a declared reason`).toEqual(r.refused.diagnostics.map((d) => d.message));
    return;
  }
  const { text } = r;
  const again = renderCase(t, planOf(profile), format);
  expect('text' in again && again.text, `${what}: two renders are byte-identical`).toBe(text);
  expect(text.split('\n').slice(0, 60).join('\n'), `${what}: the header names synfw's version, the profile, the target and the format`).toMatch(headerLine(t, plan, format));
  expect(text.includes('\r'), `${what}: a carriage return in the output (only \\n line endings)`).toBe(false);
  expect(text.endsWith('\n'), `${what}: the last line ends with \\n`).toBe(true);
  // Only the profile's own free text may bring other characters: an ASCII file pastes the same into
  // any terminal or router console, whatever its character set (and V8 keeps it at a byte a
  // character, where one character above ASCII doubles the memory of a 10,000-rule output).
  if (!NON_ASCII.test(readFileSync(`${ROOT}${profile}`, 'utf8'))) {
    expect(text.match(NON_ASCII)?.[0], `${what}: a character above ASCII in the output of an ASCII profile`).toBeUndefined();
  }
  expectGolden(text, outputGolden(t, profile, format), what);
  if (!t.reader) throw new Error(`target ${t.id} has no reader: add one to OUTPUT_READERS in test/support/readers/targets.ts`);
  expectFlows(t.reader.read(text, plan, format), plan, t.id, { ...t.reader, context: `${what}: read back, the output lets in exactly expectedFlows(plan, '${t.id}')` });
}

/** The options a choice case selects, as RenderOptions (for the self-test's renders). */
export const choiceOptions = (c: RefusalCase): Partial<RenderOptions> => (c.choice ? { [CLI_OPTION_KEYS[c.choice.flag]]: c.choice.value } : {});

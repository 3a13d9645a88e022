// The contract test: every registered target x each of its formats x every shipped profile (and the
// hostile one) through test/support/contract.ts, and every declared refusal through the CLI. A
// target registered without its declarations, reader or golden files fails here with a sentence
// that says what to add (contract-self.test.ts shows those failures on a fake target).

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowKeys } from '../../src/readers/flow.js';
import { MODEL_IDS } from '../../src/targets/checklist/models.js';
import { loadTarget, TARGETS, targetIds } from '../../src/targets/index.js';
import {
  expectContractCase,
  outputGolden,
  refusalArgs,
  refusalCases,
  refusalGolden,
  refusingProfile,
  registrationProblems,
  renderCase,
  type ContractTarget,
} from '../support/contract.js';
import { expectGolden } from '../support/golden.js';
import { ALL_PROFILES, planOf, ROOT } from '../support/profiles.js';
import { OUTPUT_READERS } from '../support/readers/targets.js';
import { synfw } from '../support/run-cli.js';

/** Profiles that exist only to trigger a declared refusal no shipped profile triggers. */
const REFUSAL_PROFILES = readdirSync(`${ROOT}test/fixtures/profiles/refusals`)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `test/fixtures/profiles/refusals/${f}`);

/**
 * Declared refusals no plan can trigger, each a bug in the declarations (the contract fails when one
 * becomes reachable, so the entry goes when the bug is fixed).
 */
const UNREACHABLE: Record<string, string> = {
  // refusalsOf (src/targets/checklist/info.ts) declares the split refusals for every model with a
  // rule limit; ASUS's External Port takes ranges (models.ts), so splitReason never gives 'ranges'
  // for it and long-range.yaml renders. The declaration belongs only to models without ranges.
  'checklist router-asus.ranges': 'ASUS takes ranges; the split-ranges refusal cannot apply to it',
};

const contractTargets: ContractTarget[] = await Promise.all(
  targetIds.map(async (id) => {
    const target = await loadTarget(id);
    return { id, info: TARGETS[id], render: (plan, options) => target.render(plan, options), reader: OUTPUT_READERS[id] } satisfies ContractTarget;
  }),
);

describe.each(contractTargets.map((t) => [t.id, t] as const))('contract: %s', (id, t) => {
  it('is registered completely: declarations, reader, golden files, a profile and stored stderr per refusal', () => {
    expect(registrationProblems(t, ALL_PROFILES, REFUSAL_PROFILES, UNREACHABLE)).toEqual([]);
  });

  const cases = Object.keys(t.info.formats).flatMap((format) => ALL_PROFILES.map((profile) => [format, profile] as const));
  it.each(cases)('%s, %s: deterministic, header, \\n endings, golden file, reads back to expectedFlows', (format, profile) => {
    expectContractCase(t, profile, format);
  });

  it('its reader sees a changed NAS address (the parse-back cannot pass vacuously)', () => {
    const plan = planOf('profiles/home.yaml');
    const r = renderCase(t, plan, 'default');
    if (!('text' in r) || !t.reader) throw new Error(`target ${id} renders no home.yaml or has no reader`);
    const moved = plan.nas.address.replace(/\d+$/, (n) => String((Number(n) % 250) + 1));
    const changed = r.text.split(plan.nas.address).join(moved);
    let read: string[] = [];
    try {
      read = flowKeys(t.reader.read(changed, plan, 'default'));
    } catch {
      return; // refused outright: it saw the change
    }
    expect(read.some((k) => k.includes(` -> ${moved}:`))).toBe(true);
    expect(read.some((k) => k.includes(` -> ${plan.nas.address}:`))).toBe(false);
  });

  const refusals = refusalCases(t.info).filter((c) => !(`${id} ${c.name}` in UNREACHABLE));
  it.runIf(refusals.length > 0).each(refusals.map((c) => [c.name, c] as const))('refusal %s: SFW301 through the CLI, stderr as stored', (_name, c) => {
    const profile = refusingProfile(c, [...ALL_PROFILES, ...REFUSAL_PROFILES]);
    if (!profile) throw new Error(`target ${id} declares refusal ${c.name}, but no profile uses it: add one to test/fixtures/profiles/refusals/`);
    const args = refusalArgs(id, c, profile);
    const r = synfw(args);
    const what = `synfw ${args.join(' ')}`;
    expect(r.status, what).toBe(1);
    expect(r.stdout, what).toBe('');
    const why = typeof c.refusal.why === 'function' ? c.refusal.why(planOf(profile)) : c.refusal.why;
    const by = c.choice ? ` (--${c.choice.flag} ${c.choice.value})` : '';
    expect(r.stderr, what).toMatch(new RegExp(`error SFW301: target ${id}${by.replace(/[()]/g, '\\$&')} cannot express [^:]+: ${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; `));
    expectGolden(r.stderr, refusalGolden(t, c), what);
  });
});

describe('contract: golden files', () => {
  it('every file under test/golden belongs to a case: a render, a refusal, or a checklist router model', () => {
    const wanted = new Set<string>();
    for (const t of contractTargets) {
      for (const profile of ALL_PROFILES) for (const format of Object.keys(t.info.formats)) wanted.add(outputGolden(t, profile, format));
      for (const c of refusalCases(t.info)) wanted.add(refusalGolden(t, c));
    }
    // checklist.test.ts keeps the other router models' goldens: checklist.<model>[.<format>].<ext>.
    const models = MODEL_IDS.join('|');
    const perModel = new RegExp(`/checklist\\.(${models})(\\.[a-z]+)?\\.(txt|md|html)$`);
    const files = readdirSync(`${ROOT}test/golden`, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => `${d.parentPath}/${d.name}`);
    expect(files.length).toBeGreaterThan(wanted.size / 2);
    expect(files.filter((f) => !wanted.has(f) && !perModel.test(f)).map((f) => f.slice(ROOT.length))).toEqual([]);
  });
});

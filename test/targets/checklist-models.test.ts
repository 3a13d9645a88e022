// checklist: the router models' data, the rules each page needs (tcp+udp twins, ranges split port
// by port where the page cannot take them, one rule per source), what each model refuses (SFW301
// naming the key and --router) or cannot hold (SFW302), the strict reader's self-checks, and
// --router on the command line.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourcePos } from '../../src/diagnostics.js';
import { UsageError } from '../../src/diagnostics.js';
import type { Forward, Plan } from '../../src/plan/types.js';
import { MODEL_IDS, MODELS, type ModelId } from '../../src/targets/checklist/models.js';
import { TARGETS, loadTarget } from '../../src/targets/index.js';
import { customForward, manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import { ChecklistSyntaxError, checklistGolden, checklistMeaning, parseChecklistMarkdown, parseChecklistText, planTuples } from '../support/parse-checklist.js';
import { ROOT, VERSION, planOf } from '../support/profiles.js';
import { targetError } from '../support/diagnose.js';
import { synfw } from '../support/run-cli.js';

const target = await loadTarget('checklist');
const render = (plan: Plan, router: ModelId, format = 'default') => target.render(plan, { version: VERSION, router, format });

const POS: SourcePos = { file: 'p.yaml', line: 7, column: 5 };
const at = (f: Forward): Forward => ({ ...f, origins: f.origins.map((o) => ({ ...o, pos: POS })) });

describe('router models: data with sources', () => {
  it.each(MODEL_IDS)('%s: every fact has a source, the fields say where each port and the NAS go', (id) => {
    const m = MODELS[id];
    for (const fact of [m.page, m.fields, m.protocols, m.name, m.ranges, m.remap, m.source, m.ipv6, m.hairpin, m.maxRules]) {
      expect(fact.source).toMatch(id === 'generic' ? /^synfw$/ : /^https?:\/\/\S+$/);
    }
    const kinds = m.fields.value.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'name')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'protocol')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'ip' || k === 'device')).toHaveLength(1);
    expect(kinds.some((k) => k === 'external' || k === 'externalFirst')).toBe(true);
    expect(kinds.some((k) => k === 'internal' || k === 'internalFirst')).toBe(true);
    expect(kinds.includes('source')).toBe(m.source.value !== 'none');
    expect(new Set(m.fields.value.map((f) => f.label)).size).toBe(kinds.length);
    expect(m.name.value.max).toBeGreaterThanOrEqual(`synfw-x-99`.length);
  });

  it('docs/targets.md lists every model with its sources', () => {
    const docs = readFileSync(`${ROOT}docs/targets.md`, 'utf8');
    for (const id of MODEL_IDS) {
      expect(docs).toContain(`\`${id}\``);
      const m = MODELS[id];
      for (const fact of [m.page, m.fields, m.protocols, m.name, m.ranges, m.remap, m.source, m.ipv6, m.hairpin, m.maxRules]) {
        if (fact.source !== 'synfw') expect(docs, `${id}: ${fact.source}`).toContain(fact.source);
      }
    }
  });

  it('--router offers exactly the models, generic by default', () => {
    const cli = TARGETS.checklist.cli!.router!;
    expect(cli.kind).toBe('choice');
    if (cli.kind !== 'choice') return;
    expect(Object.keys(cli.choices)).toEqual([...MODEL_IDS]);
    expect(cli.default).toBe('generic');
    expect(() => target.render(samplePlan(), { version: VERSION, router: 'cisco' })).toThrow(UsageError);
    expect(target.render(samplePlan(), { version: VERSION }).text).toBe(render(samplePlan(), 'generic').text);
  });
});

describe('rules per page: twins, splits, sources', () => {
  const plan = samplePlan();

  it.each(MODEL_IDS)('%s: the sample plan (a remapped range, a range, a risky port) reads back to the plan', (id) => {
    for (const format of ['default', 'markdown']) {
      const text = render(plan, id, format).text;
      const parsed = format === 'default' ? parseChecklistText(text) : parseChecklistMarkdown(text);
      expect(checklistMeaning(parsed, id).tuples).toEqual(planTuples(plan));
    }
  });

  it('a page whose NAS port box takes one port gets a remapped range port by port, and says so', () => {
    for (const id of ['asus', 'tplink'] as const) {
      const text = render(plan, id).text;
      const cards = parseChecklistText(text).cards;
      const remapped = cards.filter((c) => /^Rule \d+ of \d+: TCP 700[123] -> NAS port 800[123]$/.test(c.heading));
      expect(remapped.map((c) => c.heading.replace(/^Rule \d+ of \d+: /, ''))).toEqual(['TCP 7001 -> NAS port 8001', 'TCP 7002 -> NAS port 8002', 'TCP 7003 -> NAS port 8003']);
      expect(text.replace(/\n +/g, ' ')).toContain('Entered one port per rule, because the page cannot take them as ranges: tcp 7001-7003;');
      // An identity range stays one rule, its NAS port box left empty.
      const range = cards.find((c) => c.heading.endsWith('TCP 6001-6010 -> NAS port 6001-6010'))!;
      expect(range.fields.find((f) => f.label === 'Internal Port')!.value).toBe('leave empty (same as outside)');
    }
  });

  it('pages that take NAS ranges keep the remapped range as one rule', () => {
    for (const id of ['generic', 'srm', 'fritzbox', 'netgear', 'unifi'] as const) {
      const headings = parseChecklistText(render(plan, id).text).cards.map((c) => c.heading.replace(/^Rule \d+ of \d+: /, ''));
      expect(headings, id).toContain('TCP 7001-7003 -> NAS port 8001-8003');
    }
  });

  it('tcp and udp twins are one rule where the page has a "both" protocol, two on a FRITZ!Box', () => {
    const twins = samplePlan({ forwards: [customForward('tcp', [25565, 25565]), customForward('udp', [25565, 25565])] });
    const protocols = (id: ModelId) => parseChecklistText(render(twins, id).text).cards.map((c) => c.fields.find((f) => f.label.startsWith('Protocol'))!.value);
    expect(protocols('asus')).toEqual(['BOTH']);
    expect(protocols('tplink')).toEqual(['ALL']);
    expect(protocols('netgear')).toEqual(['TCP/UDP']);
    expect(protocols('generic')).toEqual(['TCP and UDP']);
    expect(protocols('fritzbox')).toEqual(['TCP', 'UDP']);
  });

  it('allowFrom: one rule per source where the page takes one (ASUS, UniFi), a list on the generic checklist', () => {
    const restricted = samplePlan({ allowFrom: ['198.51.100.0/24', '203.0.113.7/32'] });
    for (const id of ['asus', 'unifi', 'generic'] as const) {
      const text = render(restricted, id).text;
      const parsed = parseChecklistText(text);
      expect(checklistMeaning(parsed, id).tuples).toEqual(planTuples(restricted));
      const perSource = MODELS[id].source.value === 'one';
      expect(parsed.cards.length).toBe((perSource ? 2 : 1) * parseChecklistText(render(samplePlan(), id).text).cards.length);
      if (perSource) expect(text.replace(/\n +/g, ' ')).toContain('each rule is listed once per allowed source');
    }
    expect(parseChecklistText(render(restricted, 'unifi').text).cards[0]!.fields.find((f) => f.label === 'From')!.value).toBe('Limited, 198.51.100.0/24');
  });

  it('allowFrom with IPv6 sources only: no IPv4 rule at all, and the checklist says why', () => {
    const plan6 = samplePlan({ nas: { ...samplePlan().nas, address6: '2001:db8::10' }, allowFrom6: ['2001:db8:100::/48'] });
    const text = render(plan6, 'generic').text;
    expect(text).toContain('No IPv4 rule: allowFrom lists only IPv6 sources');
    const meaning = checklistMeaning(parseChecklistText(text), 'generic');
    expect(meaning.rules).toBe(0);
    expect(meaning.tuples).toEqual(planTuples(plan6));
    expect(meaning.tuples.every((t) => t.startsWith('6 '))).toBe(true);
  });

  it('FRITZ!Box: nas.address6 ticks "enable sharing for IPv6", which opens the NAS ports on its IPv6 address', () => {
    const plan6 = samplePlan({ nas: { ...samplePlan().nas, address6: '2001:db8::10' } });
    const meaning = checklistMeaning(parseChecklistText(render(plan6, 'fritzbox').text), 'fritzbox');
    expect(meaning.tuples).toEqual(planTuples(plan6));
    expect(meaning.tuples).toContain('6 tcp - -> 2001:db8::10:8001 from any via wan');
  });

  it('the test-from-outside steps say to test from an allowed network when allowFrom is set', () => {
    const restricted = samplePlan({ allowFrom: ['198.51.100.0/24'] });
    expect(render(restricted, 'generic').text).toContain('allowFrom');
    expect(render(restricted, 'generic').text).toMatch(/Test from one of the allowed networks/);
  });
});

describe('what a page cannot express', () => {
  const restricted = planOf('profiles/restricted.yaml');
  const hairpin = planOf('profiles/hairpin.yaml');

  it.each(MODEL_IDS.filter((id) => MODELS[id].source.value === 'none'))('%s refuses allowFrom (SFW301, naming --router and the key, at its line)', (id) => {
    const plan = { ...samplePlan({ allowFrom: ['198.51.100.0/24'] }), keyPos: { allowFrom: POS } };
    const e = targetError(() => render(plan, id));
    expect(e.diagnostics).toEqual([
      expect.objectContaining({ code: 'SFW301', pos: POS, message: expect.stringMatching(new RegExp(`^target checklist \\(--router ${id}\\) cannot express allowFrom: .*no source field`)) }),
    ]);
  });

  it.each(MODEL_IDS.filter((id) => MODELS[id].ipv6.value === 'none'))('%s refuses nas.address6', (id) => {
    const e = targetError(() => render(restricted, id));
    expect(e.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(new RegExp(`^target checklist \\(--router ${id}\\) cannot express nas.address6: `)));
  });

  it.each(MODEL_IDS.filter((id) => MODELS[id].hairpin.value === 'none'))('%s refuses hairpin', (id) => {
    const e = targetError(() => render(hairpin, id));
    expect(e.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(new RegExp(`^target checklist \\(--router ${id}\\) cannot express hairpin: NAT loopback`)));
  });

  it('the generic checklist expresses all of them (IPv6 allow rules, sources, a NAT loopback item)', () => {
    for (const plan of [restricted, hairpin]) expect(() => render(plan, 'generic')).not.toThrow();
    const setting = parseChecklistText(render(hairpin, 'generic').text).cards.find((c) => c.section === 'Router settings')!;
    expect(setting.fields).toEqual([{ label: 'NAT loopback (hairpin NAT, NAT reflection)', value: 'on' }]);
  });

  it('ASUS: a remapped range split beyond the 64 rules the list keeps is refused, naming the key, at the range', () => {
    const big = samplePlan({ forwards: [at(customForward('tcp', [40001, 40070], [50001, 50070]))] });
    const e = targetError(() => render(big, 'asus'));
    expect(e.diagnostics).toEqual([
      expect.objectContaining({
        code: 'SFW301',
        pos: POS,
        message: expect.stringMatching(/^target checklist \(--router asus\) cannot express remapped ports: its NAS port box takes one port, .* would need 70 rules, more than the 64/),
      }),
    ]);
    // The same range unremapped is one rule; 64 single ports are the limit.
    expect(() => render(samplePlan({ forwards: [customForward('tcp', [40001, 40070])] }), 'asus')).not.toThrow();
    expect(() => render(manyPortsPlan(64), 'asus')).not.toThrow();
  });

  it('ASUS: more than 64 rules without a split is SFW302, naming the first rule over the limit', () => {
    const e = targetError(() => render({ ...manyPortsPlan(65), forwards: manyPortsPlan(65).forwards.map(at) }, 'asus'));
    expect(e.diagnostics).toEqual([expect.objectContaining({ code: 'SFW302', pos: POS, message: expect.stringContaining('needs 65 rules') })]);
    expect(e.diagnostics[0]!.message).toContain('tcp 20128');
  });
});

describe('the strict readers can fail (self-checks)', () => {
  const text = readFileSync(checklistGolden('profiles/home.yaml', 'asus', 'default'), 'utf8');
  const md = readFileSync(checklistGolden('profiles/home.yaml', 'asus', 'markdown'), 'utf8');
  const plan = planOf('profiles/home.yaml');

  it('the unmodified forms read back to the plan (control)', () => {
    expect(checklistMeaning(parseChecklistText(text), 'asus').tuples).toEqual(planTuples(plan));
    expect(checklistMeaning(parseChecklistMarkdown(md), 'asus').tuples).toEqual(planTuples(plan));
  });

  it.each([
    ['a changed WAN port', (s: string) => s.replace('External Port ....................... 443', 'External Port ....................... 444')],
    ['a changed NAS port', (s: string) => s.replace('Internal Port ....................... 5001', 'Internal Port ....................... 5000')],
    ['a changed address', (s: string) => s.replace('Internal IP Address ................. 192.168.1.10', 'Internal IP Address ................. 192.168.1.11')],
    ['a changed protocol', (s: string) => s.replace(/(Rule 3 of 3[\s\S]*?Protocol \.+ )UDP/, '$1TCP')],
  ])('text: %s reads back to something else', (_what, mutate) => {
    const changed = mutate(text);
    expect(changed).not.toBe(text);
    expect(checklistMeaning(parseChecklistText(changed), 'asus').tuples).not.toEqual(planTuples(plan));
  });

  it.each([
    ['an unknown protocol name', (s: string) => s.replace('Protocol ............................ TCP', 'Protocol ............................ TCP/UDP')],
    ['a field out of order', (s: string) => s.replace(/( {2}\[ \] Protocol .*\n)( {2}\[ \] External Port .*\n)/, '$2$1')],
    ['an unknown field', (s: string) => s.replace('  [ ] Protocol', '  [ ] Colour ............................ red\n  [ ] Protocol')],
    ['a stray line in a card', (s: string) => s.replace('  [ ] Protocol', 'stray\n  [ ] Protocol')],
    ['a rule out of sequence', (s: string) => s.replace('Rule 2 of 3', 'Rule 5 of 3')],
    ['a port out of range', (s: string) => s.replace('External Port ....................... 443', 'External Port ....................... 70000')],
  ])('text: %s is refused', (_what, mutate) => {
    const changed = mutate(text);
    expect(changed).not.toBe(text);
    expect(() => checklistMeaning(parseChecklistText(changed), 'asus')).toThrow(ChecklistSyntaxError);
  });

  it('markdown: a changed port reads back to something else; a field outside a code span is refused', () => {
    expect(checklistMeaning(parseChecklistMarkdown(md.replace('External Port: `443`', 'External Port: `8443`')), 'asus').tuples).not.toEqual(planTuples(plan));
    expect(() => checklistMeaning(parseChecklistMarkdown(md.replace('External Port: `443`', 'External Port: 443')), 'asus')).toThrow(ChecklistSyntaxError);
  });
});

describe('synfw gen --router', () => {
  it('writes exactly the golden file for a model and format', () => {
    const r = synfw(['gen', 'profiles/home.yaml', '-t', 'checklist', '--router', 'fritzbox', '-f', 'html']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(checklistGolden('profiles/home.yaml', 'fritzbox', 'html'), 'utf8'));
  });

  it('refuses an unknown model, and --router with another target (exit 2)', () => {
    const bad = synfw(['gen', 'profiles/home.yaml', '-t', 'checklist', '--router', 'cisco']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--router must be one of generic, srm, fritzbox, asus, tplink, netgear, unifi, not "cisco"');
    const other = synfw(['gen', 'profiles/home.yaml', '-t', 'iptables', '--router', 'asus']);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('--router goes with --target checklist');
  });

  it('a profile the model cannot express exits 1 with the key at its line', () => {
    const r = synfw(['gen', 'profiles/restricted.yaml', '-t', 'checklist', '--router', 'fritzbox']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^profiles\/restricted\.yaml:\d+:\d+: error SFW301: target checklist \(--router fritzbox\) cannot express allowFrom/m);
  });
});

// The documentation is checked like code: every diagnostic code is documented in
// docs/diagnostics.md with meaning, example and fix, and each example, run, prints exactly the line
// shown (for SFW3xx, the code with the command shown); the README's profile passes check --strict;
// the README's target table and option matrix say what the registry's declarations say.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeSections } from '../../src/cli/explain.js';
import { TARGETS, targetIds } from '../../src/targets/index.js';
import type { OptionKey, TargetInfo } from '../../src/targets/types.js';
import { diagnose } from '../support/diagnose.js';
import { ROOT } from '../support/profiles.js';
import { synfw } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';

const page = readFileSync(`${ROOT}docs/diagnostics.md`, 'utf8');
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const sections = codeSections(page);

/** Every SFWnnn the sources can emit (as a quoted code). */
function codesInSources(): string[] {
  const out = new Set<string>();
  for (const file of readdirSync(`${ROOT}src`, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.generated.ts')) continue;
    for (const m of readFileSync(`${ROOT}src/${file}`, 'utf8').matchAll(/'(SFW\d{3})'/g)) out.add(m[1]!);
  }
  return [...out].sort();
}

const block = (text: string, lang: string): string | undefined => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(text)?.[1];

describe('docs/diagnostics.md', () => {
  it('documents every code the sources emit, and no other', () => {
    expect(sections.map((s) => s.code).sort()).toEqual(codesInSources());
  });

  it.each(sections.map((s) => [s.code, s] as const))('%s: meaning, example, fix, and the example prints the line shown', (code, s) => {
    for (const part of ['**Severity:**', '**Meaning.**', '**Example.**', '**Fix.**']) expect(s.text, `${code} ${part}`).toContain(part);
    const yaml = block(s.text, 'yaml')!;
    const line = block(s.text, 'text')!.trim();
    const severity = /\*\*Severity:\*\* (error|warning)/.exec(s.text)![1];
    expect(line).toContain(` ${severity} ${code}: `);
    const command = /^Command: `synfw ([^`]+)`$/m.exec(s.text)?.[1];
    if (!command) {
      expect(diagnose(yaml)).toContain(line);
      return;
    }
    const dir = tempDir();
    writeFileSync(join(dir, 'p.yaml'), yaml);
    const args = command.split(' ').map((a) => (a.startsWith('test/') ? `${ROOT}${a}` : a));
    const r = synfw(args, { cwd: dir });
    expect(r.status).toBe(severity === 'error' ? 1 : 0);
    expect(r.stderr).toContain(`: ${severity} ${code}: `);
  });

  it('synfw explain prints a section', () => {
    expect(synfw(['explain', 'SFW208']).stdout).toBe(sections.find((s) => s.code === 'SFW208')!.text);
  });
});

describe('README', () => {
  it('its example profile passes check --strict with no warning', () => {
    const yaml = /## A profile\n\n```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(diagnose(yaml, 'readme.yaml')).toEqual([]);
  });

  it('suggests npx synfw only inside the checkout', () => {
    for (const line of readme.split('\n').filter((l) => l.includes('npx synfw'))) expect(line).toMatch(/npm ci|checkout/);
    expect(readme).toContain('npm install -g');
  });

  it('its synfw diff example is what synfw diff prints for the fixture it names', () => {
    const block = /```\n\$ synfw diff profiles\/home\.yaml -t iptables --from iptables-save\.txt; echo "exit \$\?"\n([\s\S]*?)exit (\d)\n```/.exec(readme);
    expect(block, 'README has the diff example').not.toBeNull();
    const fixture = /A Docker host whose synfw chain drifted \(`([^`]+)`\)/.exec(readme)![1]!;
    const r = synfw(['diff', 'profiles/home.yaml', '-t', 'iptables', '--from', fixture]);
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: block![1], status: Number(block![2]) });
  });

  it("lists the Debian packages the tests need exactly as .ci/run installs them", () => {
    const ci = readFileSync(`${ROOT}.ci/run`, 'utf8');
    const fromCi = /packages=\(([^)]*)\)/.exec(ci)![1]!.split(/\s+/).filter(Boolean);
    const fromReadme = /apt-get install -y --no-install-recommends ([^\n]+)/.exec(readme)![1]!.split(' ');
    expect(fromReadme).toEqual(fromCi);
  });

  it('its synfw plan --json example has the keys synfw plan --json prints', () => {
    const example = JSON.parse(/### `synfw plan --json`[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!) as Record<string, unknown>;
    const real = JSON.parse(synfw(['plan', 'profiles/home.yaml', '--json']).stdout) as Record<string, unknown>;
    const shape = (o: Record<string, unknown>) => ({
      top: Object.keys(o),
      forward: Object.keys((o.forwards as Record<string, unknown>[])[0]!),
      router: Object.keys(o.router as object),
      hairpin: o.hairpin,
    });
    expect(shape(example)).toEqual(shape(real));
  });

  it('documents the input limits and stdin', () => {
    expect(readme).toContain('4 MiB');
    expect(readme).toContain('64 MiB');
    expect(readme).toMatch(/`-` reads the profile from stdin/);
  });
});

/** The rows of the README table whose header line starts with `header`: first cell -> the others. */
function tableRows(header: string): Map<string, string[]> {
  const lines = readme.split('\n');
  const at = lines.findIndex((l) => l.startsWith(header));
  expect(at, `README has a table starting ${header}`).toBeGreaterThan(-1);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
    for (const id of cells[0]!.replace(/`/g, '').split(', ')) rows.set(id, cells.slice(1));
  }
  return rows;
}

describe('README: the targets table and the option matrix match the registry', () => {
  const targets = tableRows('| target | output (`--format` alternatives)');
  const matrix = tableRows('| target | `allowFrom` |');
  const MATRIX_KEYS: [OptionKey, number][] = [['allowFrom', 0], ['hairpin', 1], ['address6', 2]];

  it('lists every registered target once, in the registry order, in both tables', () => {
    expect([...targets.keys()]).toEqual(targetIds);
    expect([...matrix.keys()]).toEqual(targetIds);
  });

  it.each(targetIds)('%s: its row names each alternate format and each of its own options', (id) => {
    const info: TargetInfo = TARGETS[id];
    const row = targets.get(id)!.join(' | ');
    for (const format of Object.keys(info.formats).filter((f) => f !== 'default')) expect(row, `${id} --format ${format}`).toContain(`\`${format}\``);
    for (const [flag, opt] of Object.entries(info.cli ?? {})) {
      expect(row, `${id} --${flag}`).toContain(`--${flag}`);
      if (opt.kind === 'choice') expect(row, `${id} --${flag} values`).toContain(Object.keys(opt.choices).join('\\|'));
    }
  });

  it.each(targetIds)('%s: a matrix cell says "refused" exactly where the target refuses the option', (id) => {
    const info: TargetInfo = TARGETS[id];
    const cells = matrix.get(id)!;
    const choices = Object.values(info.cli ?? {}).flatMap((o) => (o.kind === 'choice' ? Object.values(o.choices) : []));
    for (const [key, i] of MATRIX_KEYS) {
      const cell = cells[i]!;
      // Refused by the target in every format and for every plan that uses it.
      const always = info.refuses?.[key] !== undefined && info.refuses[key]!.when === undefined;
      expect(cell.startsWith('refused'), `${id} ${key}: "${cell}"`).toBe(always);
      // Refused for some values of a choice option (a router model): the cell says on which.
      expect(/refused on /.test(cell), `${id} ${key}: "${cell}"`).toBe(choices.some((c) => c.refuses?.[key] !== undefined));
    }
  });
});

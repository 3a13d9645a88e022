// Hostile strings in every free-text field of a profile (custom descriptions, $schema), through the
// built CLI, for every target and output form: the outputs read back to the plan with the strict
// parsers, the text survives as data (plan --json has it intact), and stderr keeps one line per
// diagnostic. Also hostile file names, and profiles that try to forge a diagnostic.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFromText } from '../../src/pipeline.js';
import { TARGETS, targetIds } from '../../src/targets/index.js';
import { expectWellFormed } from '../support/diagnostic-lines.js';
import { HOSTILE_STRINGS } from '../support/fuzz.js';
import { expectReparses } from '../support/reparse.js';
import { synfw } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';

const profile = (strings: readonly string[]) =>
  [
    `$schema: ${JSON.stringify(strings[0])}`,
    'version: 1',
    'name: hostile-cli',
    'nas: { address: 192.168.66.6 }',
    'apps: []',
    'custom:',
    ...strings.flatMap((s, i) => [`  - id: s${i}`, `    description: ${JSON.stringify(s)}`, `    ports: ["${31000 + i}/${i % 2 ? 'udp' : 'tcp'}"]`]),
    '',
  ].join('\n');

const wroteLines = (stderr: string) => stderr.split('\n').filter((l) => !l.startsWith('wrote ')).join('\n');

describe('fuzz: hostile strings through the CLI', () => {
  it('every target and form reads back to the plan; descriptions survive as data', () => {
    const dir = tempDir();
    const file = join(dir, 'p.yaml');
    writeFileSync(file, profile(HOSTILE_STRINGS));
    const plan = planFromText(readFileSync(file, 'utf8'), 'p.yaml').plan!;
    expect(plan.forwards).toHaveLength(HOSTILE_STRINGS.length);

    const all = synfw(['gen', 'p.yaml', '--target', 'all', '--out-dir', 'out'], { cwd: dir });
    expect([all.status, all.stdout]).toEqual([0, '']);
    expectWellFormed(wroteLines(all.stderr), 'gen --target all');
    for (const id of targetIds) {
      const text = readFileSync(join(dir, 'out', `hostile-cli.${id}.${TARGETS[id].formats.default.extension}`), 'utf8');
      expectReparses(id, 'default', plan, text, `gen --target all: ${id}`);
    }
    for (const id of targetIds) {
      for (const format of Object.keys(TARGETS[id].formats).filter((f) => f !== 'default')) {
        const r = synfw(['gen', 'p.yaml', '-t', id, '--format', format], { cwd: dir });
        expect(r.status, `${id} ${format}: ${r.stderr}`).toBe(0);
        expectWellFormed(r.stderr, `${id} ${format}`);
        expectReparses(id, format, plan, r.stdout, 'gen --format');
      }
    }
    const json = synfw(['plan', 'p.yaml', '--json'], { cwd: dir });
    const names = (JSON.parse(json.stdout) as { forwards: { origins: { name: string }[] }[] }).forwards.map((f) => f.origins[0]!.name);
    expect(names.sort()).toEqual([...HOSTILE_STRINGS].sort());
    const table = synfw(['plan', 'p.yaml'], { cwd: dir });
    expect(table.status).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  }, 60_000);

  it('a value cannot forge a diagnostic: values are quoted with escapes, one line each', () => {
    const dir = tempDir();
    const cases = HOSTILE_STRINGS.map((s, i) => {
      const f = `f${i}.yaml`;
      writeFileSync(
        join(dir, f),
        `version: 1\nnas: { address: ${JSON.stringify(s)} }\napps:\n  - ${JSON.stringify(s.slice(0, 60))}\n${JSON.stringify(s)}: 1\ncustom:\n  - id: c\n    ports: [${JSON.stringify(s)}]\nallowFrom: [${JSON.stringify(s)}]\n`,
      );
      return f;
    });
    const r = synfw(['check', ...cases], { cwd: dir });
    expect([r.status, r.stdout]).toEqual([1, '']);
    expectWellFormed(r.stderr, 'hostile values');
    // "SFW999" appears only inside a quoted value, never as a line's own code.
    for (const line of r.stderr.split('\n')) expect(line).not.toMatch(/^[^ ]*: (error|warning) SFW999:/);
    // Every file's diagnostics and summary are there: nothing swallowed a line.
    for (const f of cases) expect(r.stderr).toContain(`${f}: failed: `);
  });

  it('a file name with a line break stays on one line', () => {
    const dir = tempDir();
    const name = 'evil\nx.yaml:1:1: error SFW999: forged.yaml';
    writeFileSync(join(dir, name), 'version: 1\nnas: { address: 1.2.3 }\napps: [dsm]\n');
    const r = synfw(['check', name], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'evil\\nx.yaml:1:1: error SFW999: forged.yaml:2:17: error SFW204: nas.address "1.2.3" is not an IPv4 address such as 192.168.1.10',
      'evil\\nx.yaml:1:1: error SFW999: forged.yaml: failed: 1 error, 0 warnings; `synfw explain CODE` says what a code means and how to fix it',
    ]);
  });
});

// Tables and help that fit the terminal: `plan`, `apps`, `targets` and every --help stay within
// the width (a terminal's, COLUMNS, or 80 when not a terminal) and never split a word; colour only
// on a terminal and never with NO_COLOR; on a terminal, warnings come after the table.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { synfw } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';
import { haveScript, onTerminal } from '../support/tty.js';

const COMMANDS = ['gen', 'plan', 'check', 'apps', 'why', 'targets', 'init', 'schema', 'explain', 'completion'];
const OUTPUTS: string[][] = [
  ['plan', 'profiles/linux-router.yaml'],
  ['plan', 'profiles/office.yaml'],
  ['apps'],
  ['apps', 'dsm'],
  ['apps', 'synology-drive-server'],
  ['targets'],
  ['--help'],
  ...COMMANDS.map((c) => [c, '--help']),
];
// eslint-disable-next-line no-control-regex
const ESC = /\u001b\[/;

/**
 * The words of a text: wrapping moves words between lines (and a table row's words between its
 * lines), and adds the "\\" and "#" that continue an example; it never changes a word.
 */
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '' && w !== '\\' && w !== '#').sort();
/** plan's NAS column drops the address (on the first line already) when the terminal is narrow. */
const planWords = (text: string) => words(text.replace(/(?<= )\d+\.\d+\.\d+\.\d+:(?=\d)/g, '')).filter((w) => w !== 'PORT');

function needScript(ctx: TestContext): void {
  if (haveScript) return;
  if (process.env.CI === 'true') throw new Error('script (bsdutils) is missing; CI must have it');
  ctx.skip('script (bsdutils) is not installed: no pseudo-terminal tests');
}

describe('fits the width, never splits a word', () => {
  it.each(OUTPUTS)('synfw %s %s', (...args) => {
    const wide = synfw(args, { env: { COLUMNS: '1000' } });
    expect(wide.status).toBe(0);
    for (const width of [60, 80]) {
      const r = synfw(args, { env: { COLUMNS: String(width) } });
      // A line may only be longer when it holds a link (a source with its URL stays on one line).
      const long = r.stdout.split('\n').filter((l) => l.length > width && !/https?:\/\//.test(l));
      expect(long, `COLUMNS=${width}`).toEqual([]);
      // Every word of the narrow output is a word of the wide one (columns may be left out).
      const same = args[0] === 'plan' ? planWords : words;
      const pool = new Map<string, number>();
      for (const w of same(wide.stdout)) pool.set(w, (pool.get(w) ?? 0) + 1);
      const split = same(r.stdout).filter((w) => {
        const n = pool.get(w) ?? 0;
        pool.set(w, n - 1);
        return n <= 0;
      });
      expect(split, `COLUMNS=${width}: words that are not in the wide output`).toEqual([]);
    }
  });

  it('without a terminal and without COLUMNS, 80 columns', () => {
    const r = synfw(['plan', 'profiles/office.yaml']);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(r.stdout).toBe(synfw(['plan', 'profiles/office.yaml'], { env: { COLUMNS: '80' } }).stdout);
  });

  it('on a terminal, its own width', (ctx) => {
    needScript(ctx);
    const out = onTerminal(['targets'], { NO_COLOR: '1' }, 70);
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(70);
    expect(out).toBe(synfw(['targets'], { env: { COLUMNS: '70' } }).stdout);
  });
});

describe('colour', () => {
  it('is off when piped, on with FORCE_COLOR, and NO_COLOR always wins', () => {
    expect(synfw(['plan', 'profiles/linux-router.yaml'], { env: { NO_COLOR: undefined } }).stdout).not.toMatch(ESC);
    const forced = synfw(['plan', 'profiles/linux-router.yaml'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout;
    expect(forced).toContain('\u001b[32mpublic\u001b[39m');
    expect(forced).toContain('\u001b[33mrisky\u001b[39m');
    expect(synfw(['plan', 'profiles/linux-router.yaml'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(ESC);
  });

  it('on a terminal: errors, warnings and classes are coloured, unless NO_COLOR is set', (ctx) => {
    needScript(ctx);
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nnas: { address: 1.2.3 }\napps: [dsm]\n');
    expect(onTerminal(['check', join(dir, 'bad.yaml')])).toContain(': \u001b[31m\u001b[1merror\u001b[22m\u001b[39m SFW204: ');
    expect(onTerminal(['plan', 'profiles/home.yaml'])).toContain('\u001b[32mpublic\u001b[39m');
    expect(onTerminal(['plan', 'profiles/home.yaml'], { NO_COLOR: '1' })).not.toMatch(ESC);
  });
});

describe('warnings on a terminal', () => {
  it('come after the table, and more than five are summarised', (ctx) => {
    needScript(ctx);
    const dir = tempDir();
    const file = join(dir, 'w.yaml');
    const explicit = ['dsm', 'web-station', 'webdav-server', 'carddav-server', 'mail-server'].map((id) => `  - id: ${id}\n    ports: [${id === 'mail-server' ? 'smtps, imap' : 'https, http'}]\n`);
    writeFileSync(file, `version: 1\nnas: { address: 203.0.113.9 }\napps:\n${explicit.join('')}  - id: audio-station\n    ports: [https, ssdp]\n`);
    const out = onTerminal(['plan', file], { NO_COLOR: '1' });
    const lines = out.split('\n');
    const lastTable = lines.findIndex((l) => l.startsWith('Skipped ('));
    const firstWarning = lines.findIndex((l) => l.includes(': warning SFW'));
    expect(firstWarning).toBeGreaterThan(lastTable);
    expect(lines.filter((l) => l.includes(': warning SFW'))).toHaveLength(5);
    expect(out).toContain(`... and 2 more (synfw check ${file} lists them all)`);
    // Not on a terminal: every warning, one line each.
    expect(synfw(['plan', file]).stderr.split('\n').filter(Boolean)).toHaveLength(7);
  });
});

// The page's `synfw gen` (src/web/gen-one.ts) in Node, against the built CLI: the same output and
// the same diagnostic lines for a clean render, a render with warnings, a target that refuses the
// profile, and a profile with errors. (test/web/page.test.ts does this for everything, in Chromium.)

import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { genOne } from '../../src/web/gen-one.js';
import { ROOT, VERSION } from '../support/profiles.js';
import { synfw } from '../support/run-cli.js';

const cases: Array<[string, string, string, string]> = [
  ['a clean render', 'profiles/home.yaml', 'openwrt', 'config'],
  ['warnings after the output (rule texts cut)', 'test/fixtures/profiles/hostile.yaml', 'pfsense', 'default'],
  ['a target that refuses the profile (SFW301)', 'profiles/restricted.yaml', 'upnp', 'default'],
];

describe('genOne gives what `synfw gen` gives', () => {
  it.each(cases)('%s: %s -t %s -f %s', async (_what, path, target, format) => {
    const file = basename(path);
    const page = await genOne({ text: readFileSync(`${ROOT}${path}`, 'utf8'), file, target: target as never, options: { format }, version: VERSION });
    const cli = synfw(['gen', file, '-t', target, '-f', format], { cwd: `${ROOT}${dirname(path)}` });
    expect(page.output?.text ?? '').toBe(cli.stdout);
    expect(page.diagnostics.map((d) => formatDiagnostic(d, file))).toEqual(cli.stderr.split('\n').filter(Boolean));
    expect(cli.status === 0).toBe(page.output !== undefined);
  });

  it('the test cases cover warnings and a refusal (self-check)', async () => {
    const hostile = await genOne({ text: readFileSync(`${ROOT}test/fixtures/profiles/hostile.yaml`, 'utf8'), file: 'hostile.yaml', target: 'pfsense', options: {}, version: VERSION });
    expect(hostile.diagnostics.map((d) => d.code)).toContain('SFW310');
    const refused = await genOne({ text: readFileSync(`${ROOT}profiles/restricted.yaml`, 'utf8'), file: 'restricted.yaml', target: 'upnp', options: {}, version: VERSION });
    expect(refused.output).toBeUndefined();
    expect(new Set(refused.diagnostics.map((d) => d.code))).toEqual(new Set(['SFW301']));
  });

  it('names the output as --out-dir does, and reports an out-of-range option as the usage error the CLI stops with', async () => {
    const text = readFileSync(`${ROOT}profiles/home.yaml`, 'utf8');
    expect((await genOne({ text, file: 'home.yaml', target: 'vyos', options: { format: 'commands' }, version: VERSION })).output?.file).toBe('home.vyos.commands.conf');
    expect((await genOne({ text, file: 'home.yaml', target: 'nftables', options: {}, version: VERSION })).output?.file).toBe('home.nftables.nft');
    const bad = await genOne({ text, file: 'home.yaml', target: 'upnp', options: { upnpMax: 0 }, version: VERSION });
    expect(bad.usage).toMatch(/--upnp-max must be a whole number from 1 to/);
    expect(synfw(['gen', 'profiles/home.yaml', '-t', 'upnp', '--upnp-max', '0']).stderr).toContain(bad.usage!);
  });
});

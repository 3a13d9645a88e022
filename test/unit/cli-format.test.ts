// The CLI's text helpers: quoting values into messages, fitting tables and paragraphs to a width,
// deciding width and colour from the environment, and cutting invalid entries out of a profile.

import { describe, expect, it } from 'vitest';
import { formatDiagnostic, quote } from '../../src/diagnostics.js';
import { table, wrapParagraph, wrapWords } from '../../src/cli/table.js';
import { outputWidth, useColor } from '../../src/cli/terminal.js';
import { pruneInvalid } from '../../src/profile/prune.js';

describe('quote', () => {
  it('escapes quotes, backslashes, control characters, line separators and bidi overrides', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quote('x\ny\rz\tw\u0000\u001b[31m')).toBe('"x\\ny\\rz\\tw\\u0000\\u001b[31m"');
    expect(quote('\u2028\u2029\u202e\u0085')).toBe('"\\u2028\\u2029\\u202e\\u0085"');
    expect(quote('Grüße 日本語 🚀')).toBe('"Grüße 日本語 🚀"');
  });

  it('cuts a long value and says how long it was', () => {
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(80)}..." (100 characters)`);
  });

  it('formatDiagnostic keeps a diagnostic on one line whatever its message and file', () => {
    const d = { code: 'SFW204', severity: 'error' as const, message: 'a\nb', pos: { file: 'f\n.yaml', line: 1, column: 2 } };
    expect(formatDiagnostic(d)).toBe('f\\n.yaml:1:2: error SFW204: a\\nb');
    expect(formatDiagnostic({ code: 'SFW303', severity: 'error', message: 'm', file: 'merge.xml' }, 'p.yaml')).toBe('merge.xml: error SFW303: m');
  });
});

describe('tables', () => {
  const rows = [
    ['443', 'dsm:https, synology-drive-server:https, synology-photos:https', 'public'],
    ['6690', 'synology-drive-server:sync', 'public'],
  ];

  it('fit the width by wrapping the widest column between words', () => {
    const out = table(['WAN', 'APPS', 'CLASS'], rows, '  ', { width: 50 });
    expect(out.split('\n')).toEqual([
      '  WAN   APPS                                CLASS',
      '  443   dsm:https,                          public',
      '        synology-drive-server:https,',
      '        synology-photos:https',
      '  6690  synology-drive-server:sync          public',
    ]);
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(50);
  });

  it('never split a word, even when the width cannot be met', () => {
    const out = table(['A', 'B'], [['x', 'a-very-long-word-that-cannot-wrap']], '', { width: 10 });
    expect(out.split('\n')).toEqual(['A  B', 'x  a-very-long-word-that-cannot-wrap']);
  });

  it('leave out optional columns, first one first, when even the narrowest layout is too wide', () => {
    const out = table(['ID', 'NAME', 'PORTS'], [['synology-drive-server', 'Synology Drive Server', '6690/tcp']], '', { width: 34, optional: [1] });
    expect(out.split('\n')).toEqual(['ID                     PORTS', 'synology-drive-server  6690/tcp']);
  });

  it('colour cells after layout, so padding stays plain', () => {
    const out = table(['A', 'B'], [['x', 'y']], '', { width: 80, style: (col, text) => (col === 0 ? `<${text}>` : text) });
    expect(out).toBe('A  B\n<x>  y');
  });

  it('paragraphs wrap with a hanging indent and keep their own indentation', () => {
    expect(wrapWords('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrapParagraph('  [S1] a b c d e f', 2, 12)).toBe('  [S1] a b c\n    d e f');
  });
});

describe('terminal', () => {
  it('width: COLUMNS, else a terminal\'s own, else 80', () => {
    expect(outputWidth({ isTTY: true, columns: 120 }, { COLUMNS: '60' })).toBe(60);
    expect(outputWidth({ isTTY: true, columns: 120 }, {})).toBe(120);
    expect(outputWidth({ isTTY: false, columns: 120 }, {})).toBe(80);
    expect(outputWidth({}, { COLUMNS: 'wide' })).toBe(80);
  });

  it('colour: on a terminal unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });
});

describe('pruneInvalid', () => {
  const data = { version: 1, nas: { address: '192.168.1.10', adress6: 'x' }, apps: ['dsm', 'Bad', { id: 'x' }], hairpn: true, allowRisky: ['ssh', 'SSH'] };

  it('cuts whole entries (keeping every other index), unknown keys outside lists, and nothing else', () => {
    const p = pruneInvalid(data, [
      { pointer: '/apps/1', unknownKey: false },
      { pointer: '/nas/adress6', unknownKey: true },
      { pointer: '/hairpn', unknownKey: true },
      { pointer: '/allowRisky/1', unknownKey: false },
    ])!;
    expect(p.cut).toEqual(['/allowRisky/1', '/apps/1']);
    expect(Object.keys(p.profile).sort()).toEqual(['allowRisky', 'apps', 'nas', 'version']);
    expect(p.profile.nas).toEqual({ address: '192.168.1.10' });
    expect(1 in p.profile.apps).toBe(false);
    expect(p.profile.apps[2]).toEqual({ id: 'x' });
    // The input is left as it was.
    expect(data.apps).toHaveLength(3);
    expect(data.nas.adress6).toBe('x');
  });

  it('gives up when the profile as a whole is broken', () => {
    expect(pruneInvalid(data, [{ pointer: '/nas/address', unknownKey: false }])).toBeUndefined();
    expect(pruneInvalid(data, [{ pointer: '', unknownKey: false }])).toBeUndefined();
    expect(pruneInvalid([], [])).toBeUndefined();
  });
});

// fitDescription (a printable ASCII description cut from its first max + 1 characters) against the
// plain ctx.fit(line, vyosText) it stands for: the same text and the same cuts, around the field's
// end, with spaces where the cut falls, with characters vyosText replaces, and for non-ASCII lines.

import { describe, expect, test } from 'vitest';
import { vyosText } from '../../src/render/escape/vyos.js';
import { info } from '../../src/targets/vyos/info.js';
import { fitDescription } from '../../src/targets/vyos/view.js';
import { fitContext } from '../support/fit-context.js';

const MAX = info.comments.max;

const LINES = [
  ...[MAX - 2, MAX - 1, MAX, MAX + 1, MAX + 2, MAX + 3, 30_000].map((n) => 'p'.repeat(n)),
  // Spaces just before and after where a cut ends (max - 3 characters are kept).
  `${'a'.repeat(MAX - 6)}   ${'b'.repeat(40)}`,
  `${'a'.repeat(MAX - 3)}   ${'b'.repeat(40)}`,
  `${'a'.repeat(MAX - 2)} ${'b'.repeat(40)}`,
  // Characters vyosText replaces one for one.
  `it's "quoted" \\ and a ? ${'x'.repeat(MAX)}`,
  // Not ASCII: the plain path (accents dropped, other characters replaced).
  `Grüße ${'é'.repeat(MAX)}`,
  `${'日本'.repeat(MAX)}`,
  'short',
  '',
];

describe('vyos: fitDescription cuts every description as ctx.fit does', () => {
  test.each(LINES.map((l) => [l.length, l]))('a line of %i characters', (_n, line) => {
    const fast = fitContext(info);
    const plain = fitContext(info);
    expect(fitDescription(fast, line)).toBe(plain.fit(line, vyosText));
    expect(fast.cuts.length).toBe(plain.cuts.length);
  });

  test('the long lines are cut: the fast path is taken', () => {
    const ctx = fitContext(info);
    const out = fitDescription(ctx, 'p'.repeat(30_000));
    expect(out).toBe(`${'p'.repeat(MAX - 3)}...`);
    expect(ctx.cuts).toEqual(['p'.repeat(MAX + 1)]);
  });
});

// The joined {{#each}} (src/render/each.ts) renders exactly what Handlebars' own does, also for an
// output long enough to be joined in several chunks, with the data fields and the empty case.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { registerJoinedEach } from '../../src/render/each.js';

const SOURCE = '<{{#each xs}}{{@index}}{{#if @first}}F{{/if}}{{this}}{{#if @last}}L{{/if}}|{{else}}empty{{/each}}>';

describe('joined each', () => {
  const joined = Handlebars.create();
  registerJoinedEach(joined);
  const ours = joined.compile(SOURCE, { noEscape: true, strict: true });
  const theirs = Handlebars.compile(SOURCE, { noEscape: true, strict: true });

  it.each([
    ['no items', []],
    ['one item', ['a']],
    ['a few', ['a', 'b', 'c']],
    // 600 items of 1,000 characters: several 128 KB chunks and a partial last one.
    ['a long output', Array.from({ length: 600 }, (_, i) => String(i % 10).repeat(1000))],
  ])('%s', (_name, xs) => {
    const out = ours({ xs });
    expect(out).toBe(theirs({ xs }));
    // Self-check: the long case really is longer than one chunk.
    if (xs.length === 600) expect(out.length).toBeGreaterThan(3 * 128 * 1024);
  });
});

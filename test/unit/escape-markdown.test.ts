import { describe, expect, it } from 'vitest';
import { mdCode, mdFence, mdText } from '../../src/render/escape/markdown.js';
import { mdUnescape } from '../support/parse-checklist.js';

describe('mdText (free text as literal Markdown on one line)', () => {
  it.each([
    ['plain words', 'plain words'],
    ['*bold* _em_ __x__', '\\*bold\\* \\_em\\_ \\_\\_x\\_\\_'],
    ['[link](https://example.com) ![img](x.png)', '\\[link\\](https://example.com) !\\[img\\](x.png)'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['&amp; &#60;', '\\&amp; \\&\\#60;'],
    ['`code` ``two``', '\\`code\\` \\`\\`two\\`\\`'],
    ['a | b | c', 'a \\| b \\| c'],
    ['~~strike~~ $x^2$', '\\~\\~strike\\~\\~ \\$x^2\\$'],
    ['title #', 'title \\#'],
    ['back\\slash', 'back\\\\slash'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['= underline', '\\= underline'],
    ['1. first', '1\\. first'],
    ['12) twelve', '12\\) twelve'],
    ['> quote', '\\> quote'],
    ['two\nlines\r\nand\ttab', 'two lines and tab'],
    ['  padded  ', 'padded'],
    ['bidi \u202eevil\u202c text', 'bidi evil text'],
    ['nel\u0085here', 'nel here'],
    ['Grüße, 日本語, 🚀', 'Grüße, 日本語, 🚀'],
  ])('%j -> %j', (input, out) => {
    expect(mdText(input)).toBe(out);
  });

  it('reads back as the printable text (the strict reader undoes exactly the escapes)', () => {
    for (const s of ['it\'s "quoted" \\ $HOME `id` $(x) ${IFS}', ']]> <![CDATA[ <rule>&amp;</rule> --> <!-- --', 'a*b_c[d]e<f>g#h|i~j&k$l']) {
      expect(mdUnescape(mdText(s))).toBe(s);
    }
  });

  it('leaves no unescaped markup character (self-check: the raw text has some)', () => {
    const raw = '*_`[]<>#|~&$\\';
    expect(/(^|[^\\])[*_`[\]<>#|~&$]/.test(raw)).toBe(true);
    expect(/(^|[^\\])(\\\\)*[*_`[\]<>#|~&$]/.test(mdText(raw).replace(/\\\\/g, ''))).toBe(false);
  });
});

describe('mdCode (a code span that holds any text)', () => {
  it.each([
    ['192.168.1.10', '`192.168.1.10`'],
    ['a`b', '``a`b``'],
    ['``x', '``` ``x ```'],
    ['x`', '`` x` ``'],
    ['', '` `'],
    ['line\nbreak', '`line break`'],
  ])('%j -> %j', (input, out) => {
    expect(mdCode(input)).toBe(out);
  });
});

describe('mdFence (lines shown literally)', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(mdFence(['plain'])).toBe('```text\nplain\n```');
    expect(mdFence(['has ``` inside', 'and ````'])).toBe('`````text\nhas ``` inside\nand ````\n`````');
  });

  it('keeps every line on its own line', () => {
    expect(mdFence(['a\nb', 'c'])).toBe('```text\na b\nc\n```');
  });
});

import { describe, expect, it } from 'vitest';
import { htmlText } from '../../src/render/escape/html.js';
import { plainText } from '../../src/render/escape/text.js';
import { decodeEntities } from '../../src/render/escape/xml.js';

describe('htmlText (free text as HTML text content or a quoted attribute value)', () => {
  it.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a & b', 'a &amp; b'],
    ['&amp; stays data', '&amp;amp; stays data'],
    ['say "hi" it\'s', 'say &quot;hi&quot; it&#39;s'],
    ['<!-- --> ]]> <![CDATA[', '&lt;!-- --&gt; ]]&gt; &lt;![CDATA['],
    ['two\nlines\r\nand\ttab', 'two lines and tab'],
    ['c0\u0000\u0007 del\u007f c1\u0085\u009f', 'c0  del  c1 '],
    ['bidi \u202eevil\u202c and \u2066isolate\u2069', 'bidi evil and isolate'],
    ['nonchar \ufdd0\ufffe\u{1fffe} end', 'nonchar  end'],
    ['lone \ud800 surrogate', 'lone  surrogate'],
    ['Grüße, 日本語, 🚀', 'Grüße, 日本語, 🚀'],
  ])('%j -> %j', (input, out) => {
    expect(htmlText(input)).toBe(out);
  });

  it('never leaves a character that opens markup or ends an attribute (self-check: the input has them all)', () => {
    const raw = '<>&"\'';
    expect(raw).toMatch(/[<>&"']/);
    expect(htmlText(raw)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
  });

  it('decodes back to the printable text', () => {
    for (const s of ['a & b < c > d " e \' f', '&lt; literal', 'x]]>y']) expect(decodeEntities(htmlText(s))).toBe(plainText(s));
  });
});

describe('plainText (the printable text form)', () => {
  it.each([
    ['plain', 'plain'],
    ['two\nlines\r\nand\ttab', 'two lines and tab'],
    ['  kept indent', '  kept indent'],
    ['nel\u0085and\u2028sep', 'nel and sep'],
    ['bidi \u202eevil\u202c \u200f.', 'bidi evil .'],
    ['<b>not markup here</b>', '<b>not markup here</b>'],
  ])('%j -> %j', (input, out) => {
    expect(plainText(input)).toBe(out);
  });
});

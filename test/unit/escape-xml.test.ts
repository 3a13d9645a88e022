import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntities, pfCdata, pfEntities, xmlComment, xmlComments, xmlText } from '../../src/render/escape/xml.js';

describe('cleanText', () => {
  it.each([
    ['plain', 'plain'],
    ['two\nlines\r\nand\ttab', 'two lines and tab'],
    ['a\u0000b\u0007c\u001bd\u007fe\u0085f', 'abcdef'],
    ['line\u2028sep\u2029para', 'line sep para'],
    ['no\ufffeno\uffff', 'nono'],
    ['lone \ud800 high, lone \udc00 low, pair 🚀', 'lone  high, lone  low, pair 🚀'],
    ['Grüße, 日本語', 'Grüße, 日本語'],
  ])('%j -> %j', (input, out) => {
    expect(cleanText(input)).toBe(out);
  });
});

describe('pfEntities (pfSense htmlentities inside CDATA)', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<rule>', '&lt;rule&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    // a literal ' survives pfSense's html_entity_decode on every version; &apos; would not
    ["it's", "it's"],
    ['&amp; stays data', '&amp;amp; stays data'],
    [']]> <![CDATA[', ']]&gt; &lt;![CDATA['],
    ['tab\tnew\nline', 'tab new line'],
    ['Grüße 🚀', 'Grüße 🚀'],
  ])('%j -> %j', (input, out) => {
    expect(pfEntities(input)).toBe(out);
    expect(xmlText(input)).toBe(out);
  });

  it('never lets "]]>" into CDATA, whatever the input', () => {
    for (const s of [']]>', ']]]]>>', 'x]]>y]]>', ']\u0000]>']) expect(pfEntities(s)).not.toContain(']]>');
  });

  it('decodes back to the cleaned text (pfSense decodes once)', () => {
    for (const s of ['a & b < c > d " e \' f', '&amp;lt;', '&#39; &#x41;', 'x'.repeat(50)]) {
      expect(decodeEntities(pfEntities(s))).toBe(cleanText(s));
    }
  });
});

describe('pfCdata', () => {
  it.each([
    ['synfw:home dsm tcp/443', '<![CDATA[synfw:home dsm tcp/443]]>'],
    ['a -> b', '<![CDATA[a -&gt; b]]>'],
    ['', '<![CDATA[]]>'],
  ])('%j -> %j', (input, out) => {
    expect(pfCdata(input)).toBe(out);
  });
});

describe('xmlComment', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a -- b', 'a - - b'],
    ['---', '- - - '],
    ['ends with -', 'ends with - '],
    ['--> <!--', '- -> <!- - '],
    ['x\ny', 'x y'],
    ['-', '- '],
  ])('%j -> %j', (input, out) => {
    expect(xmlComment(input)).toBe(out);
  });

  it('no escaped line contains "--" or ends with "-"', () => {
    for (const s of ['--', '---', '-- -', 'a-', '--->', '<!-- x --> --merge']) {
      const c = xmlComment(s);
      expect(c).not.toContain('--');
      expect(c.endsWith('-')).toBe(false);
    }
  });

  it('xmlComments: each line as xmlComment indented by two spaces, one per line, no newline after the last', () => {
    expect(xmlComments(['a -- b', 'x\ny', '', 'end-'])).toBe('  a - - b\n  x y\n  \n  end- ');
    expect(xmlComments([])).toBe('');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&#65;&#x42;&#x1F680;', 'AB🚀'],
    ['&unknown; &#0; &', '&unknown; &#0; &'],
    ['&amp;amp;', '&amp;'],
  ])('%j -> %j', (input, out) => {
    expect(decodeEntities(input)).toBe(out);
  });
});

const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('escaped text in a real XML document', () => {
  it.skipIf(!hasXmllint && process.env.CI !== 'true')('xmllint accepts CDATA and comments built from hostile text', () => {
    const hostile = ['--> <!--', ']]> <![CDATA[ & &amp; <x>', '\u0000\u0001\u001f\ufffe', 'a\ud800b', '-', 'Grüße 🚀'];
    const doc = `<?xml version="1.0"?>\n<!--\n${hostile.map(xmlComment).join('\n')}\n-->\n<r>${hostile.map((h) => `<d>${pfCdata(h)}</d><t>${xmlText(h)}</t>`).join('')}</r>\n`;
    expect(() => execFileSync('xmllint', ['--noout', '-'], { input: doc })).not.toThrow();
  });
});

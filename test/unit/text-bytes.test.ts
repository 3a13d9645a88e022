// byteLength and bytePrefix (src/render/text.ts) take a shortcut for ASCII text; both must give
// what counting the UTF-8 bytes gives, for ASCII and for every other kind of text.
import { describe, expect, it } from 'vitest';
import { byteLength, bytePrefix } from '../../src/render/text.js';

const SAMPLES = ['', 'plain ascii text', 'tab\tand\u0000nul\u007f', 'Grüße', '日本語のテキスト', 'rocket 🚀 pair', 'lone \ud800 high', 'x'.repeat(300)];

/** The longest prefix of whole code points within max bytes, counted one code point at a time. */
function reference(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch, 'utf8') > max) break;
    out += ch;
  }
  return out;
}

describe('UTF-8 byte counts', () => {
  it.each(SAMPLES)('byteLength(%j) is its UTF-8 length', (s) => {
    expect(byteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });

  it.each(SAMPLES)('bytePrefix(%j) is the longest prefix of whole code points within the limit', (s) => {
    for (const max of [0, 1, 3, 5, 10, 62, 400]) expect(bytePrefix(s, max)).toBe(reference(s, max));
  });
});

// The environment-neutral pieces of the core (src/lib/) equal what Node computes, so that the CLI's
// output keeps every byte and the browser page gets the same output as the CLI.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex } from '../../src/lib/sha256.js';
import { utf8Length } from '../../src/lib/utf8-length.js';

/** Strings that cross every boundary the two functions have: block sizes, UTF-8 widths, surrogates. */
function samples(): string[] {
  const out = ['', 'a', 'abc', 'home', 'synfw-a-very-long-profile-name-32', 'Grüße, 日本語, emoji 🚀'];
  for (const n of [54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000]) out.push('x'.repeat(n), 'é'.repeat(n), '🚀'.repeat(n));
  out.push('\ud800', 'a\udc00b', '\udbff\udfff', '\ud83d', '\ud83d\ude80\ud83d', '\u0000\u007f\u0080\u07ff\u0800\uffff');
  // A fixed pseudo-random walk over the whole UTF-16 range, lone surrogates included.
  let seed = 12345;
  for (let i = 0; i < 300; i++) {
    let s = '';
    for (let j = 0; j < i % 90; j++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const kind = seed % 4;
      s += String.fromCharCode(kind === 0 ? seed % 0x80 : kind === 1 ? 0x80 + (seed % 0x780) : kind === 2 ? 0xd800 + (seed % 0x800) : seed % 0x10000);
    }
    out.push(s);
  }
  return out;
}

describe('src/lib: the same results as Node', () => {
  it('sha256 equals node:crypto for every sample', () => {
    const bad = samples().filter((s) => sha256Hex(s) !== createHash('sha256').update(s).digest('hex'));
    expect(bad.map((s) => JSON.stringify(s))).toEqual([]);
    expect(Buffer.from(sha256('abc')).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('sha256 into a reused buffer gives the same digest, in that buffer', () => {
    const out = new Uint8Array(32).fill(0xff);
    const bad = samples().filter((s) => sha256(s, out) !== out || Buffer.from(out).toString('hex') !== createHash('sha256').update(s).digest('hex'));
    expect(bad.map((s) => JSON.stringify(s))).toEqual([]);
  });

  it('utf8Length equals Buffer.byteLength for every sample', () => {
    const bad = samples().filter((s) => utf8Length(s) !== Buffer.byteLength(s, 'utf8'));
    expect(bad.map((s) => JSON.stringify(s))).toEqual([]);
  });

  it('the comparison finds a difference when there is one (self-check)', () => {
    expect(sha256Hex('abd')).not.toBe(createHash('sha256').update('abc').digest('hex'));
    expect(utf8Length('\ud83d\ude80')).toBe(4);
    expect(utf8Length('\ud83d')).toBe(3);
  });
});
